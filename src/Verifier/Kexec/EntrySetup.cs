using A64Asm.Verifier.Emulation;

namespace A64Asm.Verifier.Kexec;

/// <summary>
/// What machine_kexec does before jumping to the control page: copy the blob there, hand it head and start
/// (by patching, in registers, or through a kimage structure), and leave the other registers as they were.
/// </summary>
internal sealed class EntrySetup(Machine machine, Kimage kimage, VerifyOptions options)
{
    // x1-x3 as the review's WARNING showed them: whatever the old kernel left behind.
    private static readonly ulong[] LeftoverX1ToX3 = [0x8000_8000, 0x20, 0x20];
    private const ulong KimageStructureOffset = 0x10_0000;
    private const ulong KimageStructureSize = 0x2000;
    /// <summary>PAGE_OFFSET of a 48-bit kernel: the linear map's VA of physical address 0.</summary>
    public const ulong LinearMapBase = 0xFFFF_0000_0000_0000;
    /// <summary>A physical address for __hyp_stub_vectors (the stub is modelled, not run).</summary>
    private const ulong HypStubVectors = 0x4008_0800;

    /// <summary>
    /// Copies the blob to the control page. <paramref name="icacheInvalidated"/>: machine_kexec invalidated the
    /// I-cache over the copy (flush_icache_range from v4.8, icache_inval_pou from v5.15); the 2014-16 postings did
    /// not, which is what the review of the sample worried about.
    /// </summary>
    public void PlaceBlob(ReadOnlySpan<byte> image, bool icacheInvalidated = false)
    {
        ulong at = options.ControlPageAddress;
        if ((at & (PhysicalMemory.FrameSize - 1)) != 0) throw new ArgumentException("the control page address must be 4K aligned");
        var memory = machine.Memory;
        ulong length = Math.Max((ulong)image.Length, 4096);
        memory.Map(at, length, FrameRole.Control);
        memory.Write(at, image);
        // machine_kexec copied the code with the D-cache cleaned but the I-cache never invalidated: with SCTLR.I
        // set, fetches from these lines may hit what the I-cache held before.
        for (ulong a = at; a < at + length; a += PhysicalMemory.FrameSize)
            memory.IStaleLines(memory.FrameIndexOf(a)) = machine.Cpu.InstructionCacheOn && !icacheInvalidated ? ~0UL : 0;

        ulong rng = options.Seed ^ 0x5EED;
        for (int r = 0; r < 31; r++) machine.Cpu.X[r] = Xorshift.Next(ref rng) | 1;   // never zero by luck
        for (int r = 1; r <= 3; r++) machine.Cpu.X[r] = LeftoverX1ToX3[r - 1];
        machine.Cpu.Sp = at + length;
        machine.Cpu.Pc = at;
    }

    public void PatchOffsets(ReadOnlySpan<byte> image, KexecLayout layout, List<Finding> findings)
    {
        Patch(image, layout.StartOffset, kimage.Start, "kimage_start", findings);
        Patch(image, layout.HeadOffset, kimage.Head, "kimage_head", findings);
        if (layout.DtbOffset is { } dtb)
            Patch(image, dtb, options.DtbAddress, "dtb", findings);
    }

    private void Patch(ReadOnlySpan<byte> image, ulong offset, ulong value, string what, List<Finding> findings)
    {
        const string why = "machine_kexec writes image->start and image->head at these offsets; if they do not name the blob's "
            + "zeroed .quad slots, the code reads garbage and overwrites one of its own words.";
        // Not offset + 8: a hostile offset near 2^64 would wrap past the check.
        if (offset % 8 != 0 || (ulong)image.Length < 8 || offset > (ulong)image.Length - 8)
        {
            findings.Add(new Finding(FindingIds.KimageOffset,
                $"the {what} offset 0x{offset:x} is not an aligned 8-byte slot inside the {image.Length}-byte blob", null, null, why));
            return;
        }
        ulong current = BitConverter.ToUInt64(image.Slice((int)offset, 8));
        ulong address = options.ControlPageAddress + offset;
        if (current != 0)
            findings.Add(new Finding(FindingIds.KimageOffset,
                $"the {what} offset 0x{offset:x} points at 0x{current:x16}, not at a zeroed slot: patching it overwrites code or data",
                address, machine.Describe(address), why));
        WriteQuad(address, value);
    }

    /// <summary>A value machine_kexec stores: in the kernel's byte order.</summary>
    private void WriteQuad(ulong address, ulong value) =>
        machine.Memory.WriteUInt64(address, options.BigEndian ? System.Buffers.Binary.BinaryPrimitives.ReverseEndianness(value) : value);

    /// <summary>cpu_soft_restart's registers: head in x0, start in x1, and the DTB in x2 from v5.0 (zero before).</summary>
    public void PassInRegisters(bool withDtb)
    {
        machine.Cpu.X[0] = kimage.Head;
        machine.Cpu.X[1] = kimage.Start;
        machine.Cpu.X[2] = withDtb ? options.DtbAddress : 0;
    }

    /// <summary>
    /// The rework merged in v5.15: x0 = a struct kimage. Its fields are written at the given offsets, zeros elsewhere;
    /// EL2 vectors are zero (the kernel ran at EL1, the code ends with br). With <see cref="VerifyOptions.KernelMapAtEntry"/>
    /// x0 is the structure's linear-map address, read through TTBR1 with the MMU on, and the MMU shows what
    /// <see cref="KernelAddressMap"/> describes: the control page identity-mapped, the linear map at
    /// <see cref="LinearMapBase"/> while TTBR1 holds the kernel's tables or the copy KIMAGE_ARCH_TTBR1 names.
    /// Without it x0 is physical and the MMU off.
    /// </summary>
    public void PassKimageStructure(List<Finding> findings)
    {
        var fields = options.KimageFields ?? throw new ArgumentException("the kimage-structure convention needs KimageFields");
        ulong at = options.ControlPageAddress + KimageStructureOffset;
        var memory = machine.Memory;
        memory.Map(at, KimageStructureSize, FrameRole.Handover);
        ulong zeroPage = at + KimageStructureSize;
        memory.Map(zeroPage, PhysicalMemory.FrameSize, FrameRole.Handover);
        // Table addresses the map recognises in TTBR1; nothing is stored there, no walk reads them.
        ulong linearCopy = zeroPage + PhysicalMemory.FrameSize, kernelTables = linearCopy + PhysicalMemory.FrameSize;
        bool mapped = options.KernelMapAtEntry;
        ulong physOffset = mapped ? unchecked(0 - LinearMapBase) : 0;   // PA - VA, as machine_kexec computes it
        var values = new Dictionary<string, ulong>
        {
            [KimageFieldNames.Head] = kimage.Head,
            [KimageFieldNames.Start] = kimage.Start,
            [KimageFieldNames.DtbMem] = options.DtbAddress,
            [KimageFieldNames.El2Vectors] = options.HypStub ? HypStubVectors : 0,
            [KimageFieldNames.ZeroPage] = zeroPage,
            [KimageFieldNames.PhysOffset] = physOffset,
            [KimageFieldNames.Ttbr1] = linearCopy,
        };
        foreach (var (name, offset) in fields.Given())
        {
            if (offset % 8 != 0 || offset > KimageStructureSize - 8)
            {
                findings.Add(new Finding(FindingIds.KimageOffset, $"{name} = 0x{offset:x} is not an aligned 8-byte field inside the {KimageStructureSize}-byte struct kimage the verifier builds",
                    null, null, "the field offsets come from asm-offsets.h of the same build: a wrong one makes the code read another field."));
                continue;
            }
            WriteQuad(at + offset, values[name]);
        }
        machine.Cpu.X[0] = at;
        if (!mapped) return;
        machine.KernelMap = new KernelAddressMap
        {
            PhysOffset = physOffset,
            LinearTables = new HashSet<ulong> { kernelTables, linearCopy },
            IdentityMapped = va => memory.RoleOf(va) == FrameRole.Control,
        };
        machine.Cpu.Sys[SystemRegisters.TTBR1_EL1] = kernelTables;
        // Only EL1 runs with the MMU on: the hyp stub at EL2 never turned it on.
        machine.Cpu.Sys[SystemRegisters.SCTLR_EL2] &= ~1UL;
        machine.FlushTlb();
        machine.Cpu.X[0] = unchecked(at + LinearMapBase);
    }
}
