using A64Asm.Assembler.Elf;
using A64Asm.Isa.Fixups;
using A64Asm.Linker.Tests.Support;
using ELFSharp.ELF;
using ELFSharp.ELF.Sections;
using SymbolType = A64Asm.Assembler.Elf.SymbolType;

namespace A64Asm.Linker.Tests.Elf;

/// <summary>The writer read back through ELFSharp: structure, symbol order and relocation rewriting.</summary>
public class ElfObjectWriterTests
{
    private static IELF Read(byte[] bytes) => ELFReader.Load(new MemoryStream(bytes), shouldOwnStream: true);

    [Fact]
    public void RoundTripsThroughElfSharp()
    {
        using var elf = Read(ElfObjectWriter.Write(ObjectBuilder.Caller()));
        Assert.Equal(Class.Bit64, elf.Class);
        Assert.Equal(ELFSharp.Endianess.LittleEndian, elf.Endianess);
        Assert.Equal(FileType.Relocatable, elf.Type);
        Assert.Equal(Machine.AArch64, elf.Machine);
        Assert.Equal(
            ["", ".text", ".rela.text", ".data", ".rela.data", ".bss", ".symtab", ".strtab", ".shstrtab"],
            elf.Sections.Select(s => s.Name));

        var text = (Section<ulong>)elf.GetSection(".text");
        Assert.Equal(20ul, text.Size);
        Assert.Equal(4ul, text.Alignment);
        Assert.Equal(0xd65f03c0u, BitConverter.ToUInt32(text.GetContents(), 16));

        var bss = (Section<ulong>)elf.GetSection(".bss");
        Assert.Equal(SectionType.NoBits, bss.Type);
        Assert.Equal(16ul, bss.Size);

        var rela = (Section<ulong>)elf.GetSection(".rela.text");
        Assert.Equal(SectionType.RelocationAddends, rela.Type);
        Assert.Equal(24ul, rela.EntrySize);
        Assert.Equal(0x40ul, (ulong)rela.Flags & 0x40);           // SHF_INFO_LINK

        var symtab = (SymbolTable<ulong>)elf.GetSection(".symtab");
        var entries = symtab.Entries.ToList();
        Assert.Equal(["", "", "", "", "$x", "$d", "_start", "ext", "var"], entries.Select(e => e.Name));
        Assert.Equal(ELFSharp.ELF.Sections.SymbolBinding.Global, entries[7].Binding);
        Assert.Equal(0, (int)entries[7].PointedSectionIndex);     // undefined
    }

    [Fact]
    public void RelocationRecordsCarrySymbolIndexTypeAndAddend()
    {
        var bytes = ElfObjectWriter.Write(ObjectBuilder.Caller());
        using var elf = Read(bytes);
        var rela = elf.GetSection(".rela.text").GetContents();
        Assert.Equal(3 * 24, rela.Length);
        Assert.Equal(8ul, BitConverter.ToUInt64(rela, 24));                    // r_offset of the adrp
        Assert.Equal((8ul << 32) | 275, BitConverter.ToUInt64(rela, 32));      // var, ADR_PREL_PG_HI21
        Assert.Equal((7ul << 32) | 283, BitConverter.ToUInt64(rela, 8));       // ext, CALL26
    }

    [Fact]
    public void LocalTargetsBecomeSectionSymbolPlusOffset()
    {
        var obj = new ObjectFile();
        var text = ObjectBuilder.Code(obj, ".text", 0x94000000, 0xd503201f, 0x90000000);
        var data = ObjectBuilder.Data(obj, ".data", new byte[16]);
        var here = ObjectBuilder.Symbol(obj, "here", data, 12);
        var hidden = ObjectBuilder.Symbol(obj, ".Lhidden", data, 4);
        var absolute = new ObjectSymbol("k") { IsAbsolute = true, Value = 0x1000 };
        obj.Symbols.Add(absolute);
        ObjectBuilder.Reloc(text, 0, FixupKind.Call26, here, 2);
        ObjectBuilder.Reloc(text, 8, FixupKind.AdrPage21, hidden);
        ObjectBuilder.Reloc(data, 0, FixupKind.Abs64, absolute, 5);

        using var elf = Read(ElfObjectWriter.Write(obj));
        var names = ((SymbolTable<ulong>)elf.GetSection(".symtab")).Entries.Select(e => e.Name).ToList();
        Assert.Equal(["", "", "", "here", "k"], names);            // .Lhidden is not in the table
        var rela = elf.GetSection(".rela.text").GetContents();
        Assert.Equal((2ul << 32) | 283, BitConverter.ToUInt64(rela, 8));    // .data section symbol
        Assert.Equal(14L, BitConverter.ToInt64(rela, 16));
        Assert.Equal(4L, BitConverter.ToInt64(rela, 40));
        var relaData = elf.GetSection(".rela.data").GetContents();
        Assert.Equal(257ul, BitConverter.ToUInt64(relaData, 8));             // no symbol: *ABS*
        Assert.Equal(0x1005L, BitConverter.ToInt64(relaData, 16));
    }

    [Fact]
    public void ListedSectionSymbolsKeepTheirPlaceAmongLocals()
    {
        var obj = new ObjectFile();
        var text = ObjectBuilder.Code(obj, ".text", 0xd503201f);
        ObjectBuilder.Symbol(obj, ".text", text, type: SymbolType.Section);
        ObjectBuilder.Symbol(obj, "$x", text);
        var rodata = ObjectBuilder.Data(obj, ".rodata", [1]);
        var rodataSymbol = ObjectBuilder.Symbol(obj, ".rodata", rodata, type: SymbolType.Section);
        ObjectBuilder.Symbol(obj, "$d", rodata);
        ObjectBuilder.Reloc(text, 0, FixupKind.Abs32, rodataSymbol, 1);

        using var elf = Read(ElfObjectWriter.Write(obj));
        var entries = ((SymbolTable<ulong>)elf.GetSection(".symtab")).Entries.ToList();
        Assert.Equal(["", "", "$x", "", "$d"], entries.Select(e => e.Name));
        Assert.Equal(ELFSharp.ELF.Sections.SymbolType.Section, entries[3].Type);
        Assert.Equal(3, (int)entries[3].PointedSectionIndex); // .text, .rela.text, .rodata
        var rela = elf.GetSection(".rela.text").GetContents();
        Assert.Equal((3ul << 32) | 258, BitConverter.ToUInt64(rela, 8));
        Assert.Equal(1L, BitConverter.ToInt64(rela, 16));
    }

    [Fact]
    public void OutputIsDeterministic() =>
        Assert.Equal(ElfObjectWriter.Write(ObjectBuilder.Caller()), ElfObjectWriter.Write(ObjectBuilder.Caller()));

    [Fact]
    public void EmptyObjectIsValid()
    {
        using var elf = Read(ElfObjectWriter.Write(new ObjectFile()));
        Assert.Equal(["", ".symtab", ".strtab", ".shstrtab"], elf.Sections.Select(s => s.Name));
    }
}
