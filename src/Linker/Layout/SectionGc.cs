using A64Asm.Linker.Input;

namespace A64Asm.Linker.Layout;

/// <summary>
/// --gc-sections as ld does it for a static link: the sections reachable by relocations from the roots are kept and
/// every other allocated section is dropped. The roots are the entry symbol's section, sections a script KEEPs, notes
/// and SHF_GNU_RETAIN sections, and the sections whose __start_/__stop_ symbols are referenced.
/// </summary>
internal static class SectionGc
{
    private const uint ShtNote = 7;
    private const ulong ShfGnuRetain = 0x200000;

    public static IReadOnlySet<InputSection> Live(IReadOnlyList<InputObject> objects, SymbolResolver globals, string entry,
        Func<InputSection, bool> kept)
    {
        var live = new HashSet<InputSection>(ReferenceEqualityComparer.Instance);
        var work = new Stack<InputSection>();
        void Mark(InputSection? section)
        {
            if (section is not null && section.IsAlloc && live.Add(section)) work.Push(section);
        }

        if (!globals.TryGet(entry, out var start))
            throw new LinkError($"--gc-sections: the entry symbol '{entry}' is not defined, so nothing would be kept (name one with -e or ENTRY)");
        Mark(start.Object.Sections.ElementAtOrDefault(start.Symbol.SectionIndex));
        var bounds = SymbolResolver.Referenced(objects)
            .Select(n => n.StartsWith("__start_", StringComparison.Ordinal) ? n[8..] : n.StartsWith("__stop_", StringComparison.Ordinal) ? n[7..] : null)
            .OfType<string>().ToHashSet(StringComparer.Ordinal);
        foreach (var section in objects.SelectMany(o => o.Sections).OfType<InputSection>())
            if (section.Type == ShtNote || (section.Flags & ShfGnuRetain) != 0 || kept(section) || bounds.Contains(section.Name))
                Mark(section);

        while (work.Count > 0)
        {
            var section = work.Pop();
            var obj = section.Owner;
            foreach (var reloc in section.Relocations)
            {
                if (reloc.SymbolIndex == 0) continue;
                var symbol = obj.Symbols[(int)reloc.SymbolIndex];
                if (symbol.IsLocal)
                    Mark(obj.Sections.ElementAtOrDefault(symbol.SectionIndex));
                else if (globals.TryGet(symbol.Name, out var definition))
                    Mark(definition.Object.Sections.ElementAtOrDefault(definition.Symbol.SectionIndex));
            }
        }
        return live;
    }
}
