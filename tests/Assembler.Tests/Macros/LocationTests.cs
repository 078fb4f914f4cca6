using A64Asm.Assembler.Diagnostics;
using static A64Asm.Assembler.Tests.Macros.MacroTestHarness;

namespace A64Asm.Assembler.Tests.Macros;

public class LocationTests
{
    const string Macro = ".macro dcache_line_size reg, tmp\n  mrs \\tmp, ctr_el0\n  ubfm \\tmp, \\tmp, #16, #19\n.endm\n";

    [Fact]
    public void ExpandedLinePointsIntoTheBodyAndCarriesTheCall()
    {
        var lines = ExpandLines(Macro + "nop\n    dcache_line_size x2, x3\n");
        var mrs = lines[1];
        Assert.Equal("  mrs x3, ctr_el0", mrs.Text);
        Assert.Equal(2, mrs.Location.Pos.Line);
        var frame = Assert.IsType<ExpansionFrame>(mrs.Location.Context);
        Assert.Equal(ExpansionKind.MacroExpandedFrom, frame.Kind);
        Assert.Equal("dcache_line_size", frame.Name);
        Assert.Equal((6, 5), (frame.At.Line, frame.At.Column));
        Assert.Null(frame.Outer);
    }

    [Fact]
    public void ArgumentTextMapsToTheColumnOfItsParameterReference()
    {
        var ubfm = ExpandLines(Macro + "dcache_line_size x2, x3\n")[1];
        Assert.Equal("  ubfm x3, x3, #16, #19", ubfm.Text);
        Assert.Equal(3, ubfm.At(2).Pos.Column);
        Assert.Equal(8, ubfm.At(7).Pos.Column);   // "x3" from \tmp at column 8
        Assert.Equal(8, ubfm.At(8).Pos.Column);
        Assert.Equal(12, ubfm.At(9).Pos.Column);  // the ',' after \tmp
        Assert.Equal(14, ubfm.At(11).Pos.Column); // second \tmp
        Assert.Equal(20, ubfm.At(15).Pos.Column); // "#16"
    }

    [Fact]
    public void ErrorInBodyRendersTheBodyLineAndTheCallChain()
    {
        string source = Lines(".macro inner", "  .error \"bad\"", ".endm", ".macro outer", "inner", ".endm", "", "  outer");
        Assert.Equal(
            "test.s:2:3: error: bad\n   .error \"bad\"\n   ^\n" +
            "in macro 'inner' expanded from test.s:5\nin macro 'outer' expanded from test.s:8",
            Error(source));
    }

    [Fact]
    public void RepeatedLinesCarryARepeatFrame()
    {
        var lines = ExpandLines(Lines("nop", " .rept 2", "  add x0, x0, #1", " .endr"));
        Assert.Equal(3, lines.Count);
        Assert.Same(lines[1], lines[2]);
        var frame = Assert.IsType<ExpansionFrame>(lines[1].Location.Context);
        Assert.Equal("in '.rept' expanded from test.s:2", frame.Describe());
        Assert.Equal(3, lines[1].Location.Pos.Line);
        Assert.Equal(2, frame.At.Column);
    }

    [Fact]
    public void IrpInsideMacroChainsBothFrames()
    {
        var line = ExpandLines(Lines(".macro m", ".irp r, x1", "mov \\r, xzr", ".endr", ".endm", "m"))[0];
        Assert.Equal("mov x1, xzr", line.Text);
        Assert.Equal(5, line.At(4).Pos.Column);
        var irp = line.Location.Context!;
        Assert.Equal("in '.irp' expanded from test.s:2", irp.Describe());
        Assert.Equal("in macro 'm' expanded from test.s:6", irp.Outer!.Describe());
    }

    [Fact]
    public void CallFromAnExpandedLineKeepsTheOuterContext()
    {
        var file = new SourceText("top.S", "x\n");
        var include = new ExpansionFrame(ExpansionKind.IncludedFrom, "top.S", new SourcePos(file, 1, 1), null);
        var input = InputLines("defs.h", Lines(".macro m", "nop", ".endm", "m"), include);
        var line = new A64Asm.Assembler.Macros.MacroExpander(input, new TestHost(), new A64Asm.Assembler.Macros.MacroOptions(),
            new CollectingDiagnostics()).Expand().Single();
        Assert.Equal("in macro 'm' expanded from defs.h:4", line.Location.Context!.Describe());
        Assert.Same(include, line.Location.Context!.Outer);
    }
}
