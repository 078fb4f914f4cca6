using A64Asm.Assembler.Diagnostics;

namespace A64Asm.Assembler.Elf;

/// <summary>
/// Before an object is linked on its own into an image, every reference to a symbol nothing defines is an error
/// at the statement that made it (a missing #define, a typo in a branch), where GNU ld could only name a section
/// offset. Weak references are zero in a static link and pass.
/// </summary>
public static class UndefinedReferences
{
    public static void ThrowIfAny(ObjectFile obj)
    {
        var errors = new List<AsmError>();
        var seen = new HashSet<(SourceLocation?, string)>();
        foreach (var section in obj.Sections)
            foreach (var r in section.Relocations)
                if (r.Symbol is { IsDefined: false } s && s.Binding != SymbolBinding.Weak && seen.Add((r.At, s.Name)))
                    errors.Add(new AsmError(r.At, $"undefined symbol '{r.Symbol.Name}'"));
        if (errors.Count == 0) return;
        // In source order: pool slots and deferred data are laid out after the code that uses them.
        var files = errors.Select(e => e.Location?.Pos.File).Distinct().ToList();
        throw AsmError.All(errors.OrderBy(e => files.IndexOf(e.Location?.Pos.File))
            .ThenBy(e => e.Location?.Pos.Line ?? 0).ThenBy(e => e.Location?.Pos.Column ?? 0).ToList());
    }
}
