using A64Asm.Linker.Input;

namespace A64Asm.Linker;

/// <summary>A global or weak definition that won: the symbol and the object that defines it.</summary>
internal sealed record GlobalDefinition(InputObject Object, InputSymbol Symbol);

/// <summary>
/// Resolves global and weak symbols across objects as ld does for a static link: one strong definition per
/// name (a second is "multiple definition"), a strong definition overrides weak ones, the first weak one wins
/// among weak ones, and an undefined weak reference is zero.
/// </summary>
internal sealed class SymbolResolver
{
    private readonly Dictionary<string, GlobalDefinition> _definitions = new(StringComparer.Ordinal);

    public SymbolResolver(IReadOnlyList<InputObject> objects)
    {
        var errors = _errors;
        bool common = false;
        foreach (var obj in objects)
        {
            foreach (var symbol in obj.Symbols.Skip(1))
            {
                if (symbol.IsLocal || symbol.IsUndefined) continue;
                if (symbol.IsCommon)
                {
                    errors.Add($"{obj.Name}: common symbol '{symbol.Name}' is not supported; define it in .bss");
                    common = true;
                    continue;
                }
                if (!_definitions.TryGetValue(symbol.Name, out var existing) || (existing.Symbol.IsWeak && !symbol.IsWeak))
                    _definitions[symbol.Name] = new(obj, symbol);
                else if (!existing.Symbol.IsWeak && !symbol.IsWeak)
                    errors.Add($"{Where(obj, symbol)}: multiple definition of '{symbol.Name}'; {Where(existing.Object, existing.Symbol)}: first defined here");
            }
        }
        // A common symbol would also be an undefined reference at every use: stop here. Multiple definitions are kept
        // and reported with the undefined references the relocations find, as ld reports both.
        if (common) throw new LinkError(errors);
    }

    private readonly List<string> _errors = new();

    /// <summary>Multiple definitions found while resolving, reported when the link ends.</summary>
    public IReadOnlyList<string> Errors => _errors;

    private readonly Dictionary<string, InputObject> _definers = new(StringComparer.Ordinal);

    /// <summary>
    /// Defines <paramref name="name"/> as the absolute <paramref name="value"/> on behalf of the link itself
    /// (<paramref name="origin"/>: "--defsym", the script's file name, "linker"), overriding an object's definition as
    /// ld's --defsym and script assignments do.
    /// </summary>
    public void Define(string name, ulong value, string origin)
    {
        if (!_definers.TryGetValue(origin, out var definer))
            _definers[origin] = definer = InputObject.LinkerDefined(origin);
        _definitions[name] = new(definer, new InputSymbol(0, name, value, 0, InputSymbol.StbGlobal, 0, InputSymbol.ShnAbs));
    }

    /// <summary>Names some object refers to without any object defining them (weak references included).</summary>
    public static IEnumerable<string> Referenced(IReadOnlyList<InputObject> objects) =>
        objects.SelectMany(o => o.Symbols.Skip(1)).Where(s => !s.IsLocal && s.IsUndefined).Select(s => s.Name).Distinct(StringComparer.Ordinal);

    public bool TryGet(string name, out GlobalDefinition definition) => _definitions.TryGetValue(name, out definition!);

    /// <summary>The final value of a defined symbol of an object: section address + value, or the value for ABS.</summary>
    public static ulong ValueOf(InputObject obj, InputSymbol symbol)
    {
        if (symbol.IsAbsolute || symbol.IsUndefined || symbol.SectionIndex >= obj.Sections.Count) return symbol.Value;
        var section = obj.Sections[symbol.SectionIndex];
        return section is null ? symbol.Value : section.Address + symbol.Value;
    }

    public IEnumerable<GlobalDefinition> Definitions() => _definitions.Values;

    /// <summary>Every winning definition's final value, for the image's symbol table.</summary>
    public SortedDictionary<string, ulong> FinalValues()
    {
        var values = new SortedDictionary<string, ulong>(StringComparer.Ordinal);
        foreach (var (name, def) in _definitions)
        {
            // A symbol of a dropped section has no address; ld leaves it out of the output too.
            if (def.Object.Sections.ElementAtOrDefault(def.Symbol.SectionIndex) is { Dropped: true }) continue;
            values[name] = ValueOf(def.Object, def.Symbol);
        }
        return values;
    }

    public static string Where(InputObject obj, InputSymbol symbol)
    {
        if (symbol.IsAbsolute) return $"{obj.Name}:(*ABS*+0x{symbol.Value:x})";
        var section = symbol.SectionIndex < obj.Sections.Count ? obj.Sections[symbol.SectionIndex] : null;
        return section is null ? obj.Name : section.Where(symbol.Value);
    }
}
