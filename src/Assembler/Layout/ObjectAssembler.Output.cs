using A64Asm.Assembler.Diagnostics;
using A64Asm.Assembler.Elf;
using A64Asm.Assembler.Parsing;
using A64Asm.Assembler.Parsing.Syntax;
using A64Asm.Isa.Fixups;

namespace A64Asm.Assembler.Layout;

/// <summary>A relocation found in the emitting pass, turned into an <see cref="ObjectRelocation"/> at the end.</summary>
internal readonly record struct PendingFixup(AsmSection Section, long Offset, FixupRequest Request, SourceLocation At);

internal readonly record struct PendingRelocation(AsmSection Section, long Offset, FixupKind Kind, SymbolEntry Symbol, long Addend, SourceLocation At);

public sealed partial class ObjectAssembler
{
    private const string SectionAnchorPrefix = ".L\u0001section:";

    /// <summary>The symbol standing for offset 0 of a section, for values such as ". + 8" that name no label.</summary>
    internal string SectionAnchor(string sectionName, ISectionRef section, long offset)
    {
        string name = SectionAnchorPrefix + sectionName;
        var anchor = Symbols.GetOrAdd(name);
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
    internal void AddFixup(FixupRequest request, long place, ParsedLine line, int index)
    {
        if (TryResolveBackward(request, place, line, index))
            return;
        // GNU as makes a symbol where it is first named, which decides its place among the mapping symbols.
        Symbols.GetOrAdd(request.Symbol);
        _fixups.Add(new PendingFixup(Current, place, request, line.At(index)));
    }

    /// <summary>A branch back to a numeric local label of this section is filled at once: such a label can never
    /// become global or move, so the end would resolve it to the same value (ResolveFixup's first case).</summary>
    private bool TryResolveBackward(FixupRequest request, long place, ParsedLine line, int index)
    {
        if (!LocalLabelNames.IsLocalLabelName(request.Symbol) || Symbols.Find(request.Symbol) is not { } symbol
            || !FillsInPlace(symbol, Fixup.Spec(request.Kind)))
            return false;
        // Apply's check, with the location made only for its error.
        if (!Fixup.TryApply(request.Kind, Current.At(place, 4), symbol.Offset + request.Addend - place, out string error))
            throw new AsmError(line.At(index), error);
        return true;
    }

    /// <summary>At the end, when every label and .globl is known.</summary>
    private void ResolveFixups()
    {
        foreach (var f in _fixups)
            Sections.RunIn(f.Section, () => ResolveFixup(f.Request, f.Section.At(f.Offset, 4), f.Offset, f.At));
    }

    private void ResolveFixup(FixupRequest request, Span<byte> word, long place, SourceLocation at)
    {
        var symbol = Symbols.GetOrAdd(request.Symbol);
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
        _relocations.Add(new PendingRelocation(Current, place, request.Kind, symbol, request.Addend, at));
    }

    // Defined here, by a label or equate whose value is settled, and not to be preempted through the symbol table.
    private static bool IsLocallyKnown(SymbolEntry symbol) =>
        symbol.IsDefined && !symbol.IsGlobal && symbol.PendingExpression is null;

    /// <summary>A PC-relative field aimed at a local label of the current section: filled now, no relocation.</summary>
    private bool FillsInPlace(SymbolEntry symbol, FixupSpec spec) =>
        IsLocallyKnown(symbol) && spec.Base == FixupBase.PcRelative && ReferenceEquals(symbol.Section, Current);

    private static void Apply(FixupKind kind, Span<byte> word, long value, SourceLocation at)
    {
        if (!Fixup.TryApply(kind, word, value, out string error))
            throw new AsmError(at, error);
    }

    /// <summary>A datum whose value is not absolute: a relocation against its symbol (or its section).</summary>
    private void AddRelocation(long place, FixupKind kind, ExprValue value, SourceLocation at)
    {
        SymbolEntry symbol;
        long addend;
        if (value.Symbol is { } name)
        {
            symbol = Symbols.GetOrAdd(name);
            addend = value.Section is null ? value.Value : value.Value - symbol.Offset;
        }
        else
        {
            symbol = Symbols.GetOrAdd(SectionAnchor(value.Section!.Name, value.Section, 0));
            addend = value.Value;
        }
        Reference(symbol);
        _relocations.Add(new PendingRelocation(Current, place, kind, symbol, addend, at));
    }

    private static void Reference(SymbolEntry symbol) => symbol.IsReferenced = true;

    private ObjectFile BuildObject()
    {
        var obj = new ObjectFile { BigEndian = BigEndian };
        var sections = new Dictionary<AsmSection, ObjectSection>(ReferenceEqualityComparer.Instance);
        foreach (var section in Sections.All)
        {
            long size = section.Location;
            var output = new ObjectSection(section.Name, section.Kind, section.Flags)
            {
                Alignment = section.Alignment,
                Data = section.Contents(size),
                Size = size,
                EntrySize = section.EntrySize,
            };
            sections[section] = output;
            obj.Sections.Add(output);
        }

        var labels = new List<ObjectSymbol?>(Symbols.InOrder.Count);
        foreach (var symbol in Symbols.InOrder)
        {
            labels.Add(null);
            if (symbol.PendingExpression is { } pending && !symbol.IsReferenced && !symbol.IsGlobal)
                continue;
            bool internalName = SymbolTable.IsAssemblerLocal(symbol.Name);
            if (!symbol.IsDefined && !symbol.IsReferenced && !symbol.IsGlobal)
                continue;
            var output = Emit(symbol, sections);
            if (!internalName)
                labels[^1] = output;
        }
        obj.Symbols.AddRange(_mapping.Ordered(labels, sections));

        // gas keeps a section's fixups in the order of the bytes they patch; ours arrive datum first, then
        // instructions and deferred data at the end.
        var undefinedLocals = _relocations
            .Where(r => !r.Symbol.IsDefined && !r.Symbol.IsGlobal && r.Symbol.PendingExpression is null && SymbolTable.IsAssemblerLocal(r.Symbol.Name))
            .Select(r => new AsmError(r.At, $"undefined local symbol '{ExpressionEvaluator.Display(r.Symbol.Name)}'"))
            .ToList();
        if (undefinedLocals.Count > 0)
            throw AsmError.All(undefinedLocals);
        foreach (var r in _relocations.OrderBy(r => r.Offset))
        {
            if (r.Symbol.PendingExpression is not null && TryGetSymbol(r.Symbol.Name, out var aliasValue) && aliasValue.Symbol is { } target)
            {
                // An equate to another symbol: relocate against that symbol.
                var targetEntry = Symbols.GetOrAdd(target);
                long extra = aliasValue.Section is null ? aliasValue.Value : aliasValue.Value - targetEntry.Offset;
                sections[r.Section].Relocations.Add(new ObjectRelocation(r.Offset, r.Kind, Emit(targetEntry, sections), r.Addend + extra, r.At));
                continue;
            }
            sections[r.Section].Relocations.Add(new ObjectRelocation(r.Offset, r.Kind, Emit(r.Symbol, sections), r.Addend, r.At));
        }
        return obj;
    }

    private static ObjectSymbol Emit(SymbolEntry symbol, Dictionary<AsmSection, ObjectSection> sections)
    {
        if (symbol.Emitted is { } done) return done;
        var output = new ObjectSymbol(symbol.Name)
        {
            Section = symbol.IsDefined && symbol.Section is { } s ? sections[s] : null,
            IsAbsolute = symbol.IsDefined && symbol.Section is null,
            Value = symbol.IsDefined ? symbol.Offset : 0,
            Size = symbol.SizeValue,
            // An undefined symbol a relocation needs is global, as in GNU as.
            Binding = !symbol.IsDefined && symbol.Binding == SymbolBinding.Local ? SymbolBinding.Global : symbol.Binding,
            Type = symbol.Type,
            Visibility = symbol.Visibility,
        };
        symbol.Emitted = output;
        return output;
    }
}
