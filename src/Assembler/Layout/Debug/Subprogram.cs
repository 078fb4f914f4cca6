using A64Asm.Assembler.Elf;

namespace A64Asm.Assembler.Layout.Debug;

/// <summary>
/// GNU as's DW_TAG_subprogram children of its compile unit: one per defined function symbol (.type f, %function) with
/// a size, in symbol order: name in .debug_str, DW_AT_external when some function is global (a flag byte, or
/// flag_present from DWARF 4 when all are), the unspecified return type (DWARF 3 on), low_pc, high_pc.
/// </summary>
internal sealed record Subprogram(int Version, IReadOnlyList<(SymbolEntry Symbol, int NameAt)> Functions)
{
    private const int TagSubprogram = 0x2e, TagUnspecifiedType = 0x3b;
    private const int AtName = 0x03, AtExternal = 0x3f, AtType = 0x49, AtLowPc = 0x11, AtHighPc = 0x12;
    private const int FormAddr = 0x01, FormUdata = 0x0f, FormStrp = 0x0e, FormFlag = 0x0c, FormFlagPresent = 0x19,
        FormRefUdata = 0x15;
    private const int AbbrevSubprogram = 2, AbbrevNoType = 3;

    /// <summary>Whether GNU as describes <paramref name="symbol"/>: a defined function whose size is not zero.</summary>
    public static bool Describes(SymbolEntry symbol) =>
        symbol.IsDefined && symbol.Section is not null && symbol.Type == SymbolType.Func && symbol.SizeValue != 0;

    private bool AnyExternal => Functions.Any(f => f.Symbol.Binding == SymbolBinding.Global);
    private bool AnyLocal => Functions.Any(f => f.Symbol.Binding != SymbolBinding.Global);
    // A flag byte per function unless every one is global from DWARF 4 on; no attribute when none is.
    private int? ExternalForm => !AnyExternal ? null : AnyLocal || Version < 4 ? FormFlag : FormFlagPresent;

    public void Abbreviations(DwarfBuffer b)
    {
        b.Uleb(AbbrevSubprogram);
        b.Uleb(TagSubprogram);
        b.U8(0); // DW_CHILDREN_no
        CompileUnit.Pair(b, AtName, FormStrp);
        if (ExternalForm is { } external)
            CompileUnit.Pair(b, AtExternal, external);
        if (Version > 2)
            CompileUnit.Pair(b, AtType, FormRefUdata);
        CompileUnit.Pair(b, AtLowPc, FormAddr);
        CompileUnit.Pair(b, AtHighPc, Version < 4 ? FormAddr : FormUdata);
        CompileUnit.Pair(b, 0, 0);
        if (Version > 2)
        {
            b.Uleb(AbbrevNoType);
            b.Uleb(TagUnspecifiedType);
            b.U8(0);
            CompileUnit.Pair(b, 0, 0);
        }
    }

    /// <summary>The children and the end of the list; the unspecified type's DIE comes last, each function naming its
    /// offset in the unit as a ULEB128 whose width depends on that offset: written one byte wide, and again a byte
    /// wider while the offset does not fit.</summary>
    public void Entries(DwarfBuffer b, AsmSection str)
    {
        int start = b.Length, relocations = b.Relocations.Count;
        for (int width = 1; ; width++)
        {
            var references = Children(b, str, width);
            long noTypeAt = b.Length;
            if (Version > 2 && Leb128.UnsignedSize(noTypeAt) > width)
            {
                b.Truncate(start, relocations);
                continue;
            }
            foreach (int at in references)
                PaddedUleb(b, at, noTypeAt, width);
            break;
        }
        if (Version > 2)
            b.Uleb(AbbrevNoType);
        b.Uleb(0); // end of the children
    }

    // Writes the DIEs with type references of <paramref name="width"/> zero bytes; returns where those are.
    private List<int> Children(DwarfBuffer b, AsmSection str, int width)
    {
        var references = new List<int>();
        foreach (var (symbol, nameAt) in Functions)
        {
            b.Uleb(AbbrevSubprogram);
            b.SectionOffset(str, nameAt);
            if (ExternalForm == FormFlag)
                b.U8(symbol.Binding == SymbolBinding.Global ? 1 : 0);
            if (Version > 2)
            {
                references.Add(b.Length);
                for (int i = 0; i < width; i++) b.U8(0);
            }
            b.Address(symbol.Section!, symbol.Offset, symbol.Name);
            if (Version < 4)
                b.Address(symbol.Section!, symbol.Offset + symbol.SizeValue, symbol.Name);
            else
                b.Uleb(symbol.SizeValue);
        }
        return references;
    }

    // GNU as relaxes the reference to its final width: the offset fits it exactly, or continuation bytes pad it.
    private static void PaddedUleb(DwarfBuffer b, int at, long value, int width)
    {
        for (int i = 0; i < width; i++)
        {
            byte part = (byte)(value & 0x7f);
            value >>= 7;
            b.Bytes[at + i] = (byte)(i < width - 1 ? part | 0x80 : part);
        }
    }
}
