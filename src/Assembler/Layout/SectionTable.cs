using A64Asm.Assembler.Diagnostics;
using A64Asm.Assembler.Elf;

namespace A64Asm.Assembler.Layout;

/// <summary>The sections in creation order, the current one, and the .pushsection/.previous history.</summary>
public sealed class SectionTable
{
    private readonly Dictionary<string, AsmSection> _byName = new(StringComparer.Ordinal);
    private readonly Stack<(AsmSection Current, AsmSection? Previous)> _stack = new();

    public SectionTable()
    {
        // GNU as always creates these three, in this order.
        Current = GetOrCreate(".text");
        GetOrCreate(".data");
        GetOrCreate(".bss");
    }

    public List<AsmSection> All { get; } = new();

    /// <summary>Where .struct lays out: never written, not in <see cref="All"/>.</summary>
    public AsmSection Absolute { get; } = new("*ABS*", SectionKind.NoBits, SectionFlags.None) { IsAbsolute = true };
    public AsmSection Current { get; private set; }
    public AsmSection? Previous { get; private set; }

    /// <summary>Given to every section, those made so far and those to come.</summary>
    public long MaxSectionSize
    {
        get => _maxSectionSize;
        set
        {
            _maxSectionSize = value;
            foreach (var s in All) s.MaxSize = value;
        }
    }

    private long _maxSectionSize = AssemblerOptions.DefaultMaxSectionSize;

    public bool Contains(string name) => _byName.ContainsKey(name);

    public AsmSection GetOrCreate(string name)
    {
        if (_byName.TryGetValue(name, out var section)) return section;
        var (kind, flags) = DefaultsFor(name);
        section = new AsmSection(name, kind, flags) { MaxSize = _maxSectionSize };
        _byName[name] = section;
        All.Add(section);
        return section;
    }

    public void Switch(AsmSection section)
    {
        if (ReferenceEquals(section, Current)) return;
        Previous = Current;
        Current = section;
    }

    public void Push(AsmSection section)
    {
        _stack.Push((Current, Previous));
        Switch(section);
    }

    public void Pop(SourceLocation at)
    {
        if (_stack.Count == 0) throw new AsmError(at, ".popsection without corresponding .pushsection");
        (Current, Previous) = _stack.Pop();
    }

    public void SwapWithPrevious(SourceLocation at)
    {
        if (Previous is null) throw new AsmError(at, ".previous without corresponding .section");
        (Current, Previous) = (Previous, Current);
    }

    /// <summary>Runs <paramref name="action"/> with <paramref name="section"/> current (end-of-section literal pools).</summary>
    public void RunIn(AsmSection section, Action action)
    {
        var (current, previous) = (Current, Previous);
        Current = section;
        try { action(); }
        finally { (Current, Previous) = (current, previous); }
    }

    /// <summary>Where every section stands, and which is current: what a layout pass over the tail starts from.</summary>
    public SectionPositions Save() =>
        new(All.Select(s => s.Location).ToArray(), Current, Previous, _stack.Reverse().ToArray());

    /// <summary>Back to <paramref name="saved"/>; sections made since then start empty.</summary>
    public void Restore(SectionPositions saved)
    {
        for (int i = 0; i < All.Count; i++)
            All[i].Location = i < saved.Locations.Length ? saved.Locations[i] : 0;
        (Current, Previous) = (saved.Current, saved.Previous);
        _stack.Clear();
        foreach (var entry in saved.Stack) _stack.Push(entry);
    }

    /// <summary>Type and flags GNU as gives a section from its name when .section names none.</summary>
    public static (SectionKind, SectionFlags) DefaultsFor(string name)
    {
        static bool Is(string name, string prefix) =>
            name == prefix || name.StartsWith(prefix + ".", StringComparison.Ordinal);

        if (Is(name, ".text")) return (SectionKind.ProgBits, SectionFlags.Alloc | SectionFlags.Exec);
        if (Is(name, ".data") || Is(name, ".data1") || Is(name, ".got"))
            return (SectionKind.ProgBits, SectionFlags.Alloc | SectionFlags.Write);
        if (Is(name, ".bss") || Is(name, ".tbss"))
            return (SectionKind.NoBits, SectionFlags.Alloc | SectionFlags.Write | (name.StartsWith(".t") ? SectionFlags.Tls : 0));
        if (Is(name, ".tdata")) return (SectionKind.ProgBits, SectionFlags.Alloc | SectionFlags.Write | SectionFlags.Tls);
        if (Is(name, ".rodata") || Is(name, ".rodata1")) return (SectionKind.ProgBits, SectionFlags.Alloc);
        if (Is(name, ".init_array")) return (SectionKind.InitArray, SectionFlags.Alloc | SectionFlags.Write);
        if (Is(name, ".fini_array")) return (SectionKind.FiniArray, SectionFlags.Alloc | SectionFlags.Write);
        if (name.StartsWith(".note", StringComparison.Ordinal)) return (SectionKind.Note, SectionFlags.None);
        return (SectionKind.ProgBits, SectionFlags.None);
    }
}

/// <summary>A saved <see cref="SectionTable"/> state: locations in creation order, the current and previous section,
/// and the .pushsection stack bottom first.</summary>
public sealed record SectionPositions(long[] Locations, AsmSection Current, AsmSection? Previous,
    (AsmSection Current, AsmSection? Previous)[] Stack);
