namespace A64Asm.Assembler.Layout.Debug;

/// <summary>
/// GNU as's one DW_TAG_compile_unit and its abbreviations: the line table's offset, the code's addresses (low_pc/high_pc
/// for one section, a .debug_ranges list for more), name, directory and producer in .debug_str, the language
/// DW_LANG_Mips_Assembler. DWARF 4 gives high_pc as a length and offsets as sec_offset. Its children are the
/// functions (<see cref="Subprogram"/>), whose names follow the producer in .debug_str.
/// </summary>
internal sealed record CompileUnit(int Version, AsmSection Line, AsmSection Abbrev, AsmSection? Ranges, AsmSection Str,
    int NameAt, int DirectoryAt, int ProducerAt, IReadOnlyList<(SymbolEntry Symbol, int NameAt)> Functions)
{
    private const int TagCompileUnit = 0x11;
    private const int AtStmtList = 0x10, AtLowPc = 0x11, AtHighPc = 0x12, AtName = 0x03, AtCompDir = 0x1b,
        AtProducer = 0x25, AtLanguage = 0x13, AtRanges = 0x55;
    private const int FormAddr = 0x01, FormData2 = 0x05, FormData4 = 0x06, FormStrp = 0x0e, FormUdata = 0x0f,
        FormSecOffset = 0x17;
    private const int DwLangMipsAssembler = 0x8001;
    // .debug_rnglists' header: the unit's ranges begin after it.
    private const int RangeListHeaderSize = 12;

    private int OffsetForm => Version >= 4 ? FormSecOffset : FormData4;

    private Subprogram Subprograms => new(Version, Functions);

    public DwarfBuffer Abbreviations(bool bigEndian)
    {
        var b = new DwarfBuffer(bigEndian);
        b.Uleb(1);
        b.Uleb(TagCompileUnit);
        b.U8(Functions.Count > 0 ? 1 : 0); // DW_CHILDREN_yes when there are functions
        Pair(b, AtStmtList, OffsetForm);
        if (Ranges is null)
        {
            Pair(b, AtLowPc, FormAddr);
            Pair(b, AtHighPc, Version >= 4 ? FormUdata : FormAddr);
        }
        else
            Pair(b, AtRanges, OffsetForm);
        Pair(b, AtName, FormStrp);
        Pair(b, AtCompDir, FormStrp);
        Pair(b, AtProducer, FormStrp);
        Pair(b, AtLanguage, FormData2);
        Pair(b, 0, 0);
        if (Functions.Count > 0)
            Subprograms.Abbreviations(b);
        b.U8(0); // end of the abbreviations
        return b;
    }

    public DwarfBuffer Info(IReadOnlyList<LineSequence> sequences, bool bigEndian)
    {
        var b = new DwarfBuffer(bigEndian);
        b.U32(0); // unit_length, patched below
        b.U16(Version);
        if (Version >= 5)
        {
            b.U8(1); // DW_UT_compile
            b.U8(8); // address size
            b.SectionOffset(Abbrev, 0);
        }
        else
        {
            b.SectionOffset(Abbrev, 0);
            b.U8(8); // address size
        }
        b.Uleb(1);
        b.SectionOffset(Line, 0);
        if (Ranges is null)
        {
            var code = sequences[0].Section;
            b.Address(code, 0);
            if (Version >= 4)
                b.Uleb(code.Location);
            else
                b.Address(code, code.Location);
        }
        else
            b.SectionOffset(Ranges, Version >= 5 ? RangeListHeaderSize : 0);
        b.SectionOffset(Str, NameAt);
        b.SectionOffset(Str, DirectoryAt);
        b.SectionOffset(Str, ProducerAt);
        b.U16(DwLangMipsAssembler);
        if (Functions.Count > 0)
            Subprograms.Entries(b, Str);
        b.PatchU32(0, b.Length - 4);
        return b;
    }

    internal static void Pair(DwarfBuffer b, int attribute, int form)
    {
        b.Uleb(attribute);
        b.Uleb(form);
    }
}
