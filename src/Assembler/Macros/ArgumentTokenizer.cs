using System.Text;

namespace A64Asm.Assembler.Macros;

/// <summary>One argument as gas sees it after scrubbing: <see cref="Text"/> has its insignificant blanks removed;
/// [Start, End) is where it stands in the statement.</summary>
internal readonly record struct ArgumentToken(string Text, int Start, int End);

/// <summary>
/// Splits macro arguments, macro parameter lists and .irp values the way gas does: a comma, or a blank between two
/// word characters (<c>m 1 2</c>), separates; other blanks vanish (<c>m 1 + 2</c> is one argument "1+2").
/// Parentheses stop blanks from separating, but not commas. A trailing comma yields a last, empty argument.
/// </summary>
internal static class ArgumentTokenizer
{
    public static List<ArgumentToken> Split(string text, int start, int end)
    {
        var tokens = new List<ArgumentToken>();
        var sb = new StringBuilder();
        int i = SourceChars.SkipBlanks(text, start);
        bool afterComma = false;
        while (i < end)
        {
            sb.Clear();
            int tokenStart = i;
            i = ReadOne(text, i, end, sb);
            tokens.Add(new ArgumentToken(sb.ToString(), tokenStart, SourceChars.TrimEnd(text, tokenStart, i)));
            i = SourceChars.SkipBlanks(text, i);
            afterComma = i < end && text[i] == ',';
            if (afterComma)
                i = SourceChars.SkipBlanks(text, i + 1);
        }
        if (afterComma)
            tokens.Add(new ArgumentToken("", end, end));
        return tokens;
    }

    static int ReadOne(string text, int i, int end, StringBuilder sb)
    {
        // Inside parentheses a kept blank does not separate (gas: "a(b c)d" is one argument); a comma still does.
        int parens = 0;
        while (i < end)
        {
            char c = text[i];
            if (c == ',')
                return i;
            if (c == '"')
            {
                int close = Math.Min(SourceChars.SkipString(text, i), end - 1);
                sb.Append(text, i, close - i + 1);
                i = close + 1;
            }
            else if (c == '\'')
            {
                int last = Math.Min(SourceChars.SkipCharConstant(text, i), end - 1);
                sb.Append(text, i, last - i + 1);
                i = last + 1;
            }
            else if (SourceChars.IsBlank(c))
            {
                int next = SourceChars.SkipBlanks(text, i);
                if (next >= end || text[next] == ',')
                    return next;
                if (sb.Length > 0 && SourceChars.KeepsBlankAround(sb[^1]) && SourceChars.KeepsBlankAround(text[next]))
                {
                    if (parens == 0)
                        return next;
                    sb.Append(' ');
                }
                i = next;
            }
            else
            {
                if (c == '(')
                    parens++;
                else if (c == ')' && parens > 0)
                    parens--;
                sb.Append(c);
                i++;
            }
        }
        return i;
    }

    /// <summary>gas drops the quotes around an argument that is one whole string: <c>"a b"</c> passes <c>a b</c>.</summary>
    public static string Unquote(string value)
    {
        if (value.Length >= 2 && value[0] == '"' && SourceChars.SkipString(value, 0) == value.Length - 1 && value[^1] == '"')
            return value[1..^1];
        return value;
    }

    /// <summary>Removes the blanks gas's scrubber would remove (used for .ifc operands).</summary>
    public static string Scrub(string text)
    {
        var sb = new StringBuilder(text.Length);
        ReadAll(text, sb);
        return sb.ToString();
    }

    static void ReadAll(string text, StringBuilder sb)
    {
        int i = SourceChars.SkipBlanks(text, 0);
        int end = SourceChars.TrimEnd(text, i, text.Length);
        while (i < end)
        {
            int stop = ReadOne(text, i, end, sb);
            if (stop >= end)
                break;
            if (text[stop] == ',')
            {
                sb.Append(',');
                i = SourceChars.SkipBlanks(text, stop + 1);
            }
            else
            {
                sb.Append(' ');
                i = stop;
            }
        }
    }
}
