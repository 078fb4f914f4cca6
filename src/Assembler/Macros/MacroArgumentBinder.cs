using A64Asm.Assembler.Diagnostics;

namespace A64Asm.Assembler.Macros;

/// <summary>Matches a call's positional and <c>name=value</c> arguments to the macro's parameters.</summary>
internal static class MacroArgumentBinder
{
    /// <summary>One value per parameter, defaults filled in. Arguments are text [argsStart, end) of the call;
    /// a missing required one is reported at the macro name.</summary>
    public static string[] Bind(MacroDefinition macro, SourceLine call, int nameStart, int argsStart)
    {
        var parameters = macro.Parameters;
        var values = new string?[parameters.Length];
        string text = call.Text;
        int position = 0;
        bool sawKeyword = false;
        var tokens = ArgumentTokenizer.Split(text, argsStart, text.Length);
        foreach (var token in tokens)
        {
            if (KeywordName(token.Text) is { } keyword)
            {
                int index = Array.FindIndex(parameters, p => p.Name == keyword);
                if (index < 0)
                    throw new AsmError(call.At(token.Start), $"parameter named '{keyword}' does not exist in macro '{macro.Name}'");
                values[index] = ArgumentTokenizer.Unquote(token.Text[(keyword.Length + 1)..]);
                sawKeyword = true;
                continue;
            }
            if (sawKeyword)
            {
                // gas accepts a trailing comma after keyword arguments.
                if (token.Text.Length == 0)
                    continue;
                throw new AsmError(call.At(token.Start), "can't mix positional and keyword arguments");
            }
            if (position >= parameters.Length)
            {
                // gas takes one comma after the last argument ("m 1,2," for two parameters).
                if (IsTrailingComma(token, tokens))
                    break;
                throw new AsmError(call.At(token.Start), $"too many positional arguments for macro '{macro.Name}'");
            }
            if (parameters[position].Vararg)
            {
                // vararg takes the rest of the line as written, separators included.
                values[position] = text[token.Start..SourceChars.TrimEnd(text, token.Start, text.Length)];
                break;
            }
            if (token.Text.Length > 0)
                values[position] = ArgumentTokenizer.Unquote(token.Text);
            position++;
        }
        var result = new string[parameters.Length];
        for (int i = 0; i < parameters.Length; i++)
        {
            string? value = string.IsNullOrEmpty(values[i]) ? parameters[i].Default : values[i];
            if (parameters[i].Required && string.IsNullOrEmpty(value))
                throw new AsmError(call.At(nameStart),
                    $"missing value for required parameter '{parameters[i].Name}' in macro '{macro.Name}'");
            result[i] = value ?? "";
        }
        return result;
    }

    /// <summary>Whether <paramref name="token"/> is the empty one after a comma that ends the arguments.</summary>
    internal static bool IsTrailingComma(ArgumentToken token, List<ArgumentToken> tokens) =>
        token.Text.Length == 0 && token == tokens[^1];

    /// <summary>The name in <c>name=value</c>, or null for a positional argument.</summary>
    static string? KeywordName(string token)
    {
        if (token.Length == 0 || !SourceChars.IsNameStart(token[0]))
            return null;
        int end = SourceChars.ScanName(token, 0);
        if (end < token.Length && token[end] == '=' && !(end + 1 < token.Length && token[end + 1] == '='))
            return token[..end];
        return null;
    }
}
