using System.Buffers.Binary;
using System.Text;

namespace A64Asm.Linker.Output;

/// <summary>
/// Writes a <see cref="LinkedImage"/> as an ELF64 AArch64 executable, for inspection with readelf/objdump/gdb
/// (`-o x.elf`): the PT_LOAD segments GNU ld would make (<see cref="ElfSegmentLayout"/>), section headers for the
/// output sections, and a symbol table of the image's global symbols. objcopy -O binary of the result gives back <see cref="LinkedImage.Flat"/>.
/// The entry point is the -e symbol, else _start when defined, else the start of .text (ld's fallback).
/// </summary>
public static class ElfExecutableWriter
{
    private const int HeaderSize = 64, ProgramHeaderSize = 56, SectionHeaderSize = 64, SymbolSize = 24;
    private const uint PtLoad = 1;
    private const uint ShtProgBits = 1, ShtSymTab = 2, ShtStrTab = 3, ShtNoBits = 8;

    public static byte[] Write(LinkedImage image, string? entrySymbol = null)
    {
        var sections = image.Sections;
        var names = new StringTableBuilder();
        var sectionNames = new StringTableBuilder();

        // Segments, and the file offsets of the sections' bytes, as ld lays them out.
        var layout = ElfSegmentLayout.Build(sections, HeaderSize, ProgramHeaderSize);
        var offsets = layout.SectionOffsets;
        var position = layout.DataEnd;

        var symtab = SymbolTable(image, names);
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
        WriteElfHeader(span, EntryPoint(image, entrySymbol), layout.Segments.Count, sectionHeadersOffset, sectionCount);
        for (int i = 0; i < layout.Segments.Count; i++)
            WriteProgramHeader(span[(HeaderSize + i * ProgramHeaderSize)..], layout.Segments[i]);
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
            WriteSectionHeader(headers[((i + 1) * SectionHeaderSize)..], shstrNames[i], s.IsNoBits ? ShtNoBits : ShtProgBits,
                s.Flags, s.Address, offsets[i], s.Size, 0, 0, s.Alignment, 0);
        }
        int symtabIndex = sections.Count + 1;
        WriteSectionHeader(headers[(symtabIndex * SectionHeaderSize)..], symtabName, ShtSymTab, 0, 0, symtabOffset,
            (ulong)symtab.Length, (uint)symtabIndex + 1, 1, 8, SymbolSize);
        WriteSectionHeader(headers[((symtabIndex + 1) * SectionHeaderSize)..], strtabName, ShtStrTab, 0, 0, strtabOffset,
            (ulong)strtab.Length, 0, 0, 1, 0);
        WriteSectionHeader(headers[((symtabIndex + 2) * SectionHeaderSize)..], shstrtabName, ShtStrTab, 0, 0, shstrtabOffset,
            (ulong)shstrtab.Length, 0, 0, 1, 0);
        return file;
    }

    private static ulong EntryPoint(LinkedImage image, string? entrySymbol) =>
        image.Symbols.TryGetValue(entrySymbol ?? "_start", out var start) ? start
        : image.Sections.FirstOrDefault(s => s.Name == ".text")?.Address ?? image.BaseAddress;

    /// <summary>The null symbol, then every global: in the section whose range holds its value, else absolute.</summary>
    private static byte[] SymbolTable(LinkedImage image, StringTableBuilder names)
    {
        var bytes = new byte[(image.Symbols.Count + 1) * SymbolSize];
        int at = SymbolSize;
        foreach (var (name, value) in image.Symbols)
        {
            var index = image.Sections.ToList().FindIndex(s => value >= s.Address && value <= s.End);
            var entry = bytes.AsSpan(at, SymbolSize);
            BinaryPrimitives.WriteUInt32LittleEndian(entry, names.Add(name));
            entry[4] = 1 << 4; // STB_GLOBAL, STT_NOTYPE
            BinaryPrimitives.WriteUInt16LittleEndian(entry[6..], index < 0 ? (ushort)0xfff1 : (ushort)(index + 1));
            BinaryPrimitives.WriteUInt64LittleEndian(entry[8..], value);
            at += SymbolSize;
        }
        return bytes;
    }

    private static void WriteElfHeader(Span<byte> h, ulong entry, int programHeaders, ulong sectionHeadersOffset, int sectionCount)
    {
        ReadOnlySpan<byte> ident = [0x7f, (byte)'E', (byte)'L', (byte)'F', 2, 1, 1, 0];
        ident.CopyTo(h);
        BinaryPrimitives.WriteUInt16LittleEndian(h[16..], 2);    // ET_EXEC
        BinaryPrimitives.WriteUInt16LittleEndian(h[18..], 183);  // EM_AARCH64
        BinaryPrimitives.WriteUInt32LittleEndian(h[20..], 1);
        BinaryPrimitives.WriteUInt64LittleEndian(h[24..], entry);
        BinaryPrimitives.WriteUInt64LittleEndian(h[32..], programHeaders > 0 ? HeaderSize : 0ul);
        BinaryPrimitives.WriteUInt64LittleEndian(h[40..], sectionHeadersOffset);
        BinaryPrimitives.WriteUInt16LittleEndian(h[52..], HeaderSize);
        BinaryPrimitives.WriteUInt16LittleEndian(h[54..], ProgramHeaderSize);
        BinaryPrimitives.WriteUInt16LittleEndian(h[56..], (ushort)programHeaders);
        BinaryPrimitives.WriteUInt16LittleEndian(h[58..], SectionHeaderSize);
        BinaryPrimitives.WriteUInt16LittleEndian(h[60..], (ushort)sectionCount);
        BinaryPrimitives.WriteUInt16LittleEndian(h[62..], (ushort)(sectionCount - 1));
    }

    private static void WriteProgramHeader(Span<byte> p, ElfSegment segment)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(p, PtLoad);
        BinaryPrimitives.WriteUInt32LittleEndian(p[4..], segment.Flags);
        BinaryPrimitives.WriteUInt64LittleEndian(p[8..], segment.Offset);
        BinaryPrimitives.WriteUInt64LittleEndian(p[16..], segment.Address);
        BinaryPrimitives.WriteUInt64LittleEndian(p[24..], segment.Address);
        BinaryPrimitives.WriteUInt64LittleEndian(p[32..], segment.FileSize);
        BinaryPrimitives.WriteUInt64LittleEndian(p[40..], segment.MemorySize);
        BinaryPrimitives.WriteUInt64LittleEndian(p[48..], ElfSegmentLayout.PageSize);
    }

    private static void WriteSectionHeader(Span<byte> h, uint name, uint type, ulong flags, ulong address, ulong offset,
        ulong size, uint link, uint info, ulong alignment, ulong entrySize)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(h, name);
        BinaryPrimitives.WriteUInt32LittleEndian(h[4..], type);
        BinaryPrimitives.WriteUInt64LittleEndian(h[8..], flags);
        BinaryPrimitives.WriteUInt64LittleEndian(h[16..], address);
        BinaryPrimitives.WriteUInt64LittleEndian(h[24..], offset);
        BinaryPrimitives.WriteUInt64LittleEndian(h[32..], size);
        BinaryPrimitives.WriteUInt32LittleEndian(h[40..], link);
        BinaryPrimitives.WriteUInt32LittleEndian(h[44..], info);
        BinaryPrimitives.WriteUInt64LittleEndian(h[48..], alignment);
        BinaryPrimitives.WriteUInt64LittleEndian(h[56..], entrySize);
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
