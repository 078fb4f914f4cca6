using A64Asm.Verifier.Emulation;

namespace A64Asm.Verifier.Kexec;

/// <summary>A record so that a run can place the DTB and hand on the rest (<c>options with { DtbAddress = ... }</c>).</summary>
public sealed record VerifyOptions
{
    /// <summary>The kimage's page size: 4096, 16384 or 65536; must match the PAGE_SHIFT the blob was built with.</summary>
    public int PageSize { get; init; } = 4096;
    /// <summary>Pages of new kernel to relocate.</summary>
    public int Pages { get; init; } = 64;
    /// <summary>Seed for source addresses, contents and segment cuts.</summary>
    public ulong Seed { get; init; } = 1;
    /// <summary>SCTLR_ELx.C at entry, and the D-cache modelled with dirty lines the old kernel left over the destinations.
    /// Without <see cref="MmuOn"/> it changes no access: the Arm ARM makes every data access Device-nGnRnE (non-cacheable)
    /// while stage 1 translation is off and HCR_EL2.DC is 0, as the kernel leaves it; the cache still holds those old lines.</summary>
    public bool DataCache { get; init; }
    /// <summary>SCTLR_ELx.I at entry: instruction fetches are cacheable (Normal Write-Through with the MMU off, as the Arm ARM
    /// gives them when stage 1 is off), so lines written since the last I-cache invalidation may be fetched stale.</summary>
    public bool InstructionCache { get; init; }
    /// <summary>Both caches, as <c>--caches on|off</c> sets them (the state the review worries about).</summary>
    public bool Caches
    {
        get => DataCache && InstructionCache;
        init => (DataCache, InstructionCache) = (value, value);
    }
    /// <summary>Run with SCTLR.M set (identity-mapped Normal memory): with <see cref="DataCache"/>, stores become cacheable,
    /// the setting in which a copy must be cleaned to the PoC before the branch.</summary>
    public bool MmuOn { get; init; }
    /// <summary>A big-endian kernel (built with -EB): SCTLR_ELx.EE set, and the list entries and every value machine_kexec
    /// hands over stored big-endian. Instructions stay little-endian, as on every AArch64.</summary>
    public bool BigEndian { get; init; }
    /// <summary>Bound on executed instructions; 0 picks one from the page count.</summary>
    public long MaxSteps { get; init; }
    /// <summary>Wall-clock bound on the run, checked between slices of execution; null runs until the step bound.</summary>
    public TimeSpan? TimeLimit { get; init; }

    /// <summary>Most bytes of kimage (pages × page size) the command line builds: source and destination pages are
    /// both held in memory, and copying them takes seconds per hundred MiB.</summary>
    public const long MostKimageBytes = 256L << 20;

    /// <summary>Most instructions the command line lets a run ask for: about half a minute on a slow host, several
    /// times the bound picked for the largest kimage.</summary>
    public const long MostSteps = 1_000_000_000;
    /// <summary>Where the blob is placed (the kexec control page).</summary>
    public ulong ControlPageAddress { get; init; } = 0x7FF0_0000;
    public KimageShape Shape { get; init; } = KimageShape.Normal;
    public int Segments { get; init; } = 4;
    /// <summary>0 = the kernel's full indirection pages; small values force many indirection pages.</summary>
    public int EntriesPerIndirection { get; init; }
    public KexecConvention Convention { get; init; } = KexecConvention.PatchedOffsets;
    public KimageFieldOffsets? KimageFields { get; init; }
    /// <summary>With <see cref="KexecConvention.KimageStructure"/>: enter as v5.15 on does, at EL1 with the MMU on through
    /// the control page's identity map and the kernel's linear map (x0 is then the structure's linear-map address).
    /// Off: the MMU off, x0 physical, at <see cref="ExceptionLevel"/> (the rework as posted before v5.15).</summary>
    public bool KernelMapAtEntry { get; init; }
    /// <summary>With <see cref="KexecConvention.KimageStructure"/>: KIMAGE_ARCH_EL2_VECTORS is non-zero (the kernel ran at EL1 over
    /// the hyp stub), so the code leaves through <c>hvc #0</c> and the stub's soft restart; entered at EL1.</summary>
    public bool HypStub { get; init; }
    /// <summary>Why this convention was chosen, for the report (empty when the caller set it without saying).</summary>
    public string ConventionReason { get; init; } = "";
    /// <summary>Where the DTB lives for conventions that pass one.</summary>
    public ulong DtbAddress { get; init; } = 0x7FE0_0000;
    /// <summary>The exception level the code is entered at (kexec runs at EL2 when the kernel owns it).</summary>
    public int ExceptionLevel { get; init; } = 2;
    /// <summary>What executes the code (the result is the same; only the time differs).</summary>
    public ExecutionEngine Engine { get; init; } = ExecutionEngine.Blocks;
    /// <summary>A real kernel Image (and DTB, initrd) to relocate instead of generated pages; <see cref="Pages"/>,
    /// <see cref="Segments"/> and <see cref="Shape"/> then do not apply.</summary>
    public KexecPayload? Payload { get; init; }
    /// <summary>The control page's source lines, by offset in the image: findings at a PC inside the control page
    /// name their line.</summary>
    public ImageSourceLines? SourceLines { get; init; }
    /// <summary>ID registers, CTR_EL0 and friends of the CPU model.</summary>
    public CpuModel? Cpu { get; init; }

    internal long EffectiveMaxSteps(int pageSize) =>
        MaxSteps > 0 ? MaxSteps : 1_000_000 + (long)Math.Max(Pages, 1) * (pageSize / 64) * 32;
}
