using A64Asm.Assembler.Diagnostics;

namespace A64Asm.Assembler.Tests.Preprocessing;

public class SourceLocationTests
{
    static IReadOnlyList<SourceLine> Run(string source) => new PpTestKit().With("t.S", source).Run();

    static int ColumnOf(SourceLine line, string text) => line.At(line.Text.IndexOf(text, StringComparison.Ordinal)).Pos.Column;

    [Fact]
    public void PlainLineIsItsOwnSourceWithNoColumnMap()
    {
        var line = Assert.Single(Run("\n\n\tldp x22, x23, [x21, #16]\n"));
        Assert.Equal("t.S:3:1", line.Location.ToString());
        Assert.Null(line.ColumnMap);
        Assert.Null(line.Location.Context);
    }

    [Fact]
    public void TrailingCommentLeavesAPrefixOfTheSourceLine()
    {
        var line = Assert.Single(Run("\tmov x0, x1 // copy\n"));
        Assert.Equal("\tmov x0, x1", line.Text);
        Assert.Null(line.ColumnMap);
    }

    [Fact]
    public void MacroOutputMapsToTheMacroNameAndOtherTextKeepsItsColumn()
    {
        var line = Assert.Single(Run("#define PAGE_SIZE (1 << 12)\n\tadd x19, x0, #PAGE_SIZE // end\n"));
        Assert.Equal("\tadd x19, x0, #(1 << 12)", line.Text);
        Assert.Equal(16, ColumnOf(line, "("));
        Assert.Equal(16, ColumnOf(line, "12"));
        Assert.Equal(15, ColumnOf(line, "#"));
        Assert.Equal(6, ColumnOf(line, "x19"));
        Assert.Equal(2, ColumnOf(line, "add"));
        Assert.Equal("t.S:2:1", line.Location.ToString());
    }

    [Fact]
    public void ArgumentsKeepTheirOwnColumns()
    {
        var line = Assert.Single(Run("#define LD(r, a) ldr r, [a]\n  LD(x1, x2)\n"));
        Assert.Equal("  ldr x1, [x2]", line.Text);
        Assert.Equal(3, ColumnOf(line, "ldr"));
        Assert.Equal(6, ColumnOf(line, "x1"));
        Assert.Equal(10, ColumnOf(line, "x2"));
        Assert.Equal(3, ColumnOf(line, "]"));
    }

    [Fact]
    public void TextAfterAnInlineCommentKeepsItsColumn()
    {
        var line = Assert.Single(Run("a /* c */ b\n"));
        Assert.Equal("a b", line.Text);
        Assert.Equal(11, ColumnOf(line, "b"));
    }

    [Fact]
    public void CallSpanningLinesIsOneLineAtTheCallAndLaterLinesKeepTheirNumbers()
    {
        var lines = Run("#define F(a, b) a + b\n x = F(1,\n 2) - 3\nnext\n");
        Assert.Equal([" x = 1 + 2 - 3", "next"], lines.Select(l => l.Text));
        Assert.Equal("t.S:2:1", lines[0].Location.ToString());
        Assert.Equal(6, ColumnOf(lines[0], "2"));
        Assert.Equal(6, ColumnOf(lines[0], "3"));
        Assert.Equal("t.S:4:1", lines[1].Location.ToString());
    }

    [Fact]
    public void IncludedLinesCarryTheIncludeChain()
    {
        var kit = new PpTestKit()
            .With("t.S", "\n  #include \"a.h\"\nmain\n")
            .With("a.h", "#include \"b.h\"\na\n")
            .With("b.h", "b\n");
        var lines = kit.Run();
        Assert.Equal(["b", "a", "main"], lines.Select(l => l.Text));
        var b = lines[0].Location;
        Assert.Equal("b.h:1:1", b.ToString());
        Assert.Equal([ExpansionKind.IncludedFrom, ExpansionKind.IncludedFrom], new[] { b.Context!.Kind, b.Context.Outer!.Kind });
        Assert.Equal("in file included from a.h:1", b.Context.Describe());
        Assert.Equal("in file included from t.S:2", b.Context.Outer.Describe());
        Assert.Equal(3, b.Context.Outer.At.Column);
        Assert.Equal("b.h", b.Context.Name);
        Assert.Null(lines[2].Location.Context);
    }

    [Fact]
    public void ContinuedLineStartsAtItsFirstPhysicalLine()
    {
        var lines = Run("x\nmov x0, \\\n  #1\ny\n");
        Assert.Equal(["x", "mov x0,   #1", "y"], lines.Select(l => l.Text));
        Assert.Equal(["t.S:1:1", "t.S:2:1", "t.S:4:1"], lines.Select(l => l.Location.ToString()));
    }

    [Fact]
    public void TextAfterAMultiLineCommentIsOnTheLineWhereItStands()
    {
        var lines = Run("/* one\n two\n three */ a\nb\n");
        Assert.Equal([" a", "b"], lines.Select(l => l.Text));
        Assert.Equal(["t.S:3:10", "t.S:4:1"], lines.Select(l => l.Location.ToString()));
        Assert.Equal(11, ColumnOf(lines[0], "a"));
    }
}
