using A64Asm.Assembler.Diagnostics;

namespace A64Asm.Assembler.Preprocessing;

/// <summary>Parses the tokens after "#define" into a macro (C 6.10.3), with gcc's messages for malformed ones.</summary>
internal static class DefineParser
{
    public const int MaxParameters = 256;

    /// <param name="tokens">The directive line; the macro name is at <paramref name="start"/>.</param>
    /// <param name="end">Stands for the end of the line in messages.</param>
    public static MacroDefinition Parse(List<PpToken> tokens, int start, PpToken end, SourceLocation? definedAt, IExpansionHost host)
    {
        var name = CheckMacroName(tokens, start, end, "#define", host);
        int i = start + 1;
        bool functionLike = i < tokens.Count && tokens[i].Is("(") && tokens[i].Ws.Length == 0;
        var parameters = new List<string>();
        bool variadic = false;
        if (functionLike)
            i = ParseParameters(tokens, i + 1, end, parameters, out variadic, host);

        var body = new PpToken[tokens.Count - i];
        for (int k = 0; k < body.Length; k++)
        {
            var t = tokens[i + k];
            body[k] = t.WithWs(k == 0 || t.Ws.Length == 0 ? "" : " ");
        }
        if (body.Length > 0 && (body[0].Is("##") || body[^1].Is("##")))
            throw host.Error(body[0].Is("##") ? body[0] : body[^1], "'##' cannot appear at either end of a macro expansion");
        if (variadic)
            for (int k = 0; k < body.Length; k++)
                if (body[k].IsIdentifier && body[k].Text == "__VA_OPT__"
                    && (k + 1 == body.Length || !body[k + 1].Is("(") || MacroSubstitution.VaOptClose(body, k) < 0))
                    throw host.Error(body[k], "unterminated __VA_OPT__");
        return new MacroDefinition(name.Text, functionLike, parameters.ToArray(), variadic, body, definedAt);
    }

    /// <summary>Checks the name operand of #define, #undef, #ifdef and #ifndef.</summary>
    public static PpToken CheckMacroName(List<PpToken> tokens, int i, PpToken end, string directive, IExpansionHost host)
    {
        if (i >= tokens.Count)
            throw host.Error(end, $"no macro name given in {directive} directive");
        var name = tokens[i];
        if (!name.IsIdentifier)
            throw host.Error(name, "macro names must be identifiers");
        if (name.Text == "defined")
            throw host.Error(name, "\"defined\" cannot be used as a macro name");
        return name;
    }

    static int ParseParameters(List<PpToken> tokens, int i, PpToken end, List<string> parameters, out bool variadic, IExpansionHost host)
    {
        variadic = false;
        if (i < tokens.Count && tokens[i].Is(")"))
            return i + 1;
        while (true)
        {
            if (i >= tokens.Count)
                throw host.Error(end, "missing ')' in macro parameter list");
            var t = tokens[i++];
            if (t.Is("..."))
            {
                variadic = true;
                parameters.Add("__VA_ARGS__");
            }
            else if (t.IsIdentifier && t.Text != "__VA_ARGS__")
            {
                if (parameters.Contains(t.Text))
                    throw host.Error(t, $"duplicate macro parameter \"{t.Text}\"");
                if (parameters.Count >= MaxParameters)
                    throw host.Error(t, $"too many macro parameters (limit {MaxParameters})");
                parameters.Add(t.Text);
                if (i < tokens.Count && tokens[i].Is("..."))
                {
                    variadic = true; // GNU named variadic parameter: "args..."
                    i++;
                }
            }
            else if (t.IsIdentifier)
                throw host.Error(t, "__VA_ARGS__ can not be used as a parameter name");
            else
                throw host.Error(t, $"expected parameter name, found \"{t.Text}\"");

            if (i >= tokens.Count)
                throw host.Error(end, "missing ')' in macro parameter list");
            var sep = tokens[i++];
            if (sep.Is(")"))
                return i;
            if (variadic)
                throw host.Error(sep, $"expected ')' after \"...\", found \"{sep.Text}\"");
            if (!sep.Is(","))
                throw host.Error(sep, $"expected ',' or ')', found \"{sep.Text}\"");
        }
    }
}
