namespace A64Asm.Assembler.Preprocessing;

/// <summary>
/// Expands macros in a token stream (C 6.10.3, with Prosser's hide sets so a macro never expands inside its own
/// expansion). Pending tokens sit on a stack; a function-like call may pull further lines from the host.
/// </summary>
internal sealed class MacroExpander
{
    public const int MaxNesting = 200;

    readonly MacroTable macros;
    readonly IExpansionHost host;
    readonly ExpansionBudget budget;
    readonly bool crossLines;
    readonly bool inIfDirective;
    readonly int nesting;
    readonly List<PpToken> stack = new(); // next token at the end
    readonly List<PpToken> lookahead = new();

    public MacroExpander(MacroTable macros, IExpansionHost host, ExpansionBudget budget,
                         bool crossLines, bool inIfDirective, int nesting = 0)
    {
        this.macros = macros;
        this.host = host;
        this.budget = budget;
        this.crossLines = crossLines;
        this.inIfDirective = inIfDirective;
        this.nesting = nesting;
    }

    /// <summary>Queues tokens to be read before anything already pending.</summary>
    public void Push(IReadOnlyList<PpToken> tokens, int start = 0)
    {
        for (int i = tokens.Count - 1; i >= start; i--)
            stack.Add(tokens[i]);
    }

    public List<PpToken> ExpandAll()
    {
        var output = new List<PpToken>();
        while (TryNext(out var t))
            output.Add(t);
        return output;
    }

    /// <summary>The next fully expanded token; false when nothing is pending (a new line is not read here).</summary>
    public bool TryNext(out PpToken token)
    {
        while (stack.Count > 0)
        {
            var t = Pop();
            if (t.Kind == PpTokenKind.Placemarker)
                continue;
            token = t;
            if (!t.IsIdentifier || t.Has(PpTokenFlags.NoExpand))
                return true;
            if (inIfDirective && t.Text == "defined")
            {
                token = EvaluateDefined(t);
                return true;
            }
            var macro = macros.Get(t.Text);
            if (macro is null)
            {
                if (t.Text == "_Pragma" && !inIfDirective)
                {
                    SkipPragmaOperator(t);
                    continue;
                }
                return true;
            }
            if (macro.Builtin is BuiltinMacro.HasInclude or BuiltinMacro.HasIncludeNext)
            {
                token = EvaluateHasInclude(t, macro.Builtin == BuiltinMacro.HasIncludeNext);
                return true;
            }
            if (t.Hide?.Contains(macro.Name) == true)
            {
                token = t.WithFlags(t.Flags | PpTokenFlags.NoExpand);
                return true;
            }
            if (macro.Builtin != BuiltinMacro.None)
            {
                token = host.Builtin(macro.Builtin, t).WithWs(t.Ws);
                return true;
            }
            if (macro.IsVerbatim)
            {
                PushBody(t, macro, HideSet.Union(t.Hide, macro.Self));
                continue;
            }
            if (!macro.IsFunctionLike)
            {
                PushExpansion(t, new MacroSubstitution(macro, t, [], this).Run(), HideSet.Union(t.Hide, macro.Self));
                continue;
            }
            if (!NextIsOpenParen())
                return true;
            var args = CollectArguments(t, macro, out var closeParen);
            var hide = HideSet.Union(HideSet.Intersect(t.Hide, closeParen.Hide), macro.Self);
            PushExpansion(t, new MacroSubstitution(macro, t, args, this).Run(), hide);
        }
        token = default;
        return false;
    }

    /// <summary>An argument as it is substituted for a parameter not next to # or ##: fully expanded on its own.</summary>
    internal List<PpToken> ExpandArgument(List<PpToken> arg, PpToken macroName)
    {
        if (nesting + 1 > MaxNesting)
            throw host.Error(macroName, $"macro arguments nested too deeply (limit {MaxNesting})");
        var inner = new MacroExpander(macros, host, budget, crossLines: false, inIfDirective, nesting + 1);
        inner.Push(arg);
        return inner.ExpandAll();
    }

    PpToken Pop()
    {
        var t = stack[^1];
        stack.RemoveAt(stack.Count - 1);
        return t;
    }

    bool Refill()
    {
        if (!crossLines)
            return false;
        lookahead.Clear();
        if (!host.ReadMoreTokens(lookahead))
            return false;
        Push(lookahead);
        return true;
    }

    bool NextIsOpenParen()
    {
        while (true)
        {
            if (stack.Count == 0 && !Refill())
                return false;
            if (stack.Count == 0)
                continue;
            var next = stack[^1];
            if (next.Kind == PpTokenKind.Placemarker)
            {
                stack.RemoveAt(stack.Count - 1);
                continue;
            }
            if (!next.Is("("))
                return false;
            stack.RemoveAt(stack.Count - 1);
            return true;
        }
    }

    List<List<PpToken>> CollectArguments(PpToken name, MacroDefinition macro, out PpToken closeParen)
    {
        var args = new List<List<PpToken>>();
        var current = new List<PpToken>();
        int depth = 0;
        int variadicIndex = macro.IsVariadic ? macro.Parameters.Length - 1 : -1;
        while (true)
        {
            if (stack.Count == 0 && !Refill())
                throw host.Error(name, $"unterminated argument list invoking macro \"{macro.Name}\"");
            if (stack.Count == 0)
                continue;
            var t = Pop();
            if (t.Kind == PpTokenKind.Placemarker)
                continue;
            if (t.Is("("))
                depth++;
            else if (t.Is(")"))
            {
                if (depth == 0)
                {
                    closeParen = t;
                    break;
                }
                depth--;
            }
            else if (t.Is(",") && depth == 0 && args.Count != variadicIndex)
            {
                args.Add(current);
                current = new List<PpToken>();
                continue;
            }
            current.Add(t.Has(PpTokenFlags.LineStart) ? t.WithFlags(t.Flags & ~PpTokenFlags.LineStart).WithWs(" ") : t);
        }
        args.Add(current);
        CheckArgumentCount(name, macro, args);
        return args;
    }

    /// <summary>
    /// Marks a variadic argument that was left out, not just empty: GNU <c>, ## __VA_ARGS__</c> drops the comma
    /// only then (gcc keeps it for G(1,) but not for G(1)). Never modified.
    /// </summary>
    internal static readonly List<PpToken> OmittedVariadicArgument = new();

    void CheckArgumentCount(PpToken name, MacroDefinition macro, List<List<PpToken>> args)
    {
        int expected = macro.Parameters.Length;
        if (expected == 0 && args.Count == 1 && args[0].Count == 0)
        {
            args.Clear();
            return;
        }
        if (expected == 1 && macro.IsVariadic && args.Count == 1 && args[0].Count == 0)
        {
            args[0] = OmittedVariadicArgument; // F() for F(...): nothing tells it apart from a left-out argument
            return;
        }
        if (args.Count == expected)
            return;
        if (args.Count < expected)
        {
            // GNU: the variadic part may be left out entirely, as in F(a) for F(a, ...).
            if (macro.IsVariadic && args.Count == expected - 1)
            {
                args.Add(OmittedVariadicArgument);
                return;
            }
            throw host.Error(name, $"macro \"{macro.Name}\" requires {expected} arguments, but only {args.Count} given");
        }
        throw host.Error(name, $"macro \"{macro.Name}\" passed {args.Count} arguments, but takes just {expected}");
    }

    void PushExpansion(PpToken name, List<PpToken> result, HideSet? hide)
    {
        budget.Spend(result.Count, name, name.Text, host);
        for (int i = result.Count - 1; i >= 0; i--)
        {
            var t = result[i];
            if (t.Kind == PpTokenKind.Placemarker)
                continue;
            var flags = t.Flags & ~PpTokenFlags.LineStart;
            t = new PpToken(t.Kind, t.Text, t.Line, t.Column, i == 0 ? name.Ws : t.Ws, HideSet.Union(t.Hide, hide), flags);
            stack.Add(t);
        }
    }

    /// <summary>Pushes a verbatim macro's body, at the position of its name, without building a list first.</summary>
    void PushBody(PpToken name, MacroDefinition macro, HideSet? hide)
    {
        var body = macro.Body;
        budget.Spend(body.Length, name, name.Text, host);
        for (int i = body.Length - 1; i >= 0; i--)
        {
            var t = body[i];
            stack.Add(new PpToken(t.Kind, t.Text, name.Line, name.Column, i == 0 ? name.Ws : t.Ws, hide, PpTokenFlags.FromMacro));
        }
    }

    PpToken EvaluateDefined(PpToken op)
    {
        bool paren = false;
        var last = op;
        if (stack.Count > 0 && stack[^1].Is("("))
        {
            last = Pop();
            paren = true;
        }
        if (stack.Count == 0 || !stack[^1].IsIdentifier)
        {
            var at = stack.Count > 0 ? stack[^1] : EndOf(last);
            throw host.Error(at, "operator \"defined\" requires an identifier");
        }
        var name = Pop();
        if (paren)
        {
            if (stack.Count == 0 || !stack[^1].Is(")"))
                throw host.Error(stack.Count > 0 ? stack[^1] : EndOf(name), "missing ')' after \"defined\"");
            Pop();
        }
        return new PpToken(PpTokenKind.Number, macros.IsDefined(name.Text) ? "1" : "0", op.Line, op.Column, op.Ws);
    }

    /// <summary>__has_include("x") / __has_include(&lt;x&gt;): 1 when #include would find the file.</summary>
    PpToken EvaluateHasInclude(PpToken op, bool next)
    {
        if (!inIfDirective)
            throw host.Error(op, $"\"{op.Text}\" used outside of preprocessing directive");
        if (stack.Count == 0 || !stack[^1].Is("("))
            throw host.Error(stack.Count > 0 ? stack[^1] : EndOf(op), $"missing '(' before \"{op.Text}\" operand");
        var open = Pop();
        var name = new System.Text.StringBuilder();
        bool angled = stack.Count > 0 && stack[^1].Is("<");
        var last = open;
        if (stack.Count > 0 && stack[^1].Kind == PpTokenKind.StringLiteral)
        {
            last = Pop();
            name.Append(last.Text, 1, last.Text.Length - 2);
        }
        else if (angled)
        {
            last = Pop();
            while (stack.Count > 0 && !stack[^1].Is(">"))
            {
                var part = Pop();
                name.Append(name.Length == 0 ? "" : part.Ws).Append(part.Text);
            }
            if (stack.Count == 0)
                throw host.Error(EndOf(last), "missing terminating > character");
            last = Pop();
        }
        else
            throw host.Error(stack.Count > 0 ? stack[^1] : EndOf(open), $"operator \"{op.Text}\" requires a header-name");
        if (stack.Count == 0 || !stack[^1].Is(")"))
            throw host.Error(stack.Count > 0 ? stack[^1] : EndOf(last), $"missing ')' after \"{op.Text}\" operand");
        Pop();
        bool found = host.HasInclude(name.ToString(), angled, next);
        return new PpToken(PpTokenKind.Number, found ? "1" : "0", op.Line, op.Column, op.Ws);
    }

    /// <summary>
    /// _Pragma("...") (C 6.10.9): cpp would turn it into a #pragma line, which an assembler ignores, so it is
    /// dropped; every pragma is ignored here anyway.
    /// </summary>
    void SkipPragmaOperator(PpToken op)
    {
        if (stack.Count < 3 || !stack[^1].Is("(") || stack[^2].Kind != PpTokenKind.StringLiteral || !stack[^3].Is(")"))
            throw host.Error(op, "_Pragma takes a parenthesized string literal");
        stack.RemoveRange(stack.Count - 3, 3);
    }

    static PpToken EndOf(PpToken t) => t.At(t.Line, t.Column + t.Text.Length);
}
