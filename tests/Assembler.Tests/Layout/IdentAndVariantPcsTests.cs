namespace A64Asm.Assembler.Tests.Layout;

/// <summary>.ident and .variant_pcs; whole objects against GNU as in tests/vectors/elf/ident-variant-pcs.s.</summary>
public class IdentAndVariantPcsTests
{
    [Fact]
    public void Ident_strings_follow_an_empty_one_in_comment()
    {
        var obj = Asm.Object("nop\n.ident \"GCC: 12\"\n.ident \"b\"\n");
        var comment = obj.Sections.Single(s => s.Name == ".comment");
        Assert.Equal("00" + "4743433a20313200" + "6200", Convert.ToHexString(comment.Data).ToLowerInvariant());
        Assert.Equal(Elf.SectionFlags.Merge | Elf.SectionFlags.Strings, comment.Flags);
        Assert.Equal(1, comment.EntrySize);
        Assert.Equal("1f2003d5", Asm.Hex("nop\n.ident \"x\"\n"));
    }

    [Fact]
    public void Variant_pcs_marks_the_symbol_even_if_nothing_else_names_it()
    {
        var obj = Asm.Object("f: nop\n.variant_pcs f\n.variant_pcs k\n");
        Assert.True(obj.Symbols.Single(s => s.Name == "f").VariantPcs);
        var bytes = Elf.ElfObjectWriter.Write(obj);
        Assert.Contains(obj.Symbols, s => s.Name == "k" && s.VariantPcs && !s.IsDefined);
        Assert.NotEmpty(bytes);
    }

    [Theory]
    [InlineData(".variant_pcs\n", "test.s:1:1: error: .variant_pcs expects one symbol name")]
    [InlineData(".variant_pcs a, b\n", "test.s:1:17: error: .variant_pcs expects one symbol name")]
    [InlineData(".ident 5\n", "test.s:1:8: error: .ident expects strings")]
    public void Bad_arguments_are_refused(string source, string expected) => Assert.Equal(expected, Asm.ErrorLine(source));
}
