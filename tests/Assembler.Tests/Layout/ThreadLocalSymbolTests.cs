namespace A64Asm.Assembler.Tests.Layout;

/// <summary>STT_TLS; whole objects against GNU as in tests/vectors/elf/tls-symbols.s.</summary>
public class ThreadLocalSymbolTests
{
    [Fact]
    public void Undefined_symbols_of_tls_relocations_and_symbols_of_tls_sections_are_tls()
    {
        var obj = Asm.Object(".text\nadd x0, x0, :tprel_lo12:x\nadrp x1, :got:y\n.section .tbss,\"awT\",%nobits\nv: .skip 4\n");
        Assert.Equal(A64Asm.Assembler.Elf.SymbolType.Tls, obj.Symbols.Single(s => s.Name == "x").Type);
        Assert.Equal(A64Asm.Assembler.Elf.SymbolType.NoType, obj.Symbols.Single(s => s.Name == "y").Type);   // GOT, not TLS
        Assert.Equal(A64Asm.Assembler.Elf.SymbolType.Tls, obj.Symbols.Single(s => s.Name == "v").Type);
    }

    [Theory]
    // GNU as 2.40 names the section (it has already moved the relocation onto the section's symbol), then crashes.
    [InlineData(".text\nx: nop\nadd x0, x0, :tprel_lo12:x\n", "test.s:3:13: error: Accessing `x' as thread-local object")]
    [InlineData(".data\nd: .word 0\n.text\nadrp x0, :tlsdesc:d\n", "test.s:4:10: error: Accessing `d' as thread-local object")]
    public void A_tls_relocation_against_an_ordinary_section_s_symbol_is_gnu_as_error(string source, string error) =>
        Assert.Equal(error, Asm.ErrorLine(source));
}
