using A64Asm.Assembler.Diagnostics;
using A64Asm.Assembler.Layout;
using A64Asm.Assembler.Macros;

namespace A64Asm.Assembler;

/// <summary>What the macro layer asks of the assembler: .if expressions and .ifdef, against the symbols so far.</summary>
public sealed class AssemblerMacroHost : IMacroHost
{
    private readonly ObjectAssembler _assembler;

    public AssemblerMacroHost(ObjectAssembler assembler) => _assembler = assembler;

    public long EvaluateAbsolute(SourceLine line, int index, string expression) =>
        _assembler.EvaluateAbsolute(line, index, expression);

    public bool IsSymbolDefined(string name) => _assembler.IsSymbolDefined(name);
}
