using A64Asm.Assembler.Diagnostics;

namespace A64Asm.Assembler.Macros;

internal sealed record MacroParameter(string Name, string? Default, bool Required, bool Vararg);

/// <summary>A .macro as recorded: its body is the statements between .macro and .endm, not yet substituted.</summary>
internal sealed class MacroDefinition(string name, MacroParameter[] parameters, List<SourceLine> body, SourceLocation definedAt)
{
    public string Name { get; } = name;
    public MacroParameter[] Parameters { get; } = parameters;
    public string[] ParameterNames { get; } = Array.ConvertAll(parameters, p => p.Name);
    public List<SourceLine> Body { get; } = body;
    public SourceLocation DefinedAt { get; } = definedAt;
}
