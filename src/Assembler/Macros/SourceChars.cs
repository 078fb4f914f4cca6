namespace A64Asm.Assembler.Macros;

/// <summary>Character classes of gas's lexer, as far as the macro layer needs them.</summary>
internal static class SourceChars
{
    public static bool IsNameStart(char c) => char.IsAsciiLetter(c) || c is '_' or '.' or '$';

    /// <summary>gas symbol and macro-parameter names include '.', so <c>\reg.8b</c> names the parameter "reg.8b".</summary>
    public static bool IsNameChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '$';

    public static bool IsBlank(char c) => c is ' ' or '\t' or '\f' or '\v' or '\r';

    /// <summary>
    /// gas's input scrubber keeps a run of blanks only between two "word" characters; everywhere else it
    /// drops it (<c>1 + 2</c> becomes <c>1+2</c>). A kept blank separates macro arguments.
    /// </summary>
    public static bool KeepsBlankAround(char c) => IsNameChar(c) || c == '"';

    public static int SkipBlanks(string text, int i)
    {
        while (i < text.Length && IsBlank(text[i]))
            i++;
        return i;
    }

    public static int TrimEnd(string text, int start, int end)
    {
        while (end > start && IsBlank(text[end - 1]))
            end--;
        return end;
    }

    public static int ScanName(string text, int i)
    {
        while (i < text.Length && IsNameChar(text[i]))
            i++;
        return i;
    }

    /// <summary>Index of the closing quote of the string opening at <paramref name="open"/>, or the last index.</summary>
    public static int SkipString(string text, int open)
    {
        for (int i = open + 1; i < text.Length; i++)
        {
            if (text[i] == '\\')
                i++;
            else if (text[i] == '"')
                return i;
        }
        return text.Length - 1;
    }

    /// <summary>Last index of a character constant (<c>'c</c>, <c>'c'</c>, <c>'\n'</c>) opening at <paramref name="open"/>.</summary>
    public static int SkipCharConstant(string text, int open)
    {
        int i = open + 1;
        if (i < text.Length && text[i] == '\\')
            i++;
        if (i + 1 < text.Length && text[i + 1] == '\'')
            i++;
        return Math.Min(i, text.Length - 1);
    }
}
