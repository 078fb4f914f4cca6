using A64Asm.Assembler.Diagnostics;
using A64Asm.Assembler.Elf;
using A64Asm.Assembler.Parsing;
using A64Asm.Isa.Fixups;

namespace A64Asm.Assembler.Layout;

/// <summary>The object model of a finished assembly: sections with their bytes, symbols in GNU as's order (labels,
/// mapping and section symbols), and relocations by offset.</summary>
internal static class ObjectFileBuilder
{
    public static ObjectFile Build(SectionTable sectionTable, SymbolTable symbols, FixupTable fixups, MappingSymbols mapping,
        IExpressionScope scope, bool bigEndian)
    {
        var obj = new ObjectFile { BigEndian = bigEndian };
        var sections = new Dictionary<AsmSection, ObjectSection>(ReferenceEqualityComparer.Instance);
        foreach (var section in sectionTable.All)
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

        ResolveLeftoverEquates(symbols, scope);
        var labels = new List<ObjectSymbol?>(symbols.InOrder.Count);
        foreach (var symbol in symbols.InOrder)
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
        obj.Symbols.AddRange(mapping.Ordered(labels, sections));

        // gas keeps a section's fixups in the order of the bytes they patch; ours arrive datum first, then
        // instructions and deferred data at the end.
        var undefinedLocals = fixups.Relocations
            .Where(r => r.Symbol is { IsDefined: false, IsGlobal: false, PendingExpression: null } s && SymbolTable.IsAssemblerLocal(s.Name))
            .Select(r => new AsmError(r.At, $"undefined local symbol '{ExpressionEvaluator.Display(r.Symbol!.Name)}'"))
            .ToList();
        if (undefinedLocals.Count > 0)
            throw AsmError.All(undefinedLocals);
        foreach (var r in fixups.Relocations.OrderBy(r => r.Offset))
        {
            if (r.Symbol is null)
            {
                sections[r.Section].Relocations.Add(new ObjectRelocation(r.Offset, r.Kind, null, r.Addend, r.At, r.RawType));
                continue;
            }
            if (r.Symbol.PendingExpression is not null && scope.TryGetSymbol(r.Symbol.Name, out var aliasValue) && aliasValue.Symbol is { } target)
            {
                // An equate to another symbol: relocate against that symbol.
                var targetEntry = symbols.GetOrAdd(target);
                long extra = aliasValue.Section is null ? aliasValue.Value : aliasValue.Value - targetEntry.Offset;
                sections[r.Section].Relocations.Add(new ObjectRelocation(r.Offset, r.Kind, Emit(targetEntry, sections), r.Addend + extra, r.At, r.RawType));
                continue;
            }
            sections[r.Section].Relocations.Add(new ObjectRelocation(r.Offset, r.Kind, Emit(r.Symbol, sections), r.Addend, r.At, r.RawType));
        }
        MarkThreadLocal(obj);
        return obj;
    }

    /// <summary>
    /// GNU as types every symbol of a TLS section STT_TLS (its mapping symbols too), and an undefined symbol a TLS
    /// relocation names; a TLS relocation against a symbol of an ordinary section is its error.
    /// </summary>
    private static void MarkThreadLocal(ObjectFile obj)
    {
        var errors = new List<AsmError>();
        foreach (var r in obj.Sections.SelectMany(s => s.Relocations))
        {
            if (r.Symbol is not { } target || r.Kind == FixupKind.None || !Fixup.Spec(r.Kind).IsThreadLocal)
                continue;
            if (target.Section is null && !target.IsAbsolute)
                target.Type = SymbolType.Tls;
            else if (target.Section is { } home && (home.Flags & SectionFlags.Tls) == 0)
                errors.Add(new AsmError(r.At, $"Accessing `{target.Name}' as thread-local object"));
        }
        foreach (var symbol in obj.Symbols)
            if (symbol.Section is { } home && (home.Flags & SectionFlags.Tls) != 0 && symbol.Type is SymbolType.NoType or SymbolType.Object)
                symbol.Type = SymbolType.Tls;
        if (errors.Count > 0)
            throw AsmError.All(errors);
    }

    /// <summary>
    /// Equates still kept as expressions at the end (nothing used them): as GNU as does when it writes its symbol
    /// table, each is resolved once more; a loop among them is an error, and a symbol one of them names that was never
    /// defined becomes an undefined reference of the object.
    /// </summary>
    private static void ResolveLeftoverEquates(SymbolTable symbols, IExpressionScope scope)
    {
        var errors = new List<AsmError>();
        foreach (var symbol in symbols.InOrder.Where(s => s.PendingExpression is not null).ToList())
        {
            if (scope.TryGetSymbol(symbol.Name, out var value, out var error))
            {
                // Settled now: written as the equates settled where they were set are.
                symbol.PendingExpression = null;
                symbol.PendingLine = null;
                symbol.IsDefined = true;
                symbol.Section = (AsmSection?)value.Section;
                symbol.Offset = value.Value;
                continue;
            }
            if (error is not null)
                errors.Add(error);
            else if (value.IsUndefinedSymbol && symbols.GetOrAdd(value.Symbol!) is { IsDefined: false, PendingExpression: null } named)
                named.IsReferenced = true;
        }
        if (errors.Count > 0)
            throw AsmError.All(errors);
    }

    private static ObjectSymbol Emit(SymbolEntry symbol, Dictionary<AsmSection, ObjectSection> sections)
    {
        if (symbol.Emitted is { } done) return done;
        var output = new ObjectSymbol(symbol.Name)
        {
            Section = symbol.IsDefined && symbol.Section is { } s ? sections[s] : null,
            IsAbsolute = symbol.IsDefined && symbol.Section is null,
            Value = symbol.IsDefined ? symbol.Offset : symbol.IsCommon ? symbol.CommonAlignment : 0,
            Size = symbol.SizeValue,
            // An undefined symbol a relocation needs is global, as in GNU as.
            Binding = !symbol.IsDefined && symbol.Binding == SymbolBinding.Local ? SymbolBinding.Global : symbol.Binding,
            Type = symbol.Type,
            Visibility = symbol.Visibility,
            VariantPcs = symbol.VariantPcs,
            IsCommon = symbol.IsCommon,
        };
        symbol.Emitted = output;
        return output;
    }
}
