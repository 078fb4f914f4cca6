namespace A64Asm.Linker;

/// <summary>A global symbol an input section defines, with its final value.</summary>
public sealed record MapSymbol(string Name, ulong Value);

/// <summary>An input section at its place in an output section, or (<see cref="Fill"/> set) the padding before one:
/// the fill pattern as ld prints it ("1f2003d5" for NOPs, "" for zeros).</summary>
public sealed record MapInput(string Section, string Object, ulong Address, ulong Size, IReadOnlyList<MapSymbol> Symbols, string? Fill = null);

/// <summary>An output section with the inputs it holds, in address order.</summary>
public sealed record MapOutput(string Name, ulong Address, ulong Size, IReadOnlyList<MapInput> Inputs);

/// <summary>An archive member the link pulled in, and the reference that pulled it (ld's first map table).</summary>
public sealed record MapArchiveMember(string Member, string ReferencedBy, string Symbol);

/// <summary>What a link map shows: archive members pulled in, --defsym values, the files loaded and the layout.</summary>
public sealed record LinkMapData(
    IReadOnlyList<MapArchiveMember> ArchiveMembers,
    IReadOnlyList<(Defsym Defsym, ulong Value)> Defsyms,
    IReadOnlyList<string> Loaded,
    IReadOnlyList<MapOutput> Outputs)
{
    /// <summary>Allocated input sections left out (--gc-sections, /DISCARD/), at address 0 as ld lists them.</summary>
    public IReadOnlyList<MapInput> Discarded { get; init; } = [];

    public bool BigEndian { get; init; }
}
