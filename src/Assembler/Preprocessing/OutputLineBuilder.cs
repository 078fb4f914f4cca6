using System.Text;
using A64Asm.Assembler.Diagnostics;

namespace A64Asm.Assembler.Preprocessing;

/// <summary>
/// Joins the tokens of one output line into text plus a column map. Untouched tokens keep their columns and the
/// white space before them; macro output maps to the macro name. A space is added where two tokens would
/// otherwise lex as one (as cpp's output does).
/// </summary>
internal sealed class OutputLineBuilder
{
    readonly StringBuilder text = new();
    readonly List<int> columns = new();
    PpToken previous;
    int lastColumn;

    public int Line { get; private set; }
    public bool IsEmpty => columns.Count == 0;

    public void Start(int line)
    {
        text.Clear();
        columns.Clear();
        Line = line;
        lastColumn = 1;
    }

    public void Add(PpToken t)
    {
        bool onLine = t.Line == Line;
        int col = onLine ? t.Column : lastColumn;
        if (onLine)
            lastColumn = t.Column;
        bool exact = onLine && !t.Has(PpTokenFlags.FromMacro);

        string ws = t.Ws;
        if (ws.Length == 0 && !IsEmpty && TokenSpacing.NeedsSpace(previous, t))
            ws = " ";
        for (int k = 0; k < ws.Length; k++)
        {
            text.Append(ws[k] == '\n' ? ' ' : ws[k]);
            columns.Add(exact ? Math.Max(1, col - ws.Length + k) : col);
        }
        text.Append(t.Text);
        for (int k = 0; k < t.Text.Length; k++)
            columns.Add(exact ? col + k : col);
        previous = t;
    }

    /// <summary>The finished line, or null when it holds nothing but white space.</summary>
    bool IsSourceLineItself(SourceFileCursor file, string result)
    {
        string source = file.Text.LineText(Line);
        if (!source.StartsWith(result, StringComparison.Ordinal))
            return false;
        for (int i = 0; i < result.Length; i++)
            if (columns[i] != i + 1)
                return false;
        return true;
    }

    public SourceLine? Finish(SourceFileCursor file)
    {
        int len = text.Length;
        while (len > 0 && PpChars.IsBlank(text[len - 1])) len--;
        int start = 0;
        while (start < len && PpChars.IsBlank(text[start])) start++;
        if (start == len)
            return null;
        string result = text.ToString(0, len);
        if (IsSourceLineItself(file, result))
            return new SourceLine(result, file.Locate(Line, 1));
        var map = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(columns)[..len].ToArray();
        return new SourceLine(result, file.Locate(Line, map[0]), map);
    }
}

/// <summary>Decides where output needs a space so re-lexing gives the same tokens (cpp's "avoid paste").</summary>
internal static class TokenSpacing
{
    public static bool NeedsSpace(PpToken left, PpToken right)
    {
        if (left.Text.Length == 0 || right.Text.Length == 0)
            return false;
        char a = left.Text[^1], b = right.Text[0];
        bool leftWord = left.Kind is PpTokenKind.Identifier or PpTokenKind.Number;
        if (leftWord && PpChars.IsIdentPart(b))
            return true;
        if (left.Kind == PpTokenKind.Number && (b == '.' || ((b == '+' || b == '-') && "eEpP".Contains(a))))
            return true;
        if (left.Is(".") && right.Kind == PpTokenKind.Number)
            return true;
        if (left.Kind != PpTokenKind.Punctuator || right.Kind != PpTokenKind.Punctuator)
            return false;
        if (a == '/' && (b == '/' || b == '*'))
            return true;
        return left.Text.Length switch
        {
            1 => PpLexer.IsTwoCharPunct(a, b) || (a == '.' && right.Text.StartsWith("..", StringComparison.Ordinal)),
            2 => PpLexer.IsThreeCharPunct(left.Text[0], a, b),
            _ => false,
        };
    }
}
