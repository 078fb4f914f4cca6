using A64Asm.Isa.Operands;

namespace A64Asm.Assembler.InstructionEncoding;

/// <summary>SVE/SME register names as GNU as spells them: z0-z31, p0-p15, pn0-pn15 with an optional .b/.h/.s/.d/.q,
/// za, za0-za15 with h or v and a size, zt0. Lower case in, <see cref="ScalableRegOperand"/> out.</summary>
internal static class ScalableRegisterNames
{
    public static bool TryParse(string lower, out Operand operand)
    {
        operand = null!;
        int dot = lower.IndexOf('.');
        string name = dot < 0 ? lower : lower[..dot];
        var arrangement = Arrangement.None;
        if (dot >= 0)
        {
            arrangement = lower[(dot + 1)..] switch
            {
                "b" => Arrangement.B, "h" => Arrangement.H, "s" => Arrangement.S, "d" => Arrangement.D, "q" => Arrangement.Q,
                _ => (Arrangement)255,
            };
            if (arrangement == (Arrangement)255) return false;
        }
        ScalableFile file;
        int num;
        if (name == "za") { file = ScalableFile.ZA; num = -1; }
        else if (name == "zt0") { file = ScalableFile.ZT; num = 0; }
        // Tiles: za0.s, za1h.d, za3v.s (the slice direction is not kept yet).
        else if (name.StartsWith("za", StringComparison.Ordinal) && Number(name.AsSpan(2).TrimEnd("hv"), 15, out num)) file = ScalableFile.ZA;
        else if (name.StartsWith("pn", StringComparison.Ordinal) && Number(name.AsSpan(2), 15, out num)) file = ScalableFile.PN;
        else if (name[0] == 'z' && Number(name.AsSpan(1), 31, out num)) file = ScalableFile.Z;
        else if (name[0] == 'p' && Number(name.AsSpan(1), 15, out num)) file = ScalableFile.P;
        else return false;
        operand = new ScalableRegOperand(file, num, arrangement);
        return true;
    }

    static bool Number(ReadOnlySpan<char> digits, int max, out int n)
    {
        n = 0;
        if (digits.Length is 0 or > 2 || (digits.Length == 2 && digits[0] == '0')) return false;
        foreach (char d in digits)
        {
            if (!char.IsAsciiDigit(d)) return false;
            n = n * 10 + (d - '0');
        }
        return n <= max;
    }
}
