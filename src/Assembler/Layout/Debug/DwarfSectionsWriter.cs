using A64Asm.Assembler.Diagnostics;
using A64Asm.Assembler.Elf;
using A64Asm.Assembler.Parsing;

namespace A64Asm.Assembler.Layout.Debug;

/// <summary>
/// Writes the line table and, unless the input wrote its own .debug_info, the compilation unit that points at it,
/// as GNU as 2.40 writes them for an assembler source: .debug_line (version 3, or N with --gdwarf-4/5; 5 after a
/// `.file 0` too) with .debug_line_str from version 5, .debug_info (version 2 with -g, 3 for .loc alone, N with
/// --gdwarf-N), .debug_abbrev, .debug_aranges, .debug_str, and .debug_ranges (.debug_rnglists in DWARF 5) when the
/// rows lie in more than one section. Sections in GNU as's order; their symbols in the order
/// GNU as makes them.
/// </summary>
internal sealed class DwarfSectionsWriter(SectionTable sections, SectionWriter output, FixupTable fixups, MappingSymbols mapping)
{
    /// <summary>DW_AT_producer: the assembler whose output this reproduces byte for byte, as a debugger that
    /// recognises GNU as's units by it should treat them.</summary>
    public const string Producer = "GNU AS 2.40";

    /// <summary>DW_AT_comp_dir: GNU as writes the current directory; a64asm writes no host path, so '.', which is
    /// what GNU as writes with --debug-prefix-map=$PWD=. (file names are relative to it as given).</summary>
    public const string CompilationDirectory = ".";

    private const int AddressSize = 8;

    /// <param name="symbols">The symbols in GNU as's order: its functions with a size get DW_TAG_subprogram children.</param>
    public void Write(LineTable table, int infoVersion, IReadOnlyList<SymbolEntry> symbols)
    {
        if (table.Sequences.Count == 0)
            return;
        if (table.Dwarf5)
            infoVersion = 5;
        int lineVersion = Math.Max(3, infoVersion);
        var at = table.FirstRowAt!;
        mapping.RecordNewSections(mapping.LineSeq);
        int known = sections.All.Count;
        bool unit = !sections.Contains(".debug_info");
        var line = Section(".debug_line", 1);
        var lineStrings = lineVersion >= 5 ? StringSection(".debug_line_str") : null;
        var lineStr = lineStrings is null ? null : new DwarfBuffer(output.BigEndian);
        var program = LineProgram(table, lineVersion, lineStrings, lineStr);
        if (!unit)
        {
            Emit(line, program, at);
            if (lineStrings is not null)
                Emit(lineStrings, lineStr!, at);
            mapping.AddEndOfInputSections([], NewOnes([line, .. Optional(lineStrings)], known), []);
            return;
        }
        var info = Section(".debug_info", 1);
        var abbrev = Section(".debug_abbrev", 1);
        var aranges = Section(".debug_aranges", 2 * AddressSize);
        var str = StringSection(".debug_str");
        var ranges = table.Sequences.Count <= 1 ? null
            : infoVersion >= 5 ? Section(".debug_rnglists", 1) : Section(".debug_ranges", 2 * AddressSize);

        Emit(line, program, at);
        if (lineStrings is not null)
            Emit(lineStrings, lineStr!, at);
        var strings = new DwarfBuffer(output.BigEndian);
        int nameAt = strings.Length;
        strings.CString(table.Files.FullName(1));
        int dirAt = strings.Length;
        strings.CString(CompilationDirectory);
        int producerAt = strings.Length;
        strings.CString(Producer);
        var functions = new List<(SymbolEntry Symbol, int NameAt)>();
        foreach (var symbol in symbols)
            if (Subprogram.Describes(symbol))
            {
                functions.Add((symbol, strings.Length));
                strings.CString(symbol.Name);
            }
        var unitFields = new CompileUnit(infoVersion, line, abbrev, ranges, str, nameAt, dirAt, producerAt, functions);
        Emit(info, unitFields.Info(table.Sequences, output.BigEndian), at);
        Emit(abbrev, unitFields.Abbreviations(output.BigEndian), at);
        Emit(aranges, AddressRanges(table.Sequences, info), at);
        Emit(str, strings, at);
        if (ranges is not null)
            Emit(ranges, infoVersion >= 5 ? RangeLists(table.Sequences) : RangeList(table.Sequences), at);
        // GNU as names these sections' symbols as it writes the tables; the string sections and the range list it
        // reaches through labels, and nothing refers to .debug_aranges.
        mapping.AddEndOfInputSections(NewOnes([info, abbrev, line], known),
            NewOnes([.. Optional(lineStrings), .. Optional(ranges), str], known), NewOnes([aranges], known));
    }

    private static AsmSection[] Optional(AsmSection? section) => section is null ? [] : [section];

    private AsmSection StringSection(string name)
    {
        var section = Section(name, 1);
        section.Flags = SectionFlags.Merge | SectionFlags.Strings;
        section.EntrySize = 1;
        return section;
    }

    private IEnumerable<AsmSection> NewOnes(IEnumerable<AsmSection> made, int known) =>
        made.Where(s => sections.All.IndexOf(s) >= known);

    private AsmSection Section(string name, long alignment)
    {
        var section = sections.GetOrCreate(name);
        section.Kind = SectionKind.ProgBits;
        section.Flags = SectionFlags.None;
        section.RequireAlignment(alignment);
        return section;
    }

    private void Emit(AsmSection section, DwarfBuffer buffer, SourceLocation at) =>
        sections.RunIn(section, () =>
        {
            long start = section.Location;
            output.WriteBytes(buffer.Bytes.ToArray());
            foreach (var r in buffer.Relocations)
                fixups.AddRelocation(start + r.Offset, r.Kind, new ExprValue(r.Addend, r.Target, r.Symbol), at);
        });

    private DwarfBuffer LineProgram(LineTable table, int version, AsmSection? lineStrings, DwarfBuffer? lineStr)
    {
        var b = new DwarfBuffer(output.BigEndian);
        b.U32(0); // unit_length, patched below
        b.U16(version);
        if (version >= 5)
        {
            b.U8(AddressSize);
            b.U8(0); // segment selector size
        }
        int headerLengthAt = b.Length;
        b.U32(0); // header_length, patched below
        b.U8(LineProgramEncoder.MinInstructionLength);
        if (version >= 4)
            b.U8(1); // maximum_operations_per_instruction
        b.U8(1);     // default_is_stmt
        b.U8(LineProgramEncoder.LineBase);
        b.U8(LineProgramEncoder.LineRange);
        b.U8(LineProgramEncoder.OpcodeBase);
        b.Bytes.AddRange(LineProgramEncoder.StandardOpcodeLengths);
        if (version >= 5)
            FileTables5(b, table, lineStrings!, lineStr!, output.BigEndian);
        else
            FileTables(b, table);
        b.PatchU32(headerLengthAt, b.Length - headerLengthAt - 4);
        foreach (var sequence in table.Sequences)
            LineSequenceWriter.Write(b, sequence);
        b.PatchU32(0, b.Length - 4);
        return b;
    }

    private static void FileTables(DwarfBuffer b, LineTable table)
    {
        foreach (var directory in table.Files.Directories)
            b.CString(directory);
        b.U8(0);
        for (int i = 1; i <= table.Files.Count; i++)
        {
            var (name, directory) = File(table, i);
            b.CString(name);
            b.Uleb(directory);
            b.Uleb(0); // modification time
            b.Uleb(0); // length
        }
        b.U8(0);
    }

    private const int LnctPath = 1, LnctDirectoryIndex = 2, LnctMd5 = 5, FormLineStrp = 0x1f, FormUdata = 0x0f, FormData16 = 0x1e;

    /// <summary>DWARF 5: entry formats, then directories and files as offsets of strings in .debug_line_str, each
    /// string written once per entry (file 0, when no .file 0 named it, is file 1's entry and string).</summary>
    private static void FileTables5(DwarfBuffer b, LineTable table, AsmSection lineStrings, DwarfBuffer strings, bool bigEndian)
    {
        // The strings go after what the input wrote there itself (a compiler's .debug_line_str).
        long at = lineStrings.Location;
        b.U8(1);
        b.Uleb(LnctPath);
        b.Uleb(FormLineStrp);
        b.Uleb(1 + table.Files.Directories.Count);
        foreach (var directory in table.Files.Directories.Prepend(table.Files.DirectoryZero(CompilationDirectory)))
        {
            b.SectionOffset(lineStrings, at + strings.Length);
            strings.CString(directory);
        }
        bool md5 = table.Files.Md5Column(bigEndian);
        b.U8(md5 ? 3 : 2);
        b.Uleb(LnctPath);
        b.Uleb(FormLineStrp);
        b.Uleb(LnctDirectoryIndex);
        b.Uleb(FormUdata);
        if (md5)
        {
            b.Uleb(LnctMd5);
            b.Uleb(FormData16);
        }
        b.Uleb(1 + table.Files.Count);
        int? fileOneAt = null;
        if (table.Files.FileZero is null)
        {
            // File 1's entry stands for file 0: one string for both.
            fileOneAt = (int)at + strings.Length;
            var (name, directory) = File(table, 1);
            strings.CString(name);
            b.SectionOffset(lineStrings, fileOneAt.Value);
            b.Uleb(directory);
            if (md5) b.U128(table.Files.Md5(1));
        }
        for (int i = fileOneAt is null ? 0 : 1; i <= table.Files.Count; i++)
        {
            var (name, directory) = File(table, i);
            if (i == 1 && fileOneAt is { } shared)
                b.SectionOffset(lineStrings, shared);
            else
            {
                b.SectionOffset(lineStrings, at + strings.Length);
                strings.CString(name);
            }
            b.Uleb(directory);
            if (md5) b.U128(table.Files.Md5(i));
        }
    }

    private static (string Name, int Directory) File(LineTable table, int number) =>
        table.Files[number] ?? throw new AsmError(table.FirstRowAt, $"unassigned file number {number}");

    /// <summary>.debug_aranges: the header padded to two addresses, each section's start and size, two zeros.</summary>
    private DwarfBuffer AddressRanges(IReadOnlyList<LineSequence> sequences, AsmSection info)
    {
        var b = new DwarfBuffer(output.BigEndian);
        b.U32(0); // unit_length, patched below
        b.U16(2);
        b.SectionOffset(info, 0);
        b.U8(AddressSize);
        b.U8(0); // segment selector size
        b.PadTo(2 * AddressSize);
        foreach (var sequence in sequences)
        {
            b.Address(sequence.Section, 0);
            b.U64(sequence.Section.Location);
        }
        b.U64(0);
        b.U64(0);
        b.PatchU32(0, b.Length - 4);
        return b;
    }

    /// <summary>.debug_rnglists (DWARF 5): the header, then each section as DW_RLE_start_length, then DW_RLE_end_of_list.</summary>
    private DwarfBuffer RangeLists(IReadOnlyList<LineSequence> sequences)
    {
        var b = new DwarfBuffer(output.BigEndian);
        b.U32(0); // unit_length, patched below
        b.U16(5);
        b.U8(AddressSize);
        b.U8(0);  // segment selector size
        b.U32(0); // offset_entry_count
        foreach (var sequence in sequences)
        {
            b.U8(7); // DW_RLE_start_length
            b.Address(sequence.Section, 0);
            b.Uleb(sequence.Section.Location);
        }
        b.U8(0); // DW_RLE_end_of_list
        b.PatchU32(0, b.Length - 4);
        return b;
    }

    /// <summary>.debug_ranges: a base-address entry of 0, each section's start and end, two zeros.</summary>
    private DwarfBuffer RangeList(IReadOnlyList<LineSequence> sequences)
    {
        var b = new DwarfBuffer(output.BigEndian);
        b.U64(-1);
        b.U64(0);
        foreach (var sequence in sequences)
        {
            b.Address(sequence.Section, 0);
            b.Address(sequence.Section, sequence.Section.Location);
        }
        b.U64(0);
        b.U64(0);
        return b;
    }
}
