using System.Buffers;
using A64Asm.Assembler.Diagnostics;

namespace A64Asm.Assembler.Macros;

/// <summary>
/// Splits a line into statements at ';' and drops a "//" comment, both outside strings and character constants.
/// Trailing blanks are removed; the first statement keeps its indentation (so a plain line is returned as the
/// very same object), later ones start at their first non-blank. Blank statements are dropped.
/// </summary>
internal static class StatementSplitter
{
    static readonly SearchValues<char> Special = SearchValues.Create(";/\"'");

    /// <summary>The common case: no separator, comment or quote. Returns false when <see cref="Split"/> is needed;
    /// otherwise <paramref name="statement"/> is the line's only statement, or null when it is blank.</summary>
    public static bool TrySingle(SourceLine line, out SourceLine? statement)
    {
        string text = line.Text;
        if (text.AsSpan().IndexOfAny(Special) >= 0)
        {
            statement = null;
            return false;
        }
        statement = Trimmed(line, 0, text.Length);
        return true;
    }

    public static void Split(SourceLine line, List<SourceLine> into)
    {
        string text = line.Text;
        int start = 0;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '"')
                i = SourceChars.SkipString(text, i);
            else if (c == '\'')
                i = SourceChars.SkipCharConstant(text, i);
            else if (c == ';')
            {
                Add(line, start, i, into);
                start = i + 1;
            }
            else if (c == '/' && i + 1 < text.Length && text[i + 1] == '/')
            {
                Add(line, start, i, into);
                return;
            }
        }
        Add(line, start, text.Length, into);
    }

    static void Add(SourceLine line, int start, int end, List<SourceLine> into)
    {
        if (start > 0)
            start = SourceChars.SkipBlanks(line.Text, start);
        var statement = Trimmed(line, start, end);
        if (statement is not null)
            into.Add(statement);
    }

    static SourceLine? Trimmed(SourceLine line, int start, int end)
    {
        end = SourceChars.TrimEnd(line.Text, start, end);
        if (SourceChars.SkipBlanks(line.Text, start) >= end)
            return null;
        return LineSlicer.Slice(line, start, end);
    }
}
