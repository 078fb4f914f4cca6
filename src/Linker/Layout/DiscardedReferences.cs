using A64Asm.Linker.Input;

namespace A64Asm.Linker.Layout;

/// <summary>A reference from a kept section to a symbol in a section /DISCARD/ dropped has no address: ld refuses it, so do we.</summary>
internal static class DiscardedReferences
{
    public static void Check(IReadOnlyList<InputObject> objects, IReadOnlySet<InputSection> discarded, SymbolResolver globals)
    {
        if (discarded.Count == 0) return;
        var errors = new List<string>();
        foreach (var obj in objects)
        {
            foreach (var section in obj.Sections.OfType<InputSection>().Where(s => s.IsAlloc && !discarded.Contains(s)))
            {
                foreach (var reloc in section.Relocations.Where(r => r.SymbolIndex != 0))
                {
                    var symbol = obj.Symbols[(int)reloc.SymbolIndex];
                    var (home, owner) = symbol.IsLocal ? (obj.Sections.ElementAtOrDefault(symbol.SectionIndex), obj)
                        : globals.TryGet(symbol.Name, out var d) ? (d.Object.Sections.ElementAtOrDefault(d.Symbol.SectionIndex), d.Object)
                        : (null, obj);
                    if (home is null || !discarded.Contains(home)) continue;
                    var name = symbol.IsSection ? home.Name : symbol.Name;
                    errors.Add($"{section.Where(reloc.Offset)}: '{name}' is defined in discarded section '{home.Name}' of {owner.Name}");
                }
            }
        }
        if (errors.Count > 0) throw new LinkError(errors);
    }
}
