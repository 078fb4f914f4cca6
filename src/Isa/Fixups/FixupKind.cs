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
    // GOT and TLS: the value depends on a GOT or TLS layout only a dynamic-aware linker builds (FixupBase.Dynamic)
    MovwGotoffG0Nc, MovwGotoffG1, GotLdPrel19, Ld64GotoffLo15, AdrGotPage, Ld64GotLo12Nc, Ld64GotpageLo15,
    TlsgdAdrPrel21, TlsgdAdrPage21, TlsgdAddLo12Nc, TlsgdMovwG1, TlsgdMovwG0Nc,
    TlsldAdrPrel21, TlsldAdrPage21, TlsldAddLo12Nc,
    DtprelMovwG2, DtprelMovwG1, DtprelMovwG1Nc, DtprelMovwG0, DtprelMovwG0Nc,
    DtprelAddHi12, DtprelAddLo12, DtprelAddLo12Nc,
    DtprelLdst8Lo12, DtprelLdst8Lo12Nc, DtprelLdst16Lo12, DtprelLdst16Lo12Nc,
    DtprelLdst32Lo12, DtprelLdst32Lo12Nc, DtprelLdst64Lo12, DtprelLdst64Lo12Nc,
    GottprelMovwG1, GottprelMovwG0Nc, GottprelAdrPage21, GottprelLd64Lo12Nc, GottprelLdPrel19,
    TprelMovwG2, TprelMovwG1, TprelMovwG1Nc, TprelMovwG0, TprelMovwG0Nc,
    TprelAddHi12, TprelAddLo12, TprelAddLo12Nc,
    TprelLdst8Lo12, TprelLdst8Lo12Nc, TprelLdst16Lo12, TprelLdst16Lo12Nc,
    TprelLdst32Lo12, TprelLdst32Lo12Nc, TprelLdst64Lo12, TprelLdst64Lo12Nc,
    TlsdescLdPrel19, TlsdescAdrPrel21, TlsdescAdrPage21, TlsdescLd64Lo12, TlsdescAddLo12,
    TlsdescOffG1, TlsdescOffG0Nc, TlsdescLdr, TlsdescAdd, TlsdescCall,
}

/// <summary>A request, from the encoder, to fill a field once the symbol's value is known. No symbol (null): the
/// field's target is the absolute value <paramref name="Addend"/>, which GNU as still leaves to the linker for adrp and
/// the low-12 fields (a relocation against no symbol, readelf's *ABS*).</summary>
public readonly record struct FixupRequest(FixupKind Kind, string? Symbol, long Addend);
