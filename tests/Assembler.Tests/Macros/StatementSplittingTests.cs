using A64Asm.Assembler.Diagnostics;
using A64Asm.Assembler.Macros;
using static A64Asm.Assembler.Tests.Macros.MacroTestHarness;

namespace A64Asm.Assembler.Tests.Macros;

public class StatementSplittingTests
{
    [Fact]
    public void SplitsAtSemicolonsAndDropsLineComments()
    {
        Assert.Equal("mov x0, #1\nmov x1, #2\nret",
            Expand("mov x0, #1; mov x1, #2 // mov x2, #3 ; nop\nret\n"));
    }

    [Fact]
    public void SemicolonsAndSlashesInsideStringsAndCharConstantsDoNotSplit()
    {
        Assert.Equal(".ascii \"a;b // c\"\n.byte ';', '\\''\nnop",
            Expand(".ascii \"a;b // c\"\n.byte ';', '\\'' // x\nnop\n"));
    }

    [Fact]
    public void EscapedQuoteDoesNotEndTheString()
    {
        Assert.Equal(".ascii \"a\\\";b\"\nnop", Expand(".ascii \"a\\\";b\"; nop\n"));
    }

    [Fact]
    public void BlankAndCommentOnlyLinesProduceNothing()
    {
        Assert.Equal("nop", Expand("\n   \n// only a comment\n ; ;\nnop\n"));
    }

    [Fact]
    public void PlainLineIsPassedOnAsTheSameObject()
    {
        var input = InputLines("t.s", "\tadd x0, x0, x1\n1: b 1b\n");
        var output = new MacroExpander(input, new TestHost(), new MacroOptions(), new CollectingDiagnostics()).Expand().ToList();
        Assert.Same(input[0], output[0]);
        Assert.Same(input[1], output[1]);
    }

    [Fact]
    public void LaterStatementsKeepTheirSourceColumns()
    {
        var line = ExpandLines("nop;   mov x0, #1\n")[1];
        Assert.Equal("mov x0, #1", line.Text);
        Assert.Equal(8, line.At(0).Pos.Column);
        Assert.Equal(12, line.At(4).Pos.Column);
    }

    [Fact]
    public void ColumnsFollowTheIncomingColumnMap()
    {
        var file = new SourceText("t.s", "  nop ; ret\n");
        var fromCpp = new SourceLine("nop ; ret", new SourceLocation(new SourcePos(file, 1, 1), null), [3, 4, 5, 6, 7, 8, 9, 10, 11]);
        var output = new MacroExpander([fromCpp], new TestHost(), new MacroOptions(), new CollectingDiagnostics()).Expand().ToList();
        Assert.Equal(["nop", "ret"], output.Select(l => l.Text));
        Assert.Equal(3, output[0].At(0).Pos.Column);
        Assert.Equal(9, output[1].At(0).Pos.Column);
    }

    [Fact]
    public void LabelsBeforeAMacroCallBecomeTheirOwnLines()
    {
        Assert.Equal("1:\nfoo:\n.byte 7\n2: nop",
            Expand(".macro m\n.byte 7\n.endm\n1: foo: m\n2: nop\n"));
    }

    [Fact]
    public void LabelBeforeADirectiveIsSplitOff()
    {
        Assert.Equal("start:\n.byte 1\n.byte 1", Expand("start: .rept 2\n.byte 1\n.endr\n"));
    }

    [Fact]
    public void StatementsAfterACallOnTheSameLineComeAfterItsExpansion()
    {
        Assert.Equal(".byte 1\n.byte 2\nnop", Expand(".macro m\n.byte 1; .byte 2\n.endm\nm; nop\n"));
        Assert.Equal(".byte 1\n.byte 1\nnop", Expand(".rept 2; .byte 1; .endr; nop\n"));
    }

    [Fact]
    public void StatementsAfterAnIncludeComeAfterTheFile()
    {
        var options = new MacroOptions { ReadFile = path => path == "inc.s" ? "ret\n" : null };
        Assert.Equal("ret\nnop", Expand(".include \"inc.s\"; nop\n", options));
    }

    [Fact]
    public void ExitmKeepsTheCallersRestOfLine()
    {
        Assert.Equal(".byte 1\nnop", Expand(".macro m\n.byte 1; .exitm; .byte 2\n.endm\nm; nop\n"));
    }
}
