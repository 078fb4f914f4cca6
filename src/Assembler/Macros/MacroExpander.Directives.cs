using A64Asm.Assembler.Diagnostics;

namespace A64Asm.Assembler.Macros;

public sealed partial class MacroExpander
{
    void Run(Directive directive, SourceLine statement, StatementHead head)
    {
        var at = statement.At(head.KeywordStart);
        switch (directive)
        {
            case Directive.Macro: DefineMacro(statement, head); break;
            // gas only warns about these three.
            case Directive.Endm: diagnostics.Warning(at, ".endm without .macro"); break;
            case Directive.Exitm: ExitExpansion(at); break;
            case Directive.Purgem: PurgeMacros(statement, head); break;
            case Directive.AltMacro: altMacro = true; break;
            case Directive.NoAltMacro: altMacro = false; break;
            case Directive.Rept: Repeat(statement, head); break;
            case Directive.Irp: Iterate(statement, head, perCharacter: false); break;
            case Directive.Irpc: Iterate(statement, head, perCharacter: true); break;
            case Directive.Endr: diagnostics.Warning(at, ".endr without .rept, .irp or .irpc"); break;
            case Directive.Include: Include(statement, head); break;
            case Directive.Err: throw new AsmError(at, ".err encountered");
            case Directive.Error:
                throw new AsmError(at, OptionalMessage(statement, head) ?? ".error directive invoked in source file");
            case Directive.Warning:
                diagnostics.Warning(at, OptionalMessage(statement, head) ?? ".warning directive invoked in source file");
                break;
            case Directive.Print:
                options.Print(OptionalMessage(statement, head) ?? throw new AsmError(at, "expected a quoted string after .print"));
                break;
            case Directive.End: EndInput(); break;
            default: Conditional(directive, statement, head); break;
        }
    }

    void DefineMacro(SourceLine statement, StatementHead head)
    {
        var (name, parameters) = MacroSignatureParser.Parse(statement, head.KeywordEnd);
        var at = statement.At(SourceChars.SkipBlanks(statement.Text, head.KeywordEnd));
        if (Directives.Lookup(name) != Directive.None)
            throw new AsmError(at, $"cannot define a macro named '{name}': it is a directive");
        if (macros.ContainsKey(name))
            throw new AsmError(at, $"macro '{name}' is already defined");
        collector = new BlockCollector(isMacro: true, statement.At(head.KeywordStart), $"unterminated .macro '{name}'",
            body => macros[name] = new MacroDefinition(name, parameters, body, at));
    }

    void Call(MacroDefinition macro, SourceLine statement, StatementHead head)
    {
        var at = statement.At(head.KeywordStart);
        if (macroDepth >= options.MaxMacroDepth)
            throw new AsmError(at, $"macro nesting exceeds the limit of {options.MaxMacroDepth}");
        if (macrosExecuted >= options.MaxMacroCalls)
            throw new AsmError(at, $"macro expansions exceed the limit of {options.MaxMacroCalls} (use --max-expansions to raise it)");
        var frame = new ExpansionFrame(ExpansionKind.MacroExpandedFrom, macro.Name, at.Pos, statement.Location.Context);
        if (altMacro)
        {
            // The mode of the call decides, and the body is substituted whole now, as GNU does.
            var actuals = AltMacroArguments.Bind(macro, statement, head.KeywordStart, head.KeywordEnd, Evaluator(statement));
            var scope = new Dictionary<string, string>(StringComparer.Ordinal);
            for (int i = 0; i < actuals.Length; i++)
                scope.TryAdd(macro.ParameterNames[i], actuals[i]);
            var lines = AltBodySubstituter.SubstituteAll(macro.Body, scope, macrosExecuted, frame, options.MaxLineLength, NewLocalLabel);
            PushSource(new MacroExpansionSource(macro, actuals, macrosExecuted++, frame, at, conditionals.Depth, options.MaxLineLength, lines));
            return;
        }
        var values = MacroArgumentBinder.Bind(macro, statement, head.KeywordStart, head.KeywordEnd);
        PushSource(new MacroExpansionSource(macro, values, macrosExecuted++, frame, at, conditionals.Depth, options.MaxLineLength));
    }

    /// <summary>GNU's names for LOCAL labels in ELF output: .LL0001 onwards, hexadecimal, over the whole run.</summary>
    string NewLocalLabel() => $".LL{++localLabels:x4}";

    Func<int, string, long> Evaluator(SourceLine statement) => (index, expression) => host.EvaluateAbsolute(statement, index, expression);

    /// <summary>
    /// Like gas, .exitm leaves the innermost expansion, which may be a .rept/.irp (all its remaining rounds) rather
    /// than the macro around it.
    /// </summary>
    void ExitExpansion(SourceLocation at)
    {
        if (expansionDepth == 0)
        {
            diagnostics.Warning(at, "ignoring .exitm outside a macro");
            return;
        }
        // The rest of the current line belongs to the expansion being left.
        pending.Clear();
        pendingNext = 0;
        while (sources[^1] is not ExpansionSource)
            PopSource(checkConditionals: false);
        conditionals.TruncateTo(((ExpansionSource)sources[^1]).ConditionalDepth);
        PopSource(checkConditionals: false);
    }

    void PurgeMacros(SourceLine statement, StatementHead head)
    {
        foreach (var token in ArgumentTokenizer.Split(statement.Text, head.KeywordEnd, statement.Text.Length))
        {
            if (token.Text.Length > 0 && !macros.Remove(token.Text))
                diagnostics.Warning(statement.At(token.Start), $"attempt to purge non-existing macro '{token.Text}'");
        }
    }

    void Repeat(SourceLine statement, StatementHead head)
    {
        var at = statement.At(head.KeywordStart);
        long count = EvaluateOperand(statement, head, ".rept");
        int operand = SourceChars.SkipBlanks(statement.Text, head.KeywordEnd);
        if (count < 0)
            throw new AsmError(statement.At(operand), $"negative .rept count {count}");
        if (count > options.MaxRepeatCount)
            throw new AsmError(statement.At(operand), $".rept count {count} exceeds the limit of {options.MaxRepeatCount} (use --max-rept to raise it)");
        var frame = new ExpansionFrame(ExpansionKind.RepeatExpandedFrom, ".rept", at.Pos, statement.Location.Context);
        collector = new BlockCollector(isMacro: false, at, "unterminated .rept", body =>
        {
            var lines = body.ConvertAll(line => new SourceLine(line.Text, new SourceLocation(line.Location.Pos, frame), line.ColumnMap));
            PushSource(new RepeatSource(lines.ToArray(), count, at, conditionals.Depth));
        });
    }

    void Iterate(SourceLine statement, StatementHead head, bool perCharacter)
    {
        string text = statement.Text;
        string name = perCharacter ? ".irpc" : ".irp";
        var at = statement.At(head.KeywordStart);
        int symbolStart = SourceChars.SkipBlanks(text, head.KeywordEnd);
        int symbolEnd = SourceChars.ScanName(text, symbolStart);
        if (symbolEnd == symbolStart)
            throw new AsmError(statement.At(symbolStart), $"expected a symbol name after {name}");
        int rest = SourceChars.SkipBlanks(text, symbolEnd);
        if (rest < text.Length && text[rest] == ',')
            rest++;
        bool alternate = altMacro;
        var values = perCharacter ? CharacterValues(text, rest)
            : alternate ? AltListValues(statement, rest) : ListValues(text, rest);
        var frame = new ExpansionFrame(ExpansionKind.RepeatExpandedFrom, name, at.Pos, statement.Location.Context);
        collector = new BlockCollector(isMacro: false, at, $"unterminated {name}",
            body => PushSource(new IterationSource(body, text[symbolStart..symbolEnd], values, frame, at, conditionals.Depth,
                options.MaxLineLength, alternate)));
    }

    /// <summary>gas runs the body once, with an empty value, when the list is empty.</summary>
    static List<string> ListValues(string text, int start)
    {
        var values = ArgumentTokenizer.Split(text, start, text.Length).ConvertAll(t => ArgumentTokenizer.Unquote(t.Text));
        return values.Count == 0 ? [""] : values;
    }

    List<string> AltListValues(SourceLine statement, int start)
    {
        var values = AltMacroArguments.Read(statement, start, Evaluator(statement)).ConvertAll(t => t.Text);
        return values.Count == 0 ? [""] : values;
    }

    static List<string> CharacterValues(string text, int start)
    {
        int from = SourceChars.SkipBlanks(text, start);
        string chars = ArgumentTokenizer.Unquote(text[from..SourceChars.TrimEnd(text, from, text.Length)]);
        return chars.Length == 0 ? [""] : chars.Select(c => c.ToString()).ToList();
    }

    void EndInput()
    {
        ended = true;
        pending.Clear();
        pendingNext = 0;
        while (sources.Count > 0)
            PopSource(checkConditionals: false);
    }

    long EvaluateOperand(SourceLine statement, StatementHead head, string directive)
    {
        string text = statement.Text;
        int start = SourceChars.SkipBlanks(text, head.KeywordEnd);
        int end = SourceChars.TrimEnd(text, start, text.Length);
        if (start >= end)
            throw new AsmError(statement.At(start), $"missing expression after {directive}");
        return host.EvaluateAbsolute(statement, start, text[start..end]);
    }

    /// <summary>The unescaped string operand, or null when there is none.</summary>
    static string? OptionalMessage(SourceLine statement, StatementHead head)
    {
        string text = statement.Text;
        int start = SourceChars.SkipBlanks(text, head.KeywordEnd);
        if (start >= text.Length)
            return null;
        return QuotedString.Read(statement, start, out _);
    }
}
