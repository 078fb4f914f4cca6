namespace A64Asm.Verifier.Kexec;

/// <summary>The flag bits of a kimage entry (include/linux/kexec.h): a page address with its low bits as flags.</summary>
public static class KimageEntry
{
    public const ulong Destination = 1 << 0;
    public const ulong Indirection = 1 << 1;
    public const ulong Done = 1 << 2;
    public const ulong Source = 1 << 3;
}

/// <summary>The shapes of list the harness can build, including the edge cases a relocation loop must survive.</summary>
public enum KimageShape
{
    /// <summary>As kimage_add_entry builds it: head is an indirection, entries spill into further indirection pages.</summary>
    Normal,
    /// <summary>Nothing to copy: head is IND_DONE.</summary>
    Empty,
    /// <summary>One destination, one source page.</summary>
    SinglePage,
    /// <summary>Head is an indirection whose first entry is at once another indirection.</summary>
    ChainedIndirection,
}

/// <summary>One page the code must copy: destination and source physical addresses.</summary>
public readonly record struct PageCopy(ulong Destination, ulong Source);

/// <summary>A run of contiguous destination pages, announced by one IND_DESTINATION entry.</summary>
public readonly record struct Segment(ulong Address, int Pages);
