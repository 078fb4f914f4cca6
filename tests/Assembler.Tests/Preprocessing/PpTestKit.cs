using A64Asm.Assembler.Diagnostics;
using A64Asm.Assembler.Preprocessing;

namespace A64Asm.Assembler.Tests.Preprocessing;

/// <summary>Runs the preprocessor over in-memory files so tests state inputs and expected output side by side.</summary>
internal sealed class PpTestKit
{
    public Dictionary<string, string> Files { get; } = new();
    public PreprocessorOptions Options { get; } = new();
    public CollectingDiagnostics Diagnostics { get; } = new();

    public PpTestKit() => Options.ReadFile = p => Files.TryGetValue(p, out var t) ? t : null;

    public PpTestKit With(string path, string text)
    {
        Files[path] = text;
        return this;
    }

    public PpTestKit Define(string name, string? value = null)
    {
        Options.Defines.Add(new(name, value));
        return this;
    }

    public IReadOnlyList<SourceLine> Run(string main = "t.S") => Preprocessor.Run(main, Options, Diagnostics);

    /// <summary>The output text lines joined by '\n'.</summary>
    public string Text(string main = "t.S") => string.Join("\n", Run(main).Select(l => l.Text));

    public static string Output(string source) => new PpTestKit().With("t.S", source).Text();

    /// <summary>The error as "file:line:col: message" (plus the include chain, one frame a line).</summary>
    public string Error(string main = "t.S")
    {
        var e = Assert.Throws<AsmError>(() => Run(main));
        if (e.Location is null)
            return e.Message;
        var lines = new List<string> { $"{e.Location.Pos}: {e.Message}" };
        for (var f = e.Location.Context; f is not null; f = f.Outer)
            lines.Add(f.Describe());
        return string.Join("\n", lines);
    }

    public static string ErrorOf(string source) => new PpTestKit().With("t.S", source).Error();
}
