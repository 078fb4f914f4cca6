using System.Text;

namespace A64Asm.Assembler.Preprocessing;

/// <summary>
/// Builds the replacement list of one macro use (C 6.10.3.1-3): parameters replaced by their expanded
/// arguments, # stringizing, ## pasting, and GNU's <c>, ## __VA_ARGS__</c> comma removal.
/// Tokens that come from the body take the position of the macro name; argument tokens keep their own.
/// </summary>
internal sealed class MacroSubstitution
{
    readonly MacroDefinition macro;
    readonly PpToken name;
    readonly List<List<PpToken>> args;
    readonly MacroExpander expander;
    readonly List<PpToken>?[] expandedArgs;
    readonly List<PpToken> result;

    public MacroSubstitution(MacroDefinition macro, PpToken name, List<List<PpToken>> args, MacroExpander expander)
    {
        this.macro = macro;
        this.name = name;
        this.args = args;
        this.expander = expander;
        expandedArgs = args.Count == 0 ? [] : new List<PpToken>?[args.Count];
        result = new List<PpToken>(macro.Body.Length + 4);
    }

    public List<PpToken> Run()
    {
        Substitute(0, macro.Body.Length);
        return result;
    }

    /// <summary>Substitutes body tokens [from, to).</summary>
    void Substitute(int from, int to)
    {
        var body = macro.Body;
        for (int i = from; i < to; i++)
        {
            var t = body[i];
            if (IsStringize(i))
            {
                result.Add(Stringize(args[ParamAt(i + 1)], t.Ws));
                i++;
            }
            else if (t.Is("##") && i + 1 < to)
            {
                i = PasteOperand(i + 1);
            }
            else if (IsVaOpt(i))
            {
                int close = VaOptClose(body, i);
                int before = result.Count;
                if (Expanded(macro.Parameters.Length - 1).Count > 0)
                    Substitute(i + 2, close);
                if (result.Count == before)
                    result.Add(new PpToken(PpTokenKind.Placemarker, "", name.Line, name.Column, t.Ws));
                else
                    result[before] = result[before].WithWs(t.Ws);
                i = close;
            }
            else if (ParamAt(i) is var p && p >= 0)
            {
                bool beforePaste = i + 1 < to && body[i + 1].Is("##");
                AppendArgument(beforePaste ? args[p] : Expanded(p), t.Ws, placemarkerIfEmpty: beforePaste);
            }
            else
            {
                result.Add(FromBody(t));
            }
        }
    }

    /// <summary>__VA_OPT__(...) (C23, a GNU extension before): its contents only when the variadic argument has tokens.</summary>
    bool IsVaOpt(int i) =>
        macro.IsVariadic && macro.Body[i].IsIdentifier && macro.Body[i].Text == "__VA_OPT__"
        && i + 1 < macro.Body.Length && macro.Body[i + 1].Is("(");

    /// <summary>Index of the ')' that closes the __VA_OPT__ at <paramref name="i"/>; the definition was checked to have one.</summary>
    internal static int VaOptClose(PpToken[] body, int i)
    {
        int depth = 0;
        for (int k = i + 1; k < body.Length; k++)
        {
            if (body[k].Is("(")) depth++;
            else if (body[k].Is(")") && --depth == 0) return k;
        }
        return -1;
    }

    int ParamAt(int i) => i < macro.Body.Length && macro.Body[i].IsIdentifier ? macro.ParameterIndex(macro.Body[i].Text) : -1;

    // In assembler mode a '#' not followed by a parameter is an ordinary token (it is how immediates are written).
    bool IsStringize(int i) => macro.IsFunctionLike && macro.Body[i].Is("#") && ParamAt(i + 1) >= 0;

    /// <summary>Handles the right operand of ## at <paramref name="i"/>; returns the index of its last body token.</summary>
    int PasteOperand(int i)
    {
        var body = macro.Body;
        List<PpToken> rhs;
        int p = ParamAt(i);
        if (IsStringize(i))
        {
            rhs = [Stringize(args[ParamAt(i + 1)], body[i].Ws)];
            i++;
        }
        else if (p >= 0)
        {
            if (IsGnuCommaPaste(p))
            {
                if (ReferenceEquals(args[p], MacroExpander.OmittedVariadicArgument))
                    result.RemoveAt(result.Count - 1);
                else
                    AppendArgument(Expanded(p), body[i].Ws, placemarkerIfEmpty: false);
                return i;
            }
            rhs = args[p];
        }
        else
        {
            rhs = [FromBody(body[i])];
        }
        Paste(rhs);
        return i;
    }

    bool IsGnuCommaPaste(int param) =>
        macro.IsVariadic && param == macro.Parameters.Length - 1
        && result.Count > 0 && result[^1].Is(",") && result[^1].Has(PpTokenFlags.FromMacro);

    void Paste(List<PpToken> rhs)
    {
        if (rhs.Count == 0)
            return;
        var lhs = result[^1];
        int rest = 1;
        if (lhs.Kind == PpTokenKind.Placemarker)
            result[^1] = rhs[0].WithWs(lhs.Ws);
        else
        {
            string text = lhs.Text + rhs[0].Text;
            var (kind, end) = PpLexer.Scan(text, 0);
            if (end == text.Length)
                result[^1] = new PpToken(kind, text, name.Line, name.Column, lhs.Ws, null, PpTokenFlags.FromMacro);
            else
                rest = 0; // assembler mode: an invalid paste leaves both tokens, without gcc's C-mode error
        }
        for (int k = rest; k < rhs.Count; k++)
            result.Add(rhs[k]);
    }

    void AppendArgument(List<PpToken> tokens, string ws, bool placemarkerIfEmpty)
    {
        if (tokens.Count == 0)
        {
            if (placemarkerIfEmpty)
                result.Add(new PpToken(PpTokenKind.Placemarker, "", name.Line, name.Column, ws));
            return;
        }
        result.Add(tokens[0].WithWs(ws));
        for (int k = 1; k < tokens.Count; k++)
            result.Add(tokens[k]);
    }

    List<PpToken> Expanded(int p) => expandedArgs[p] ??= expander.ExpandArgument(args[p], name);

    PpToken FromBody(PpToken t) =>
        new(t.Kind, t.Text, name.Line, name.Column, t.Ws, null, PpTokenFlags.FromMacro);

    PpToken Stringize(List<PpToken> arg, string ws)
    {
        var sb = new StringBuilder("\"");
        for (int k = 0; k < arg.Count; k++)
        {
            var t = arg[k];
            if (k > 0 && t.Ws.Length > 0)
                sb.Append(' ');
            if (t.Kind is PpTokenKind.StringLiteral or PpTokenKind.CharLiteral)
                foreach (char c in t.Text)
                {
                    if (c is '"' or '\\') sb.Append('\\');
                    sb.Append(c);
                }
            else
                sb.Append(t.Text);
        }
        sb.Append('"');
        return new PpToken(PpTokenKind.StringLiteral, sb.ToString(), name.Line, name.Column, ws, null, PpTokenFlags.FromMacro);
    }
}
