using A64Asm.Assembler.Diagnostics;

namespace A64Asm.Assembler.Tests.Hostile;

/// <summary>Runs hostile sources through the whole assembler and gives the first line of the error.</summary>
static class Hostile
{
    public static string ErrorOf(string source, string file = "h.s", AssemblerOptions? options = null)
    {
        var error = Assert.Throws<AsmError>(() =>
            AsmDriver.AssembleText(file, source, options ?? new AssemblerOptions(), new CollectingDiagnostics()));
        return error.Render().Split('\n')[0];
    }

    public static string Repeat(string text, int count) => string.Concat(Enumerable.Repeat(text, count));

    public static string Nested(string open, string inner, string close, int depth) =>
        Repeat(open, depth) + inner + Repeat(close, depth);
}
