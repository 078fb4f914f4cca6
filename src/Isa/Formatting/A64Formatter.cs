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
        var sb = new StringBuilder(32);
        Append(sb, in ins, pc);
        return sb.ToString();
    }

    /// <summary>Appends the text of a decoded instruction: what disasm's listing calls per word, without a string.</summary>
    public static void Append(StringBuilder sb, in Instruction ins, ulong pc)
    {
        if (ins.Code == Code.Invalid)
        {
            Hex.Append(sb.Append(".inst\t0x"), ins.Word, 8);
            return;
        }
        AppendRow(sb, PreferredRow(ins.Code, ins.Word), ins.Word, new FormatContext { Word = ins.Word, Pc = pc, Imm = ins.Imm, HasImm = true });
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
        AppendRow(sb, row, word, new FormatContext { Word = word, Pc = pc });
        return sb.ToString();
    }

    static void AppendRow(StringBuilder sb, FormInfo row, uint word, FormatContext ctx)
    {
        sb.Append(row.Mnemonic);
        bool first = true;
        foreach (var spec in row.Operands)
        {
            int mark = sb.Length;
            sb.Append(first ? "\t" : ", ");
            if (!OperandFormatter.Append(sb, spec, ref ctx)) sb.Length = mark;
            else first = false;
        }
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
    /// <summary>The decoded immediate, when the caller decoded the word (a label operand need not decode it again).</summary>
    public long Imm;
    public bool HasImm;
    /// <summary>After an ic/tlbi operation: +1 it takes a register, -1 it takes none (0: no such operation). objdump
    /// prints the register of the one (xzr too) and never the other's, whatever Rt holds.</summary>
    public sbyte OperationRegister;
}
