namespace A64Asm.Isa.Fixups;

/// <summary>
/// The one definition of what each <see cref="FixupKind"/> means: its ELF AArch64 relocation type
/// (numbers from "ELF for the Arm 64-bit Architecture", table "Static relocations"), how its value is formed
/// (<see cref="FixupBase"/>) and, in Fixup.Apply.cs, how the value is checked and inserted. The assembler uses
/// it for fixups it resolves itself; the linker for every RELA entry it applies.
/// </summary>
public static partial class Fixup
{
    // Indexed by (int)FixupKind; a test checks every member has a row in its own slot.
    private static readonly FixupSpec[] Specs =
    [
        new(FixupKind.None, 0, "R_AARCH64_NONE", 0, FixupBase.Absolute),
        new(FixupKind.Abs64, 257, "R_AARCH64_ABS64", 8, FixupBase.Absolute),
        new(FixupKind.Abs32, 258, "R_AARCH64_ABS32", 4, FixupBase.Absolute),
        new(FixupKind.Abs16, 259, "R_AARCH64_ABS16", 2, FixupBase.Absolute),
        new(FixupKind.Prel64, 260, "R_AARCH64_PREL64", 8, FixupBase.PcRelative),
        new(FixupKind.Prel32, 261, "R_AARCH64_PREL32", 4, FixupBase.PcRelative),
        new(FixupKind.Prel16, 262, "R_AARCH64_PREL16", 2, FixupBase.PcRelative),
        new(FixupKind.Branch26, 282, "R_AARCH64_JUMP26", 4, FixupBase.PcRelative),
        new(FixupKind.Call26, 283, "R_AARCH64_CALL26", 4, FixupBase.PcRelative),
        new(FixupKind.CondBranch19, 280, "R_AARCH64_CONDBR19", 4, FixupBase.PcRelative),
        new(FixupKind.LdLiteral19, 273, "R_AARCH64_LD_PREL_LO19", 4, FixupBase.PcRelative),
        new(FixupKind.TestBranch14, 279, "R_AARCH64_TSTBR14", 4, FixupBase.PcRelative),
        new(FixupKind.Adr21, 274, "R_AARCH64_ADR_PREL_LO21", 4, FixupBase.PcRelative),
        new(FixupKind.AdrPage21, 275, "R_AARCH64_ADR_PREL_PG_HI21", 4, FixupBase.PageRelative),
        new(FixupKind.AddLo12, 277, "R_AARCH64_ADD_ABS_LO12_NC", 4, FixupBase.Absolute),
        new(FixupKind.Ldst8Lo12, 278, "R_AARCH64_LDST8_ABS_LO12_NC", 4, FixupBase.Absolute),
        new(FixupKind.Ldst16Lo12, 284, "R_AARCH64_LDST16_ABS_LO12_NC", 4, FixupBase.Absolute),
        new(FixupKind.Ldst32Lo12, 285, "R_AARCH64_LDST32_ABS_LO12_NC", 4, FixupBase.Absolute),
        new(FixupKind.Ldst64Lo12, 286, "R_AARCH64_LDST64_ABS_LO12_NC", 4, FixupBase.Absolute),
        new(FixupKind.Ldst128Lo12, 299, "R_AARCH64_LDST128_ABS_LO12_NC", 4, FixupBase.Absolute),
        new(FixupKind.MovwG0, 263, "R_AARCH64_MOVW_UABS_G0", 4, FixupBase.Absolute),
        new(FixupKind.MovwG0Nc, 264, "R_AARCH64_MOVW_UABS_G0_NC", 4, FixupBase.Absolute),
        new(FixupKind.MovwG1, 265, "R_AARCH64_MOVW_UABS_G1", 4, FixupBase.Absolute),
        new(FixupKind.MovwG1Nc, 266, "R_AARCH64_MOVW_UABS_G1_NC", 4, FixupBase.Absolute),
        new(FixupKind.MovwG2, 267, "R_AARCH64_MOVW_UABS_G2", 4, FixupBase.Absolute),
        new(FixupKind.MovwG2Nc, 268, "R_AARCH64_MOVW_UABS_G2_NC", 4, FixupBase.Absolute),
        new(FixupKind.MovwG3, 269, "R_AARCH64_MOVW_UABS_G3", 4, FixupBase.Absolute),
        new(FixupKind.MovwSG0, 270, "R_AARCH64_MOVW_SABS_G0", 4, FixupBase.Absolute),
        new(FixupKind.MovwSG1, 271, "R_AARCH64_MOVW_SABS_G1", 4, FixupBase.Absolute),
        new(FixupKind.MovwSG2, 272, "R_AARCH64_MOVW_SABS_G2", 4, FixupBase.Absolute),
        new(FixupKind.MovwPrelG0, 287, "R_AARCH64_MOVW_PREL_G0", 4, FixupBase.PcRelative),
        new(FixupKind.MovwPrelG0Nc, 288, "R_AARCH64_MOVW_PREL_G0_NC", 4, FixupBase.PcRelative),
        new(FixupKind.MovwPrelG1, 289, "R_AARCH64_MOVW_PREL_G1", 4, FixupBase.PcRelative),
        new(FixupKind.MovwPrelG1Nc, 290, "R_AARCH64_MOVW_PREL_G1_NC", 4, FixupBase.PcRelative),
        new(FixupKind.MovwPrelG2, 291, "R_AARCH64_MOVW_PREL_G2", 4, FixupBase.PcRelative),
        new(FixupKind.MovwPrelG2Nc, 292, "R_AARCH64_MOVW_PREL_G2_NC", 4, FixupBase.PcRelative),
        new(FixupKind.MovwPrelG3, 293, "R_AARCH64_MOVW_PREL_G3", 4, FixupBase.PcRelative),
        new(FixupKind.AdrPage21Nc, 276, "R_AARCH64_ADR_PREL_PG_HI21_NC", 4, FixupBase.PageRelative),
        new(FixupKind.MovwGotoffG0Nc, 301, "R_AARCH64_MOVW_GOTOFF_G0_NC", 4, FixupBase.Dynamic),
        new(FixupKind.MovwGotoffG1, 302, "R_AARCH64_MOVW_GOTOFF_G1", 4, FixupBase.Dynamic),
        new(FixupKind.GotLdPrel19, 309, "R_AARCH64_GOT_LD_PREL19", 4, FixupBase.Dynamic),
        new(FixupKind.Ld64GotoffLo15, 310, "R_AARCH64_LD64_GOTOFF_LO15", 4, FixupBase.Dynamic),
        new(FixupKind.AdrGotPage, 311, "R_AARCH64_ADR_GOT_PAGE", 4, FixupBase.Dynamic),
        new(FixupKind.Ld64GotLo12Nc, 312, "R_AARCH64_LD64_GOT_LO12_NC", 4, FixupBase.Dynamic),
        new(FixupKind.Ld64GotpageLo15, 313, "R_AARCH64_LD64_GOTPAGE_LO15", 4, FixupBase.Dynamic),
        new(FixupKind.TlsgdAdrPrel21, 512, "R_AARCH64_TLSGD_ADR_PREL21", 4, FixupBase.Dynamic),
        new(FixupKind.TlsgdAdrPage21, 513, "R_AARCH64_TLSGD_ADR_PAGE21", 4, FixupBase.Dynamic),
        new(FixupKind.TlsgdAddLo12Nc, 514, "R_AARCH64_TLSGD_ADD_LO12_NC", 4, FixupBase.Dynamic),
        new(FixupKind.TlsgdMovwG1, 515, "R_AARCH64_TLSGD_MOVW_G1", 4, FixupBase.Dynamic),
        new(FixupKind.TlsgdMovwG0Nc, 516, "R_AARCH64_TLSGD_MOVW_G0_NC", 4, FixupBase.Dynamic),
        new(FixupKind.TlsldAdrPrel21, 517, "R_AARCH64_TLSLD_ADR_PREL21", 4, FixupBase.Dynamic),
        new(FixupKind.TlsldAdrPage21, 518, "R_AARCH64_TLSLD_ADR_PAGE21", 4, FixupBase.Dynamic),
        new(FixupKind.TlsldAddLo12Nc, 519, "R_AARCH64_TLSLD_ADD_LO12_NC", 4, FixupBase.Dynamic),
        new(FixupKind.DtprelMovwG2, 523, "R_AARCH64_TLSLD_MOVW_DTPREL_G2", 4, FixupBase.Dynamic),
        new(FixupKind.DtprelMovwG1, 524, "R_AARCH64_TLSLD_MOVW_DTPREL_G1", 4, FixupBase.Dynamic),
        new(FixupKind.DtprelMovwG1Nc, 525, "R_AARCH64_TLSLD_MOVW_DTPREL_G1_NC", 4, FixupBase.Dynamic),
        new(FixupKind.DtprelMovwG0, 526, "R_AARCH64_TLSLD_MOVW_DTPREL_G0", 4, FixupBase.Dynamic),
        new(FixupKind.DtprelMovwG0Nc, 527, "R_AARCH64_TLSLD_MOVW_DTPREL_G0_NC", 4, FixupBase.Dynamic),
        new(FixupKind.DtprelAddHi12, 528, "R_AARCH64_TLSLD_ADD_DTPREL_HI12", 4, FixupBase.Dynamic),
        new(FixupKind.DtprelAddLo12, 529, "R_AARCH64_TLSLD_ADD_DTPREL_LO12", 4, FixupBase.Dynamic),
        new(FixupKind.DtprelAddLo12Nc, 530, "R_AARCH64_TLSLD_ADD_DTPREL_LO12_NC", 4, FixupBase.Dynamic),
        new(FixupKind.DtprelLdst8Lo12, 531, "R_AARCH64_TLSLD_LDST8_DTPREL_LO12", 4, FixupBase.Dynamic),
        new(FixupKind.DtprelLdst8Lo12Nc, 532, "R_AARCH64_TLSLD_LDST8_DTPREL_LO12_NC", 4, FixupBase.Dynamic),
        new(FixupKind.DtprelLdst16Lo12, 533, "R_AARCH64_TLSLD_LDST16_DTPREL_LO12", 4, FixupBase.Dynamic),
        new(FixupKind.DtprelLdst16Lo12Nc, 534, "R_AARCH64_TLSLD_LDST16_DTPREL_LO12_NC", 4, FixupBase.Dynamic),
        new(FixupKind.DtprelLdst32Lo12, 535, "R_AARCH64_TLSLD_LDST32_DTPREL_LO12", 4, FixupBase.Dynamic),
        new(FixupKind.DtprelLdst32Lo12Nc, 536, "R_AARCH64_TLSLD_LDST32_DTPREL_LO12_NC", 4, FixupBase.Dynamic),
        new(FixupKind.DtprelLdst64Lo12, 537, "R_AARCH64_TLSLD_LDST64_DTPREL_LO12", 4, FixupBase.Dynamic),
        new(FixupKind.DtprelLdst64Lo12Nc, 538, "R_AARCH64_TLSLD_LDST64_DTPREL_LO12_NC", 4, FixupBase.Dynamic),
        new(FixupKind.GottprelMovwG1, 539, "R_AARCH64_TLSIE_MOVW_GOTTPREL_G1", 4, FixupBase.Dynamic),
        new(FixupKind.GottprelMovwG0Nc, 540, "R_AARCH64_TLSIE_MOVW_GOTTPREL_G0_NC", 4, FixupBase.Dynamic),
        new(FixupKind.GottprelAdrPage21, 541, "R_AARCH64_TLSIE_ADR_GOTTPREL_PAGE21", 4, FixupBase.Dynamic),
        new(FixupKind.GottprelLd64Lo12Nc, 542, "R_AARCH64_TLSIE_LD64_GOTTPREL_LO12_NC", 4, FixupBase.Dynamic),
        new(FixupKind.GottprelLdPrel19, 543, "R_AARCH64_TLSIE_LD_GOTTPREL_PREL19", 4, FixupBase.Dynamic),
        new(FixupKind.TprelMovwG2, 544, "R_AARCH64_TLSLE_MOVW_TPREL_G2", 4, FixupBase.Dynamic),
        new(FixupKind.TprelMovwG1, 545, "R_AARCH64_TLSLE_MOVW_TPREL_G1", 4, FixupBase.Dynamic),
        new(FixupKind.TprelMovwG1Nc, 546, "R_AARCH64_TLSLE_MOVW_TPREL_G1_NC", 4, FixupBase.Dynamic),
        new(FixupKind.TprelMovwG0, 547, "R_AARCH64_TLSLE_MOVW_TPREL_G0", 4, FixupBase.Dynamic),
        new(FixupKind.TprelMovwG0Nc, 548, "R_AARCH64_TLSLE_MOVW_TPREL_G0_NC", 4, FixupBase.Dynamic),
        new(FixupKind.TprelAddHi12, 549, "R_AARCH64_TLSLE_ADD_TPREL_HI12", 4, FixupBase.Dynamic),
        new(FixupKind.TprelAddLo12, 550, "R_AARCH64_TLSLE_ADD_TPREL_LO12", 4, FixupBase.Dynamic),
        new(FixupKind.TprelAddLo12Nc, 551, "R_AARCH64_TLSLE_ADD_TPREL_LO12_NC", 4, FixupBase.Dynamic),
        new(FixupKind.TprelLdst8Lo12, 552, "R_AARCH64_TLSLE_LDST8_TPREL_LO12", 4, FixupBase.Dynamic),
        new(FixupKind.TprelLdst8Lo12Nc, 553, "R_AARCH64_TLSLE_LDST8_TPREL_LO12_NC", 4, FixupBase.Dynamic),
        new(FixupKind.TprelLdst16Lo12, 554, "R_AARCH64_TLSLE_LDST16_TPREL_LO12", 4, FixupBase.Dynamic),
        new(FixupKind.TprelLdst16Lo12Nc, 555, "R_AARCH64_TLSLE_LDST16_TPREL_LO12_NC", 4, FixupBase.Dynamic),
        new(FixupKind.TprelLdst32Lo12, 556, "R_AARCH64_TLSLE_LDST32_TPREL_LO12", 4, FixupBase.Dynamic),
        new(FixupKind.TprelLdst32Lo12Nc, 557, "R_AARCH64_TLSLE_LDST32_TPREL_LO12_NC", 4, FixupBase.Dynamic),
        new(FixupKind.TprelLdst64Lo12, 558, "R_AARCH64_TLSLE_LDST64_TPREL_LO12", 4, FixupBase.Dynamic),
        new(FixupKind.TprelLdst64Lo12Nc, 559, "R_AARCH64_TLSLE_LDST64_TPREL_LO12_NC", 4, FixupBase.Dynamic),
        new(FixupKind.TlsdescLdPrel19, 560, "R_AARCH64_TLSDESC_LD_PREL19", 4, FixupBase.Dynamic),
        new(FixupKind.TlsdescAdrPrel21, 561, "R_AARCH64_TLSDESC_ADR_PREL21", 4, FixupBase.Dynamic),
        new(FixupKind.TlsdescAdrPage21, 562, "R_AARCH64_TLSDESC_ADR_PAGE21", 4, FixupBase.Dynamic),
        new(FixupKind.TlsdescLd64Lo12, 563, "R_AARCH64_TLSDESC_LD64_LO12", 4, FixupBase.Dynamic),
        new(FixupKind.TlsdescAddLo12, 564, "R_AARCH64_TLSDESC_ADD_LO12", 4, FixupBase.Dynamic),
        new(FixupKind.TlsdescOffG1, 565, "R_AARCH64_TLSDESC_OFF_G1", 4, FixupBase.Dynamic),
        new(FixupKind.TlsdescOffG0Nc, 566, "R_AARCH64_TLSDESC_OFF_G0_NC", 4, FixupBase.Dynamic),
        new(FixupKind.TlsdescLdr, 567, "R_AARCH64_TLSDESC_LDR", 4, FixupBase.Dynamic),
        new(FixupKind.TlsdescAdd, 568, "R_AARCH64_TLSDESC_ADD", 4, FixupBase.Dynamic),
        new(FixupKind.TlsdescCall, 569, "R_AARCH64_TLSDESC_CALL", 4, FixupBase.Dynamic),
    ];

    private static readonly Dictionary<uint, FixupKind> ByElfType =
        Specs.Where(s => s.Kind != FixupKind.None).ToDictionary(s => s.ElfType, s => s.Kind);

    /// <summary>Every kind's facts, in enum order.</summary>
    public static IReadOnlyList<FixupSpec> All => Specs;

    public static FixupSpec Spec(FixupKind kind) =>
        (int)kind < Specs.Length ? Specs[(int)kind] : throw new ArgumentOutOfRangeException(nameof(kind), kind, null);

    /// <summary>The R_AARCH64_* number written in a RELA entry's r_info.</summary>
    public static uint ElfType(FixupKind kind) => Spec(kind).ElfType;

    /// <summary>"R_AARCH64_CONDBR19" and so on, as readelf and ld print it.</summary>
    public static string ElfName(FixupKind kind) => Spec(kind).ElfName;

    /// <summary>True when the value is relative to the place (S + A − P, or pages of it for adrp).</summary>
    public static bool IsPcRelative(FixupKind kind) => Spec(kind).IsPcRelative;

    /// <summary>Bytes the field covers at the place: 2, 4 or 8.</summary>
    public static int FieldSize(FixupKind kind) => Spec(kind).FieldSize;

    /// <summary>The kind for an R_AARCH64_* number; <see cref="FixupKind.None"/> when it is not one we handle.</summary>
    public static FixupKind FromElfType(uint elfType) =>
        ByElfType.TryGetValue(elfType, out var kind) ? kind : FixupKind.None;

    /// <summary>
    /// The value <see cref="TryApply"/> expects, from the target S + A and the place P: target for absolute
    /// kinds, target − P for PC-relative ones, Page(target) − Page(P) for adrp.
    /// </summary>
    public static long ValueFor(FixupKind kind, long target, long place) => Spec(kind).Base switch
    {
        FixupBase.PcRelative => target - place,
        FixupBase.PageRelative => (target & ~0xFFFL) - (place & ~0xFFFL),
        _ => target,
    };
}
