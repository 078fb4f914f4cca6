using A64Asm.Isa.Operands;

namespace A64Asm.Assembler.InstructionEncoding;

/// <summary>General, FP/SIMD scalar and vector register names as GNU as spells them (case-insensitive).</summary>
public static class RegisterNames
{
    public static bool IsRegister(string name) => TryParse(name, out _);

    /// <summary>x0, wzr, sp, fp, q3, v2.16b, v1.s ... as a RegOperand or VecRegOperand.</summary>
    public static bool TryParse(string name, out Operand operand)
    {
        operand = null!;
        // Most operands are x0-x30 or w0-w30, written in lower case.
        if (name.Length is 2 or 3 && name[0] is 'x' or 'w' && TryNumber(name.AsSpan(1), out int n) && n <= 30)
        {
            operand = Numbered[(int)(name[0] == 'x' ? RegClass.X : RegClass.W) * 32 + n];
            return true;
        }
        if (name.Length < 2 || name.Length > 7) return false;
        // Most names are written in lower case already; skip the copy then.
        string lower = name.AsSpan().ContainsAnyInRange('A', 'Z') ? name.ToLowerInvariant() : name;
        switch (lower)
        {
            case "sp": operand = new RegOperand(new Reg(RegClass.X, 31, IsSp: true)); return true;
            case "wsp": operand = new RegOperand(new Reg(RegClass.W, 31, IsSp: true)); return true;
            case "xzr": operand = new RegOperand(new Reg(RegClass.X, 31)); return true;
            case "wzr": operand = new RegOperand(new Reg(RegClass.W, 31)); return true;
            case "fp": operand = new RegOperand(new Reg(RegClass.X, 29)); return true;
            case "lr": operand = new RegOperand(new Reg(RegClass.X, 30)); return true;
            case "ip0": operand = new RegOperand(new Reg(RegClass.X, 16)); return true;
            case "ip1": operand = new RegOperand(new Reg(RegClass.X, 17)); return true;
        }
        if (lower[0] == 'v')
            return TryParseVector(lower, out operand);
        if (lower[0] is 'z' or 'p')
            return ScalableRegisterNames.TryParse(lower, out operand);
        RegClass? cls = lower[0] switch
        {
            'x' => RegClass.X, 'w' => RegClass.W, 'b' => RegClass.B, 'h' => RegClass.H,
            's' => RegClass.S, 'd' => RegClass.D, 'q' => RegClass.Q, _ => null,
        };
        if (cls is null || !TryNumber(lower.AsSpan(1), out int number)) return false;
        if (number > (cls is RegClass.X or RegClass.W ? 30 : 31)) return false;
        operand = Numbered[(int)cls.Value * 32 + number];
        return true;
    }

    // Operands are immutable records: one instance per numbered register serves every use.
    private static readonly RegOperand[] Numbered = Enumerable.Range(0, (Enum.GetValues<RegClass>().Max(c => (int)c) + 1) * 32)
        .Select(i => new RegOperand(new Reg((RegClass)(i / 32), (byte)(i % 32)))).ToArray();

    private static bool TryParseVector(string lower, out Operand operand)
    {
        operand = null!;
        int dot = lower.IndexOf('.');
        var digits = dot < 0 ? lower.AsSpan(1) : lower.AsSpan(1, dot - 1);
        if (!TryNumber(digits, out int number) || number > 31) return false;
        var arrangement = Arrangement.None;
        if (dot >= 0)
        {
            arrangement = lower[(dot + 1)..] switch
            {
                "8b" => Arrangement.B8, "16b" => Arrangement.B16, "4h" => Arrangement.H4, "8h" => Arrangement.H8,
                "2s" => Arrangement.S2, "4s" => Arrangement.S4, "1d" => Arrangement.D1, "2d" => Arrangement.D2,
                "1q" => Arrangement.Q1, "b" => Arrangement.B, "h" => Arrangement.H, "s" => Arrangement.S,
                "d" => Arrangement.D, "q" => Arrangement.Q, "4b" => Arrangement.B4, "2h" => Arrangement.H2, _ => (Arrangement)255,
            };
            if (arrangement == (Arrangement)255) return false;
        }
        operand = new VecRegOperand((byte)number, arrangement);
        return true;
    }

    private static bool TryNumber(ReadOnlySpan<char> digits, out int number)
    {
        number = 0;
        if (digits.Length is 0 or > 2) return false;
        // "x01" is not a register name.
        if (digits.Length == 2 && digits[0] == '0') return false;
        foreach (char c in digits)
        {
            if (c is < '0' or > '9') return false;
            number = number * 10 + (c - '0');
        }
        return true;
    }

    /// <summary>A condition name (eq, hs/cs, ..., al, nv), from the ISA's condition table.</summary>
    public static bool TryParseCondition(string name, out Cond cond)
    {
        bool found = Isa.Tables.SideTables.Conditions.TryGetValue(name, out int value);
        cond = (Cond)value;
        return found;
    }

    public static ShiftKind ParseShift(string name) => name.ToLowerInvariant() switch
    {
        "lsl" => ShiftKind.Lsl, "lsr" => ShiftKind.Lsr, "asr" => ShiftKind.Asr, "ror" => ShiftKind.Ror,
        "msl" => ShiftKind.Msl, "uxtb" => ShiftKind.Uxtb, "uxth" => ShiftKind.Uxth, "uxtw" => ShiftKind.Uxtw,
        "uxtx" => ShiftKind.Uxtx, "sxtb" => ShiftKind.Sxtb, "sxth" => ShiftKind.Sxth, "sxtw" => ShiftKind.Sxtw,
        "sxtx" => ShiftKind.Sxtx, _ => ShiftKind.None,
    };
}
