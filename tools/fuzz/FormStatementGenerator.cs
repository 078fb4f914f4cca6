using System.Text;
using System.Text.RegularExpressions;
using A64Asm.Isa;
using A64Asm.Isa.Decoding;
using A64Asm.Isa.Formatting;
using A64Asm.Isa.Model;

namespace A64Asm.Fuzz;

/// <summary>
/// Instructions of every form of the table, then bent: a word of a random form printed by our formatter, with a
/// number swapped for an edge value, a register for one of another class, an operand dropped, doubled or added,
/// under a random architecture. The hand-written generators name a few dozen mnemonics; this one reaches every row,
/// so each operand kind's range checks see values past their ends.
/// </summary>
public sealed partial class FormStatementGenerator(FuzzRandom r)
{
    static readonly string[] OtherRegisters =
    [
        "x0", "w0", "sp", "wsp", "xzr", "wzr", "x31", "b0", "h1", "s2", "d3", "q4", "v5", "v6.8b", "v7.16b", "v8.4h", "v9.2s",
        "v10.2d", "v11.1q", "v12.s[3]", "v13.d[2]", "v14.b[16]", "{v0.4s-v3.4s}", "{v31.2d, v0.2d}", "z0.s", "p0/z", "p7/m",
        "za", "c0", "nzcv", "sctlr_el1", "csw", "sy", "ish", "x30!",
    ];

    static readonly string[] Extras = [", lsl #12", ", lsl #64", ", uxtw #5", ", sxtx", ", msl #8", ", mul vl", ", #0", ", x1", ", ne", ", [x0]"];

    static readonly string[] Architectures =
    [
        ".arch armv8-a", ".arch armv8.2-a+nofp", ".arch armv9.4-a", ".arch_extension nosimd", ".arch_extension memtag",
        ".arch armv8-a+nolse", ".cpu cortex-a53", ".arch_extension mops",
    ];

    public string Program(int statements)
    {
        var sb = new StringBuilder();
        for (int i = 0; i < statements; i++)
        {
            if (r.Chance(0.03)) sb.Append(r.Pick(Architectures)).Append('\n');
            sb.Append(Statement()).Append('\n');
        }
        return sb.ToString();
    }

    public string Statement()
    {
        string text = FormText();
        return r.Next(6) switch
        {
            0 => text,
            1 => SwapNumber(text),
            2 => SwapRegister(text),
            3 => ChangeOperands(text),
            4 => SwapNumber(SwapRegister(text)),
            _ => text.ToUpperInvariant(),
        };
    }

    /// <summary>The formatter's text of a word that decodes as a random row (branch targets written as '.+off').</summary>
    string FormText()
    {
        var rows = FormTable.Rows;
        for (int tries = 0; ; tries++)
        {
            var row = rows[r.Next(1, rows.Length)];
            if (row.IsAlias && tries < 8) continue;
            uint word = row.Value | ((uint)r.NextU64() & ~row.Mask);
            var ins = A64Decoder.Decode(word);
            if (ins.Code == Code.Invalid && tries < 8) continue;
            string text = A64Formatter.Format(in ins, 0);
            return BranchTarget().Replace(text, m => m.Groups[1].Value + ".+" + m.Groups[2].Value);
        }
    }

    string SwapNumber(string text)
    {
        var numbers = Number().Matches(text);
        if (numbers.Count == 0) return text;
        var m = numbers[r.Next(numbers.Count)];
        string edge = r.Chance(0.2) ? r.Pick(new[] { "-0.0", "1.5e300", "0x1p-200", "nan" }) : r.Pick(FuzzRandom.InterestingNumbers);
        return text[..m.Index] + edge + text[(m.Index + m.Length)..];
    }

    string SwapRegister(string text)
    {
        var registers = Register().Matches(text);
        if (registers.Count == 0) return text;
        var m = registers[r.Next(registers.Count)];
        return text[..m.Index] + r.Pick(OtherRegisters) + text[(m.Index + m.Length)..];
    }

    string ChangeOperands(string text)
    {
        int space = text.IndexOfAny([' ', '\t']);
        if (space < 0) return text + r.Pick(Extras).TrimStart(',');
        var operands = text[(space + 1)..].Split(", ").ToList();
        switch (r.Next(3))
        {
            case 0: operands.RemoveAt(r.Next(operands.Count)); break;
            case 1: operands.Insert(r.Next(operands.Count + 1), operands[r.Next(operands.Count)]); break;
            default: return text + r.Pick(Extras);
        }
        return text[..space] + " " + string.Join(", ", operands);
    }

    [GeneratedRegex(@"(^|, |\s)0x([0-9a-f]+)$")]
    private static partial Regex BranchTarget();

    [GeneratedRegex(@"(?<=#)-?(0x[0-9a-f]+|[0-9][0-9.e+-]*)")]
    private static partial Regex Number();

    [GeneratedRegex(@"\b([xwbhsdqv]\d{1,2}|sp|wsp|xzr|wzr)(\.\d*[bhsdq])?(\[\d+\])?")]
    private static partial Regex Register();
}
