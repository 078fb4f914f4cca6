using System.Globalization;
using A64Asm.Isa.Operands;

namespace A64Asm.Isa.Tests.Support;

/// <summary>
/// A small operand parser for test text (the real one is the assembler's ANTLR grammar): enough syntax
/// to feed the encoder from vector files and from formatter output.
/// </summary>
public static class AsmText
{
    public static (string Mnemonic, List<Operand> Operands) Parse(string line)
    {
        line = line.Trim();
        int sp = line.IndexOfAny([' ', '\t']);
        string mnemonic = (sp < 0 ? line : line[..sp]).ToLowerInvariant();
        var ops = new List<Operand>();
        if (sp < 0) return (mnemonic, ops);
        foreach (var part in SplitTop(line[(sp + 1)..]))
            ops.AddRange(ParseOperand(part.Trim(), ops));
        return (mnemonic, ops);
    }

    static List<string> SplitTop(string s)
    {
        var parts = new List<string>();
        int depth = 0, start = 0;
        for (int i = 0; i < s.Length; i++)
        {
            if (s[i] is '[' or '{') depth++;
            else if (s[i] is ']' or '}') depth--;
            else if (s[i] == ',' && depth == 0) { parts.Add(s[start..i]); start = i + 1; }
        }
        parts.Add(s[start..]);
        return parts;
    }

    static IEnumerable<Operand> ParseOperand(string t, List<Operand> previous)
    {
        if (t.StartsWith('['))
        {
            int close = t.IndexOf(']');
            var inner = SplitTop(t[1..close]).Select(x => x.Trim()).ToList();
            var baseReg = ParseRegister(inner[0]) ?? throw new FormatException($"bad base '{inner[0]}'");
            string after = t[(close + 1)..].Trim();
            Operand? offset = null;
            ShiftKind ext = ShiftKind.None;
            int amount = -1;
            if (inner.Count > 1)
            {
                var r = ParseRegister(inner[1]);
                offset = r is { } reg ? new RegOperand(reg) : ParseValue(inner[1]);
                if (inner.Count > 2)
                {
                    var sh = ParseShift(inner[2]) ?? throw new FormatException($"bad extend '{inner[2]}'");
                    ext = sh.Kind;
                    amount = sh.Amount;
                }
            }
            var mode = after == "!" ? AddrMode.PreIndex : AddrMode.Offset;
            yield return new MemOperand(baseReg, offset, mode, ext, amount);
            yield break;
        }
        // "[x0], #8" arrives split: fold a post-index immediate into the memory operand before it.
        if (previous.Count > 0 && previous[^1] is MemOperand { Mode: AddrMode.Offset, Offset: null } m && (t.StartsWith('#') || char.IsDigit(t[0]) || t[0] == '-'))
        {
            previous.RemoveAt(previous.Count - 1);
            yield return m with { Offset = ParseValue(t), Mode = AddrMode.PostIndex };
            yield break;
        }
        if (ParseRegister(t) is { } gp)
        {
            // ld1 {...}, [x0], x2: a register after a bare memory operand is its post-index.
            if (previous.Count > 0 && previous[^1] is MemOperand { Mode: AddrMode.Offset, Offset: null } pm)
            {
                previous.RemoveAt(previous.Count - 1);
                yield return pm with { Offset = new RegOperand(gp), Mode = AddrMode.PostIndex };
                yield break;
            }
            yield return new RegOperand(gp);
            yield break;
        }
        if (t.StartsWith('{')) { yield return ParseList(t); yield break; }
        if (ParseVector(t) is { } vec) { yield return vec; yield break; }
        if (ParseShift(t) is { } shift) { yield return shift; yield break; }
        yield return ParseValue(t);
    }

    static Operand ParseValue(string t)
    {
        bool hash = t.StartsWith('#');
        if (hash) t = t[1..];
        if (t.StartsWith(':'))
        {
            int end = t.IndexOf(':', 1);
            string mod = t[1..end];
            var modifier = mod switch
            {
                "lo12" => RelocModifier.Lo12, "abs_g0" => RelocModifier.Abs_G0, "abs_g0_nc" => RelocModifier.Abs_G0_NC,
                "abs_g1" => RelocModifier.Abs_G1, "abs_g1_nc" => RelocModifier.Abs_G1_NC, "abs_g2" => RelocModifier.Abs_G2,
                "abs_g2_nc" => RelocModifier.Abs_G2_NC, "abs_g3" => RelocModifier.Abs_G3, "pg_hi21" => RelocModifier.Pg_Hi21,
                _ => throw new FormatException($"bad modifier {mod}"),
            };
            return new SymbolOperand(t[(end + 1)..], 0, modifier);
        }
        if (TryNumber(t, out long v)) return new ImmOperand(v, hash);
        // ".+8": relative to the instruction, which the tests place at address 0.
        if (t.Length > 2 && t[0] == '.' && t[1] is '+' or '-' && TryNumber(t[2..], out long rel)) return new ImmOperand(t[1] == '-' ? -rel : rel, hash);
        if (double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) && t.Contains('.')) return new FpImmOperand(d);
        return new SymbolOperand(t);
    }

    static bool TryNumber(string t, out long v)
    {
        bool neg = t.StartsWith('-');
        string body = neg ? t[1..] : t;
        bool ok = body.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            ? ulong.TryParse(body[2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out ulong u)
            : ulong.TryParse(body, NumberStyles.None, CultureInfo.InvariantCulture, out u);
        v = neg ? -(long)u : (long)u;
        return ok;
    }

    static readonly string[] ArrangementNames = ["", "8b", "16b", "4h", "8h", "2s", "4s", "1d", "2d", "1q", "b", "h", "s", "d", "q"];

    /// <summary>v3.16b, v1.s[2], v0.d (element view without index).</summary>
    static VecRegOperand? ParseVector(string t)
    {
        t = t.ToLowerInvariant();
        int dot = t.IndexOf('.');
        if (t.Length < 3 || t[0] != 'v' || dot < 2 || !int.TryParse(t.AsSpan(1, dot - 1), out int num) || num > 31) return null;
        string rest = t[(dot + 1)..];
        int index = -1;
        int br = rest.IndexOf('[');
        if (br >= 0)
        {
            index = int.Parse(rest[(br + 1)..rest.IndexOf(']')]);
            rest = rest[..br];
        }
        int a = Array.IndexOf(ArrangementNames, rest);
        return a <= 0 ? null : new VecRegOperand((byte)num, (Arrangement)a, index);
    }

    /// <summary>{v0.16b, v1.16b}, {v0.16b-v3.16b}, {v0.s, v1.s}[1].</summary>
    static VecListOperand ParseList(string t)
    {
        int close = t.IndexOf('}');
        string inner = t[1..close];
        int index = -1;
        string after = t[(close + 1)..].Trim();
        if (after.StartsWith('[')) index = int.Parse(after[1..after.IndexOf(']')]);
        var regs = inner.Contains('-')
            ? inner.Split('-').Select(x => ParseVector(x.Trim())!).ToList()
            : inner.Split(',').Select(x => ParseVector(x.Trim())!).ToList();
        int count = inner.Contains('-') ? (regs[1].Num - regs[0].Num + 32) % 32 + 1 : regs.Count;
        return new VecListOperand(regs[0].Num, count, regs[0].Arrangement, index);
    }

    static ShiftOperand? ParseShift(string t)
    {
        var parts = t.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (!Enum.TryParse<ShiftKind>(parts[0], true, out var kind) || kind == ShiftKind.None || !char.IsLetter(parts[0][0])) return null;
        if (parts.Length == 1) return new ShiftOperand(kind);
        string amount = parts[1].TrimStart('#');
        return TryNumber(amount, out long a) ? new ShiftOperand(kind, (int)a) : null;
    }

    public static Reg? ParseRegister(string t)
    {
        t = t.ToLowerInvariant();
        switch (t)
        {
            case "sp": return new Reg(RegClass.X, 31, true);
            case "wsp": return new Reg(RegClass.W, 31, true);
            case "xzr": return new Reg(RegClass.X, 31);
            case "wzr": return new Reg(RegClass.W, 31);
            case "lr": return new Reg(RegClass.X, 30);
            case "fp": return new Reg(RegClass.X, 29);
        }
        if (t.Length < 2) return null;
        RegClass? cls = t[0] switch
        {
            'w' => RegClass.W, 'x' => RegClass.X, 'b' => RegClass.B, 'h' => RegClass.H,
            's' => RegClass.S, 'd' => RegClass.D, 'q' => RegClass.Q, _ => null,
        };
        if (cls is null || !int.TryParse(t.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out int n) || n > 30 && cls is RegClass.W or RegClass.X || n > 31)
            return null;
        return new Reg(cls.Value, (byte)n);
    }
}
