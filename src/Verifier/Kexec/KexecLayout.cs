namespace A64Asm.Verifier.Kexec;

/// <summary>
/// Where the blob expects kimage_start and kimage_head: byte offsets from its first instruction, as the linker
/// reports arm64_kexec_kimage_start_offset / _head_offset (or the places of the patched globals).
/// </summary>
public sealed record KexecLayout(ulong StartOffset, ulong HeadOffset)
{
    /// <summary>Where the blob expects the DTB address, when its generation passes one this way; the new kernel then gets it in x0.</summary>
    public ulong? DtbOffset { get; init; }
}

/// <summary>How a generation of relocate_kernel.S receives its inputs from machine_kexec.</summary>
public enum KexecConvention
{
    /// <summary>patched-quads, the 2015/16 series (the sample): machine_kexec writes start and head into the copy at the layout's offsets.</summary>
    PatchedOffsets,
    /// <summary>regs-dtb, v5.0 to v5.14: head in x0, start in x1, DTB in x2; the code keeps the DTB (in x18) and passes it on in x0.</summary>
    RegisterArguments,
    /// <summary>kimage-struct, the rework merged in v5.15: x0 points at a struct kimage; head, start, DTB and the arch fields are
    /// read at <see cref="KimageFieldOffsets"/>. From v5.15 entered at EL1 with the MMU on (<see cref="VerifyOptions.KernelMapAtEntry"/>);
    /// the code turns the MMU off itself.</summary>
    KimageStructure,
    /// <summary>regs, v4.8 to v4.20: head in x0, start in x1, x2 zero; no DTB is handed over (purgatory loads it), x0-x3 are zero at the branch.</summary>
    RegisterArgumentsWithoutDtb,
    /// <summary>patched-globals, the 2014 postings and vendor trees: as <see cref="PatchedOffsets"/>, the quads found by their
    /// global symbols (kexec_kimage_head, arm64_kexec_dtb_addr, ...) inside the copied code.</summary>
    PatchedGlobals,
    /// <summary>spin-table, the 2014 postings that moved secondary CPUs: as <see cref="PatchedGlobals"/>, and every CPU enters
    /// the code, which first claims a lock word in the control page (<see cref="SpinTableLock"/>); the store that claims it
    /// is expected there. Only the boot CPU is run.</summary>
    SpinTable,
}

/// <summary>
/// Field offsets of struct kimage for <see cref="KexecConvention.KimageStructure"/>, as asm-offsets.h gives them
/// (KIMAGE_HEAD, KIMAGE_START, KIMAGE_ARCH_DTB_MEM, and the KIMAGE_ARCH_* fields v5.15 on reads). Fields a
/// generation does not read may be left out; the structure holds zeros there.
/// </summary>
public sealed record KimageFieldOffsets(ulong Head, ulong Start, ulong DtbMem)
{
    public ulong? El2Vectors { get; init; }
    public ulong? ZeroPage { get; init; }
    public ulong? PhysOffset { get; init; }
    public ulong? Ttbr1 { get; init; }

    /// <summary>Every given field as (asm-offsets name, offset).</summary>
    public IEnumerable<(string Name, ulong Offset)> Given()
    {
        yield return (KimageFieldNames.Head, Head);
        yield return (KimageFieldNames.Start, Start);
        yield return (KimageFieldNames.DtbMem, DtbMem);
        if (El2Vectors is { } e) yield return (KimageFieldNames.El2Vectors, e);
        if (ZeroPage is { } z) yield return (KimageFieldNames.ZeroPage, z);
        if (PhysOffset is { } p) yield return (KimageFieldNames.PhysOffset, p);
        if (Ttbr1 is { } t) yield return (KimageFieldNames.Ttbr1, t);
    }
}
