using A64Asm.Assembler.Macros;
using static A64Asm.Assembler.Tests.Macros.MacroTestHarness;

namespace A64Asm.Assembler.Tests.Macros;

public class ErrorTests
{
    [Fact]
    public void MissingRequiredArgument()
    {
        Assert.Equal("test.s:3:3: error: missing value for required parameter 'x' in macro 'm'\n   m y=1\n   ^",
            Error(Lines(".macro m x:req, y", ".endm", "  m y=1")));
    }

    [Fact]
    public void RedefinedMacro()
    {
        Assert.Equal("test.s:3:8: error: macro 'M' is already defined",
            ErrorHeadline(Lines(".macro m a", ".endm", ".macro M b", ".endm")));
    }

    [Fact]
    public void BadCalls()
    {
        const string macro = ".macro m a, b\n.endm\n";
        Assert.Equal("test.s:3:3: error: parameter named 'c' does not exist in macro 'm'", ErrorHeadline(macro + "m c=1\n"));
        Assert.Equal("test.s:3:7: error: can't mix positional and keyword arguments", ErrorHeadline(macro + "m b=2 1\n"));
        Assert.Equal("test.s:3:9: error: too many positional arguments for macro 'm'", ErrorHeadline(macro + "m 1, 2, 3\n"));
        Assert.Equal("test.s:3:8: error: too many positional arguments for macro 'm'", ErrorHeadline(macro + "m 1, 2,,\n"));
    }

    /// <summary>gas takes one comma after the last argument (GNU's own tests call "m x,,,,,," for six parameters).</summary>
    [Theory]
    [InlineData("")]
    [InlineData(".altmacro\n")]
    public void One_trailing_comma_after_the_last_argument_is_taken(string mode)
    {
        const string macro = ".macro m a, b\n.byte \\a, \\b\n.endm\n";
        Assert.Equal("0102", Layout.Asm.Hex(mode + macro + "m 1, 2,\n", ".text"));
    }

    [Fact]
    public void BadDefinitions()
    {
        Assert.Equal("test.s:1:13: error: parameter 'a' is already defined in macro 'm'", ErrorHeadline(Lines(".macro m a, a", ".endm")));
        Assert.Equal("test.s:1:10: error: 'foo' is not a valid parameter qualifier for 'x' in macro 'm'",
            ErrorHeadline(Lines(".macro m x:foo", ".endm")));
        Assert.Equal("test.s:1:20: error: vararg parameter 'x' must be the last in macro 'm'",
            ErrorHeadline(Lines(".macro m x:vararg, y", ".endm")));
        Assert.Equal("test.s:1:8: error: expected a macro name after .macro", ErrorHeadline(Lines(".macro 1x", ".endm")));
        Assert.Equal("test.s:1:8: error: cannot define a macro named '.if': it is a directive", ErrorHeadline(Lines(".macro .if", ".endm")));
    }

    [Fact]
    public void UnterminatedMacro()
    {
        Assert.Equal("test.s:2:1: error: unterminated .macro 'm'", ErrorHeadline(Lines("nop", ".macro m", "nop")));
    }

    [Fact]
    public void StrayEndmEndrAndExitmOnlyWarnLikeGas()
    {
        var diagnostics = new A64Asm.Assembler.Diagnostics.CollectingDiagnostics();
        Assert.Equal("nop", Expand(Lines(".endm", " .endr", ".exitm", "nop"), diagnostics: diagnostics));
        Assert.Equal(
            ["test.s:1:1: warning: .endm without .macro", "test.s:2:2: warning: .endr without .rept, .irp or .irpc",
             "test.s:3:1: warning: ignoring .exitm outside a macro"],
            diagnostics.Warnings.Select(w => w.Split('\n')[0]));
    }

    [Theory]
    [InlineData("m %undefined_sym", "test.s:11:3: error: % operator needs absolute expression")]
    [InlineData("m %", "test.s:11:3: error: % operator needs absolute expression")]
    [InlineData("m 1 2 3", "test.s:11:7: error: too many positional arguments for macro 'm'")]
    [InlineData("n", "test.s:3:10: error: 'x' was already used as parameter (or another local) name")]
    [InlineData("q 5", "test.s:6:7: error: 'a' was already used as parameter (or another local) name")]
    public void AltmacroMisuseIsRefusedAsGnuAs(string call, string expected)
    {
        // GNU as 2.40 gives these messages (quoting `x'), at the same lines.
        string source = Lines(".altmacro", ".macro n", "LOCAL x, x", ".endm", ".macro q a", "LOCAL a", ".endm",
            ".macro m a, b", ".byte a", ".endm", call);
        Assert.Equal(expected, ErrorHeadline(source));
    }

    [Fact]
    public void RecursionHitsTheNestingLimit()
    {
        string error = Error(Lines(".macro m", "m", ".endm", "m"));
        var lines = error.Split('\n');
        Assert.Equal("test.s:2:1: error: macro nesting exceeds the limit of 100", lines[0]);
        Assert.Equal(99, lines.Count(l => l == "in macro 'm' expanded from test.s:2"));
        Assert.Equal("in macro 'm' expanded from test.s:4", lines[^1]);
    }

    [Fact]
    public void NestingLimitIsAnOption()
    {
        var options = new MacroOptions { MaxMacroDepth = 2 };
        Assert.Equal("test.s:5:1: error: macro nesting exceeds the limit of 2",
            ErrorHeadline(Lines(".macro a", "b", ".endm", ".macro b", "c", ".endm", ".macro c", "nop", ".endm", "a"), options));
    }

    [Fact]
    public void ErrAndError()
    {
        Assert.Equal("test.s:2:2: error: .err encountered", ErrorHeadline(Lines("nop", " .err")));
        Assert.Equal("test.s:1:1: error: value \"x\" too big", ErrorHeadline(".error \"value \\\"x\\\" too big\"\n"));
        Assert.Equal("test.s:1:1: error: .error directive invoked in source file", ErrorHeadline(".error\n"));
        Assert.Equal("test.s:1:8: error: expected a quoted string", ErrorHeadline(".error oops\n"));
    }

    [Fact]
    public void WarningGoesToTheSinkAndAssemblyGoesOn()
    {
        var diagnostics = new A64Asm.Assembler.Diagnostics.CollectingDiagnostics();
        Assert.Equal("nop", Expand(".warning \"careful\"\nnop\n", diagnostics: diagnostics));
        Assert.Equal("test.s:1:1: warning: careful\n .warning \"careful\"\n ^", Assert.Single(diagnostics.Warnings));
    }

    [Fact]
    public void PrintGoesToThePrintOutput()
    {
        var printed = new List<string>();
        var options = new MacroOptions { Print = printed.Add };
        Assert.Equal("nop", Expand(".print \"hello\"\nnop\n", options));
        Assert.Equal(["hello"], printed);
    }

    [Fact]
    public void EndStopsReadingInput()
    {
        Assert.Equal("nop", Expand(Lines("nop", ".end", "this is not read", ".if 1")));
    }

    [Fact]
    public void EndInsideMacroStopsEverything()
    {
        Assert.Equal(".byte 1", Expand(Lines(".macro m", ".byte 1", ".end", ".byte 2", ".endm", "m", ".byte 3")));
    }
}
