using A64Asm.Assembler.Elf;
using A64Asm.Linker.Tests.Support;

namespace A64Asm.Linker.Tests.Features;

/// <summary>Every way an input object can be unfit to link gives one sentence naming the file and what is wrong.</summary>
public class BadObjectTests
{
    // ObjectBuilder.Caller: .text of 0x14 bytes whose .rela.text starts with CALL26 against 'ext' at .text+0.
    static byte[] Good() => ElfObjectWriter.Write(ObjectBuilder.Caller());

    static string Error(byte[] bytes) =>
        Assert.Throws<LinkError>(() => A64Asm.Linker.Linker.Link([new LinkerInput("bad.o", bytes)], new LinkerOptions())).Message;

    [Fact]
    // .text (0x14 bytes) and .text.ext (4) make one .text.
    public void The_unspoiled_object_links() =>
        Assert.Equal(0x18ul, A64Asm.Linker.Linker.Link([new LinkerInput("good.o", Good()),
            new LinkerInput("ext.o", ElfObjectWriter.Write(ExtDefinition()))], new LinkerOptions()).Sections[0].Size);

    static ObjectFile ExtDefinition()
    {
        var obj = new ObjectFile();
        var text = ObjectBuilder.Code(obj, ".text.ext", 0xd65f03c0);
        ObjectBuilder.Symbol(obj, "ext", text, binding: A64Asm.Assembler.Elf.SymbolBinding.Global);
        return obj;
    }

    [Fact]
    public void Truncated_header() =>
        Assert.Equal("bad.o: file truncated (40 bytes, shorter than the 64-byte ELF64 header)", Error(Good()[..40]));

    [Fact]
    public void Truncated_section_contents()
    {
        var bytes = Good();
        ElfBytes.PutU64(bytes, ElfBytes.Header(bytes, ".text") + 24, (ulong)bytes.Length - 8);
        // ElfTables' check, shared with disasm, finds it before the reader would allocate the section's bytes.
        Assert.Equal($"bad.o: malformed ELF object (section [1] (0x14 bytes at 0x{bytes.Length - 8:x}) is not inside the {bytes.Length}-byte file)", Error(bytes));
    }

    [Fact]
    public void Wrong_machine()
    {
        var bytes = Good();
        bytes[18] = 62;
        Assert.Equal("bad.o: object for machine EM_X86_64 (62), not AArch64 (EM_AARCH64, 183)", Error(bytes));
    }

    [Fact]
    public void Wrong_class()
    {
        var bytes = Good();
        bytes[4] = 1;
        Assert.Equal("bad.o: ELFCLASS32 object: a64asm links ELF64 AArch64 objects (elf64-littleaarch64, elf64-bigaarch64)", Error(bytes));
    }

    [Fact]
    public void Not_relocatable()
    {
        var bytes = Good();
        bytes[16] = 2;
        Assert.Equal("bad.o: not a relocatable object (e_type ET_EXEC, an executable)", Error(bytes));
    }

    [Fact]
    public void Not_ELF_at_all() => Assert.Equal("bad.o: file format not recognized", Error("!<arch\n"u8.ToArray()));

    static byte[] WithFirstRelocation(Action<byte[], int> spoil)
    {
        var bytes = Good();
        spoil(bytes, ElfBytes.Contents(bytes, ".rela.text"));
        return bytes;
    }

    [Fact]
    public void Relocation_past_its_section() =>
        Assert.Equal("bad.o: .rela.text entry 0 (at .text+0x12): R_AARCH64_CALL26 (4 bytes) is past the end of .text (0x14 bytes)",
            Error(WithFirstRelocation((b, at) => ElfBytes.PutU64(b, at, 0x12))));

    [Fact]
    public void Relocation_far_past_its_section_does_not_wrap() =>
        Assert.Equal("bad.o: .rela.text entry 0 (at .text+0xfffffffffffffffe): R_AARCH64_CALL26 (4 bytes) is past the end of .text (0x14 bytes)",
            Error(WithFirstRelocation((b, at) => ElfBytes.PutU64(b, at, ulong.MaxValue - 1))));

    [Fact]
    public void Symbol_index_out_of_range()
    {
        int symbols = 0;
        var message = Error(WithFirstRelocation((b, at) =>
        {
            symbols = (int)(BitConverter.ToUInt64(b, ElfBytes.Header(b, ".symtab") + 32) / 24);
            ElfBytes.PutU64(b, at + 8, (99UL << 32) | 283);
        }));
        Assert.Equal($"bad.o: .rela.text entry 0 (at .text+0x0): symbol index 99 is out of range (the symbol table has {symbols} entries)", message);
    }

    [Fact]
    public void Unknown_relocation_type() =>
        Assert.Equal("bad.o: .rela.text entry 0 (at .text+0x0): unsupported relocation type 999",
            Error(WithFirstRelocation((b, at) => ElfBytes.PutU64(b, at + 8, (BitConverter.ToUInt64(b, at + 8) & ~0xffffffffUL) | 999))));

    [Fact]
    public void RELA_table_of_a_partial_entry()
    {
        var bytes = Good();
        int header = ElfBytes.Header(bytes, ".rela.text");
        ulong size = BitConverter.ToUInt64(bytes, header + 32);
        ElfBytes.PutU64(bytes, header + 32, size - 1);
        Assert.Equal($"bad.o: .rela.text: 0x{size - 1:x} bytes is not a whole number of 24-byte RELA entries", Error(bytes));
    }
}
