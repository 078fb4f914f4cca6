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
        var row = PreferredRow(ins.Code, ins.Word);
        var sb = new StringBuilder(32);
        sb.Append(row.Mnemonic);
        var ctx = new FormatContext { Word = ins.Word, Pc = pc };
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
