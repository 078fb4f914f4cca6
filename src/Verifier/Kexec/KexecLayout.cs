namespace A64Asm.Verifier.Kexec;

/// <summary>
/// Where the blob expects kimage_start and kimage_head: byte offsets from its first instruction, as the linker
/// reports arm64_kexec_kimage_start_offset / _head_offset.
/// </summary>
public sealed record KexecLayout(ulong StartOffset, ulong HeadOffset);

/// <summary>How a generation of relocate_kernel.S receives its inputs.</summary>
public enum KexecConvention
{
    /// <summary>The 2015 series (the sample): machine_kexec writes start and head into the copy at the layout's offsets.</summary>
    PatchedOffsets,
    /// <summary>Head in x0, start in x1, DTB in x2; the code must pass the DTB on in x0.</summary>
    RegisterArguments,
    /// <summary>x0 points at a kimage structure; head, start and DTB are read at <see cref="KimageFieldOffsets"/>.</summary>
    KimageStructure,
}

/// <summary>Field offsets of the kimage structure for <see cref="KexecConvention.KimageStructure"/>.</summary>
public sealed record KimageFieldOffsets(ulong Head, ulong Start, ulong Dtb);
