namespace A64Asm.Assembler.Diagnostics;

/// <summary>Drops warnings: for work that repeats statements already warned about.</summary>
public sealed class SilentDiagnostics : IDiagnosticSink
{
    public static readonly SilentDiagnostics Instance = new();

    public void Warning(SourceLocation? location, string message) { }
}
