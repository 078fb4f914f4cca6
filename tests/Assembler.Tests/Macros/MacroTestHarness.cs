using A64Asm.Assembler.Diagnostics;
using A64Asm.Assembler.Macros;

namespace A64Asm.Assembler.Tests.Macros;

/// <summary>Stands in for the assembler: learns <c>name = value</c> lines as they are pulled, like the real one.</summary>
internal sealed class TestHost : IMacroHost
{
    public Dictionary<string, long> Symbols { get; } = new();

    public long EvaluateAbsolute(SourceLine line, int index, string expression) =>
        new SimpleExpression(expression, Symbols, line, index).Evaluate();

    public bool IsSymbolDefined(string name) => Symbols.ContainsKey(name);

    public void Observe(SourceLine line)
    {
        int eq = line.Text.IndexOf(" = ", StringComparison.Ordinal);
        if (eq > 0 && !line.Text.Contains('"'))
            Symbols[line.Text[..eq].Trim()] = EvaluateAbsolute(line, eq + 3, line.Text[(eq + 3)..]);
    }
}

internal static class MacroTestHarness
{
    public static List<SourceLine> InputLines(string path, string source, ExpansionFrame? context = null)
    {
        var file = new SourceText(path, source);
        return file.Lines.Select((text, i) => new SourceLine(text, new SourceLocation(new SourcePos(file, i + 1, 1), context))).ToList();
    }

    public static List<SourceLine> ExpandLines(string source, MacroOptions? options = null, CollectingDiagnostics? diagnostics = null,
        TestHost? host = null)
    {
        host ??= new TestHost();
        var expander = new MacroExpander(InputLines("test.s", source), host, options ?? new MacroOptions(),
            diagnostics ?? new CollectingDiagnostics());
        var result = new List<SourceLine>();
        foreach (var line in expander.Expand())
        {
            host.Observe(line);
            result.Add(line);
        }
        return result;
    }

    /// <summary>The expanded statements, one per line.</summary>
    public static string Expand(string source, MacroOptions? options = null, CollectingDiagnostics? diagnostics = null) =>
        string.Join("\n", ExpandLines(source, options, diagnostics).Select(l => l.Text));

    /// <summary>The rendered error (first line and context lines), failing if there is none.</summary>
    public static string Error(string source, MacroOptions? options = null)
    {
        var error = Assert.Throws<AsmError>(() => ExpandLines(source, options));
        return error.Render();
    }

    /// <summary>Only the "file:line:col: error: message" line.</summary>
    public static string ErrorHeadline(string source, MacroOptions? options = null) => Error(source, options).Split('\n')[0];

    public static string Lines(params string[] lines) => string.Join("\n", lines) + "\n";
}
