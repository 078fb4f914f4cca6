using System.Text;
using A64Asm.Isa.Decoding;
using A64Asm.Isa.Model;

namespace A64Asm.Isa.Formatting;

/// <summary>
/// objdump-style text: "mnemonic\toperands" with the preferred alias (the highest-priority alias row whose
/// fixed bits and condition match), hex immediates where objdump prints hex, branch targets as absolute 0x addresses.
/// </summary>
public static class A64Formatter
{
    public static string Format(in Instruction ins, ulong pc)
    {
        if (ins.Code == Code.Invalid) return $".inst\t0x{ins.Word:x8}";
        return Format(PreferredRow(ins.Code, ins.Word), ins.Word, pc);
    }

    /// <summary>
    /// Prints <paramref name="word"/> through a chosen row: its form, or any alias of that form whose fixed bits
    /// the word has (<c>orr x0, xzr, x1</c> and <c>mov x0, x1</c> for the same word). No condition is checked.
    /// </summary>
    public static string Format(FormInfo row, uint word, ulong pc)
    {
        if (!row.Matches(word))
            throw new ArgumentException($"0x{word:x8} is not a word of {row.Id}", nameof(word));
        var sb = new StringBuilder(32);
        sb.Append(row.Mnemonic);
        var ctx = new FormatContext { Word = word, Pc = pc };
        bool first = true;
        foreach (var spec in row.Operands)
        {
            int mark = sb.Length;
            sb.Append(first ? "\t" : ", ");
            if (!OperandFormatter.Append(sb, spec, ref ctx)) sb.Length = mark;
            else first = false;
        }
        return sb.ToString();
    }

    /// <summary>Decodes and formats in one step.</summary>
    public static string Format(uint word, ulong pc)
    {
        var ins = A64Decoder.Decode(word);
        return Format(in ins, pc);
    }

    public static FormInfo PreferredRow(Code code, uint word)
    {
        foreach (ushort index in FormTable.AliasesOf(code))
        {
            var alias = FormTable.Rows[index];
            if (alias.Matches(word) && (alias.Condition == AliasCondition.None || AliasConditions.Holds(alias.Condition, word)))
                return alias;
        }
        return FormTable.Rows[(int)code];
    }
}

internal struct FormatContext
{
    public uint Word;
    public ulong Pc;
    public long LastImm;
}
