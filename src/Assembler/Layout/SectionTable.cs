using A64Asm.Assembler.Diagnostics;
using A64Asm.Assembler.Elf;

namespace A64Asm.Assembler.Layout;

/// <summary>The sections in creation order, the current one, and the .pushsection/.previous history.</summary>
/// <remarks>
/// Subsections (.subsection N, .text N, .data N, .pushsection name, N) are laid out in the order they are filled.
/// GNU as orders them by number; the two agree as long as no subsection gets bytes or labels after a higher-numbered
/// one of its section was used, and that is refused (<see cref="SubsectionOrder"/>).
/// </remarks>
public sealed class SectionTable
{
    private readonly Dictionary<string, AsmSection> _byName = new(StringComparer.Ordinal);
    private readonly Stack<(AsmSection Current, AsmSection? Previous, long CurrentSub, long PreviousSub)> _stack = new();

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

    /// <summary>The subsection of <see cref="Current"/> and of <see cref="Previous"/>.</summary>
    public long CurrentSubsection { get; private set; }
    public long PreviousSubsection { get; private set; }

    /// <summary>Checks the order subsections are filled in, and tells the mapping symbols about a new one.</summary>
    public SubsectionOrder Order { get; } = new();

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

    public void Switch(AsmSection section, long subsection = 0, SourceLocation? at = null)
    {
        if (ReferenceEquals(section, Current) && subsection == CurrentSubsection) return;
        var (left, leftSub) = (Current, CurrentSubsection);
        (Previous, PreviousSubsection) = (Current, CurrentSubsection);
        (Current, CurrentSubsection) = (section, subsection);
        Order.Switch(left, leftSub, Current, CurrentSubsection, at);
    }

    public void Push(AsmSection section, long subsection = 0, SourceLocation? at = null)
    {
        _stack.Push((Current, Previous, CurrentSubsection, PreviousSubsection));
        Switch(section, subsection, at);
    }

    public void Pop(SourceLocation at)
    {
        if (_stack.Count == 0) throw new AsmError(at, ".popsection without corresponding .pushsection");
        var (left, leftSub) = (Current, CurrentSubsection);
        (Current, Previous, CurrentSubsection, PreviousSubsection) = _stack.Pop();
        Order.Switch(left, leftSub, Current, CurrentSubsection, at);
    }

    public void SwapWithPrevious(SourceLocation at)
    {
        if (Previous is null) throw new AsmError(at, ".previous without corresponding .section");
        var (left, leftSub) = (Current, CurrentSubsection);
        (Current, Previous, CurrentSubsection, PreviousSubsection) = (Previous, Current, PreviousSubsection, CurrentSubsection);
        Order.Switch(left, leftSub, Current, CurrentSubsection, at);
    }

    /// <summary>.subsection N: another subsection of the current section.</summary>
    public void SwitchSubsection(long subsection, SourceLocation at) => Switch(Current, subsection, at);

    /// <summary>At the end of the input: the subsection being filled is checked like one that is left.</summary>
    public void FinishSubsections() => Order.Finish(Current, CurrentSubsection);

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
        new(All.Select(s => s.Location).ToArray(), Current, Previous, _stack.Reverse().ToArray(),
            CurrentSubsection, PreviousSubsection, Order.Save());

    /// <summary>Back to <paramref name="saved"/>; sections made since then start empty.</summary>
    public void Restore(SectionPositions saved)
    {
        for (int i = 0; i < All.Count; i++)
            All[i].Location = i < saved.Locations.Length ? saved.Locations[i] : 0;
        (Current, Previous) = (saved.Current, saved.Previous);
        (CurrentSubsection, PreviousSubsection) = (saved.CurrentSubsection, saved.PreviousSubsection);
        Order.Restore(saved.Order);
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
    (AsmSection Current, AsmSection? Previous, long CurrentSub, long PreviousSub)[] Stack,
    long CurrentSubsection, long PreviousSubsection, SubsectionOrder.State Order);
