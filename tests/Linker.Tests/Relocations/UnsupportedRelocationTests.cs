using System.Buffers.Binary;
using A64Asm.Assembler.Elf;
using A64Asm.Isa.Fixups;
using A64Asm.Linker.Tests.Support;
using ELFSharp.ELF;

namespace A64Asm.Linker.Tests.Relocations;

/// <summary>A relocation the static link does not apply is an error naming its type, at its site; the link goes on to report every one.</summary>
public class UnsupportedRelocationTests
{
    [OracleFact]
    public void GotRelocationsFromGasAreNamed()
    {
        var error = Assert.Throws<LinkError>(() => LinkCompare.Ours(
            [".text\nadrp x0, :got:sym\nldr x0, [x0, :got_lo12:sym]\n.data\n.globl sym\nsym: .quad 0\n"]));
        // Refused as the object is read, at its first such entry.
        Assert.Equal(["o0.o: .rela.text entry 0 (at .text+0x0): unsupported relocation R_AARCH64_ADR_GOT_PAGE (311)"], error.Messages);
    }

    [Theory]
    [InlineData(4242u, "o.o: .rela.text entry 0 (at .text+0x4): unsupported relocation type 4242")]
    [InlineData(1031u, "o.o: .rela.text entry 0 (at .text+0x4): unsupported relocation R_AARCH64_TLSDESC (1031)")]
    [InlineData(569u, "o.o: .rela.text entry 0 (at .text+0x4): unsupported relocation R_AARCH64_TLSDESC_CALL (569)")]
    [InlineData(281u, "o.o: .rela.text entry 0 (at .text+0x4): unsupported relocation type 281")] // between TSTBR14 and JUMP26: not defined by the ABI
    public void TypeNumbersTheLinkerDoesNotApplyAreNamed(uint type, string expected)
    {
        var error = Assert.Throws<LinkError>(() =>
            A64Asm.Linker.Linker.Link([new LinkerInput("o.o", WithRelocationType(type))], new LinkerOptions()));
        Assert.Equal(expected, Assert.Single(error.Messages));
    }

    /// <summary>R_AARCH64_NONE (0) and its old number R_AARCH64_NULL (256) do nothing, as in ld: the bl keeps its bytes.</summary>
    [Theory]
    [InlineData(0u)]
    [InlineData(256u)]
    public void NoneAndNullAreIgnored(uint type)
    {
        var image = A64Asm.Linker.Linker.Link([new LinkerInput("o.o", WithRelocationType(type))], new LinkerOptions());
        Assert.Equal("1f2003d500000094", Convert.ToHexString(image.Flat).ToLowerInvariant());
    }

    /// <summary>An object with one relocation at .text+4, its type then overwritten with <paramref name="type"/>.</summary>
    private static byte[] WithRelocationType(uint type)
    {
        var obj = new ObjectFile();
        var text = ObjectBuilder.Code(obj, ".text", 0xd503201f, 0x94000000);
        var symbol = ObjectBuilder.Symbol(obj, "f", text, binding: SymbolBinding.Global);
        ObjectBuilder.Reloc(text, 4, FixupKind.Call26, symbol);
        var bytes = ElfObjectWriter.Write(obj);
        using var elf = ELFReader.Load<ulong>(new MemoryStream(bytes), true);
        var rela = elf.Sections.Single(s => s.Name == ".rela.text");
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan((int)rela.Offset + 8), type); // r_info's low half
        return bytes;
    }
}
