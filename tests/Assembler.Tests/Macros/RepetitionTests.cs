using static A64Asm.Assembler.Tests.Macros.MacroTestHarness;

namespace A64Asm.Assembler.Tests.Macros;

public class RepetitionTests
{
    [Fact]
    public void ReptRepeatsItsBody()
    {
        Assert.Equal("nop\n.byte 1\nnop\n.byte 1\nnop\n.byte 1", Expand(Lines(".rept 3", "nop", ".byte 1", ".endr")));
    }

    [Fact]
    public void ReptCountIsAnExpression()
    {
        Assert.Equal("nop\nnop\nnop\nnop", Expand(Lines("n = 2", ".rept n * (1 + 1)", "nop", ".endr")).Replace("n = 2\n", ""));
    }

    [Fact]
    public void ZeroReptProducesNothing()
    {
        Assert.Equal("ret", Expand(Lines(".rept 0", "nop", ".endr", "ret")));
    }

    [Fact]
    public void NestedRepeats()
    {
        Assert.Equal(".byte 1\n.byte 2\n.byte 2\n.byte 1\n.byte 2\n.byte 2",
            Expand(Lines(".rept 2", ".byte 1", ".rept 2", ".byte 2", ".endr", ".endr")));
    }

    [Fact]
    public void IrpSubstitutesEachValue()
    {
        Assert.Equal(".byte 1\n.byte 2\n.byte 3", Expand(Lines(".irp x, 1, 2, 3", ".byte \\x", ".endr")));
        Assert.Equal(".ascii \"a\"\n.ascii \"b\"", Expand(Lines(".irp x a b", ".ascii \"\\x\"", ".endr")));
    }

    [Fact]
    public void IrpWithoutValuesRunsOnceWithEmptyValue()
    {
        Assert.Equal(".byte 1", Expand(Lines(".irp x", ".byte 1\\x", ".endr")));
        Assert.Equal(".byte 1", Expand(Lines(".irp x,", ".byte 1\\x", ".endr")));
    }

    [Fact]
    public void IrpcSubstitutesEachCharacter()
    {
        Assert.Equal(".byte 4\n.byte 5\n.byte 6", Expand(Lines(".irpc c, 456", ".byte \\c", ".endr")));
        Assert.Equal(".ascii \"a\"\n.ascii \" \"\n.ascii \"b\"", Expand(Lines(".irpc c,\"a b\"", ".ascii \"\\c\"", ".endr")));
    }

    [Fact]
    public void NestedIrpInsideIrpc()
    {
        Assert.Equal(".byte 1+10\n.byte 1+20\n.byte 2+10\n.byte 2+20",
            Expand(Lines(".irpc a, 12", ".irp b, 10, 20", ".byte \\a+\\b", ".endr", ".endr")));
    }

    [Fact]
    public void HugeReptIsRefusedBeforeRunning()
    {
        Assert.Equal("test.s:1:7: error: .rept count 100000000 exceeds the limit of 1000000 (use --max-rept to raise it)",
            ErrorHeadline(Lines(".rept 100000000", "nop", ".endr")));
    }

    [Fact]
    public void NegativeReptIsAnError()
    {
        Assert.Equal("test.s:1:7: error: negative .rept count -1", ErrorHeadline(Lines(".rept -1", ".endr")));
    }

    [Fact]
    public void NestedRepeatsStopAtTheTotalLineLimit()
    {
        var options = new A64Asm.Assembler.Macros.MacroOptions { MaxExpansionLines = 1000 };
        Assert.Equal("test.s:1:1: error: expansion lines exceed the limit of 1000 (use --max-expansion-lines to raise it)",
            ErrorHeadline(Lines(".rept 100", ".rept 100", "nop", ".endr", ".endr"), options));
    }

    [Fact]
    public void LineLimitCountsEveryExpansionInTheRun()
    {
        var options = new A64Asm.Assembler.Macros.MacroOptions { MaxExpansionLines = 16 };
        string once = Lines(".rept 8", "nop", ".endr");
        Assert.Equal(16, Expand(once + once, options).Split('\n').Length);
        Assert.Equal("test.s:7:1: error: expansion lines exceed the limit of 16 (use --max-expansion-lines to raise it)",
            ErrorHeadline(once + once + once, options));
    }

    [Fact]
    public void UnterminatedRepeat()
    {
        Assert.Equal("test.s:1:1: error: unterminated .rept", ErrorHeadline(Lines(".rept 2", "nop")));
        Assert.Equal("test.s:2:1: error: unterminated .irpc", ErrorHeadline(Lines("nop", ".irpc x, ab", "nop")));
    }

    [Fact]
    public void IfLeftOpenInsideARepeat()
    {
        Assert.Equal("test.s:2:1: error: unterminated .if\n .if 1\n ^\nin '.rept' expanded from test.s:1",
            Error(Lines(".rept 2", ".if 1", ".endr", ".endif")));
    }

    [Fact]
    public void IrpNeedsASymbol()
    {
        Assert.Equal("test.s:1:6: error: expected a symbol name after .irp", ErrorHeadline(Lines(".irp ,1", ".endr")));
    }
}
