using System.Text;
using A64Asm.Assembler.Diagnostics;

namespace A64Asm.Assembler.Macros;

/// <summary>
/// Body substitution in alternate macro mode, as GNU as 2.40's macro_expand_body does it there:
/// <list type="bullet">
/// <item>a parameter is replaced wherever its name stands as a whole name, without a backslash, inside strings too
/// (<c>.ascii "a"</c> with <c>a</c>=xy gives <c>"xy"</c>); one <c>&amp;</c> and then one <c>'</c> right after a
/// name are dropped, so <c>a&amp;1</c> joins the value and "1"; a name that is no parameter is copied without them;</item>
/// <item><c>&amp;name</c> and <c>&amp;name&amp;</c> are the parameter too; before anything else the <c>&amp;</c> stays;</item>
/// <item><c>\name</c>, <c>\()</c> and <c>\@</c> work as in normal mode;</item>
/// <item>in a macro (not .irp), <c>LOCAL a, b</c> outside a string makes each name a new local label for the rest
/// of this expansion, <c>.LL0001</c> onwards (hexadecimal, counted over the whole run), and leaves the line
/// empty from there on.</item>
/// </list>
/// A body is substituted whole when the call is made, as GNU does, so the locals of an expansion are numbered
/// before those of the macros it calls.
/// </summary>
internal sealed class AltBodySubstituter(Dictionary<string, string> values, long expansionNumber, ExpansionFrame frame,
    long maxLength, Func<string>? newLocal)
{
    /// <param name="newLocal">Gives the next local label name; null where LOCAL is not special (.irp, .irpc).</param>
    public static List<SourceLine> SubstituteAll(IEnumerable<SourceLine> body, Dictionary<string, string> values,
        long expansionNumber, ExpansionFrame frame, long maxLength, Func<string>? newLocal)
    {
        var substituter = new AltBodySubstituter(values, expansionNumber, frame, maxLength, newLocal);
        return body.Select(substituter.Substitute).ToList();
    }

    public SourceLine Substitute(SourceLine body)
    {
        string text = body.Text;
        var location = new SourceLocation(body.Location.Pos, frame);
        var sb = new StringBuilder(text.Length + 16);
        var map = new List<int>(text.Length + 16);
        bool inQuote = false;
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            int column = LineSlicer.ColumnOf(body, i);
            if (c == '&')
            {
                int nameEnd = SourceChars.ScanName(text, i + 1);
                if (nameEnd > i + 1 && values.TryGetValue(text[(i + 1)..nameEnd], out var value))
                {
                    // Up to two '&' after the name go: the name's own joiner, then the closing mark of "&name&".
                    int after = nameEnd;
                    for (int k = 0; k < 2 && after < text.Length && text[after] == '&'; k++) after++;
                    BodySubstituter.Insert(value, column, sb, map);
                    i = after;
                }
                else
                {
                    int after = nameEnd < text.Length && text[nameEnd] == '&' ? nameEnd + 1 : nameEnd;
                    BodySubstituter.CopyLiteral(body, i, after, sb, map);
                    i = after;
                }
            }
            else if (c == '\\')
            {
                i = Backslash(body, i, sb, map);
            }
            else if (SourceChars.IsNameStart(c))
            {
                int nameEnd = SourceChars.ScanName(text, i);
                string name = text[i..nameEnd];
                if (newLocal is not null && !inQuote && name.Equals("LOCAL", StringComparison.OrdinalIgnoreCase)
                    && nameEnd < text.Length && SourceChars.IsBlank(text[nameEnd]))
                {
                    DeclareLocals(body, nameEnd);
                    break;
                }
                int after = SkipJoiners(text, nameEnd);
                if (values.TryGetValue(name, out var value))
                    BodySubstituter.Insert(value, column, sb, map);
                else
                    BodySubstituter.CopyLiteral(body, i, nameEnd, sb, map);
                i = after;
            }
            else
            {
                if (c == '"') inQuote = !inQuote;
                BodySubstituter.CopyLiteral(body, i, i + 1, sb, map);
                i++;
            }
            if (sb.Length > maxLength)
                throw new AsmError(location, MacroExpander.LineTooLong(maxLength));
        }
        map.Add(LineSlicer.ColumnOf(body, text.Length));
        return new SourceLine(sb.ToString(), location, map.ToArray());
    }

    /// <summary>After a name: one '&amp;' (alternate mode's joiner), then one '''.</summary>
    static int SkipJoiners(string text, int i)
    {
        if (i < text.Length && text[i] == '&') i++;
        if (i < text.Length && text[i] == '\'') i++;
        return i;
    }

    void DeclareLocals(SourceLine body, int i)
    {
        string text = body.Text;
        i = SourceChars.SkipBlanks(text, i);
        while (i < text.Length)
        {
            int nameEnd = SourceChars.ScanName(text, i);
            if (nameEnd == i)
                throw new AsmError(body.At(i), "LOCAL expects label names");
            string name = text[i..nameEnd];
            if (!values.TryAdd(name, newLocal!()))
                throw new AsmError(body.At(i), $"'{name}' was already used as parameter (or another local) name");
            i = SourceChars.SkipBlanks(text, nameEnd);
            if (i < text.Length && text[i] == ',')
                i = SourceChars.SkipBlanks(text, i + 1);
        }
    }

    int Backslash(SourceLine body, int i, StringBuilder sb, List<int> map)
    {
        string text = body.Text;
        int column = LineSlicer.ColumnOf(body, i);
        if (i + 2 < text.Length && text[i + 1] == '(' && text[i + 2] == ')')
            return i + 3;
        if (i + 1 < text.Length && text[i + 1] == '@' && expansionNumber >= 0)
        {
            BodySubstituter.Insert(expansionNumber.ToString(), column, sb, map);
            return i + 2;
        }
        int nameEnd = SourceChars.ScanName(text, i + 1);
        if (nameEnd > i + 1)
        {
            int after = SkipJoiners(text, nameEnd);
            if (values.TryGetValue(text[(i + 1)..nameEnd], out var value))
            {
                BodySubstituter.Insert(value, column, sb, map);
                return after;
            }
            BodySubstituter.CopyLiteral(body, i, nameEnd, sb, map);
            return after;
        }
        BodySubstituter.CopyLiteral(body, i, i + 1, sb, map);
        return i + 1;
    }
}
