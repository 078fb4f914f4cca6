using System.Text;
using A64Asm.Assembler.Diagnostics;

namespace A64Asm.Assembler.Macros;

/// <summary>
/// Macro and .irp arguments in alternate macro mode (.altmacro), as GNU as 2.40 reads them from its scrubbed line:
/// <list type="bullet">
/// <item><c>%expr</c> is the decimal value of the absolute expression (<c>%1+2</c> is "3", <c>%-5</c> "-5");</item>
/// <item><c>&lt;text&gt;</c> is the text without its brackets, nested brackets kept, <c>!</c> taking the next
/// character as it is (<c>&lt;a!&gt;b&gt;</c> is "a&gt;b"); brackets and strings next to each other join
/// (<c>&lt;x&gt;&lt;y&gt;</c> is "xy");</item>
/// <item>a string keeps its double quotes (unlike normal mode), and inside it <c>!</c> escapes and <c>""</c> is
/// one quote. (GNU's documentation allows single quotes too, but on AArch64 its scrubber reads <c>'c</c> as a
/// character constant first; so does this reader);</item>
/// <item>anything else runs to a blank, a comma or a <c>&lt;</c>; arguments are separated by a comma or a blank;
/// <c>name=value</c> is not a keyword argument but a positional one.</item>
/// </list>
/// Blanks inside brackets follow the scrubber: kept only between two word characters.
/// </summary>
internal static class AltMacroArguments
{
    /// <param name="evaluate">Evaluates an absolute expression found at a text index of <paramref name="line"/>.</param>
    public static List<ArgumentToken> Read(SourceLine line, int start, Func<int, string, long> evaluate)
    {
        string text = line.Text;
        int end = SourceChars.TrimEnd(text, start, text.Length);
        var tokens = new List<ArgumentToken>();
        var sb = new StringBuilder();
        int i = SourceChars.SkipBlanks(text, start);
        while (i < end)
        {
            sb.Clear();
            int tokenStart = i;
            char c = text[i];
            if (c == '%')
                i = ReadExpression(line, i, end, sb, evaluate);
            else if (c is '"' or '<')
                i = ReadStrings(text, i, end, sb);
            else
                i = ReadPlain(text, i, end, sb);
            tokens.Add(new ArgumentToken(sb.ToString(), tokenStart, i));
            // GNU's sb_skip_comma: blanks, at most one comma, blanks.
            i = SourceChars.SkipBlanks(text, i);
            if (i < end && text[i] == ',')
                i = SourceChars.SkipBlanks(text, i + 1);
        }
        return tokens;
    }

    /// <summary>One value per parameter, positional only, defaults filled in (see <see cref="Read"/>).</summary>
    public static string[] Bind(MacroDefinition macro, SourceLine call, int nameStart, int argsStart, Func<int, string, long> evaluate)
    {
        var parameters = macro.Parameters;
        var values = new string[parameters.Length];
        string text = call.Text;
        int position = 0;
        var tokens = Read(call, argsStart, evaluate);
        foreach (var token in tokens)
        {
            if (position >= parameters.Length)
            {
                if (MacroArgumentBinder.IsTrailingComma(token, tokens))
                    break;
                throw new AsmError(call.At(token.Start), $"too many positional arguments for macro '{macro.Name}'");
            }
            if (parameters[position].Vararg)
            {
                values[position++] = text[token.Start..SourceChars.TrimEnd(text, token.Start, text.Length)];
                break;
            }
            values[position++] = token.Text;
        }
        for (int i = 0; i < parameters.Length; i++)
        {
            string? value = string.IsNullOrEmpty(values[i]) ? parameters[i].Default : values[i];
            if (parameters[i].Required && string.IsNullOrEmpty(value))
                throw new AsmError(call.At(nameStart),
                    $"missing value for required parameter '{parameters[i].Name}' in macro '{macro.Name}'");
            values[i] = value ?? "";
        }
        return values;
    }

    /// <summary>%expr: the expression runs as a plain argument would (to a separating blank, a comma or '&lt;').</summary>
    static int ReadExpression(SourceLine line, int i, int end, StringBuilder sb, Func<int, string, long> evaluate)
    {
        int from = SourceChars.SkipBlanks(line.Text, i + 1);
        var expression = new StringBuilder();
        int after = ReadPlain(line.Text, from, end, expression);
        if (expression.Length == 0)
            throw new AsmError(line.At(i), "% operator needs absolute expression");
        long value;
        try
        {
            value = evaluate(from, expression.ToString());
        }
        catch (AsmError)
        {
            throw new AsmError(line.At(i), "% operator needs absolute expression");
        }
        sb.Append(value);
        return after;
    }

    /// <summary>GNU's getstring: brackets and strings, one after another, into one argument.</summary>
    static int ReadStrings(string text, int i, int end, StringBuilder sb)
    {
        bool quoted = text[i] == '"';
        if (quoted) sb.Append('"');
        while (i < end && text[i] is '"' or '<')
            i = text[i] == '<' ? ReadBracketed(text, i, end, sb) : ReadQuoted(text, i, end, sb);
        if (quoted) sb.Append('"');
        return i;
    }

    static int ReadBracketed(string text, int i, int end, StringBuilder sb)
    {
        int nest = 0;
        int contentStart = sb.Length;
        for (i++; i < end && (text[i] != '>' || nest > 0); i++)
        {
            char c = text[i];
            if (c == '!' && i + 1 < end)
            {
                sb.Append(text[++i]);
                continue;
            }
            if (c == '>') nest--;
            else if (c == '<') nest++;
            if (SourceChars.IsBlank(c))
            {
                // The scrubber's rule: a blank survives only between two word characters.
                int next = SourceChars.SkipBlanks(text, i);
                if (sb.Length > contentStart && next < end && SourceChars.KeepsBlankAround(sb[^1]) && SourceChars.KeepsBlankAround(text[next]))
                    sb.Append(' ');
                i = next - 1;
                continue;
            }
            sb.Append(c);
        }
        return Math.Min(i + 1, end);
    }

    static int ReadQuoted(string text, int i, int end, StringBuilder sb)
    {
        for (i++; i < end; i++)
        {
            char c = text[i];
            if (c == '!' && i + 1 < end)
            {
                sb.Append(text[++i]);
            }
            else if (c == '\\' && i + 1 < end && text[i + 1] == '"')
            {
                sb.Append("\\\"");
                i++;
            }
            else if (c == '"')
            {
                if (i + 1 < end && text[i + 1] == '"')
                {
                    sb.Append('"');
                    i++;
                    continue;
                }
                return i + 1;
            }
            else
            {
                sb.Append(c);
            }
        }
        return end;
    }

    /// <summary>To a blank outside brackets, a comma or '&lt;'; quotes and character constants copied whole.</summary>
    static int ReadPlain(string text, int i, int end, StringBuilder sb) => ArgumentTokenizer.ReadPlain(text, i, end, sb, stopAtAngle: true);
}
