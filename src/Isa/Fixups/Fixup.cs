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
