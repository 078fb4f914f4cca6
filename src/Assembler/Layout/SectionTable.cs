using A64Asm.Assembler.Diagnostics;
using A64Asm.Assembler.Elf;

namespace A64Asm.Assembler.Layout;

/// <summary>The sections in creation order, the current one, and the .pushsection/.previous history.</summary>
/// <remarks>
/// Subsections (.subsection N, .text N, .data N, .pushsection name, N) are chains of their sections, joined in number
/// order as GNU as does (<see cref="SubsectionChains"/>).
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
        foreach (var section in All) section.ZeroEntered = true;
    }

    public List<AsmSection> All { get; } = new();

    /// <summary>Where .struct lays out: never written, not in <see cref="All"/>.</summary>
    public AsmSection Absolute { get; } = new("*ABS*", SectionKind.NoBits, SectionFlags.None) { IsAbsolute = true };
    public AsmSection Current { get; private set; }
    public AsmSection? Previous { get; private set; }

    /// <summary>The subsection of <see cref="Current"/> and of <see cref="Previous"/>.</summary>
    public long CurrentSubsection { get; private set; }
    public long PreviousSubsection { get; private set; }

    /// <summary>Where each subsection's chain starts, and which one each section is filling.</summary>
    internal SubsectionChains Chains { get; } = new();

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
        // GNU as makes the section left the previous one even when it is the one entered.
        if (ReferenceEquals(section, Current) && subsection == CurrentSubsection)
        {
            (Previous, PreviousSubsection) = (Current, CurrentSubsection);
            return;
        }
        Chains.Entering(subsection);
        (Previous, PreviousSubsection) = (Current, CurrentSubsection);
        (Current, CurrentSubsection) = (section, subsection);
        Enter(at);
    }

    public void Push(AsmSection section, long subsection = 0, SourceLocation? at = null)
    {
        Chains.Entering(subsection);
        _stack.Push((Current, Previous, CurrentSubsection, PreviousSubsection));
        Switch(section, subsection, at);
    }

    /// <returns>False (and nothing changes) when no .pushsection is open.</returns>
    public bool Pop(SourceLocation at)
    {
        if (_stack.Count == 0) return false;
        Chains.Entering(_stack.Peek().CurrentSub);
        (Current, Previous, CurrentSubsection, PreviousSubsection) = _stack.Pop();
        Enter(at);
        return true;
    }

    /// <returns>False (and nothing changes) when no section was current before this one.</returns>
    public bool SwapWithPrevious(SourceLocation at)
    {
        if (Previous is null) return false;
        Chains.Entering(PreviousSubsection);
        (Current, Previous, CurrentSubsection, PreviousSubsection) = (Previous, Current, PreviousSubsection, CurrentSubsection);
        Enter(at);
        return true;
    }

    private void Enter(SourceLocation? at)
    {
        if (CurrentSubsection == 0) Current.ZeroEntered = true;
        Chains.Move(Current, CurrentSubsection, at);
    }

    /// <summary>.subsection N: another subsection of the current section.</summary>
    public void SwitchSubsection(long subsection, SourceLocation at) => Switch(Current, subsection, at);

    /// <summary>The end of a pass (after its end-of-section literal pools): true when a subsection's chain started
    /// elsewhere than the chains before it ended, so another pass is needed.</summary>
    public bool EndPass() => Chains.EndPass();

    /// <summary>After the last pass: each section's '.' at its end, past its highest subsection.</summary>
    public void Join() => Chains.Join();

    /// <summary>Runs <paramref name="action"/> at the end of <paramref name="section"/>'s subsection
    /// <paramref name="subsection"/> (the literal pools left open there at the end of the input).</summary>
    public void RunIn(AsmSection section, long subsection, Action action)
    {
        var (current, previous, currentSub, previousSub) = (Current, Previous, CurrentSubsection, PreviousSubsection);
        long left = section.Subsection;
        Current = section;
        Chains.Move(section, subsection, null);
        try { action(); }
        finally
        {
            Chains.Move(section, left, null);
            (Current, Previous, CurrentSubsection, PreviousSubsection) = (current, previous, currentSub, previousSub);
        }
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
    public SectionPositions Save()
    {
        Chains.TailBegins(All);
        return new(All.Select(s => s.Location).ToArray(), Current, Previous, _stack.Reverse().ToArray(),
            CurrentSubsection, PreviousSubsection, All.Select(s => s.MarkedData).ToArray());
    }

    /// <summary>Back to <paramref name="saved"/>; sections made since then start empty.</summary>
    public void Restore(SectionPositions saved)
    {
        for (int i = 0; i < All.Count; i++)
        {
            All[i].Location = i < saved.Locations.Length ? saved.Locations[i] : 0;
            All[i].MarkedData = i < saved.MarkedData.Length && saved.MarkedData[i];
            Chains.Restart(All[i]);
        }
        (Current, Previous) = (saved.Current, saved.Previous);
        (CurrentSubsection, PreviousSubsection) = (saved.CurrentSubsection, saved.PreviousSubsection);
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
/// the .pushsection stack bottom first, and whether each section's last mark was data.</summary>
public sealed record SectionPositions(long[] Locations, AsmSection Current, AsmSection? Previous,
    (AsmSection Current, AsmSection? Previous, long CurrentSub, long PreviousSub)[] Stack,
    long CurrentSubsection, long PreviousSubsection, bool[] MarkedData);
