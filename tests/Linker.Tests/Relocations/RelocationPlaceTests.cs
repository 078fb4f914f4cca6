using A64Asm.Assembler.Elf;
using A64Asm.Isa.Fixups;
using A64Asm.Linker.Tests.Support;

namespace A64Asm.Linker.Tests.Relocations;

/// <summary>A relocation whose field does not lie inside its section's bytes is an error at its site, never a crash.</summary>
public class RelocationPlaceTests
{
    [Theory]
    [InlineData(6L, FixupKind.Call26, "o.o: .rela.text entry 0 (at .text+0x6): R_AARCH64_CALL26 (4 bytes) is past the end of .text (0x8 bytes)")]           // 2 bytes short
    [InlineData(8L, FixupKind.Abs16, "o.o: .rela.text entry 0 (at .text+0x8): R_AARCH64_ABS16 (2 bytes) is past the end of .text (0x8 bytes)")]             // just past the end
    [InlineData(-2L, FixupKind.Abs64, "o.o: .rela.text entry 0 (at .text+0xfffffffffffffffe): R_AARCH64_ABS64 (8 bytes) is past the end of .text (0x8 bytes)")] // offset + size wraps
    [InlineData(-4L, FixupKind.Call26, "o.o: .rela.text entry 0 (at .text+0xfffffffffffffffc): R_AARCH64_CALL26 (4 bytes) is past the end of .text (0x8 bytes)")]
    public void FieldPastTheSection(long offset, FixupKind kind, string expected)
    {
        var obj = new ObjectFile();
        var text = ObjectBuilder.Code(obj, ".text", 0xd503201f, 0x94000000);
        var symbol = ObjectBuilder.Symbol(obj, "f", text, binding: SymbolBinding.Global);
        ObjectBuilder.Reloc(text, offset, kind, symbol);
        var error = Assert.Throws<LinkError>(() =>
            A64Asm.Linker.Linker.Link([new LinkerInput("o.o", ElfObjectWriter.Write(obj))], new LinkerOptions()));
        Assert.Equal(expected, Assert.Single(error.Messages));
    }

    [Fact]
    public void FieldEndingAtTheSectionsEndFits()
    {
        var obj = new ObjectFile();
        var text = ObjectBuilder.Code(obj, ".text", 0xd503201f, 0x94000000);
        var symbol = ObjectBuilder.Symbol(obj, "f", text, binding: SymbolBinding.Global);
        ObjectBuilder.Reloc(text, 4, FixupKind.Call26, symbol);
        var image = A64Asm.Linker.Linker.Link([new LinkerInput("o.o", ElfObjectWriter.Write(obj))], new LinkerOptions());
        Assert.Equal("1f2003d5ffffff97", Convert.ToHexString(image.Flat).ToLowerInvariant()); // bl .-4
    }
}
