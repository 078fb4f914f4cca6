using A64Asm.Verifier.Emulation;

namespace A64Asm.Verifier.Kexec;

/// <summary>
/// Builds a kimage the way kimage_add_entry/kimage_terminate do: head is an indirection entry, entries fill an
/// indirection page up to its last slot, which links to the next one, and IND_DONE ends the list. Source and
/// indirection pages sit at random (seeded) physical addresses; destinations form non-contiguous segments with
/// guard pages between them, so a store past the end of a segment lands somewhere it is noticed.
/// </summary>
public static class KimageBuilder
{
    public static Kimage Build(PhysicalMemory memory, KimageSpec spec)
    {
        int page = spec.PageSize;
        if (page is not (4096 or 16384 or 65536)) throw new ArgumentException("page size must be 4K, 16K or 64K", nameof(spec));
        int pages = spec.Shape switch { KimageShape.Empty => 0, KimageShape.SinglePage => 1, _ => Math.Max(1, spec.Pages) };
        ulong rng = Xorshift.Mix(spec.Seed, 0xC0FFEE);

        var segments = SplitIntoSegments(pages, spec.Shape == KimageShape.SinglePage ? 1 : spec.Segments, ref rng);
        var (destinations, layoutSegments, guards) = PlaceDestinations(segments, spec.DestinationBase, (ulong)page, ref rng);

        int capacity = spec.EntriesPerIndirection > 1 ? Math.Min(spec.EntriesPerIndirection, page / 8) : page / 8;
        int indirectionPages = pages == 0 ? 0 : (pages + layoutSegments.Count + 1) / (capacity - 1) + 2
            + (spec.Shape == KimageShape.ChainedIndirection ? 1 : 0);
        var randomPages = RandomPageAddresses(spec.SourceBase, (ulong)page, pages + indirectionPages, ref rng);

        int framesPerPage = page / PhysicalMemory.FrameSize;
        memory.Reserve((pages * 2 + indirectionPages + guards.Count) * framesPerPage);
        var copies = new PageCopy[pages];
        for (int i = 0; i < pages; i++) copies[i] = new PageCopy(destinations[i], randomPages[i]);
        FillPages(memory, copies, page, spec);
        foreach (var g in guards) memory.Map(g, (ulong)page, FrameRole.Guard);

        // Sized up front: growing a list of a quarter million entries copies it into fresh memory several times.
        var entries = new List<ulong>(pages + layoutSegments.Count + indirectionPages + 2);
        ulong head = KimageEntry.Done;
        var indirections = new List<ulong>();
        if (pages > 0)
        {
            var logical = new List<ulong>(pages + layoutSegments.Count + 1);
            int next = 0;
            foreach (var seg in layoutSegments)
            {
                logical.Add(seg.Address | KimageEntry.Destination);
                for (int i = 0; i < seg.Pages; i++) logical.Add(copies[next++].Source | KimageEntry.Source);
            }
            var pool = new Queue<ulong>(randomPages.Skip(pages));
            head = WriteList(memory, logical, capacity, page, pool, spec.Shape == KimageShape.ChainedIndirection, entries, indirections, spec.BigEndian);
        }

        return new Kimage
        {
            Head = head,
            Start = layoutSegments.Count > 0 ? layoutSegments[0].Address : spec.DestinationBase,
            PageSize = page,
            Segments = layoutSegments,
            Copies = copies,
            IndirectionPages = indirections,
            GuardPages = guards,
            Entries = entries,
        };
    }

    internal static ulong WriteList(PhysicalMemory memory, List<ulong> logical, int capacity, int page, Queue<ulong> pool,
        bool chained, List<ulong> entries, List<ulong> indirections, bool bigEndian)
    {
        void Write(ulong at, ulong value) => memory.WriteUInt64(at, bigEndian ? System.Buffers.Binary.BinaryPrimitives.ReverseEndianness(value) : value);

        ulong NewIndirection()
        {
            ulong a = pool.Dequeue();
            memory.Map(a, (ulong)page, FrameRole.Indirection);
            indirections.Add(a);
            return a;
        }

        ulong current = NewIndirection();
        ulong head = current | KimageEntry.Indirection;
        entries.Add(head);
        int slot = 0;
        if (chained)
        {
            ulong second = NewIndirection();
            Write(current, second | KimageEntry.Indirection);
            entries.Add(second | KimageEntry.Indirection);
            current = second;
        }
        logical.Add(KimageEntry.Done);
        foreach (var e in logical)
        {
            // The kernel keeps the last slot of every indirection page for the link to the next one.
            if (slot == capacity - 1 && e != KimageEntry.Done)
            {
                ulong nextPage = NewIndirection();
                Write(current + (ulong)slot * 8, nextPage | KimageEntry.Indirection);
                entries.Add(nextPage | KimageEntry.Indirection);
                current = nextPage;
                slot = 0;
            }
            Write(current + (ulong)slot * 8, e);
            entries.Add(e);
            slot++;
        }
        return head;
    }

    // Contents are generated on first touch (PhysicalMemory.MapDeferred): nothing is filled up front.
    private static void FillPages(PhysicalMemory memory, PageCopy[] copies, int page, KimageSpec spec)
    {
        int framesPerPage = page / PhysicalMemory.FrameSize;
        memory.StreamSeed = spec.Seed;
        memory.Poison = spec.DestinationPoison;
        for (int i = 0; i < copies.Length; i++)
            for (int f = 0; f < framesPerPage; f++)
            {
                ulong off = (ulong)f * PhysicalMemory.FrameSize;
                ulong stream = (ulong)(i * framesPerPage + f);
                memory.MapDeferred(copies[i].Source + off, FrameRole.Source, FrameFill.Stream, stream);
                memory.MapDeferred(copies[i].Destination + off, FrameRole.Destination, FrameFill.Poison, expectedStream: stream);
            }
    }

    internal static int Chunks(int items) => Math.Max(1, Math.Min(Environment.ProcessorCount * 4, items / 256));

    internal static (int From, int To) ChunkRange(int chunk, int items)
    {
        int n = Chunks(items);
        return ((int)((long)items * chunk / n), (int)((long)items * (chunk + 1) / n));
    }

    private static List<int> SplitIntoSegments(int pages, int wanted, ref ulong rng)
    {
        var sizes = new List<int>();
        if (pages == 0) return sizes;
        int count = Math.Clamp(wanted, 1, pages);
        // Random cut points, so segments differ in length.
        var cuts = new SortedSet<int>();
        while (cuts.Count < count - 1) cuts.Add(1 + (int)(Xorshift.Next(ref rng) % (ulong)(pages - 1)));
        int prev = 0;
        foreach (var c in cuts) { sizes.Add(c - prev); prev = c; }
        sizes.Add(pages - prev);
        return sizes;
    }

    private static (ulong[] Destinations, List<Segment> Segments, List<ulong> Guards) PlaceDestinations(
        List<int> sizes, ulong baseAddress, ulong page, ref ulong rng)
    {
        var destinations = new ulong[sizes.Sum()];
        var segments = new List<Segment>();
        var guards = new List<ulong>();
        ulong at = (baseAddress + page - 1) & ~(page - 1);
        int n = 0;
        foreach (var size in sizes)
        {
            guards.Add(at);
            at += page;
            segments.Add(new Segment(at, size));
            for (int i = 0; i < size; i++, at += page) destinations[n++] = at;
            guards.Add(at);
            at += page * (2 + Xorshift.Next(ref rng) % 3);   // a gap of unmapped memory after each guard
        }
        return (destinations, segments, guards);
    }

    /// <summary>Distinct page addresses drawn at random from a region twice as large as needed.</summary>
    internal static ulong[] RandomPageAddresses(ulong baseAddress, ulong page, int count, ref ulong rng)
    {
        int slots = Math.Max(2, count * 2);
        var order = new int[slots];
        for (int i = 0; i < slots; i++) order[i] = i;
        var result = new ulong[count];
        for (int i = 0; i < count; i++)
        {
            int j = i + (int)(Xorshift.Next(ref rng) % (ulong)(slots - i));
            (order[i], order[j]) = (order[j], order[i]);
            result[i] = ((baseAddress + page - 1) & ~(page - 1)) + (ulong)order[i] * page;
        }
        return result;
    }
}
