using A64Asm.Assembler;
using A64Asm.Assembler.Diagnostics;
using A64Asm.Assembler.Elf;

namespace A64Asm.Assembler.Tests.Layout;

/// <summary>Assembles test snippets (no C preprocessor: the name ends in .s) and pulls bytes out of the result.</summary>
internal static class Asm
{
    public static ObjectFile Object(string source, CollectingDiagnostics? diagnostics = null, AssemblerOptions? options = null) =>
        AsmDriver.AssembleText("test.s", source, options ?? new AssemblerOptions(), diagnostics ?? new CollectingDiagnostics());

    public static byte[] Bytes(string source, string section = ".text") =>
        Object(source).Sections.Single(s => s.Name == section).Data;

    public static string Hex(string source, string section = ".text") => Convert.ToHexString(Bytes(source, section)).ToLowerInvariant();

    public static AsmError Error(string source) => Assert.Throws<AsmError>(() => Object(source));

    /// <summary>"file:line:col: error: message", the first line of the rendering.</summary>
    public static string ErrorLine(string source) => Error(source).Render().Split('\n')[0];
}
