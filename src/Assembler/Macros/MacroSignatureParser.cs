using A64Asm.Assembler.Diagnostics;

namespace A64Asm.Assembler.Macros;

/// <summary>Parses the operands of <c>.macro name [,] p1, p2=default, p3:req, p4:vararg</c>.</summary>
internal static class MacroSignatureParser
{
    public static (string Name, MacroParameter[] Parameters) Parse(SourceLine line, int start)
    {
        string text = line.Text;
        int nameStart = SourceChars.SkipBlanks(text, start);
        int nameEnd = SourceChars.ScanName(text, nameStart);
        if (nameEnd == nameStart || char.IsAsciiDigit(text[nameStart]))
            throw new AsmError(line.At(nameStart), "expected a macro name after .macro");
        string name = text[nameStart..nameEnd];
        int rest = SourceChars.SkipBlanks(text, nameEnd);
        if (rest < text.Length && text[rest] == ',')
            rest++;
        var parameters = new List<MacroParameter>();
        foreach (var token in ArgumentTokenizer.Split(text, rest, text.Length))
        {
            if (token.Text.Length == 0)
                continue;
            var parameter = ParseOne(line, token, name);
            if (parameters.Count > 0 && parameters[^1].Vararg)
                throw new AsmError(line.At(token.Start), $"vararg parameter '{parameters[^1].Name}' must be the last in macro '{name}'");
            if (parameters.Exists(p => p.Name == parameter.Name))
                throw new AsmError(line.At(token.Start), $"parameter '{parameter.Name}' is already defined in macro '{name}'");
            parameters.Add(parameter);
        }
        return (name, parameters.ToArray());
    }

    static MacroParameter ParseOne(SourceLine line, ArgumentToken token, string macro)
    {
        string text = token.Text;
        int nameEnd = SourceChars.ScanName(text, 0);
        if (nameEnd == 0 || !SourceChars.IsNameStart(text[0]))
            throw new AsmError(line.At(token.Start), $"bad parameter '{text}' in macro '{macro}'");
        string name = text[..nameEnd];
        if (nameEnd == text.Length)
            return new MacroParameter(name, null, false, false);
        if (text[nameEnd] == '=')
            return new MacroParameter(name, ArgumentTokenizer.Unquote(text[(nameEnd + 1)..]), false, false);
        if (text[nameEnd] == ':')
        {
            string qualifier = text[(nameEnd + 1)..];
            if (qualifier == "req")
                return new MacroParameter(name, null, true, false);
            if (qualifier == "vararg")
                return new MacroParameter(name, null, false, true);
            throw new AsmError(line.At(token.Start),
                $"'{qualifier}' is not a valid parameter qualifier for '{name}' in macro '{macro}'");
        }
        throw new AsmError(line.At(token.Start), $"bad parameter '{text}' in macro '{macro}'");
    }
}
