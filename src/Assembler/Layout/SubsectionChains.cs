using A64Asm.Assembler.Diagnostics;

namespace A64Asm.Assembler.Layout;

/// <summary>
/// Subsections as GNU as lays them out: each (section, number) is a chain of its own, filled in input order, and a
/// section is its chains joined in number order (negative numbers first). Each chain is written at its final place:
/// it starts where the chains numbered below it ended in the previous pass. The first nonzero subsection entered
/// begins the tail (TailPasses), so subsection 0 before it is laid out once at offset 0, and the passes over the
/// tail repeat until no chain starts elsewhere than the last pass put it. Sections that never leave subsection 0
/// have no entry here and pay only a number comparison per section switch.
/// </summary>
internal sealed class SubsectionChains
{
    /// <summary>One subsection of one section in the current pass.</summary>
    private sealed class Chain(long start)
    {
        public long Start { get; } = start;
        public long End { get; set; } = start;
        public LiteralPool OpenPool { get; set; } = new();
    }

    /// <summary>A section with subsections: its chains in this pass and their sizes in the previous one.</summary>
    private sealed class SectionChains
    {
        public SortedDictionary<long, Chain> Chains { get; } = new();
        public SortedDictionary<long, long> PreviousSizes { get; } = new();
        public SourceLocation? NegativeAt { get; set; }
    }

    private readonly Dictionary<AsmSection, SectionChains> _sections = new(ReferenceEqualityComparer.Instance);
    // Sections whose subsection 0 got bytes or labels before the tail began: laid out from offset 0 for good.
    private readonly HashSet<AsmSection> _fixedFront = new(ReferenceEqualityComparer.Instance);

    /// <summary>The tail begins: what each section holds now stays where it is.</summary>
    public void TailBegins(IEnumerable<AsmSection> sections)
    {
        foreach (var section in sections)
            if (section.Location > 0 || section.LabelledAtStart)
                _fixedFront.Add(section);
    }

    /// <summary>Called the first time a nonzero subsection is entered, before anything changes: the tail begins.</summary>
    public Action? FirstNonzero { get; set; }

    /// <summary>Before <paramref name="section"/>'s subsection <paramref name="subsection"/> becomes current: the tail
    /// begins at the statement doing it, the first time a nonzero subsection is entered.</summary>
    public void Entering(long subsection)
    {
        if (subsection != 0 && _sections.Count == 0)
            FirstNonzero?.Invoke();
    }

    /// <summary>Moves <paramref name="section"/>'s location counter (and open literal pool) to the end of its
    /// chain <paramref name="subsection"/> in this pass.</summary>
    public void Move(AsmSection section, long subsection, SourceLocation? at)
    {
        if (section.Subsection == subsection || section.IsAbsolute) return;
        if (!_sections.TryGetValue(section, out var chains))
        {
            chains = new SectionChains();
            _sections[section] = chains;
        }
        // Subsection 0 of a section never entered with it has no chain (as in GNU as, whose end-of-list marks see it).
        if (chains.Chains.Count == 0 && (section.Subsection != 0 || section.ZeroEntered))
            chains.Chains[section.Subsection] = new Chain(StartOf(chains, section.Subsection));
        if (chains.Chains.TryGetValue(section.Subsection, out var left))
        {
            left.End = section.Location;
            left.OpenPool = section.OpenPool;
        }
        if (!chains.Chains.TryGetValue(subsection, out var entered))
        {
            entered = new Chain(StartOf(chains, subsection));
            chains.Chains[subsection] = entered;
            if (subsection < 0) chains.NegativeAt ??= at;
        }
        section.Subsection = subsection;
        section.Location = entered.End;
        section.OpenPool = entered.OpenPool;
    }

    // Where a chain starts: after the chains numbered below it, at the sizes of the previous pass (in the first pass,
    // at what they hold so far).
    private static long StartOf(SectionChains chains, long subsection)
    {
        long start = 0;
        foreach (var number in chains.PreviousSizes.Keys.Union(chains.Chains.Keys))
        {
            if (number >= subsection) continue;
            if (chains.PreviousSizes.TryGetValue(number, out long size)) start += size;
            else start += chains.Chains[number].End - chains.Chains[number].Start;
        }
        return start;
    }

    /// <summary>The open literal pool of every chain, lowest-numbered first within a section; each is replaced by an
    /// empty one. Sections without subsections are the caller's.</summary>
    public IEnumerable<(long Subsection, LiteralPool Pool)> TakeOpenPools(AsmSection section)
    {
        if (!_sections.TryGetValue(section, out var chains)) yield break;
        if (chains.Chains.TryGetValue(section.Subsection, out var current))
            current.OpenPool = section.OpenPool;
        foreach (var (number, chain) in chains.Chains.ToList())
        {
            if (chain.OpenPool.IsEmpty) continue;
            yield return (number, chain.OpenPool);
            chain.OpenPool = new LiteralPool();
            if (number == section.Subsection) section.OpenPool = chain.OpenPool;
        }
    }

    /// <summary>The end of a pass: each chain's size is kept for the next; true when some chain started elsewhere
    /// than those sizes put it (another pass is needed).</summary>
    public bool EndPass()
    {
        bool moved = false;
        foreach (var (section, chains) in _sections)
        {
            if (!chains.Chains.TryGetValue(section.Subsection, out var current)) continue;
            current.End = section.Location;
            long start = 0;
            foreach (var (number, chain) in chains.Chains)
            {
                if (chain.Start != start) moved = true;
                if (number == 0 && start != 0 && _fixedFront.Contains(section))
                    throw new AsmError(chains.NegativeAt, $"a negative subsection of {section.Name} comes before what its " +
                                                          "subsection 0 got before any other subsection was used, and a64asm has laid those out at offset 0");
                start += chain.End - chain.Start;
            }
            chains.PreviousSizes.Clear();
            foreach (var (number, chain) in chains.Chains)
                chains.PreviousSizes[number] = chain.End - chain.Start;
        }
        return moved;
    }

    /// <summary>A pass over the tail begins: the section is in subsection 0 again, at its place where the tail began,
    /// counted from the start of subsection 0 (after the negative ones).</summary>
    public void Restart(AsmSection section)
    {
        if (!_sections.TryGetValue(section, out var chains)) return;
        chains.Chains.Clear();
        section.Subsection = 0;
        if (!section.ZeroEntered) return;
        long start = StartOf(chains, 0);
        chains.Chains[0] = new Chain(start) { End = start + section.Location };
        section.Location = start + section.Location;
    }

    /// <summary>After the last pass: each section's '.' at its end (the end of its highest chain), where what the
    /// assembler adds after the input goes.</summary>
    public void Join()
    {
        foreach (var (section, chains) in _sections)
        {
            if (!chains.Chains.TryGetValue(section.Subsection, out var current)) continue;
            current.End = section.Location;
            current.OpenPool = section.OpenPool;
            var (last, chain) = chains.Chains.Last();
            section.Subsection = last;
            section.Location = chain.End;
            section.OpenPool = chain.OpenPool;
        }
    }

    /// <summary>Where the lowest-numbered subsection of each section with more than one ends (after <see cref="Join"/>),
    /// sections in <paramref name="order"/> (GNU as finishes them in the order they were made).</summary>
    public IEnumerable<(AsmSection Section, long Lowest, long End)> EndsOfLowest(IEnumerable<AsmSection> order) =>
        from section in order
        where _sections.TryGetValue(section, out var chains) && chains.Chains.Count > 1
        let lowest = _sections[section].Chains.First()
        select (section, lowest.Key, lowest.Value.End);
}
