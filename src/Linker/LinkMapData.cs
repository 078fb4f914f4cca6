namespace A64Asm.Linker;

/// <summary>A global symbol an input section defines, with its final value.</summary>
public sealed record MapSymbol(string Name, ulong Value);

/// <summary>An input section at its place in an output section, or (<see cref="Fill"/> set) the padding before one:
/// the fill pattern as ld prints it ("1f2003d5" for NOPs, "" for zeros).</summary>
public sealed record MapInput(string Section, string Object, ulong Address, ulong Size, IReadOnlyList<MapSymbol> Symbols, string? Fill = null)
{
    /// <summary>Set for a script's assignment inside an output section: its text as ld prints it ("tail = .");
    /// <see cref="Address"/> is the value assigned.</summary>
    public string? Assignment { get; init; }

    /// <summary>A PROVIDE the link did not need: ld lists it as "[!provide]" without a value.</summary>
    public bool NotProvided { get; init; }

    internal Input.InputSection? Source { get; init; }
}

/// <summary>An output section with the inputs it holds, in address order.</summary>
public sealed record MapOutput(string Name, ulong Address, ulong Size, IReadOnlyList<MapInput> Inputs)
{
    /// <summary>Set for a script's assignment between output sections (". = 0x1000"); <see cref="Address"/> is its value.</summary>
    public string? Assignment { get; init; }

    /// <summary>A PROVIDE the link did not need: ld lists it as "[!provide]" without a value.</summary>
    public bool NotProvided { get; init; }
}

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

    /// <summary>-Ttext=, -Tdata=, --section-start: "Address of section NAME set to ADDR", in command-line order.</summary>
    public IReadOnlyList<(string Section, ulong Address)> SectionStarts { get; init; } = [];

    /// <summary>ld lists the files loaded after the layout when a script (-T) lays it out, before it otherwise.</summary>
    public bool LoadedAfterLayout { get; init; }
}
