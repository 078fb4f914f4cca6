using A64Asm.Assembler.Diagnostics;

namespace A64Asm.Assembler.Macros;

/// <summary>
/// What the macro layer needs from the assembler behind it: conditional assembly (.if, .ifdef, .rept counts)
/// depends on symbols defined by lines the assembler has already consumed.
/// </summary>
public interface IMacroHost
{
    /// <summary>Evaluate an absolute expression (gas syntax) found in <paramref name="line"/> at text index
    /// <paramref name="index"/>; throw <see cref="AsmError"/> if it is not absolute.</summary>
    long EvaluateAbsolute(SourceLine line, int index, string expression);

    bool IsSymbolDefined(string name);
}
