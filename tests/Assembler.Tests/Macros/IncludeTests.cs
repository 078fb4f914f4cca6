using A64Asm.Assembler.Diagnostics;
using A64Asm.Assembler.Macros;
using static A64Asm.Assembler.Tests.Macros.MacroTestHarness;

namespace A64Asm.Assembler.Tests.Macros;

public class IncludeTests
{
    static readonly Dictionary<string, string> Files = new()
    {
        [Path.Combine("src", "defs.inc")] = ".macro twice x\n.byte \\x, \\x\n.endm\n",
        [Path.Combine("inc", "more.inc")] = "nop\n.include \"inner.inc\"\n",
        [Path.Combine("inc", "inner.inc")] = "#define NOT_CPP 1\n",
        [Path.Combine("src", "self.inc")] = ".include \"self.inc\"\n",
        ["top.inc"] = "top\n",
        [Path.Combine("inc", "top.inc")] = "inc-top\n",
        [Path.Combine("src", "both.inc")] = "src-both\n",
        [Path.Combine("inc", "both.inc")] = "inc-both\n",
    };

    static List<SourceLine> Run(string source, MacroOptions? options = null)
    {
        options ??= new MacroOptions();
        options.ReadFile = path => Files.GetValueOrDefault(path);
        options.IncludeDirs.Add("inc");
        var input = InputLines(Path.Combine("src", "main.s"), source);
        return new MacroExpander(input, new TestHost(), options, new CollectingDiagnostics()).Expand().ToList();
    }

    [Fact]
    public void IncludeFromTheCurrentDirectoryDefinesMacros()
    {
        Assert.Equal([".byte 3, 3"], Run(".include \"defs.inc\"\ntwice 3\n").Select(l => l.Text));
    }

    [Fact]
    public void IncludeDirsAreSearchedAndTextIsNotPreprocessed()
    {
        var lines = Run("ret\n  .include \"more.inc\"\n");
        Assert.Equal(["ret", "nop", "#define NOT_CPP 1"], lines.Select(l => l.Text));
        var inner = lines[2].Location;
        Assert.Equal(Path.Combine("inc", "inner.inc"), inner.Pos.File.DisplayPath);
        Assert.Equal("in file included from " + Path.Combine("inc", "more.inc") + ":2", inner.Context!.Describe());
        Assert.Equal("in file included from " + Path.Combine("src", "main.s") + ":2", inner.Context!.Outer!.Describe());
        Assert.Equal(3, inner.Context!.Outer!.At.Column);
    }

    [Fact]
    public void MissingFile()
    {
        var error = Assert.Throws<AsmError>(() => Run(".include \"nope.inc\"\n"));
        Assert.Equal(Path.Combine("src", "main.s") + ":1:10: error: can't open include file 'nope.inc'", error.Render().Split('\n')[0]);
    }

    [Fact]
    public void RecursiveIncludeHitsTheDepthLimit()
    {
        var error = Assert.Throws<AsmError>(() => Run(".include \"self.inc\"\n", new MacroOptions { MaxIncludeDepth = 5 }));
        Assert.Equal(Path.Combine("src", "self.inc") + ":1:1: error: .include nesting exceeds the limit of 5", error.Render().Split('\n')[0]);
    }

    [Fact]
    public void SearchOrderIsBesideTheFileThenIncludeDirsThenWorkingDirectory()
    {
        Assert.Equal(["src-both", "inc-top"], Run(".include \"both.inc\"\n.include \"top.inc\"\n").Select(l => l.Text));
        var options = new MacroOptions();
        options.ReadFile = path => Files.GetValueOrDefault(path);
        var input = InputLines(Path.Combine("src", "main.s"), ".include \"top.inc\"\n");
        var lines = new MacroExpander(input, new TestHost(), options, new CollectingDiagnostics()).Expand().ToList();
        Assert.Equal(["top"], lines.Select(l => l.Text));
    }
}
