namespace A64Asm.Assembler.Preprocessing;

/// <summary>
/// Splits logical lines into preprocessing tokens the way cpp does in assembler-with-cpp mode: comments become
/// white space, a quote with no closing quote on its line is plain text up to the end of the line.
/// </summary>
internal static class PpLexer
{
    static readonly string[] ThreeCharPuncts = ["<<=", ">>=", "..."];
    static readonly string[] TwoCharPuncts =
        ["->", "++", "--", "<<", ">>", "<=", ">=", "==", "!=", "&&", "||", "*=", "/=", "%=", "+=", "-=", "&=", "^=", "|=", "##"];
    const string SingleCharPuncts = "[](){}.&*+-~!/%<>^|?:;=,#";

    /// <summary>Reads one logical line (more than one physical line when a block comment spans lines).</summary>
    public static void ReadLogicalLine(SourceFileCursor cursor, List<PpToken> tokens, TokenTextPool pool)
    {
        var line = cursor.ReadSplicedLine();
        string s = line.Text;
        int i = 0, gapStart = 0;
        bool commentInGap = false;
        while (i < s.Length)
        {
            char c = s[i];
            if (PpChars.IsBlank(c)) { i++; continue; }
            if (c == '/' && i + 1 < s.Length && s[i + 1] == '/')
                break;
            if (c == '/' && i + 1 < s.Length && s[i + 1] == '*')
            {
                var (openLine, openCol) = line.Position(i);
                int close = s.IndexOf("*/", i + 2, StringComparison.Ordinal);
                while (close < 0)
                {
                    if (cursor.AtEnd)
                        throw cursor.Error(openLine, openCol, "unterminated comment");
                    line = cursor.ReadSplicedLine();
                    s = line.Text;
                    close = s.IndexOf("*/", StringComparison.Ordinal);
                }
                i = close + 2;
                commentInGap = true;
                continue;
            }
            var (kind, end) = Scan(s, i);
            var (ln, col) = line.Position(i);
            string ws = commentInGap ? " " : Gap(s, gapStart, i);
            tokens.Add(new PpToken(kind, TokenText(s, i, end, kind, pool), ln, col, ws));
            i = gapStart = end;
            commentInGap = false;
        }
    }

    /// <summary>Tokenizes text with no comments or line structure (macro paste results, -D values).</summary>
    public static List<PpToken> TokenizeFragment(string s, int line, int column)
    {
        var list = new List<PpToken>();
        int i = 0, gapStart = 0;
        while (i < s.Length)
        {
            if (PpChars.IsBlank(s[i]) || s[i] == '\n') { i++; continue; }
            var (kind, end) = Scan(s, i);
            list.Add(new PpToken(kind, s.Substring(i, end - i), line, column, Gap(s, gapStart, i)));
            i = gapStart = end;
        }
        return list;
    }

    /// <summary>The kind and end of the token starting at <paramref name="i"/> (not white space).</summary>
    public static (PpTokenKind Kind, int End) Scan(string s, int i)
    {
        char c = s[i];
        if (PpChars.StartsPpNumber(s, i))
            return (PpTokenKind.Number, PpChars.SkipPpNumber(s, i));
        if (PpChars.IsIdentStart(c))
            return (PpTokenKind.Identifier, PpChars.SkipIdentifier(s, i + 1));
        if (c == '\'' || c == '"')
        {
            int close = FindClosingQuote(s, i);
            if (close < 0)
                return (PpTokenKind.Other, s.Length);
            return (c == '"' ? PpTokenKind.StringLiteral : PpTokenKind.CharLiteral, close + 1);
        }
        if (i + 2 < s.Length && IsThreeCharPunct(c, s[i + 1], s[i + 2]))
            return (PpTokenKind.Punctuator, i + 3);
        if (i + 1 < s.Length && IsTwoCharPunct(c, s[i + 1]))
            return (PpTokenKind.Punctuator, i + 2);
        if (SingleCharPuncts.Contains(c))
            return (PpTokenKind.Punctuator, i + 1);
        return (PpTokenKind.Other, char.IsHighSurrogate(c) && i + 1 < s.Length ? i + 2 : i + 1);
    }

    public static bool IsThreeCharPunct(char a, char b, char c)
    {
        foreach (var p in ThreeCharPuncts)
            if (p[0] == a && p[1] == b && p[2] == c)
                return true;
        return false;
    }

    public static bool IsTwoCharPunct(char a, char b)
    {
        foreach (var p in TwoCharPuncts)
            if (p[0] == a && p[1] == b)
                return true;
        return false;
    }

    static int FindClosingQuote(string s, int open)
    {
        char q = s[open];
        for (int j = open + 1; j < s.Length; j++)
        {
            if (s[j] == '\\') j++;
            else if (s[j] == q) return j;
        }
        return -1;
    }

    static string TokenText(string s, int start, int end, PpTokenKind kind, TokenTextPool pool) =>
        kind is PpTokenKind.Identifier or PpTokenKind.Number or PpTokenKind.Punctuator
            ? pool.Get(s.AsSpan(start, end - start))
            : s.Substring(start, end - start);

    static string Gap(string s, int start, int end) => (end - start) switch
    {
        0 => "",
        1 => s[start] == ' ' ? " " : s[start] == '\t' ? "\t" : s.Substring(start, 1),
        _ => s.Substring(start, end - start),
    };
}
