using A64Asm.Assembler.Diagnostics;

namespace A64Asm.Assembler.Macros;

public sealed partial class MacroExpander
{
    void Conditional(Directive directive, SourceLine statement, StatementHead head)
    {
        var at = statement.At(head.KeywordStart);
        string keyword = head.Keyword(statement.Text).ToString().ToLowerInvariant();
        switch (directive)
        {
            case Directive.Else: conditionals.Else(at); break;
            case Directive.ElseIf: conditionals.ElseIf(at, () => EvaluateOperand(statement, head, keyword) != 0); break;
            case Directive.EndIf: conditionals.EndIf(at); break;
            default: conditionals.If(at, () => Condition(directive, keyword, statement, head)); break;
        }
    }

    bool Condition(Directive directive, string keyword, SourceLine statement, StatementHead head) => directive switch
    {
        Directive.If or Directive.IfNe => EvaluateOperand(statement, head, keyword) != 0,
        Directive.IfEq => EvaluateOperand(statement, head, keyword) == 0,
        Directive.IfGt => EvaluateOperand(statement, head, keyword) > 0,
        Directive.IfGe => EvaluateOperand(statement, head, keyword) >= 0,
        Directive.IfLt => EvaluateOperand(statement, head, keyword) < 0,
        Directive.IfLe => EvaluateOperand(statement, head, keyword) <= 0,
        Directive.IfDef => host.IsSymbolDefined(SymbolOperand(statement, head, keyword)),
        Directive.IfNotDef => !host.IsSymbolDefined(SymbolOperand(statement, head, keyword)),
        Directive.IfB => IsBlankOperand(statement, head),
        Directive.IfNb => !IsBlankOperand(statement, head),
        Directive.IfC => SameText(statement, head, keyword),
        Directive.IfNc => !SameText(statement, head, keyword),
        Directive.IfEqs => SameString(statement, head),
        Directive.IfNes => !SameString(statement, head),
        _ => throw new InvalidOperationException($"not a conditional: {directive}"),
    };

    static string SymbolOperand(SourceLine statement, StatementHead head, string keyword)
    {
        string text = statement.Text;
        int start = SourceChars.SkipBlanks(text, head.KeywordEnd);
        int end = SourceChars.ScanName(text, start);
        if (end == start)
            throw new AsmError(statement.At(start), $"expected a symbol name after {keyword}");
        if (SourceChars.SkipBlanks(text, end) < text.Length)
            throw new AsmError(statement.At(SourceChars.SkipBlanks(text, end)), $"junk after the symbol name of {keyword}");
        return text[start..end];
    }

    static bool IsBlankOperand(SourceLine statement, StatementHead head) =>
        SourceChars.SkipBlanks(statement.Text, head.KeywordEnd) >= statement.Text.Length;

    /// <summary>.ifc compares the two operands as gas's scrubber leaves them: quotes kept, insignificant blanks gone.</summary>
    static bool SameText(SourceLine statement, StatementHead head, string keyword)
    {
        string text = statement.Text;
        int comma = -1;
        for (int i = head.KeywordEnd; i < text.Length && comma < 0; i++)
        {
            if (text[i] == '"')
                i = SourceChars.SkipString(text, i);
            else if (text[i] == ',')
                comma = i;
        }
        if (comma < 0)
            throw new AsmError(statement.At(text.Length), $"expected a comma after the first operand of {keyword}");
        return ArgumentTokenizer.Scrub(text[head.KeywordEnd..comma]) == ArgumentTokenizer.Scrub(text[(comma + 1)..]);
    }

    static bool SameString(SourceLine statement, StatementHead head)
    {
        string text = statement.Text;
        string first = QuotedString.Read(statement, SourceChars.SkipBlanks(text, head.KeywordEnd), out int end);
        int comma = SourceChars.SkipBlanks(text, end);
        if (comma >= text.Length || text[comma] != ',')
            throw new AsmError(statement.At(comma), "expected a comma after the first string");
        string second = QuotedString.Read(statement, SourceChars.SkipBlanks(text, comma + 1), out end);
        int junk = SourceChars.SkipBlanks(text, end);
        if (junk < text.Length)
            throw new AsmError(statement.At(junk), "junk after the second string");
        return first == second;
    }
}
