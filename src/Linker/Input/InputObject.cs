using System.Buffers.Binary;
using A64Asm.Isa.Fixups;
using ELFSharp.ELF;
using ELFSharp.ELF.Sections;

namespace A64Asm.Linker.Input;

/// <summary>
/// An ELF64 AArch64 relocatable object, little- or big-endian (aarch64_be, -EB), read with ELFSharp. ELFSharp does not expose sh_link,
/// sh_info or RELA entries, so those few fields are read from the section header table directly.
/// </summary>
public sealed class InputObject
{
    private const uint ShtSymTab = 2, ShtRela = 4, ShtRel = 9;

    private InputObject(string name) => Name = name;

    public string Name { get; }

    /// <summary>ELFDATA2MSB: the object's data (and its ELF fields) are big-endian; its instructions are not.</summary>
    public bool BigEndian { get; private init; }

    /// <summary>By section header index; index 0 (the null section) is null, as are sections we do not keep.</summary>
    public IReadOnlyList<InputSection?> Sections { get; private set; } = [];

    /// <summary>By symbol table index, the null symbol included.</summary>
    public IReadOnlyList<InputSymbol> Symbols { get; private set; } = [];

    /// <summary>The owner of symbols the link itself defines (--defsym, script assignments, __start_/__stop_): it has
    /// no sections, so its symbols are absolute, as ld makes them.</summary>
    internal static InputObject LinkerDefined(string name) => new(name) { Symbols = [new InputSymbol(0, "", 0, 0, 0, 0, 0)] };

    /// <summary>Reads one object; anything unreadable is a <see cref="LinkError"/> naming the input, never a crash.</summary>
    public static InputObject Read(LinkerInput input)
    {
        try
        {
            return ReadChecked(input);
        }
        catch (Exception e) when (e is not LinkError)
        {
            throw new LinkError($"{input.Name}: malformed ELF object ({e.Message})");
        }
    }

    private static InputObject ReadChecked(LinkerInput input)
    {
        if (ObjectHeader.Problem(input.Bytes) is { } problem)
            throw new LinkError($"{input.Name}: {problem}");
        if (!ELFReader.TryLoad(new MemoryStream(input.Bytes, writable: false), true, out IELF? loaded) || loaded is null)
            throw new LinkError($"{input.Name}: file format not recognized");
        using var elf = loaded;
        if (elf is not ELF<ulong> elf64)
            throw new LinkError($"{input.Name}: file format is not elf64-littleaarch64 or elf64-bigaarch64");
        bool bigEndian = elf.Endianess == ELFSharp.Endianess.BigEndian;
        if (elf.Machine != Machine.AArch64)
            throw new LinkError($"{input.Name}: file format is not elf64-{(bigEndian ? "big" : "little")}aarch64 (machine {elf.Machine})");
        if (elf.Type != FileType.Relocatable)
            throw new LinkError($"{input.Name}: not a relocatable object (ELF type {elf.Type})");

        var obj = new InputObject(input.Name) { BigEndian = bigEndian };
        var raw = new RawSectionHeaders(input.Bytes, bigEndian);
        var sections = new InputSection?[elf64.Sections.Count];
        for (int i = 1; i < sections.Length; i++)
        {
            var s = elf64.Sections[i];
            var type = raw.Type(i);
            if (type is ShtSymTab or ShtRela or ShtRel or 0) continue;
            var data = type == InputSection.ShtNoBits ? [] : s.GetContents();
            // ELFSharp gives no name (null) when sh_name points outside .shstrtab: ld calls that an invalid string offset.
            string name = s.Name ?? throw new LinkError($"{input.Name}: section [{i}]: name offset outside the section-name string table");
            sections[i] = new InputSection(obj, i, name, type, s.RawFlags, s.Alignment, s.Size, data);
        }
        obj.Sections = sections;
        obj.Symbols = ReadSymbols(elf64, input.Name);

        for (int i = 1; i < sections.Length; i++)
        {
            var type = raw.Type(i);
            if (type == ShtRel)
                throw new LinkError($"{input.Name}: {elf64.Sections[i].Name}: REL relocations are not used on AArch64; expected RELA");
            if (type != ShtRela) continue;
            var target = raw.Info(i);
            if (target >= sections.Length || sections[target] is not { } applies)
                throw new LinkError($"{input.Name}: {elf64.Sections[i].Name}: relocations for a section that does not exist");
            var table = $"{input.Name}: {elf64.Sections[i].Name}";
            var contents = elf64.Sections[i].GetContents();
            if (contents.Length % RelaEntrySize != 0)
                throw new LinkError($"{table}: 0x{contents.Length:x} bytes is not a whole number of {RelaEntrySize}-byte RELA entries");
            ReadRela(contents, applies, obj.Symbols.Count, bigEndian, table);
        }
        return obj;
    }

    private static List<InputSymbol> ReadSymbols(ELF<ulong> elf, string input)
    {
        var table = elf.Sections.OfType<SymbolTable<ulong>>().FirstOrDefault(t => t.Type == SectionType.SymbolTable);
        if (table is null) return [new InputSymbol(0, "", 0, 0, 0, 0, 0)];
        return table.Entries.Select((e, i) => new InputSymbol(i,
            e.Name ?? throw new LinkError($"{input}: symbol [{i}]: name offset outside the string table"), e.Value, e.Size,
            (byte)e.Binding, (byte)e.Type, e.PointedSectionIndex)).ToList();
    }

    private const int RelaEntrySize = 24;

    // Each entry is checked here, where it is read, so that the relocator only ever sees entries it can apply.
    private static void ReadRela(byte[] contents, InputSection applies, int symbolCount, bool bigEndian, string table)
    {
        for (int at = 0, k = 0; at + RelaEntrySize <= contents.Length; at += RelaEntrySize, k++)
        {
            var offset = U64(contents.AsSpan(at), bigEndian);
            var info = U64(contents.AsSpan(at + 8), bigEndian);
            var addend = (long)U64(contents.AsSpan(at + 16), bigEndian);
            var symbol = (uint)(info >> 32);
            var type = (uint)info;
            var entry = $"{table} entry {k} (at {applies.Name}+0x{offset:x})";
            if (symbol >= symbolCount)
                throw new LinkError($"{entry}: symbol index {symbol} is out of range (the symbol table has {symbolCount} entries)");
            // R_AARCH64_NONE, and R_AARCH64_NULL (256), its number in the ABI's first releases, do nothing (as in ld).
            if (type is not (0 or 256))
            {
                var kind = Fixup.FromElfType(type);
                if (kind == FixupKind.None || !Fixup.Spec(kind).IsStatic)
                    throw new LinkError($"{entry}: unsupported relocation {UnsupportedRelocationNames.Describe(type)}");
                ulong field = (ulong)Fixup.FieldSize(kind);
                if (applies.IsNoBits)
                    throw new LinkError($"{entry}: {Fixup.ElfName(kind)} in {applies.Name}, which has no contents (NOBITS)");
                if (offset > applies.Size || field > applies.Size - offset)
                    throw new LinkError($"{entry}: {Fixup.ElfName(kind)} ({field} bytes) is past the end of {applies.Name} (0x{applies.Size:x} bytes)");
            }
            applies.Relocations.Add(new InputRelocation(offset, type, symbol, addend));
        }
    }

    private static ulong U64(ReadOnlySpan<byte> at, bool bigEndian) =>
        bigEndian ? BinaryPrimitives.ReadUInt64BigEndian(at) : BinaryPrimitives.ReadUInt64LittleEndian(at);

    /// <summary>sh_type and sh_info straight from the section header table (ELFSharp already checked the header).</summary>
    private readonly struct RawSectionHeaders(byte[] file, bool bigEndian)
    {
        private readonly ulong _offset = U64(file.AsSpan(0x28), bigEndian);
        private readonly ushort _entrySize = bigEndian
            ? BinaryPrimitives.ReadUInt16BigEndian(file.AsSpan(0x3a))
            : BinaryPrimitives.ReadUInt16LittleEndian(file.AsSpan(0x3a));

        public uint Type(int index) => Field(index, 4);
        public uint Info(int index) => Field(index, 44);

        private uint Field(int index, int at)
        {
            var field = file.AsSpan((int)(_offset + (ulong)(index * _entrySize)) + at);
            return bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(field) : BinaryPrimitives.ReadUInt32LittleEndian(field);
        }
    }
}
