using A64Asm.Verifier.Emulation;

namespace A64Asm.Verifier.Kexec;

/// <summary>Where the segments of a real payload were placed.</summary>
public sealed record PayloadPlacement(Kimage Kimage, ulong KernelAddress, ulong? InitrdAddress, ulong? DtbAddress)
{
    /// <summary>One line for the report.</summary>
    public string Describe(KexecPayload payload)
    {
        var parts = new List<string> { $"kernel Image at 0x{KernelAddress:x} (text_offset 0x{payload.Header.TextOffset:x}, image_size 0x{payload.Header.ImageSize:x})" };
        if (InitrdAddress is { } i) parts.Add($"initrd at 0x{i:x} (0x{payload.Initrd!.Length:x} bytes)");
        if (DtbAddress is { } d) parts.Add($"dtb at 0x{d:x} (0x{payload.Dtb!.Length:x} bytes)");
        return string.Join(", ", parts);
    }
}

/// <summary>
/// Builds the kimage for a real kernel, DTB and initrd as kexec-tools lays out the segments and the kernel's
/// kimage_load_segment turns them into a list: the kernel at a 2 MiB-aligned base plus the header's text_offset,
/// image_size bytes of it (past the end of the file, zeros: the kernel's BSS); then, each page-aligned after the
/// previous one, the initrd and the DTB. Their bytes wait in source pages scattered at random (seeded) physical
/// addresses, as pages the kernel allocated one by one; the list is written with the same IND_* entries and
/// indirection pages as <see cref="KimageBuilder"/>.
/// </summary>
public static class PayloadKimageBuilder
{
    /// <summary>The 2 MiB-aligned base of RAM the kernel is placed at; above the struct kimage the harness hands over.</summary>
    public const ulong KernelBase = 0x8020_0000;
    /// <summary>Where the source pages are drawn from (at random, in a region twice their size).</summary>
    public const ulong SourceBase = 0x1_0000_0000;

    public static PayloadPlacement Build(PhysicalMemory memory, KexecPayload payload, VerifyOptions options)
    {
        int page = options.PageSize;
        ulong pageSize = (ulong)page;
        // Bounded before any sum, so a hostile header cannot wrap the arithmetic below.
        if (payload.Header.TextOffset > VerifyOptions.MostKimageBytes || payload.Header.ImageSize > VerifyOptions.MostKimageBytes)
            throw new InvalidPayloadException(
                $"Image: text_offset 0x{payload.Header.TextOffset:x} and image_size 0x{payload.Header.ImageSize:x}: the verifier places kernels of at most {VerifyOptions.MostKimageBytes >> 20} MiB, at most that far from their base");
        ulong kernelAt = KernelBase + payload.Header.TextOffset;
        if (kernelAt % pageSize != 0)
            throw new InvalidPayloadException(
                $"Image: text_offset 0x{payload.Header.TextOffset:x} is not a multiple of the {page / 1024}K page size: the kernel cannot start at a page of the kimage");

        // A guard page after every segment: the next one starts a page later, so a store past the end is caught.
        var segments = new List<(ulong Address, byte[] Bytes, ulong MemorySize)>
        {
            (kernelAt, payload.Kernel, payload.Header.ImageSize),
        };
        ulong next = AlignUp(kernelAt + payload.Header.ImageSize, pageSize) + pageSize;
        ulong? initrdAt = null, dtbAt = null;
        if (payload.Initrd is { } initrd)
        {
            initrdAt = next;
            segments.Add((next, initrd, (ulong)initrd.Length));
            next = AlignUp(next + (ulong)initrd.Length, pageSize) + pageSize;
        }
        if (payload.Dtb is { } dtb)
        {
            dtbAt = next;
            segments.Add((next, dtb, (ulong)dtb.Length));
        }

        ulong total = segments.Aggregate(0UL, (sum, s) => sum + AlignUp(s.MemorySize, pageSize));
        if (total > VerifyOptions.MostKimageBytes)
            throw new InvalidPayloadException(
                $"Image: image_size 0x{payload.Header.ImageSize:x} makes, with the initrd and DTB, a 0x{total:x}-byte kimage, over the {VerifyOptions.MostKimageBytes >> 20} MiB the verifier builds");
        int pages = (int)(total / pageSize);
        int capacity = page / 8;
        int indirectionPages = (pages + segments.Count + 1) / (capacity - 1) + 2;
        ulong rng = Xorshift.Mix(options.Seed, 0xB007);
        var randomPages = KimageBuilder.RandomPageAddresses(SourceBase, pageSize, pages + indirectionPages, ref rng);
        int framesPerPage = page / PhysicalMemory.FrameSize;
        memory.Reserve((pages * 2 + indirectionPages + segments.Count * 2) * framesPerPage);
        memory.Poison = 0xDB;

        var copies = new PageCopy[pages];
        var layoutSegments = new List<Segment>();
        var guards = new List<ulong>();
        var logical = new List<ulong>(pages + segments.Count + 1);
        int n = 0;
        foreach (var (address, bytes, memorySize) in segments)
        {
            int segmentPages = (int)(AlignUp(memorySize, pageSize) / pageSize);
            layoutSegments.Add(new Segment(address, segmentPages));
            logical.Add(address | KimageEntry.Destination);
            guards.Add(address - pageSize);
            guards.Add(address + (ulong)segmentPages * pageSize);
            for (int i = 0; i < segmentPages; i++, n++)
            {
                copies[n] = new PageCopy(address + (ulong)i * pageSize, randomPages[n]);
                PlaceSource(memory, copies[n].Source, bytes, i * page, page);
                for (int f = 0; f < framesPerPage; f++)
                    memory.MapDeferred(copies[n].Destination + (ulong)f * PhysicalMemory.FrameSize, FrameRole.Destination, FrameFill.Poison);
                logical.Add(copies[n].Source | KimageEntry.Source);
            }
        }
        foreach (var g in guards.Distinct())
            if (!memory.IsMapped(g)) memory.Map(g, pageSize, FrameRole.Guard);

        var entries = new List<ulong>(pages + segments.Count + indirectionPages + 2);
        var indirections = new List<ulong>();
        ulong head = KimageBuilder.WriteList(memory, logical, capacity, page, new Queue<ulong>(randomPages.Skip(pages)),
            chained: false, entries, indirections, options.BigEndian);
        var kimage = new Kimage
        {
            Head = head,
            Start = kernelAt,
            PageSize = page,
            Segments = layoutSegments,
            Copies = copies,
            IndirectionPages = indirections,
            GuardPages = guards.Distinct().ToList(),
            Entries = entries,
        };
        return new PayloadPlacement(kimage, kernelAt, initrdAt, dtbAt);
    }

    /// <summary>
    /// A source page holding bytes [offset, offset + page) of the file, zeros past its end. The bytes are written while
    /// the frames are plain RAM, so they get storage of their own: source frames that are still only a fill are
    /// released and regenerated by the memory's rings, which would lose file contents (zeros regenerate as zeros).
    /// </summary>
    private static void PlaceSource(PhysicalMemory memory, ulong at, byte[] bytes, int offset, int page)
    {
        memory.Map(at, (ulong)page, FrameRole.Ram);
        if (offset < bytes.Length)
            memory.Write(at, bytes.AsSpan(offset, Math.Min(page, bytes.Length - offset)));
        memory.Map(at, (ulong)page, FrameRole.Source);
    }

    private static ulong AlignUp(ulong value, ulong alignment) => (value + alignment - 1) & ~(alignment - 1);
}
