using A64Asm.Assembler.Diagnostics;
using A64Asm.Assembler.Elf;
using A64Asm.Assembler.Parsing;
using A64Asm.Assembler.Parsing.Syntax;
using A64Asm.Isa.Fixups;

namespace A64Asm.Assembler.Layout;

/// <summary>A relocation found in the emitting pass, turned into an <see cref="ObjectRelocation"/> at the end.</summary>
internal readonly record struct PendingFixup(AsmSection Section, long Offset, FixupRequest Request, SourceLocation At);

/// <summary>A relocation to write; no <paramref name="Symbol"/>: against no symbol, <paramref name="Addend"/> being the target.
/// <paramref name="RawType"/>: an ELF relocation number written as it is (.reloc, .tlsdesccall), for kinds the
/// assembler never fills itself; <paramref name="Kind"/> is then None.</summary>
internal readonly record struct PendingRelocation(AsmSection Section, long Offset, FixupKind Kind, SymbolEntry? Symbol, long Addend, SourceLocation At,
    uint RawType = 0);

/// <summary>
/// Instruction fixups and data relocations, from where they arise to the object's relocations. At the end a
/// PC-relative field aimed at a local label of its own section is filled, as is an absolute field of a local
/// equate; anything else (global or weak targets, other sections, adrp, low-12 and move-wide fields of labels)
/// becomes a relocation, as GNU as does.
/// </summary>
internal sealed class FixupTable(SectionTable sections, SymbolTable symbols)
{
    private readonly List<PendingFixup> _fixups = new();
    private readonly List<PendingRelocation> _relocations = new();

    public int FixupCount => _fixups.Count;
    public int RelocationCount => _relocations.Count;
    public IReadOnlyList<PendingRelocation> Relocations => _relocations;

    private AsmSection Current => sections.Current;

    /// <summary>Back to the counts a pass over the tail starts from.</summary>
    public void TruncateTo(int fixups, int relocations)
    {
        _fixups.RemoveRange(fixups, _fixups.Count - fixups);
        _relocations.RemoveRange(relocations, _relocations.Count - relocations);
    }

    private const string SectionAnchorPrefix = ".L\u0001section:";

    /// <summary>The symbol standing for offset 0 of a section, for values such as ". + 8" that name no label.</summary>
    public string SectionAnchor(string sectionName, ISectionRef section, long offset)
    {
        string name = SectionAnchorPrefix + sectionName;
        var anchor = symbols.GetOrAdd(name);
        anchor.IsDefined = true;
        anchor.Section = (AsmSection)section;
        anchor.Offset = 0;
        return name;
    }

    /// <summary>
    /// An instruction's fixup: a PC-relative field aimed at a local label of this section is filled now; anything
    /// else (global or weak targets, other sections, absolute low-12 and move-wide fields, adrp) becomes a
    /// relocation, as GNU as does.
    /// </summary>
    public void AddFixup(FixupRequest request, long place, SourceLocation at)
    {
        if (request.Symbol is null)
        {
            _fixups.Add(new PendingFixup(Current, place, request, at));
            return;
        }
        if (TryResolveBackward(request, place, at))
            return;
        // GNU as makes a symbol where it is first named, which decides its place among the mapping symbols.
        symbols.GetOrAdd(request.Symbol);
        _fixups.Add(new PendingFixup(Current, place, request, at));
    }

    /// <summary>A branch back to a numeric local label of this section is filled at once: such a label can never
    /// become global or move, so the end would resolve it to the same value (ResolveFixup's first case).</summary>
    private bool TryResolveBackward(FixupRequest request, long place, SourceLocation at)
    {
        if (request.Symbol is null || !LocalLabelNames.IsLocalLabelName(request.Symbol) || symbols.Find(request.Symbol) is not { } symbol
            || !FillsInPlace(symbol, Fixup.Spec(request.Kind)))
            return false;
        // Apply's check, with the location made only for its error.
        if (!Fixup.TryApply(request.Kind, Current.At(place, 4), symbol.Offset + request.Addend - place, out string error))
            throw new AsmError(at, error);
        return true;
    }

    /// <summary>At the end, when every label and .globl is known.</summary>
    public void ResolveFixups()
    {
        foreach (var f in _fixups)
            sections.RunIn(f.Section, () => ResolveFixup(f.Request, f.Section.At(f.Offset, 4), f.Offset, f.At));
    }

    private void ResolveFixup(FixupRequest request, Span<byte> word, long place, SourceLocation at)
    {
        if (request.Symbol is null)
        {
            AddPending(new PendingRelocation(Current, place, request.Kind, null, request.Addend, at));
            return;
        }
        var symbol = symbols.GetOrAdd(request.Symbol);
        var spec = Fixup.Spec(request.Kind);
        if (FillsInPlace(symbol, spec))
        {
            Apply(request.Kind, word, symbol.Offset + request.Addend - place, at);
            return;
        }
        if (IsLocallyKnown(symbol) && symbol.Section is null && spec.Base == FixupBase.Absolute)
        {
            Apply(request.Kind, word, symbol.Offset + request.Addend, at);
            return;
        }
        Reference(symbol);
        AddPending(new PendingRelocation(Current, place, request.Kind, symbol, request.Addend, at));
    }

    // Defined here, by a label or equate whose value is settled, and not to be preempted through the symbol table.
    private static bool IsLocallyKnown(SymbolEntry symbol) =>
        symbol.IsDefined && !symbol.IsGlobal && symbol.PendingExpression is null;

    /// <summary>A PC-relative field aimed at a local label of the current section: filled now, no relocation.</summary>
    private bool FillsInPlace(SymbolEntry symbol, FixupSpec spec) =>
        IsLocallyKnown(symbol) && spec.IsFilledWithinSection && ReferenceEquals(symbol.Section, Current);

    private static void Apply(FixupKind kind, Span<byte> word, long value, SourceLocation at)
    {
        if (!Fixup.TryApply(kind, word, value, out string error))
            throw new AsmError(at, error);
    }

    /// <summary>A datum whose value is not absolute: a relocation against its symbol (or its section).</summary>
    public void AddRelocation(long place, FixupKind kind, ExprValue value, SourceLocation at)
    {
        SymbolEntry symbol;
        long addend;
        if (value.Symbol is { } name)
        {
            symbol = symbols.GetOrAdd(name);
            addend = value.Section is null ? value.Value : value.Value - symbol.Offset;
        }
        else
        {
            symbol = symbols.GetOrAdd(SectionAnchor(value.Section!.Name, value.Section, 0));
            addend = value.Value;
        }
        Reference(symbol);
        AddPending(new PendingRelocation(Current, place, kind, symbol, addend, at));
    }

    /// <summary>A relocation of an ELF type given by number (.reloc, .tlsdesccall), against <paramref name="symbol"/>
    /// (or none); it patches nothing here.</summary>
    public void AddRawRelocation(AsmSection section, long place, uint elfType, SymbolEntry? symbol, long addend, SourceLocation at)
    {
        if (symbol is not null)
            Reference(symbol);
        AddPending(new PendingRelocation(section, place, FixupKind.None, symbol, addend, at, elfType));
    }

    /// <summary>.struct's absolute section holds no bytes, so nothing there can be relocated (GNU as's words).</summary>
    private void AddPending(PendingRelocation relocation)
    {
        if (relocation.Section.IsAbsolute)
            throw new AsmError(relocation.At, "attempt to store value in absolute section");
        _relocations.Add(relocation);
    }

    private static void Reference(SymbolEntry symbol) => symbol.IsReferenced = true;
}
