using A64Asm.Assembler.Diagnostics;

namespace A64Asm.Assembler.Preprocessing;

internal sealed partial class PreprocessorSession
{
    /// <summary>
    /// #line N ["file"], as cpp: the next line is line N (of "file"). Diagnostics, __LINE__ and __FILE__ follow it.
    /// The operands are macro-expanded when they are not already a number.
    /// </summary>
    void LineDirective(SourceFileCursor file, List<PpToken> tokens, PpToken end)
    {
        var operand = tokens.GetRange(2, tokens.Count - 2);
        if (operand.Count > 0 && operand[0].Kind != PpTokenKind.Number)
        {
            var expander = new MacroExpander(macros, this, new ExpansionBudget(options.MaxExpansionTokens), crossLines: false, inIfDirective: false);
            expander.Push(operand);
            operand = expander.ExpandAll();
        }
        if (operand.Count == 0)
            throw Error(end, "unexpected end of file after #line");
        var number = operand[0];
        if (!IsDigits(number.Text))
            throw Error(number, $"\"{number.Text}\" after #line is not a positive integer");
        if (!int.TryParse(number.Text, out int line))
        {
            Warn(number, "line number out of range");
            line = int.MaxValue;
        }
        string? name = null;
        if (operand.Count > 1)
        {
            var literal = operand[1];
            int at = 0;
            if (literal.Kind != PpTokenKind.StringLiteral || !literal.Text.StartsWith('"')
                || LineMarker.ReadQuoted(literal.Text, ref at) is not { } unquoted)
                throw Error(literal, $"\"{literal.Text}\" is not a valid filename");
            name = unquoted;
            if (operand.Count > 2)
                Warn(operand[2], "extra tokens at end of #line directive");
        }
        int markerLine = tokens[0].Line;
        int firstAfter = file.NextLine + 1;
        file.Markers.Renumber(markerLine, firstAfter, line, name, entered: false, returned: false);
        file.LineDirectives.Renumber(markerLine, firstAfter, line, name, entered: false, returned: false);
    }

    /// <summary>
    /// "# 12 \"file.S\" 1" in a .S (gcc -E output fed back): cpp in assembler mode passes such a line on as text, and
    /// gas then takes it for a comment, so __LINE__ and the output stay as gcc has them; only diagnostics follow the
    /// marker, to point at the original file and line. A line that is not a well-formed marker is ignored.
    /// </summary>
    void LineMarkerDirective(SourceFileCursor file, List<PpToken> tokens)
    {
        if (tokens.Count < 3 || !IsDigits(tokens[1].Text) || !int.TryParse(tokens[1].Text, out int line)
            || tokens[2].Kind != PpTokenKind.StringLiteral || !tokens[2].Text.StartsWith('"'))
            return;
        int at = 0;
        if (LineMarker.ReadQuoted(tokens[2].Text, ref at) is not { } name)
            return;
        bool entered = false, returned = false;
        for (int i = 3; i < tokens.Count; i++)
        {
            if (tokens[i].Text == "1") entered = true;
            else if (tokens[i].Text == "2") returned = true;
        }
        file.Markers.Renumber(tokens[0].Line, file.NextLine + 1, line, name, entered, returned);
    }

    static bool IsDigits(string s) => s.Length > 0 && s.All(char.IsAsciiDigit);
}
