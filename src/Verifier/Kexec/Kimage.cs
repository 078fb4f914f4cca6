using A64Asm.Verifier.Emulation;

namespace A64Asm.Verifier.Kexec;

/// <summary>A kimage laid out in emulated memory: what the code is handed and what it must produce.</summary>
public sealed class Kimage
{
    public required ulong Head { get; init; }
    public required ulong Start { get; init; }
    public required int PageSize { get; init; }
    public required IReadOnlyList<Segment> Segments { get; init; }
    /// <summary>Every copy the list asks for, in list order.</summary>
    public required PageCopy[] Copies { get; init; }
    public required IReadOnlyList<ulong> IndirectionPages { get; init; }
    public required IReadOnlyList<ulong> GuardPages { get; init; }
    /// <summary>The list entries in order, as the code should walk them (indirection entries included).</summary>
    public required IReadOnlyList<ulong> Entries { get; init; }
}

/// <summary>What to build: page size, count, seed, shape and where things go.</summary>
public sealed class KimageSpec
{
    public int PageSize { get; init; } = 4096;
    public int Pages { get; init; } = 64;
    public ulong Seed { get; init; } = 1;
    public KimageShape Shape { get; init; } = KimageShape.Normal;
    /// <summary>How many destination segments to split the pages into (at most; fewer when pages are few).</summary>
    public int Segments { get; init; } = 4;
    /// <summary>Slots per indirection page; 0 = a full page of entries, as the kernel uses.</summary>
    public int EntriesPerIndirection { get; init; }
    public ulong DestinationBase { get; init; } = 0x8008_0000;
    public ulong SourceBase { get; init; } = 0x1_0000_0000;
    /// <summary>Byte every destination page holds before the copy, so a page never copied cannot pass by luck.</summary>
    public byte DestinationPoison { get; init; } = 0xDB;
    /// <summary>Entries stored big-endian, as a big-endian kernel writes them.</summary>
    public bool BigEndian { get; init; }
}
