using A64Asm.Assembler.Diagnostics;
using A64Asm.Assembler.Layout;

namespace A64Asm.Assembler.Tests.Layout;

/// <summary>
/// One run: statements are emitted as they arrive, a forward reference is completed at its place at the end, and
/// from the first size that depends on a later label the tail is laid out again until it settles. Each input must
/// give the bytes of the same program with the values written out.
/// </summary>
public class StreamingTests
{
    private static string Text(string source)
    {
        var assembler = new ObjectAssembler(new CollectingDiagnostics());
        var file = new SourceText("s.s", source);
        for (int i = 0; i < file.Lines.Length; i++)
            assembler.AddLine(new SourceLine(file.Lines[i], new SourceLocation(new SourcePos(file, i + 1, 1), null)));
        return Convert.ToHexString(assembler.Finish().Sections.Single(s => s.Name == ".text").Data);
    }

    [Theory]
    [InlineData(".quad .Lend - .Lstart\n.Lstart: nop\nnop\n.Lend:\n", ".quad 8\nnop\nnop\n")]
    [InlineData("add x0, x0, #(.Lb - .La)\n.La: nop\n.Lb: ret\n", "add x0, x0, #4\nnop\nret\n")]
    [InlineData("ldr x0, =.Lb - .La\n.La: nop\n.Lb: ret\n", "ldr x0, =4\nnop\nret\n")]
    [InlineData("mov x1, #SIZE\n.set SIZE, 24\n", "mov x1, #24\n")]
    [InlineData("b 1f\n1: b 1b\n.size f, . - 1b\n", "b .+4\nb .\n")]
    // A name that reads as an FP register and no form takes: a symbol defined further on (GNU: d1200000, 91200000).
    [InlineData("add x0, x0, s12\nsub x0, x0, s12\n.set s12, -2048\n", "sub x0, x0, #2048\nadd x0, x0, #2048\n")]
    // Completed at the end, but read with the register aliases in force at its place (GNU: 91000c20).
    [InlineData("foo .req x1\nadd x0, foo, #sym\n.unreq foo\nfoo .req x5\n.set sym, 3\n", "add x0, x1, #3\n")]
    public void Forward_references_give_the_bytes_of_the_values(string source, string written)
    {
        Assert.Equal(Text(written), Text(source));
    }

    [Theory]
    [InlineData(".skip .Lb - .La\n.La: nop\n.Lb:\n", ".skip 4\nnop\n")]
    // The tail starts after code already emitted, which names labels in the tail.
    [InlineData("nop\nb .Lend\n.quad .Lb\n.skip .Lb - .La\n.La: nop\n.Lb: b .La\n.Lend:\n",
                "nop\nb .+24\n.quad 0\n.skip 4\nnop\nb .-4\n")]
    // Each pass over the tail starts from the equate's value where the tail began.
    [InlineData(".set n, 1\nnop\n.skip .Lb - .La\n.set n, n + 1\n.La: .word n\n.Lb:\n",
                ".set n, 1\nnop\n.skip 4\n.set n, n + 1\n.word n\n")]
    // Settles in the third pass: the first skip moves the labels the second one measures.
    [InlineData(".skip .Lc - .Lb\n.La: nop\n.Lb: .skip .Lb - .La\n.Lc: nop\n", ".skip 4\nnop\n.skip 4\nnop\n")]
    // An equate of a forward difference, used for a size before the labels are defined.
    [InlineData(".set a, .Lend - .Lstart\n.skip a\n.Lstart: nop\n.Lend:\n.quad a\n", ".skip 4\nnop\n.quad 4\n")]
    // Sections switched inside the tail come back to where they stood.
    [InlineData(".skip .Lb - .La\n.section .data\n.word 7\n.text\n.La: nop\n.Lb:\n", ".skip 4\nnop\n")]
    public void Sizes_that_depend_on_later_labels_settle(string source, string written)
    {
        Assert.Equal(Text(written), Text(source));
    }

    [Fact]
    public void Print_and_warning_before_a_forward_dependent_size_come_once()
    {
        var printed = new List<string>();
        var diagnostics = new CollectingDiagnostics();
        var options = new AssemblerOptions { Print = printed.Add };
        Asm.Object(".print \"before\"\n.warning \"careful\"\n.skip .Lb - .La\n.La: nop\n.Lb:\n.print \"after\"\n", diagnostics, options);
        Assert.Equal(["before", "after"], printed);
        Assert.Equal(["test.s:2:1: warning: careful\n .warning \"careful\"\n ^"], diagnostics.Warnings);
    }

    [Fact]
    public void A_space_of_zero_warns_as_gas_does_once_its_size_is_final()
    {
        // GNU as 2.40: "Warning: .space repeat count is zero, ignored" for .space, .skip and .zero alike.
        var diagnostics = new CollectingDiagnostics();
        Asm.Object(".space 0\n.skip .Lb - .La\n.La: nop\n.Lb:\n.zero 0\n", diagnostics);
        Assert.Equal(["test.s:1:1: warning: .space repeat count is zero, ignored\n .space 0\n ^",
            "test.s:5:1: warning: .space repeat count is zero, ignored\n .zero 0\n ^"], diagnostics.Warnings);
    }

    [Fact]
    public void Globl_after_the_branch_still_keeps_the_relocation()
    {
        var obj = Asm.Object("b g\n.globl g\ng: ret\n");
        var reloc = Assert.Single(obj.Sections.Single(s => s.Name == ".text").Relocations);
        Assert.Equal("g", reloc.Symbol!.Name);
    }

    /// <summary>A statement completed at the end is checked against the selection at its place: a later .arch that
    /// has the register does not let it through (GNU as refuses it).</summary>
    [Fact]
    public void A_completed_statement_keeps_the_selection_of_its_place()
    {
        Assert.Equal("test.s:2:9: error: selected processor does not support system register name 'lorid_el1'",
            Asm.ErrorLine(".arch armv8-a\nmrs x0, lorid_el1\n.arch armv8.6-a\n"));
        Assert.Equal(Asm.Hex(".arch armv8.6-a\nmrs x0, lorid_el1\n"), Asm.Hex(".arch armv8.6-a\nmrs x0, lorid_el1\n.arch armv8-a\n"));
    }

    [Fact]
    public void Forward_equate_in_an_instruction_is_resolved()
    {
        Assert.Equal(Asm.Hex("mov x1, #24\n"), Asm.Hex("mov x1, #SIZE\n.set SIZE, 24\n"));
    }
}
