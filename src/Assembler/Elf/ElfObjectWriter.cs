using static A64Asm.Assembler.Elf.ElfConstants;

namespace A64Asm.Assembler.Elf;

/// <summary>
/// Serialises an <see cref="ObjectFile"/> as an ELF64 AArch64 relocatable object (little-endian, or big-endian for -EB), laid out as GNU as
/// lays its objects out: the null section, each of the object's sections in order followed by its ".rela" section
/// when it has relocations, then .symtab, .strtab and .shstrtab. In the file the contents follow the ELF header
/// in the order as writes them — the sections' own, .symtab, .strtab, the .rela sections, .shstrtab — each at
/// its own alignment, and the section header table comes last. The bytes depend only on the object.
/// </summary>
public static class ElfObjectWriter
{
    public static byte[] Write(ObjectFile obj)
    {
        var headers = new List<ElfSectionHeader> { new("", ShtNull, 0, 0, 0, 0, 0, []) };
        var indexOf = new Dictionary<ObjectSection, ushort>(ReferenceEqualityComparer.Instance);
        var relaOf = new Dictionary<ObjectSection, int>(ReferenceEqualityComparer.Instance);
        foreach (var section in obj.Sections)
        {
            indexOf[section] = (ushort)headers.Count;
            headers.Add(ContentHeader(section));
            if (section.Relocations.Count > 0)
            {
                relaOf[section] = headers.Count;
                headers.Add(null!); // filled once the symbol table has given the relocations their indices
            }
        }
        int symtabIndex = headers.Count, strtabIndex = symtabIndex + 1, shstrtabIndex = symtabIndex + 2;
        // Indices from 0xff00 up are reserved (SHN_LORESERVE); past them ELF needs extended numbering (SHN_XINDEX and
        // a .symtab_shndx section), which GNU as writes and this writer does not: refuse rather than wrap.
        if (shstrtabIndex >= ShnLoReserve)
            throw new Diagnostics.AsmError(null, $"the object needs {shstrtabIndex + 1} section headers, which exceeds the limit of " +
                                                 $"{ShnLoReserve - 1} (ELF extended section numbering is not supported)");

        var symbols = new ElfSymbolTable(obj, s => indexOf[s]);
        foreach (var (section, at) in relaOf)
            headers[at] = new(".rela" + section.Name, ShtRela, ShfInfoLink, 8, RelaSize,
                (uint)symtabIndex, indexOf[section], RelaBytes(section, symbols, obj.BigEndian));

        headers.Add(new(".symtab", ShtSymTab, 0, 8, SymbolSize, (uint)strtabIndex, symbols.FirstGlobalIndex, SymbolBytes(symbols, obj.BigEndian)));
        headers.Add(new(".strtab", ShtStrTab, 0, 1, 0, 0, 0, symbols.StringTable));
        // GNU as names its own tables first, then the sections in header order, a name that ends another sharing its bytes.
        var (sectionNames, offsetOf) = ElfStringTable.SuffixSharedInOrder(
            new[] { ".symtab", ".strtab", ".shstrtab" }.Concat(headers.Select(h => h.Name)));
        headers.Add(new(".shstrtab", ShtStrTab, 0, 1, 0, 0, 0, sectionNames));
        var nameOffsets = headers.Select(h => offsetOf[h.Name]).ToList();

        return Layout(headers, nameOffsets, (ushort)shstrtabIndex, obj.BigEndian);
    }

    private static ElfSectionHeader ContentHeader(ObjectSection section)
    {
        var type = SectionType(section.Kind);
        var entrySize = (ulong)section.EntrySize;
        if (entrySize == 0 && section.Kind is SectionKind.InitArray or SectionKind.FiniArray)
            entrySize = 8; // as gives pointer arrays their element size
        var data = section.Kind == SectionKind.NoBits ? [] : section.Data;
        var size = section.Kind == SectionKind.NoBits ? (ulong)section.Size : (ulong)data.Length;
        return new(section.Name, type, (ulong)section.Flags, (ulong)Math.Max(1, section.Alignment), entrySize, 0, 0, data)
        {
            Size = size,
        };
    }

    private static byte[] RelaBytes(ObjectSection section, ElfSymbolTable symbols, bool bigEndian)
    {
        var bytes = new ElfByteWriter(bigEndian);
        foreach (var relocation in section.Relocations)
        {
            var rela = symbols.Rela(relocation);
            bytes.U64(rela.Offset);
            bytes.U64(((ulong)rela.SymbolIndex << 32) | rela.Type);
            bytes.I64(rela.Addend);
        }
        return bytes.ToArray();
    }

    private static byte[] SymbolBytes(ElfSymbolTable symbols, bool bigEndian)
    {
        var bytes = new ElfByteWriter(bigEndian);
        foreach (var s in symbols.Entries)
        {
            bytes.U32(s.NameOffset);
            bytes.U8(s.Info);
            bytes.U8(s.Other);
            bytes.U16(s.SectionIndex);
            bytes.U64(s.Value);
            bytes.U64(s.Size);
        }
        return bytes.ToArray();
    }

    private static byte[] Layout(List<ElfSectionHeader> headers, List<uint> nameOffsets, ushort shstrtabIndex, bool bigEndian)
    {
        var offsets = new ulong[headers.Count];
        ulong position = HeaderSize;
        foreach (int i in FileOrder(headers))
        {
            position = AlignUp(position, headers[i].Alignment);
            offsets[i] = position;
            if (headers[i].Type != ShtNoBits)
                position += (ulong)headers[i].Contents.Length;
        }
        var sectionHeaderOffset = AlignUp(position, 8);

        ulong fileSize = sectionHeaderOffset + (ulong)headers.Count * SectionHeaderSize;
        var file = new ElfByteWriter(bigEndian, fileSize <= (ulong)Array.MaxLength ? (int)fileSize : 0);
        WriteElfHeader(file, sectionHeaderOffset, (ushort)headers.Count, shstrtabIndex);
        foreach (int i in FileOrder(headers))
        {
            if (headers[i].Type == ShtNoBits) continue;
            file.PadTo(offsets[i]);
            file.Bytes(headers[i].Contents);
        }
        file.PadTo(sectionHeaderOffset);
        for (int i = 0; i < headers.Count; i++)
            headers[i].WriteTo(file, nameOffsets[i], offsets[i]);
        return file.ToArray();
    }

    // GNU as computes the relocations last, once the symbol table is final, so their contents follow .strtab.
    private static IEnumerable<int> FileOrder(List<ElfSectionHeader> headers)
    {
        int last = headers.Count - 1;
        var order = Enumerable.Range(1, last - 1).Where(i => headers[i].Type != ShtRela).ToList();
        order.AddRange(Enumerable.Range(1, last - 1).Where(i => headers[i].Type == ShtRela));
        order.Add(last);
        return order;
    }

    private static void WriteElfHeader(ElfByteWriter file, ulong sectionHeaderOffset, ushort sectionCount, ushort shstrtabIndex)
    {
        file.Bytes([0x7f, (byte)'E', (byte)'L', (byte)'F', 2 /* ELFCLASS64 */, file.BigEndian ? (byte)2 /* MSB */ : (byte)1 /* LSB */, 1 /* EV_CURRENT */, 0 /* SYSV */]);
        file.PadTo(16);
        file.U16(EtRel);
        file.U16(EmAarch64);
        file.U32(1);                   // e_version
        file.U64(0);                   // e_entry
        file.U64(0);                   // e_phoff
        file.U64(sectionHeaderOffset); // e_shoff
        file.U32(0);                   // e_flags
        file.U16(HeaderSize);
        file.U16(0);                   // e_phentsize
        file.U16(0);                   // e_phnum
        file.U16(SectionHeaderSize);
        file.U16(sectionCount);
        file.U16(shstrtabIndex);
    }

    private static ulong AlignUp(ulong value, ulong alignment) =>
        alignment <= 1 ? value : (value + alignment - 1) / alignment * alignment;
}
