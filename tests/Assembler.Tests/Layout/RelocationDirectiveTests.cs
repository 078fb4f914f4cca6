namespace A64Asm.Assembler.Tests.Layout;

/// <summary>.reloc and .tlsdesccall/.tlsdescadd/.tlsdescldr; whole objects against GNU as in
/// tests/vectors/elf/reloc-tlsdesccall.s and tlsdesc-markers.s.</summary>
public class RelocationDirectiveTests
{
    [Fact]
    public void Relocations_take_the_named_ELF_types()
    {
        var obj = Asm.Object("nop\n.tlsdesccall v\nblr x1\n.reloc 0, R_AARCH64_ABS64, foo+4\n.reloc 4, BFD_RELOC_32, 7\n" +
                             ".tlsdescadd v+8\nadd x0, x0, #0\n.tlsdescldr w\nldr x1, [x0]\n");
        var text = obj.Sections.Single(s => s.Name == ".text");
        Assert.Equal([(0L, 257u, "foo", 4L), (4L, 569u, "v", 0L), (4L, 258u, null, 7L), (8L, 568u, "v", 8L), (12L, 567u, "w", 0L)],
            text.Relocations.Select(r => (r.Offset, r.RawType, r.Symbol?.Name, r.Addend)));
    }

    [Fact]
    public void Dot_in_a_reloc_offset_is_where_the_directive_stands()
    {
        var obj = Asm.Object(".data\n.word 0\n.reloc ., R_AARCH64_ABS32, f\n.word 0\n.section .rodata\n.byte 1\n");
        var data = obj.Sections.Single(s => s.Name == ".data");
        Assert.Equal([(4L, 258u, "f")], data.Relocations.Select(r => (r.Offset, r.RawType, r.Symbol?.Name)));
    }

    [Theory]
    [InlineData(".reloc 0, R_AARCH64_BOGUS, x\n", "test.s:1:11: error: unrecognized reloc type")]
    [InlineData(".reloc 0, BFD_RELOC_8, x\n", "test.s:1:11: error: unrecognized reloc type")]
    [InlineData(".reloc 0\n", "test.s:1:1: error: .reloc takes an offset, a relocation name and an optional value")]
    [InlineData("nop\n.reloc 8, R_AARCH64_ABS32, x\n", "test.s:2:8: error: .reloc offset 0x8 is outside .text (0x4 bytes)")]
    [InlineData(".reloc undefined_sym, R_AARCH64_ABS32, x\n", "test.s:1:8: error: bad .reloc offset: it must be a number or a label of this file")]
    [InlineData(".tlsdesccall\n", "test.s:1:1: error: .tlsdesccall expects one symbol name")]
    [InlineData(".tlsdescadd 1\nnop\n", "test.s:1:1: error: .tlsdescadd expects one symbol name")]
    [InlineData(".tlsdescldr x, y\nnop\n", "test.s:1:1: error: .tlsdescldr expects one symbol name")]
    [InlineData(".tlsdesccall x*2\nnop\n", "test.s:1:1: error: .tlsdesccall expects one symbol name")]
    // GNU as 2.40 stops here with "internal error: fixup not contained within frag".
    [InlineData("nop\n.tlsdescldr x\n", "test.s:2:1: error: .tlsdescldr must be followed by an instruction in .text")]
    [InlineData(".tlsdescadd x\n.data\n.word 0\n", "test.s:1:1: error: .tlsdescadd must be followed by an instruction in .text")]
    public void Bad_arguments_are_refused(string source, string expected) => Assert.Equal(expected, Asm.ErrorLine(source));
}
