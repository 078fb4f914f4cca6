namespace A64Asm.Assembler.Preprocessing;

/// <summary>
/// Evaluates the controlling expression of #if/#elif (C 6.10.1) after macro expansion: identifiers left are 0,
/// && || ?: only evaluate what they need, so 0 && 1/0 is not an error. Messages follow gcc.
/// </summary>
internal sealed class IfExpressionEvaluator
{
    public const int MaxNesting = 256;

    readonly List<PpToken> tokens;
    readonly PpToken end;
    readonly IExpansionHost host;
    readonly Action<PpToken, string> warn;
    int pos;
    int nesting;

    IfExpressionEvaluator(List<PpToken> tokens, PpToken end, IExpansionHost host, Action<PpToken, string> warn)
    {
        this.tokens = tokens;
        this.end = end;
        this.host = host;
        this.warn = warn;
    }

    /// <param name="end">Stands for the end of the line in messages ("#if with no expression" points there).</param>
    public static bool Evaluate(List<PpToken> tokens, PpToken end, string directive, IExpansionHost host, Action<PpToken, string> warn)
    {
        if (tokens.Count == 0)
            throw host.Error(end, $"#{directive} with no expression");
        var e = new IfExpressionEvaluator(tokens, end, host, warn);
        var v = e.Comma(true);
        if (e.pos < tokens.Count)
        {
            var t = tokens[e.pos];
            if (t.Is(")"))
                throw host.Error(t, "missing '(' in expression");
            if (t.Is(":"))
                throw host.Error(t, "':' without preceding '?'");
            if (t.Kind is PpTokenKind.Punctuator or PpTokenKind.Other && !IsExpressionPunctuator(t))
                throw host.Error(t, $"token \"{t.Text}\" is not valid in preprocessor expressions");
            throw host.Error(t, $"missing binary operator before token \"{t.Text}\"");
        }
        return v.IsTrue;
    }

    static bool IsExpressionPunctuator(PpToken t) =>
        Precedence(t) >= 0 || t.Text is "!" or "~" or "?" or ":" or "," or "(" or ")";

    PpToken Peek => pos < tokens.Count ? tokens[pos] : end;
    bool AtEnd => pos >= tokens.Count;

    PpValue Comma(bool eval)
    {
        var v = Conditional(eval);
        while (!AtEnd && Peek.Is(","))
        {
            pos++;
            v = Conditional(eval);
        }
        return v;
    }

    PpValue Conditional(bool eval)
    {
        var cond = Binary(1, eval);
        if (AtEnd || !Peek.Is("?"))
            return cond;
        Enter(Peek);
        pos++;
        var a = Comma(eval && cond.IsTrue);
        nesting--;
        if (AtEnd || !Peek.Is(":"))
            throw host.Error(Peek, "'?' without following ':'");
        var colon = Peek;
        pos++;
        Enter(colon);
        var b = Conditional(eval && !cond.IsTrue);
        nesting--;
        var chosen = cond.IsTrue ? a : b;
        return chosen with { IsUnsigned = a.IsUnsigned || b.IsUnsigned };
    }

    static int Precedence(PpToken t)
    {
        if (t.Kind != PpTokenKind.Punctuator) return -1;
        return t.Text switch
        {
            "*" or "/" or "%" => 10,
            "+" or "-" => 9,
            "<<" or ">>" => 8,
            "<" or ">" or "<=" or ">=" => 7,
            "==" or "!=" => 6,
            "&" => 5,
            "^" => 4,
            "|" => 3,
            "&&" => 2,
            "||" => 1,
            _ => -1,
        };
    }

    PpValue Binary(int minPrecedence, bool eval)
    {
        var lhs = Unary(eval);
        while (!AtEnd)
        {
            var op = Peek;
            int prec = Precedence(op);
            if (prec < minPrecedence)
                break;
            pos++;
            if (AtEnd || IsBinaryOnly(Peek) || Peek.Is(")"))
                throw host.Error(Peek, $"operator '{op.Text}' has no right operand");
            bool rhsEval = op.Text switch
            {
                "&&" => eval && lhs.IsTrue,
                "||" => eval && !lhs.IsTrue,
                _ => eval,
            };
            var rhs = Binary(prec + 1, rhsEval);
            lhs = IfArithmetic.Apply(op, lhs, rhs, eval, host, warn);
        }
        return lhs;
    }

    static bool IsBinaryOnly(PpToken t) => Precedence(t) >= 0 && t.Text is not ("+" or "-") || t.Is("?") || t.Is(":");

    PpValue Unary(bool eval)
    {
        var t = Peek;
        if (AtEnd)
            throw host.Error(t, "#if with no expression");
        if (t.Kind == PpTokenKind.Punctuator && t.Text is "+" or "-" or "~" or "!")
        {
            pos++;
            Enter(t);
            if (AtEnd || IsBinaryOnly(Peek) || Peek.Is(")"))
                throw host.Error(Peek, $"operator '{t.Text}' has no right operand");
            var v = Unary(eval);
            nesting--;
            return IfArithmetic.Unary(t, v, eval, warn);
        }
        return Primary(eval);
    }

    PpValue Primary(bool eval)
    {
        var t = Peek;
        pos++;
        switch (t.Kind)
        {
            case PpTokenKind.Number:
                return IfNumbers.ParseInteger(t, host, warn);
            case PpTokenKind.CharLiteral:
                return IfNumbers.ParseChar(t, host, warn);
            case PpTokenKind.Identifier:
                return PpValue.Signed(0);
        }
        if (t.Is("("))
        {
            if (!AtEnd && Peek.Is(")"))
                throw host.Error(Peek, "missing expression between '(' and ')'");
            Enter(t);
            var v = Comma(eval);
            nesting--;
            if (AtEnd || !Peek.Is(")"))
                throw host.Error(t, "missing ')' in expression");
            pos++;
            return v;
        }
        if (Precedence(t) >= 0 || t.Is("?") || t.Is(":"))
        {
            if (t.Is(":")) throw host.Error(t, "':' without preceding '?'");
            throw host.Error(t, $"operator '{t.Text}' has no left operand");
        }
        if (t.Is(")"))
            throw host.Error(t, "missing '(' in expression");
        throw host.Error(t, $"token \"{t.Text}\" is not valid in preprocessor expressions");
    }

    void Enter(PpToken at)
    {
        if (++nesting > MaxNesting)
            throw host.Error(at, $"#if expression nesting exceeds the limit of {MaxNesting}");
    }
}
