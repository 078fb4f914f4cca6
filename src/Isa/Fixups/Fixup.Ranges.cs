using System.Globalization;

namespace A64Asm.Isa.Fixups;

/// <summary>
/// The values X (as <see cref="Fixup.ValueFor"/> forms them) a field of each kind accepts: a closed interval, or
/// none for the kinds that keep only some bits of X (ABS64, PREL64, the _NC groups, MOVW_UABS_G3, MOVW_PREL_G3's
/// 64 bits), and a multiple X must be. <see cref="Fixup.Apply"/> enforces exactly this; a test holds the two together.
/// </summary>
public readonly record struct FixupRange(long Min, long Max, int Multiple, bool IsChecked);

public static partial class Fixup
{
    /// <summary>The values of X <paramref name="kind"/> accepts (the ranges of "ELF for the Arm 64-bit Architecture").</summary>
    public static FixupRange Range(FixupKind kind) => kind switch
    {
        // Either reading of the bits: -2^(n-1) <= X < 2^n.
        FixupKind.Abs32 or FixupKind.Prel32 => Checked(-(1L << 31), (1L << 32) - 1),
        FixupKind.Abs16 or FixupKind.Prel16 => Checked(-(1L << 15), (1L << 16) - 1),
        FixupKind.Branch26 or FixupKind.Call26 => Checked(-(1L << 27), (1L << 27) - 4, 4),
        FixupKind.CondBranch19 or FixupKind.LdLiteral19 => Checked(-(1L << 20), (1L << 20) - 4, 4),
        FixupKind.TestBranch14 => Checked(-(1L << 15), (1L << 15) - 4, 4),
        FixupKind.Adr21 => Checked(-(1L << 20), (1L << 20) - 1),
        FixupKind.AdrPage21 => Checked(-(1L << 32), (1L << 32) - 4096, 4096),
        FixupKind.AdrPage21Nc => Unchecked(4096),
        // A load or store scales its offset by the access size: the low 12 bits must be a multiple of it.
        FixupKind.Ldst16Lo12 => Unchecked(2),
        FixupKind.Ldst32Lo12 => Unchecked(4),
        FixupKind.Ldst64Lo12 => Unchecked(8),
        FixupKind.Ldst128Lo12 => Unchecked(16),
        FixupKind.MovwG0 => Checked(0, 0xffff),
        FixupKind.MovwG1 => Checked(0, 0xffff_ffff),
        FixupKind.MovwG2 => Checked(0, 0xffff_ffff_ffff),
        FixupKind.MovwSG0 or FixupKind.MovwPrelG0 => Checked(-(1L << 16), (1L << 16) - 1),
        FixupKind.MovwSG1 or FixupKind.MovwPrelG1 => Checked(-(1L << 32), (1L << 32) - 1),
        FixupKind.MovwSG2 or FixupKind.MovwPrelG2 => Checked(-(1L << 48), (1L << 48) - 1),
        _ => Unchecked(1),
    };

    private static FixupRange Checked(long min, long max, int multiple = 1) => new(min, max, multiple, true);

    private static FixupRange Unchecked(int multiple) => new(long.MinValue, long.MaxValue, multiple, false);

    /// <summary>
    /// Why <paramref name="value"/> does not fit <paramref name="kind"/>, with the value and what is allowed:
    /// "value 0x8000000 is not in [-0x8000000, 0x7fffffc]", "value 0x1006 is not a multiple of 4".
    /// </summary>
    public static string RangeProblem(FixupKind kind, long value)
    {
        var range = Range(kind);
        if (range.IsChecked && (value < range.Min || value > range.Max))
            return $"value {Hex(value)} is not in [{Hex(range.Min)}, {Hex(range.Max)}]"
                + (range.Multiple > 1 ? $" (a multiple of {range.Multiple})" : "");
        return $"value {Hex(value)} is not a multiple of {range.Multiple}";
    }

    /// <summary>Signed hexadecimal, as people write offsets: 0x10, -0x8000000.</summary>
    public static string Hex(long value) => value < 0
        ? "-0x" + ((ulong)-(value + 1) + 1).ToString("x", CultureInfo.InvariantCulture)
        : "0x" + value.ToString("x", CultureInfo.InvariantCulture);
}
