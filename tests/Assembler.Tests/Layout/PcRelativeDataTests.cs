using A64Asm.Assembler.Diagnostics;
using A64Asm.Isa.Fixups;

namespace A64Asm.Assembler.Tests.Layout;

/// <summary>"sym - ." in data directives: PREL relocations, and the shapes and sizes that cannot be one.</summary>
public class PcRelativeDataTests
{
    [Fact]
    public void Undefined_minus_dot_is_prel_of_the_datum_size_with_the_constant_as_addend()
    {
        var obj = AsmDriver.AssembleText("t.s", ".data\n.word ext - .\n.quad ext - . + 8\n.hword 4 + ext - .\n",
            new AssemblerOptions(), new CollectingDiagnostics());
        var relocations = obj.Sections.Single(s => s.Name == ".data").Relocations;
        Assert.Equal([(0L, FixupKind.Prel32, 0L), (4L, FixupKind.Prel64, 8L), (12L, FixupKind.Prel16, 4L)],
            relocations.Select(r => (r.Offset, r.Kind, r.Addend)));
        Assert.All(relocations, r => Assert.Equal("ext", r.Symbol!.Name));
    }

    [Fact]
    public void A_label_of_another_section_already_defined_minus_dot_is_prel_against_that_section()
    {
        // GNU as 2.40: R_AARCH64_PREL32 .data and R_AARCH64_PREL64 .data+0x4 (the ELF writer turns a local label
        // into its section, as gas does).
        var obj = AsmDriver.AssembleText("t.s", ".data\nd: .word 0\n.text\nnop\n.word d - .\n.quad d - . + 4\n",
            new AssemblerOptions(), new CollectingDiagnostics());
        var relocations = obj.Sections.Single(s => s.Name == ".text").Relocations;
        Assert.Equal([(4L, FixupKind.Prel32, 0L), (8L, FixupKind.Prel64, 4L)], relocations.Select(r => (r.Offset, r.Kind, r.Addend)));
        Assert.All(relocations, r => Assert.Equal("d", r.Symbol!.Name));
    }

    [Theory]
    [InlineData(".data\n.byte ext - .\n", "t.s:2:7: error: cannot represent a 1-byte pc-relative relocation for 'ext'")]
    [InlineData(".data\n.word ext - . + 0x100000000\n", "t.s:2:7: error: value 0x100000000 too large for a 4-byte field")]
    [InlineData(".data\n.word 8 - ext\n", "t.s:2:7: error: can't subtract: symbol 'ext' is undefined")]
    public void Shapes_that_are_no_prel_relocation_are_errors(string source, string message)
    {
        var error = Assert.Throws<AsmError>(() =>
            AsmDriver.AssembleText("t.s", source, new AssemblerOptions(), new CollectingDiagnostics()));
        Assert.StartsWith(message, error.Render());
    }
}
