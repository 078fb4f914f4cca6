using static A64Asm.Assembler.Tests.Macros.MacroTestHarness;

namespace A64Asm.Assembler.Tests.Macros;

public class ConditionalTests
{
    static string Pick(string condition) => Expand(Lines(condition, "yes", ".else", "no", ".endif"));

    [Theory]
    [InlineData(".if 1", "yes")]
    [InlineData(".if 2 - 2", "no")]
    [InlineData(".ifeq 0", "yes")]
    [InlineData(".ifne 0", "no")]
    [InlineData(".ifgt 2", "yes")]
    [InlineData(".ifgt 0", "no")]
    [InlineData(".ifge 0", "yes")]
    [InlineData(".iflt -1", "yes")]
    [InlineData(".iflt 0", "no")]
    [InlineData(".ifle 0", "yes")]
    [InlineData(".ifle 1", "no")]
    [InlineData(".ifc a + b, a+b", "yes")]
    [InlineData(".ifc \"a b\", a b", "no")]
    [InlineData(".ifc A,a", "no")]
    [InlineData(".ifc a b,a b", "yes")]
    [InlineData(".ifc ,", "yes")]
    [InlineData(".ifc \"a,b\",\"a,b\"", "yes")]
    [InlineData(".ifnc a,b", "yes")]
    [InlineData(".ifeqs \"a b\", \"a b\"", "yes")]
    [InlineData(".ifeqs \"a\", \"A\"", "no")]
    [InlineData(".ifnes \"a\", \"b\"", "yes")]
    [InlineData(".ifb", "yes")]
    [InlineData(".ifb  ,", "no")]
    [InlineData(".ifnb x", "yes")]
    [InlineData(".ifdef undefined_sym", "no")]
    [InlineData(".ifndef undefined_sym", "yes")]
    [InlineData(".ifnotdef undefined_sym", "yes")]
    [InlineData(".IF 1", "yes")]
    public void Condition(string condition, string expected) => Assert.Equal(expected, Pick(condition));

    [Fact]
    public void IfdefSeesSymbolsDefinedByEarlierLines()
    {
        Assert.Equal("foo = 1\nyes", Expand(Lines("foo = 1", ".ifdef foo", "yes", ".endif")));
    }

    [Fact]
    public void ElseifChain()
    {
        Assert.Equal("b", Expand(Lines(".if 0", "a", ".elseif 1", "b", ".elseif 1", "c", ".else", "d", ".endif")));
        Assert.Equal("d", Expand(Lines(".if 0", "a", ".elseif 0", "b", ".else", "d", ".endif")));
    }

    [Fact]
    public void SkippedBranchesAreNotEvaluated()
    {
        // `undefined_sym` would fail to evaluate; gas never looks at it.
        Assert.Equal("a", Expand(Lines(".if 1", "a", ".elseif undefined_sym", "b", ".endif", ".if 0", ".if undefined_sym", ".endif", ".endif")));
    }

    [Fact]
    public void NestedIfs()
    {
        Assert.Equal("inner-else\nouter", Expand(Lines(".if 1", ".if 0", "x", ".else", "inner-else", ".endif", "outer", ".else", "y", ".endif")));
    }

    [Fact]
    public void SkippedCodeIsNotProcessed()
    {
        Assert.Equal("", Expand(Lines(".if 0", ".macro m", ".err", ".include \"missing.s\"", ".endif")));
    }

    [Fact]
    public void ConditionsOnOneLine()
    {
        Assert.Equal("y", Expand(".ifgt 2 ; y ; .else ; n ; .endif\n"));
    }

    [Fact]
    public void ConditionInsideMacroUsesTheArguments()
    {
        Assert.Equal("blank\nx", Expand(Lines(".macro m a", ".ifb \\a", "blank", ".else", "\\a", ".endif", ".endm", "m", "m x")));
    }

    [Fact]
    public void UnbalancedDirectives()
    {
        Assert.Equal("test.s:2:1: error: .endif without .if", ErrorHeadline(Lines("nop", ".endif")));
        Assert.Equal("test.s:1:1: error: .else without .if", ErrorHeadline(Lines(".else")));
        Assert.Equal("test.s:1:1: error: .elseif without .if", ErrorHeadline(Lines(".elseif 1")));
        Assert.Equal("test.s:3:1: error: duplicate .else", ErrorHeadline(Lines(".if 1", ".else", ".else", ".endif")));
        Assert.Equal("test.s:3:1: error: .elseif after .else", ErrorHeadline(Lines(".if 1", ".else", ".elseif 1", ".endif")));
    }

    [Fact]
    public void UnterminatedIfAtEndOfInput()
    {
        Assert.Equal("test.s:2:3: error: unterminated .if\n   .if 0\n   ^", Error(Lines(".if 1", "  .if 0", "nop")));
    }

    [Fact]
    public void IfLeftOpenInsideAMacro()
    {
        Assert.Equal("test.s:2:1: error: unterminated .if\n .if 1\n ^\nin macro 'm' expanded from test.s:4",
            Error(Lines(".macro m", ".if 1", ".endm", "m", ".endif")));
    }

    [Fact]
    public void ConditionErrors()
    {
        Assert.Equal("test.s:1:4: error: missing expression after .if", ErrorHeadline(Lines(".if", ".endif")));
        Assert.Equal("test.s:1:7: error: expected a symbol name after .ifdef", ErrorHeadline(Lines(".ifdef", ".endif")));
        Assert.Equal("test.s:1:8: error: expected a quoted string", ErrorHeadline(Lines(".ifeqs a, \"b\"", ".endif")));
        Assert.Equal("test.s:1:7: error: expected a comma after the first operand of .ifc", ErrorHeadline(Lines(".ifc a", ".endif")));
        Assert.Equal("test.s:1:9: error: symbol 'nosuch' is not absolute", ErrorHeadline(Lines(".if 1 + nosuch", ".endif")));
    }

    [Fact]
    public void DepthLimit()
    {
        var options = new A64Asm.Assembler.Macros.MacroOptions { MaxConditionalDepth = 3 };
        Assert.Equal("test.s:4:1: error: .if nesting exceeds the limit of 3",
            ErrorHeadline(Lines(".if 1", ".if 1", ".if 1", ".if 1"), options));
    }
}
