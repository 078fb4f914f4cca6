using System.Text;

namespace A64Asm.Assembler.Macros;

/// <summary>One argument as gas sees it after scrubbing: <see cref="Text"/> has its insignificant blanks removed;
/// [Start, End) is where it stands in the statement.</summary>
internal readonly record struct ArgumentToken(string Text, int Start, int End);

/// <summary>
/// Splits macro arguments, macro parameter lists and .irp values the way gas does (checked against gas 2.40):
/// <list type="bullet">
/// <item>a comma separates; so does a blank between two word characters (<c>m 1 2</c>), while other blanks vanish
/// (<c>m 1 + 2</c> is one argument "1+2"), as gas's input scrubber leaves them;</item>
/// <item>inside (...) or [...] blanks do not separate (<c>a(b c)d</c>), but commas still do;</item>
/// <item>an argument that starts with a quote ends at the closing quote (<c>"q r"1</c> is two arguments), while
/// quotes later in an argument are copied with what they enclose;</item>
/// <item>a trailing comma yields a last, empty argument.</item>
/// </list>
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
            i = text[i] == '"' ? ReadQuoted(text, i, end, sb) : ReadPlain(text, i, end, sb);
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

    static int ReadQuoted(string text, int i, int end, StringBuilder sb)
    {
        int close = Math.Min(SourceChars.SkipString(text, i), end - 1);
        sb.Append(text, i, close - i + 1);
        return close + 1;
    }

    /// <summary>To a blank outside brackets or a comma (in alternate macro mode also a '&lt;', which opens a quoted
    /// piece); quotes and character constants copied whole.</summary>
    internal static int ReadPlain(string text, int i, int end, StringBuilder sb, bool stopAtAngle = false)
    {
        // Open brackets, innermost last; a closer only closes its own kind, as in gas.
        Stack<char>? brackets = null;
        while (i < end)
        {
            char c = text[i];
            if (c == ',' || (stopAtAngle && c == '<'))
                return i;
            if (c == '"')
            {
                i = ReadQuoted(text, i, end, sb);
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
                    if (brackets is not { Count: > 0 })
                        return next;
                    sb.Append(' ');
                }
                i = next;
            }
            else
            {
                if (c is '(' or '[')
                    (brackets ??= new Stack<char>()).Push(c);
                else if (brackets is { Count: > 0 } && (c == ')' && brackets.Peek() == '(' || c == ']' && brackets.Peek() == '['))
                    brackets.Pop();
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

    /// <summary>The text as gas's scrubber leaves it: strings kept, a blank kept only between two word characters.</summary>
    public static string Scrub(string text)
    {
        var sb = new StringBuilder(text.Length);
        int end = SourceChars.TrimEnd(text, 0, text.Length);
        for (int i = SourceChars.SkipBlanks(text, 0); i < end; i++)
        {
            char c = text[i];
            if (c == '"')
            {
                int close = SourceChars.SkipString(text, i);
                sb.Append(text, i, close - i + 1);
                i = close;
            }
            else if (SourceChars.IsBlank(c))
            {
                int next = SourceChars.SkipBlanks(text, i);
                if (sb.Length > 0 && SourceChars.KeepsBlankAround(sb[^1]) && SourceChars.KeepsBlankAround(text[next]))
                    sb.Append(' ');
                i = next - 1;
            }
            else
                sb.Append(c);
        }
        return sb.ToString();
    }
}
