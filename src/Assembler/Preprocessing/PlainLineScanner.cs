using System.Buffers;

namespace A64Asm.Assembler.Preprocessing;

/// <summary>
/// The fast path: decides without allocating whether a physical line can pass through unchanged — no directive,
/// no comment, quote or backslash, and no identifier that names a macro.
/// </summary>
internal static class PlainLineScanner
{
    static readonly SearchValues<char> NeedsLexer = SearchValues.Create("/'\"\\");

    /// <summary><paramref name="macros"/> null means macro names do not matter (a skipped group).</summary>
    public static bool IsPlain(string line, MacroTable? macros)
    {
        int i = 0, n = line.Length;
        while (i < n && PpChars.IsBlank(line[i])) i++;
        if (i < n && line[i] == '#')
            return false;
        if (macros is null || macros.Count == 0)
            return line.AsSpan(i).IndexOfAny(NeedsLexer) < 0 || !HasSpecial(line, i);
        while (i < n)
        {
            char c = line[i];
            if (PpChars.IsIdentStart(c))
            {
                int end = PpChars.SkipIdentifier(line, i + 1);
                if (macros.IsDefined(line.AsSpan(i, end - i)))
                    return false;
                i = end;
            }
            else if (PpChars.StartsPpNumber(line, i))
                i = PpChars.SkipPpNumber(line, i);
            else if (IsSpecialAt(line, i))
                return false;
            else
                i++;
        }
        return true;
    }

    static bool IsContinuation(string line, int i)
    {
        for (i++; i < line.Length; i++)
            if (!PpChars.IsBlank(line[i]))
                return false;
        return true;
    }

    static bool HasSpecial(string line, int i)
    {
        for (; i < line.Length; i++)
            if (IsSpecialAt(line, i))
                return true;
        return false;
    }

    static bool IsSpecialAt(string line, int i)
    {
        char c = line[i];
        if (c == '\'' || c == '"')
            return true;
        if (c == '\\')
            return IsContinuation(line, i); // assembler macro arguments (\reg) are ordinary text
        return c == '/' && i + 1 < line.Length && (line[i + 1] == '/' || line[i + 1] == '*');
    }
}
