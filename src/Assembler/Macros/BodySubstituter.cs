using System.Text;
using A64Asm.Assembler.Diagnostics;

namespace A64Asm.Assembler.Macros;

/// <summary>
/// Replaces <c>\name</c> (the longest name at the backslash, as gas reads it), <c>\()</c> (nothing) and, in
/// macros, <c>\@</c> in one body statement. Inserted text maps to the column of its backslash, so a diagnostic
/// about an argument points at the <c>\param</c> in the body. Substitution ignores strings, as gas's does.
/// </summary>
internal static class BodySubstituter
{
    /// <param name="expansionNumber">The value of <c>\@</c>, or -1 where <c>\@</c> is not substituted (.rept, .irp).</param>
    /// <param name="maxLength">Longest line the substitution may make; checked as it grows, before it is built.</param>
    public static SourceLine Substitute(SourceLine body, string[] names, string[] values, long expansionNumber,
        ExpansionFrame frame, long maxLength = long.MaxValue)
    {
        string text = body.Text;
        var location = new SourceLocation(body.Location.Pos, frame);
        int first = text.IndexOf('\\');
        if (first < 0)
            return new SourceLine(text, location, body.ColumnMap);

        var sb = new StringBuilder(text.Length + 16);
        var map = new List<int>(text.Length + 16);
        CopyLiteral(body, 0, first, sb, map);
        int i = first;
        while (i < text.Length)
        {
            int next = text.IndexOf('\\', i);
            if (next < 0)
                next = text.Length;
            CopyLiteral(body, i, next, sb, map);
            i = next;
            if (i >= text.Length)
                break;
            i = SubstituteAt(body, i, names, values, expansionNumber, sb, map);
            if (sb.Length > maxLength)
                throw new AsmError(location, MacroExpander.LineTooLong(maxLength));
        }
        map.Add(LineSlicer.ColumnOf(body, text.Length));
        return new SourceLine(sb.ToString(), location, map.ToArray());
    }

    /// <summary>Handles the backslash at <paramref name="i"/>; returns the index after what it consumed.</summary>
    static int SubstituteAt(SourceLine body, int i, string[] names, string[] values, long expansionNumber,
        StringBuilder sb, List<int> map)
    {
        string text = body.Text;
        int column = LineSlicer.ColumnOf(body, i);
        if (i + 2 < text.Length && text[i + 1] == '(' && text[i + 2] == ')')
            return i + 3;
        if (i + 1 < text.Length && text[i + 1] == '@' && expansionNumber >= 0)
        {
            Insert(expansionNumber.ToString(), column, sb, map);
            return i + 2;
        }
        int nameEnd = SourceChars.ScanName(text, i + 1);
        if (nameEnd > i + 1)
        {
            var name = text.AsSpan(i + 1, nameEnd - i - 1);
            for (int p = 0; p < names.Length; p++)
            {
                if (name.SequenceEqual(names[p]))
                {
                    Insert(values[p], column, sb, map);
                    return nameEnd;
                }
            }
            CopyLiteral(body, i, nameEnd, sb, map);
            return nameEnd;
        }
        CopyLiteral(body, i, i + 1, sb, map);
        return i + 1;
    }

    internal static void Insert(string value, int column, StringBuilder sb, List<int> map)
    {
        sb.Append(value);
        for (int k = 0; k < value.Length; k++)
            map.Add(column);
    }

    internal static void CopyLiteral(SourceLine body, int start, int end, StringBuilder sb, List<int> map)
    {
        sb.Append(body.Text, start, end - start);
        for (int k = start; k < end; k++)
            map.Add(LineSlicer.ColumnOf(body, k));
    }
}
