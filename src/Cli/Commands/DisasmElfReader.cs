using System.Buffers.Binary;
using A64Asm.Cli.Output;
using A64Asm.Isa.Fixups;
using A64Asm.Linker.Input;
using ELFSharp.ELF;
using ELFSharp.ELF.Sections;

namespace A64Asm.Cli.Commands;

/// <summary>Reads an AArch64 ELF64 relocatable or executable (with ELFSharp) into the sections disasm lists.</summary>
public static class DisasmElfReader
{
    public static bool IsElf(ReadOnlySpan<byte> bytes) =>
        bytes.Length >= 4 && bytes[0] == 0x7f && bytes[1] == (byte)'E' && bytes[2] == (byte)'L' && bytes[3] == (byte)'F';

    /// <param name="bytes">The whole file, already read: ELFSharp parses them in memory, so every exception it
    /// throws (EndOfStreamException, or IOException from a seek before the start) is the file's fault, not the disk's.</param>
    public static DisasmFile Read(string path, byte[] bytes)
    {
        if (ElfHeader.Problem(bytes, ElfPurpose.Disassembler) is { } problem)
            throw new CliError($"{path}: {problem}");
        IELF? loaded;
        try
        {
            if (!ELFReader.TryLoad(new MemoryStream(bytes, writable: false), shouldOwnStream: true, out loaded))
                throw new CliError($"{path}: not a readable ELF file");
        }
        catch (Exception e) when (e is not CliError)
        {
            throw new CliError($"{path}: malformed ELF file ({e.Message})");
        }
        using var elf = loaded;
        try
        {
            return Convert(path, (ELF<ulong>)elf);
        }
        catch (Exception e) when (e is not CliError)
        {
            throw new CliError($"{path}: malformed ELF file ({e.Message})");
        }
    }

    static DisasmFile Convert(string path, ELF<ulong> elf)
    {
        bool relocatable = elf.Type == FileType.Relocatable;
        var sections = elf.Sections.Cast<Section<ulong>>().ToList();
        var symbols = elf.GetSections<SymbolTable<ulong>>().FirstOrDefault()?.Entries.ToList() ?? [];
        var result = new List<DisasmSection>();
        for (int index = 0; index < sections.Count; index++)
        {
            var section = sections[index];
            if (section.Type != SectionType.ProgBits || (section.Flags & SectionFlags.Executable) == 0) continue;
            ulong address = section.LoadAddress;
            // In an object a symbol's value is an offset in its section; in an executable it is an address.
            ulong AddressOf(SymbolEntry<ulong> s) => relocatable ? address + s.Value : s.Value;
            var inSection = symbols.Where(s => !s.IsPointedIndexSpecial && s.PointedSectionIndex == index).ToList();
            var labels = inSection
                .Where(s => s.Name.Length > 0 && !IsMappingSymbol(s.Name) && s.Type is not SymbolType.Section and not SymbolType.File)
                .Select(s => new DisasmSymbol(AddressOf(s), s.Name))
                .ToList();
            var mapping = inSection
                .Where(s => IsMappingSymbol(s.Name))
                .Select(s => (AddressOf(s), s.Name.StartsWith("$d", StringComparison.Ordinal)))
                .OrderBy(m => m.Item1)
                .ToList();
            var relocations = ReadRelocations(sections, section.Name, relocatable ? address : 0, symbols);
            result.Add(new DisasmSection(section.Name, address, section.GetContents(), labels, mapping, relocations));
        }
        return new DisasmFile(path, "elf64-littleaarch64", true, result);
    }

    static bool IsMappingSymbol(string name) =>
        name is "$x" or "$d" || name.StartsWith("$x.", StringComparison.Ordinal) || name.StartsWith("$d.", StringComparison.Ordinal);

    /// <summary>Entries of .rela{section}: r_offset, r_info (symbol index, type), r_addend, 24 bytes each.</summary>
    static List<DisasmRelocation> ReadRelocations(List<Section<ulong>> sections, string target, ulong offsetBase, List<SymbolEntry<ulong>> symbols)
    {
        var list = new List<DisasmRelocation>();
        var rela = sections.FirstOrDefault(s => s.Type == SectionType.RelocationAddends && s.Name == ".rela" + target);
        if (rela is null) return list;
        byte[] data = rela.GetContents();
        for (int at = 0; at + 24 <= data.Length; at += 24)
        {
            ulong offset = BinaryPrimitives.ReadUInt64LittleEndian(data.AsSpan(at));
            ulong info = BinaryPrimitives.ReadUInt64LittleEndian(data.AsSpan(at + 8));
            long addend = BinaryPrimitives.ReadInt64LittleEndian(data.AsSpan(at + 16));
            int symbolIndex = (int)(info >> 32);
            uint type = (uint)info;
            var kind = Fixup.FromElfType(type);
            string typeName = kind == FixupKind.None ? $"R_AARCH64_{type}" : Fixup.ElfName(kind);
            string name = "";
            bool undefined = false;
            if (symbolIndex > 0 && symbolIndex < symbols.Count)
            {
                var s = symbols[symbolIndex];
                name = s.Type == SymbolType.Section || s.Name.Length == 0 ? s.PointedSection?.Name ?? "" : s.Name;
                undefined = s.PointedSectionIndex == 0 || (s.IsPointedIndexSpecial && s.SpecialPointedSectionIndex == SpecialSectionIndex.Undefined);
            }
            list.Add(new DisasmRelocation(offsetBase + offset, typeName, name, addend, undefined));
        }
        return list;
    }
}
