using A64Asm.Assembler.Diagnostics;
using A64Asm.Assembler.Layout;
using A64Asm.Assembler.Macros;

namespace A64Asm.Assembler;

/// <summary>What the macro layer asks of the assembler: .if expressions and .ifdef, against the symbols so far.</summary>
public sealed class AssemblerMacroHost : IMacroHost
{
    private readonly ObjectAssembler _assembler;
    private readonly Action? _beforeQuery;

    /// <param name="beforeQuery">Called before each question; a pipelined front end uses it to let the assembler
    /// catch up with every line handed over so far.</param>
    public AssemblerMacroHost(ObjectAssembler assembler, Action? beforeQuery = null)
    {
        _assembler = assembler;
        _beforeQuery = beforeQuery;
    }

    public long EvaluateAbsolute(SourceLine line, int index, string expression)
    {
        _beforeQuery?.Invoke();
        return _assembler.EvaluateAbsolute(line, index, expression);
    }

    public bool IsSymbolDefined(string name)
    {
        _beforeQuery?.Invoke();
        return _assembler.IsSymbolDefined(name);
    }
}
