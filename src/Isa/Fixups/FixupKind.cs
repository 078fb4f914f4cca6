namespace A64Asm.Isa.Fixups;

/// <summary>
/// A field of an instruction or datum whose value is a symbol's. The assembler resolves it itself when the
/// symbol is in the same section (PC-relative kinds) or absolute; otherwise it becomes an ELF RELA
/// relocation. The bit placement and range check of each kind live in one place (<see cref="Fixup"/>),
/// shared by the assembler and the linker.
/// </summary>
public enum FixupKind : byte
{
    None,
    // data
    Abs64, Abs32, Abs16, Prel64, Prel32, Prel16,
    // PC-relative instruction fields
    Branch26,     // b (R_AARCH64_JUMP26)
    Call26,       // bl (R_AARCH64_CALL26)
    CondBranch19, // b.cond, cbz, cbnz (R_AARCH64_CONDBR19)
    LdLiteral19,  // ldr literal, prfm literal (R_AARCH64_LD_PREL_LO19)
    TestBranch14, // tbz, tbnz (R_AARCH64_TSTBR14)
    Adr21,        // adr (R_AARCH64_ADR_PREL_LO21)
    AdrPage21,    // adrp (R_AARCH64_ADR_PREL_PG_HI21)
    // absolute low-12 fields
    AddLo12,      // add :lo12: (R_AARCH64_ADD_ABS_LO12_NC)
    Ldst8Lo12, Ldst16Lo12, Ldst32Lo12, Ldst64Lo12, Ldst128Lo12,
    // move wide
    MovwG0, MovwG0Nc, MovwG1, MovwG1Nc, MovwG2, MovwG2Nc, MovwG3,
    // signed move wide: movz for X >= 0, movn with ~X below
    MovwSG0, MovwSG1, MovwSG2,
    // PC-relative move wide: movz/movn by sign (checked groups) or movk (_NC)
    MovwPrelG0, MovwPrelG0Nc, MovwPrelG1, MovwPrelG1Nc, MovwPrelG2, MovwPrelG2Nc, MovwPrelG3,
    AdrPage21Nc,  // adrp :pg_hi21_nc: (R_AARCH64_ADR_PREL_PG_HI21_NC)
}

/// <summary>A request, from the encoder, to fill a field once the symbol's value is known. No symbol (null): the
/// field's target is the absolute value <paramref name="Addend"/>, which GNU as still leaves to the linker for adrp and
/// the low-12 fields (a relocation against no symbol, readelf's *ABS*).</summary>
public readonly record struct FixupRequest(FixupKind Kind, string? Symbol, long Addend);
