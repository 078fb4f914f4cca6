namespace A64Asm.Assembler.Preprocessing;

/// <summary>Character classes shared by the lexer and the plain-line scanner so both split text identically.</summary>
internal static class PpChars
{
    public static bool IsIdentStart(char c) =>
        (uint)((c | 0x20) - 'a') <= 'z' - 'a' || c == '_' || c >= 0x80; // no '$': cpp's assembler mode keeps it out of identifiers

    public static bool IsIdentPart(char c) => IsIdentStart(c) || (uint)(c - '0') <= 9;

    public static bool IsDigit(char c) => (uint)(c - '0') <= 9;

    public static bool IsBlank(char c) => c == ' ' || c == '\t' || c == '\f' || c == '\v' || c == '\r';

    public static int SkipIdentifier(string s, int i)
    {
        while (i < s.Length && IsIdentPart(s[i])) i++;
        return i;
    }

    /// <summary>End of the pp-number starting at <paramref name="i"/> (a digit, or '.' before a digit).</summary>
    public static int SkipPpNumber(string s, int i)
    {
        i++;
        while (i < s.Length)
        {
            char c = s[i];
            if ((c == '+' || c == '-') && "eEpP".Contains(s[i - 1]))
                i++;
            else if (IsIdentPart(c) || c == '.')
                i++;
            else
                break;
        }
        return i;
    }

    public static bool StartsPpNumber(string s, int i) =>
        IsDigit(s[i]) || (s[i] == '.' && i + 1 < s.Length && IsDigit(s[i + 1]));
}
