using System.Text;
using A64Asm.Isa.Formatting;
using A64Asm.Isa.Model;

namespace A64Asm.Isa.Explain;

/// <summary>
/// Prints a word through a chosen row (the form itself, or one of its aliases) with the formatter's operand
/// printers, so explain can show "mov x16, xzr" and "orr x16, xzr, xzr" for the same word.
/// </summary>
internal static class RowFormatter
{
    /// <summary>The formatter's text with a space after the mnemonic, as explain writes assembly.</summary>
    public static string Format(FormInfo row, uint word, ulong pc)
    {
        string text = A64Formatter.Format(row, word, pc);
        int tab = text.IndexOf('\t');
        return tab < 0 ? text : string.Concat(text.AsSpan(0, tab), " ", text.AsSpan(tab + 1));
    }

    /// <summary>Each operand's printed text in order; null for an optional operand that prints nothing.</summary>
    public static IReadOnlyList<string?> OperandTexts(FormInfo row, uint word, ulong pc)
    {
        var texts = new List<string?>();
        var ctx = new FormatContext { Word = word, Pc = pc };
        var sb = new StringBuilder();
        foreach (var spec in row.Operands)
        {
            sb.Clear();
            texts.Add(OperandFormatter.Append(sb, spec, ref ctx) ? sb.ToString() : null);
        }
        return texts;
    }
}
