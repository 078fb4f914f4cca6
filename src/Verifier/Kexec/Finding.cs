namespace A64Asm.Verifier.Kexec;

/// <summary>
/// One thing a reviewer would write in the margin: <paramref name="Id"/> names the check (stable, for tools and
/// tests), <paramref name="Summary"/> says what happened, <paramref name="Pc"/>/<paramref name="Instruction"/>
/// where, and <paramref name="Why"/> why it matters for kexec.
/// </summary>
public sealed record Finding(string Id, string Summary, ulong? Pc, string? Instruction, string Why)
{
    /// <summary>The source line at <see cref="Pc"/>, when the run knows the image's lines (<see cref="ImageSourceLines"/>).</summary>
    public SourceRef? Source { get; init; }

    public override string ToString()
    {
        string where = Pc is { } pc ? $" at 0x{pc:x}" + (Instruction is null ? "" : $" ({Instruction})") : "";
        string source = Source is null ? "" : $"\n    source: {Source}";
        return $"[{Id}]{where}: {Summary}{source}\n    why: {Why}";
    }
}

/// <summary>The finding ids, in one place so tests and tools agree on spelling.</summary>
public static class FindingIds
{
    public const string BootProtocol = "boot-protocol-x1-x3";
    public const string BootProtocolDtb = "boot-protocol-x0-dtb";
    public const string MmuOnAtBranch = "mmu-on-at-branch";
    public const string PageMismatch = "page-mismatch";
    public const string StrayStore = "stray-store";
    public const string DcacheDirtyAtBranch = "dcache-dirty-at-branch";
    public const string DcacheDiscarded = "dcache-discarded-write";
    public const string IcacheStale = "icache-stale";
    public const string Fault = "fault";
    public const string StepLimit = "step-limit";
    public const string Timeout = "timeout";
    public const string KimageOffset = "kimage-offset";
    public const string WrongEntry = "wrong-entry";
    public const string Trap = "trap";
    public const string ImagePageSize = "image-page-size";
    public const string ImageEndianness = "image-endianness";
    public const string DtbMagic = "boot-protocol-x0-fdt-magic";
}
