using System.Buffers.Binary;
using System.Text;

namespace A64Asm.Linker.Output;

/// <summary>
/// Writes a <see cref="LinkedImage"/> as an ELF64 AArch64 executable, for inspection with readelf/objdump/gdb
/// (`-o x.elf`): the PT_LOAD segments GNU ld would make (<see cref="ElfSegmentLayout"/>), section headers for the
/// output sections, and a symbol table of the image's global symbols, every field in the image's byte order.
/// objcopy -O binary of the result gives back <see cref="LinkedImage.Flat"/>. The entry point is the -e symbol,
/// else _start when defined, else the start of .text (ld's fallback).
/// </summary>
public static class ElfExecutableWriter
{
    private const int HeaderSize = 64, ProgramHeaderSize = 56, SectionHeaderSize = 64, SymbolSize = 24;
    private const uint PtLoad = 1;
    private const uint ShtProgBits = 1, ShtSymTab = 2, ShtStrTab = 3, ShtNoBits = 8;

    public static byte[] Write(LinkedImage image, string? entrySymbol = null)
    {
        var sections = image.Sections;
        bool bigEndian = image.BigEndian; // ELFDATA2MSB: every field most significant byte first, as the image's data is
        var names = new StringTableBuilder();
        var sectionNames = new StringTableBuilder();

        // Segments, and the file offsets of the sections' bytes, as ld lays them out.
        var layout = ElfSegmentLayout.Build(sections, HeaderSize, ProgramHeaderSize);
        var offsets = layout.SectionOffsets;
        var position = layout.DataEnd;

        var symtab = SymbolTable(image, names, bigEndian);
        var strtab = names.ToArray();
        var symtabOffset = Align(position, 8);
        var strtabOffset = symtabOffset + (ulong)symtab.Length;
        var shstrNames = sections.Select(s => sectionNames.Add(s.Name)).ToList();
        uint symtabName = sectionNames.Add(".symtab"), strtabName = sectionNames.Add(".strtab"), shstrtabName = sectionNames.Add(".shstrtab");
        var shstrtab = sectionNames.ToArray();
        var shstrtabOffset = strtabOffset + (ulong)strtab.Length;
        var sectionHeadersOffset = Align(shstrtabOffset + (ulong)shstrtab.Length, 8);
        int sectionCount = sections.Count + 4;

        var file = new byte[sectionHeadersOffset + (ulong)(sectionCount * SectionHeaderSize)];
        var span = file.AsSpan();
        WriteElfHeader(bigEndian, span, EntryPoint(image, entrySymbol), layout.Segments.Count, sectionHeadersOffset, sectionCount);
        for (int i = 0; i < layout.Segments.Count; i++)
            WriteProgramHeader(bigEndian, span[(HeaderSize + i * ProgramHeaderSize)..], layout.Segments[i]);
        for (int i = 0; i < sections.Count; i++)
        {
            var s = sections[i];
            if (!s.IsNoBits)
                image.Flat.AsSpan((int)(s.Address - image.BaseAddress), (int)s.Size).CopyTo(span[(int)offsets[i]..]);
        }
        symtab.CopyTo(span[(int)symtabOffset..]);
        strtab.CopyTo(span[(int)strtabOffset..]);
        shstrtab.CopyTo(span[(int)shstrtabOffset..]);

        var headers = span[(int)sectionHeadersOffset..];
        for (int i = 0; i < sections.Count; i++)
        {
            var s = sections[i];
            WriteSectionHeader(bigEndian, headers[((i + 1) * SectionHeaderSize)..], shstrNames[i], s.IsNoBits ? ShtNoBits : ShtProgBits,
                s.Flags, s.Address, offsets[i], s.Size, 0, 0, s.Alignment, 0);
        }
        int symtabIndex = sections.Count + 1;
        WriteSectionHeader(bigEndian, headers[(symtabIndex * SectionHeaderSize)..], symtabName, ShtSymTab, 0, 0, symtabOffset,
            (ulong)symtab.Length, (uint)symtabIndex + 1, 1, 8, SymbolSize);
        WriteSectionHeader(bigEndian, headers[((symtabIndex + 1) * SectionHeaderSize)..], strtabName, ShtStrTab, 0, 0, strtabOffset,
            (ulong)strtab.Length, 0, 0, 1, 0);
        WriteSectionHeader(bigEndian, headers[((symtabIndex + 2) * SectionHeaderSize)..], shstrtabName, ShtStrTab, 0, 0, shstrtabOffset,
            (ulong)shstrtab.Length, 0, 0, 1, 0);
        return file;
    }

    private static ulong EntryPoint(LinkedImage image, string? entrySymbol) =>
        image.Symbols.TryGetValue(entrySymbol ?? "_start", out var start) ? start
        : image.Sections.FirstOrDefault(s => s.Name == ".text")?.Address ?? image.BaseAddress;

    /// <summary>The null symbol, then every global: in the section whose range holds its value, else absolute.</summary>
    private static byte[] SymbolTable(LinkedImage image, StringTableBuilder names, bool bigEndian)
    {
        var bytes = new byte[(image.Symbols.Count + 1) * SymbolSize];
        int at = SymbolSize;
        foreach (var (name, value) in image.Symbols)
        {
            var index = image.Sections.ToList().FindIndex(s => value >= s.Address && value <= s.End);
            var entry = bytes.AsSpan(at, SymbolSize);
            U32(bigEndian, entry, names.Add(name));
            entry[4] = 1 << 4; // STB_GLOBAL, STT_NOTYPE
            U16(bigEndian, entry[6..], index < 0 ? (ushort)0xfff1 : (ushort)(index + 1));
            U64(bigEndian, entry[8..], value);
            at += SymbolSize;
        }
        return bytes;
    }

    private static void WriteElfHeader(bool bigEndian, Span<byte> h, ulong entry, int programHeaders, ulong sectionHeadersOffset, int sectionCount)
    {
        ReadOnlySpan<byte> ident = [0x7f, (byte)'E', (byte)'L', (byte)'F', 2, bigEndian ? (byte)2 : (byte)1, 1, 0];
        ident.CopyTo(h);
        U16(bigEndian, h[16..], 2);    // ET_EXEC
        U16(bigEndian, h[18..], 183);  // EM_AARCH64
        U32(bigEndian, h[20..], 1);
        U64(bigEndian, h[24..], entry);
        U64(bigEndian, h[32..], programHeaders > 0 ? HeaderSize : 0ul);
        U64(bigEndian, h[40..], sectionHeadersOffset);
        U16(bigEndian, h[52..], HeaderSize);
        U16(bigEndian, h[54..], ProgramHeaderSize);
        U16(bigEndian, h[56..], (ushort)programHeaders);
        U16(bigEndian, h[58..], SectionHeaderSize);
        U16(bigEndian, h[60..], (ushort)sectionCount);
        U16(bigEndian, h[62..], (ushort)(sectionCount - 1));
    }

    private static void WriteProgramHeader(bool bigEndian, Span<byte> p, ElfSegment segment)
    {
        U32(bigEndian, p, PtLoad);
        U32(bigEndian, p[4..], segment.Flags);
        U64(bigEndian, p[8..], segment.Offset);
        U64(bigEndian, p[16..], segment.Address);
        U64(bigEndian, p[24..], segment.Address);
        U64(bigEndian, p[32..], segment.FileSize);
        U64(bigEndian, p[40..], segment.MemorySize);
        U64(bigEndian, p[48..], ElfSegmentLayout.PageSize);
    }

    private static void WriteSectionHeader(bool bigEndian, Span<byte> h, uint name, uint type, ulong flags, ulong address, ulong offset,
        ulong size, uint link, uint info, ulong alignment, ulong entrySize)
    {
        U32(bigEndian, h, name);
        U32(bigEndian, h[4..], type);
        U64(bigEndian, h[8..], flags);
        U64(bigEndian, h[16..], address);
        U64(bigEndian, h[24..], offset);
        U64(bigEndian, h[32..], size);
        U32(bigEndian, h[40..], link);
        U32(bigEndian, h[44..], info);
        U64(bigEndian, h[48..], alignment);
        U64(bigEndian, h[56..], entrySize);
    }

    // The ELF fields in the image's byte bigEndian.
    private static void U16(bool bigEndian, Span<byte> at, ushort value)
    {
        if (bigEndian) BinaryPrimitives.WriteUInt16BigEndian(at, value);
        else BinaryPrimitives.WriteUInt16LittleEndian(at, value);
    }

    private static void U32(bool bigEndian, Span<byte> at, uint value)
    {
        if (bigEndian) BinaryPrimitives.WriteUInt32BigEndian(at, value);
        else BinaryPrimitives.WriteUInt32LittleEndian(at, value);
    }

    private static void U64(bool bigEndian, Span<byte> at, ulong value)
    {
        if (bigEndian) BinaryPrimitives.WriteUInt64BigEndian(at, value);
        else BinaryPrimitives.WriteUInt64LittleEndian(at, value);
    }

    private static ulong Align(ulong value, ulong alignment) => (value + alignment - 1) / alignment * alignment;

    /// <summary>NUL-led string table, each distinct name once.</summary>
    private sealed class StringTableBuilder
    {
        private readonly MemoryStream _bytes = new();
        private readonly Dictionary<string, uint> _offsets = new(StringComparer.Ordinal);

        public StringTableBuilder() => _bytes.WriteByte(0);

        public uint Add(string name)
        {
            if (_offsets.TryGetValue(name, out var offset)) return offset;
            offset = (uint)_bytes.Position;
            _bytes.Write(Encoding.UTF8.GetBytes(name));
            _bytes.WriteByte(0);
            return _offsets[name] = offset;
        }

        public byte[] ToArray() => _bytes.ToArray();
    }
}
