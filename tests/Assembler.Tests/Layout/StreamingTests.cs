using A64Asm.Assembler.Diagnostics;
using A64Asm.Assembler.Layout;

namespace A64Asm.Assembler.Tests.Layout;

/// <summary>Streaming (emit as lines arrive, forward references at the end) must equal layout-pass mode.</summary>
public class StreamingTests
{
    private static byte[] Text(string source, bool streaming)
    {
        var assembler = new ObjectAssembler(new CollectingDiagnostics(), streaming);
        var file = new SourceText("s.s", source);
        for (int i = 0; i < file.Lines.Length; i++)
            assembler.AddLine(new SourceLine(file.Lines[i], new SourceLocation(new SourcePos(file, i + 1, 1), null)));
        return assembler.Finish().Sections.Single(s => s.Name == ".text").Data;
    }

    [Theory]
    [InlineData(".quad .Lend - .Lstart\n.Lstart: nop\nnop\n.Lend:\n")]
    [InlineData("add x0, x0, #(.Lb - .La)\n.La: nop\n.Lb: ret\n")]
    [InlineData("ldr x0, =.Lb - .La\n.La: nop\n.Lb: ret\n")]
    [InlineData("mov x1, #SIZE\n.set SIZE, 24\n")]
    [InlineData("b 1f\n1: b 1b\n.size f, . - 1b\n")]
    public void Forward_references_give_the_same_bytes(string source)
    {
        Assert.Equal(Convert.ToHexString(Text(source, streaming: false)), Convert.ToHexString(Text(source, streaming: true)));
    }

    [Fact]
    public void Label_dependent_sizes_ask_for_layout_passes()
    {
        Assert.Throws<NeedsLayoutPassesException>(() => Text(".skip .Lb - .La\n.La: nop\n.Lb:\n", streaming: true));
        Assert.Equal(8, Text(".skip .Lb - .La\n.La: nop\n.Lb:\n", streaming: false).Length);
    }

    [Fact]
    public void Globl_after_the_branch_still_keeps_the_relocation()
    {
        var obj = Asm.Object("b g\n.globl g\ng: ret\n");
        var reloc = Assert.Single(obj.Sections.Single(s => s.Name == ".text").Relocations);
        Assert.Equal("g", reloc.Symbol.Name);
    }

    [Fact]
    public void Forward_equate_in_an_instruction_is_resolved()
    {
        Assert.Equal(Asm.Hex("mov x1, #24\n"), Asm.Hex("mov x1, #SIZE\n.set SIZE, 24\n"));
    }
}
