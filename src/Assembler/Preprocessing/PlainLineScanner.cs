using System.Buffers;

namespace A64Asm.Assembler.Preprocessing;

internal enum LineShape
{
    /// <summary>Nothing but white space.</summary>
    Blank,
    /// <summary>Passes through unchanged.</summary>
    Plain,
    /// <summary>Passes through up to a comment that runs to the end of the line.</summary>
    PlainThenComment,
    /// <summary>Needs the lexer: a directive, quote, continuation, macro name, or a comment with text after it.</summary>
    Complex,
}

/// <summary>
/// The fast path: classifies a physical line without allocating, so that lines with no directive, quote,
/// continuation or macro name (by far the most common) skip tokenizing.
/// </summary>
internal static class PlainLineScanner
{
    static readonly SearchValues<char> Interesting = SearchValues.Create("/'\"\\");

    public static bool IsBlank(string line)
    {
        foreach (char c in line)
            if (!PpChars.IsBlank(c))
                return false;
        return true;
    }

    /// <param name="macros">Null when macro names do not matter (in a skipped group).</param>
    /// <param name="textEnd">Where the text to keep ends (the comment start for <see cref="LineShape.PlainThenComment"/>).</param>
    public static LineShape Classify(string line, MacroTable? macros, out int textEnd)
    {
        int i = 0, n = line.Length;
        textEnd = n;
        while (i < n && PpChars.IsBlank(line[i])) i++;
        if (i == n)
            return LineShape.Blank;
        if (line[i] == '#')
            return LineShape.Complex;
        if (macros is null || macros.Count == 0)
        {
            // Without macros to look for, only the special characters matter.
            while (true)
            {
                int at = line.AsSpan(i).IndexOfAny(Interesting);
                if (at < 0)
                    return LineShape.Plain;
                var shape = Special(line, i + at, ref textEnd);
                if (shape != LineShape.Plain)
                    return shape;
                i += at + 1;
            }
        }
        while (i < n)
        {
            char c = line[i];
            if (PpChars.IsIdentStart(c))
            {
                int end = PpChars.SkipIdentifier(line, i + 1);
                if (macros.NeedsExpansion(line.AsSpan(i, end - i)))
                    return LineShape.Complex;
                i = end;
            }
            else if (PpChars.StartsPpNumber(line, i))
                i = PpChars.SkipPpNumber(line, i);
            else if (c is '/' or '\'' or '"' or '\\')
            {
                var shape = Special(line, i, ref textEnd);
                if (shape != LineShape.Plain)
                    return shape;
                i++;
            }
            else
                i++;
        }
        return LineShape.Plain;
    }

    /// <summary>Classifies the line from the character at <paramref name="i"/>; Plain means it is ordinary text.</summary>
    static LineShape Special(string line, int i, ref int textEnd)
    {
        char c = line[i];
        if (c is '\'' or '"')
            return LineShape.Complex;
        if (c == '\\') // only a continuation matters; assembler macro arguments (\reg) are ordinary text
            return IsRestBlank(line, i + 1) ? LineShape.Complex : LineShape.Plain;
        if (i + 1 >= line.Length || (line[i + 1] != '/' && line[i + 1] != '*'))
            return LineShape.Plain;
        if (line[i + 1] == '*')
        {
            int close = line.IndexOf("*/", i + 2, StringComparison.Ordinal);
            if (close < 0 || !IsRestBlankOrLineComment(line, close + 2))
                return LineShape.Complex;
        }
        textEnd = i;
        return LineShape.PlainThenComment;
    }

    static bool IsRestBlank(string line, int i)
    {
        for (; i < line.Length; i++)
            if (!PpChars.IsBlank(line[i]))
                return false;
        return true;
    }

    static bool IsRestBlankOrLineComment(string line, int i)
    {
        while (i < line.Length && PpChars.IsBlank(line[i])) i++;
        return i == line.Length || (line[i] == '/' && i + 1 < line.Length && line[i + 1] == '/');
    }
}
