using A64Asm.Isa.Fixups;

namespace A64Asm.Assembler.Elf;

internal readonly record struct ElfSymbolEntry(uint NameOffset, byte Info, byte Other, ushort SectionIndex, ulong Value, ulong Size);

internal readonly record struct ElfRelaEntry(ulong Offset, uint SymbolIndex, uint Type, long Addend);

/// <summary>
/// Orders the object's symbols the way ELF requires (null, section symbols, other locals, then globals and weak
/// ones; sh_info = index of the first non-local). Every section gets a section symbol: first, in section order —
/// unless <see cref="ObjectFile.Symbols"/> lists a Section-type symbol for it, which then takes that symbol's
/// place among the locals (so an assembler that records them when sections are created gets GNU as's order) and rewrites relocations to symbol-table indices the way GNU as
/// does: a relocation against a local symbol defined in a section refers to that section's symbol with the
/// symbol's value added to the addend, and one against a local absolute symbol refers to no symbol at all. That
/// keeps ".L" labels out of the table (as omits them) and makes the object link identically either way.
/// </summary>
internal sealed class ElfSymbolTable
{
    private readonly List<ElfSymbolEntry> _entries = [new(0, 0, 0, 0, 0, 0)];
    private readonly Dictionary<ObjectSymbol, uint> _indices = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<ObjectSection, uint> _sectionSymbols = new(ReferenceEqualityComparer.Instance);
    private readonly Func<ObjectSection, ushort> _sectionIndex;

    public ElfSymbolTable(ObjectFile obj, Func<ObjectSection, ushort> sectionIndex)
    {
        _sectionIndex = sectionIndex;
        var placedByObject = obj.Symbols.Where(IsSectionSymbol).Select(s => s.Section!).ToHashSet(ReferenceEqualityComparer.Instance);
        foreach (var section in obj.Sections.Where(s => !placedByObject.Contains(s)))
            AddSectionSymbol(section);

        var referenced = obj.Sections.SelectMany(s => s.Relocations).Select(r => r.Symbol).OfType<ObjectSymbol>();
        var all = obj.Symbols.Concat(referenced).Distinct(ReferenceEqualityComparer.Instance).Cast<ObjectSymbol>().ToList();

        foreach (var symbol in all)
        {
            if (IsSectionSymbol(symbol) && !_sectionSymbols.ContainsKey(symbol.Section!))
                AddSectionSymbol(symbol.Section!);
            else if (IsEmittedLocal(symbol))
                Add(symbol, ElfConstants.StbLocal);
        }
        FirstGlobalIndex = (uint)_entries.Count;
        foreach (var symbol in all.Where(IsGlobalInTable))
            Add(symbol, symbol.Binding == SymbolBinding.Weak ? ElfConstants.StbWeak : ElfConstants.StbGlobal);

        var (bytes, offsets) = ElfStringTable.SuffixSharedInOrder(_names);
        StringTable = bytes;
        for (int i = 0; i < _entries.Count; i++)
            _entries[i] = _entries[i] with { NameOffset = offsets[_names[i]] };
    }

    /// <summary>The .strtab the entries' name offsets point into.</summary>
    public byte[] StringTable { get; }

    private readonly List<string> _names = [""];

    public uint FirstGlobalIndex { get; }

    public IReadOnlyList<ElfSymbolEntry> Entries => _entries;

    public ElfRelaEntry Rela(ObjectRelocation relocation)
    {
        var symbol = relocation.Symbol;
        var type = relocation.Kind == FixupKind.None ? relocation.RawType : Fixup.ElfType(relocation.Kind);
        var offset = (ulong)relocation.Offset;
        if (symbol is null)
            return new(offset, 0, type, relocation.Addend);
        if (symbol.Type == SymbolType.Section && symbol.Section is { } own)
            return new(offset, _sectionSymbols[own], type, relocation.Addend + symbol.Value);
        if (IsLocalDefined(symbol))
        {
            // GNU as never moves a relocation off a symbol of a TLS section onto the section's symbol.
            if (symbol.Section is { Flags: var flags } && (flags & SectionFlags.Tls) != 0 && _indices.TryGetValue(symbol, out uint kept))
                return new(offset, kept, type, relocation.Addend);
            if (symbol.Section is { } section)
                return new(offset, _sectionSymbols[section], type, relocation.Addend + symbol.Value);
            return new(offset, 0, type, relocation.Addend + symbol.Value);
        }
        return new(offset, _indices[symbol], type, relocation.Addend);
    }

    private void AddSectionSymbol(ObjectSection section)
    {
        _sectionSymbols[section] = (uint)_entries.Count;
        _entries.Add(new(0, Info(ElfConstants.StbLocal, ElfConstants.SttSection), 0, _sectionIndex(section), 0, 0));
        _names.Add("");
    }

    private static bool IsSectionSymbol(ObjectSymbol s) => s.Type == SymbolType.Section && s.Section is not null;

    private void Add(ObjectSymbol symbol, byte binding)
    {
        _indices[symbol] = (uint)_entries.Count;
        ushort shndx = symbol.Section is { } section ? _sectionIndex(section)
            : symbol.IsAbsolute ? ElfConstants.ShnAbs : symbol.IsCommon ? ElfConstants.ShnCommon : ElfConstants.ShnUndef;
        _entries.Add(new(0, Info(binding, ElfConstants.Type(symbol.Type)),
            (byte)((byte)symbol.Visibility | (symbol.VariantPcs ? ElfConstants.StoAarch64VariantPcs : 0)), shndx, (ulong)symbol.Value, (ulong)symbol.Size));
        _names.Add(symbol.Name);
    }

    private static bool IsLocalDefined(ObjectSymbol s) => s.Binding == SymbolBinding.Local && s.IsDefined;

    // Section symbols come from the sections themselves; .L names are assembler-internal (as drops them too).
    private static bool IsEmittedLocal(ObjectSymbol s) =>
        IsLocalDefined(s) && s.Type != SymbolType.Section && !s.Name.StartsWith(".L", StringComparison.Ordinal);

    // An undefined symbol is global whatever the assembler marked it: a local undefined symbol means nothing to ld.
    private static bool IsGlobalInTable(ObjectSymbol s) =>
        s.Binding != SymbolBinding.Local || (!s.IsDefined && s.Type != SymbolType.Section);

    private static byte Info(byte binding, byte type) => (byte)((binding << 4) | type);
}
