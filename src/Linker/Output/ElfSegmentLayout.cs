namespace A64Asm.Linker.Output;

/// <summary>A PT_LOAD entry: where its bytes are in the file and in memory, and its R/W/X flags.</summary>
public sealed record ElfSegment(ulong Offset, ulong Address, ulong FileSize, ulong MemorySize, uint Flags);

/// <summary>
/// The program headers and section file offsets GNU ld (2.40, default script, AArch64's 64 KiB maximum page) gives
/// the same sections, so that readelf -l of our executable reads as ld's. Sections are taken in address order; one
/// joins the segment before it unless it would leave a whole page out of it, or it is writable after read-only
/// sections and starts on a later page. A segment's first section sits at the lowest file offset past what is written
/// so far that is congruent to its address modulo the page; later ones keep their distance from it. The first
/// segment also maps the ELF and program headers when its address leaves room below it, as ld's SIZEOF_HEADERS does.
/// </summary>
public sealed class ElfSegmentLayout
{
    public const ulong PageSize = 0x10000;
    private const uint PfX = 1, PfW = 2, PfR = 4;

    private ElfSegmentLayout(IReadOnlyList<ElfSegment> segments, ulong[] offsets, ulong end)
    {
        Segments = segments;
        SectionOffsets = offsets;
        DataEnd = end;
    }

    public IReadOnlyList<ElfSegment> Segments { get; }

    /// <summary>sh_offset of each section, indexed as the sections given to <see cref="Build"/>.</summary>
    public IReadOnlyList<ulong> SectionOffsets { get; }

    /// <summary>The end of the last section's bytes in the file: the symbol and string tables follow.</summary>
    public ulong DataEnd { get; }

    /// <param name="headerSize">ELF header size; each program header takes <paramref name="programHeaderSize"/> more.</param>
    public static ElfSegmentLayout Build(IReadOnlyList<LinkedSection> sections, ulong headerSize, ulong programHeaderSize)
    {
        var order = Enumerable.Range(0, sections.Count).Where(i => sections[i].Size > 0)
            .OrderBy(i => sections[i].Address).ThenBy(i => i).ToList();
        var groups = Group(sections, order);

        ulong position = headerSize + (ulong)groups.Count * programHeaderSize;
        var offsets = new ulong[sections.Count];
        var segments = new List<ElfSegment>();
        foreach (var group in groups)
        {
            var first = sections[group[0]];
            ulong start = position + (first.Address - position) % PageSize; // congruent to the address, not below position
            ulong fileEnd = start;
            bool hasBytes = false;
            foreach (var i in group)
            {
                var s = sections[i];
                // A NOBITS section after the first takes the file position it is reached at, as ld reports it.
                offsets[i] = i == group[0] || !s.IsNoBits ? start + (s.Address - first.Address) : fileEnd;
                if (s.IsNoBits) continue;
                hasBytes = true;
                fileEnd = offsets[i] + s.Size;
            }
            if (hasBytes) position = Math.Max(position, fileEnd);

            ulong memoryEnd = group.Max(i => sections[i].End);
            bool mapsHeaders = segments.Count == 0 && hasBytes && first.Address >= start;
            ulong offset = mapsHeaders ? 0 : hasBytes ? start : first.Address % PageSize;
            ulong address = first.Address - (mapsHeaders ? start : 0);
            segments.Add(new ElfSegment(offset, address, hasBytes ? fileEnd - offset : 0, memoryEnd - address, FlagsOf(group.Select(i => sections[i]))));
        }
        // Empty sections belong to no segment: they sit where the file had got to.
        for (int i = 0; i < sections.Count; i++)
            if (sections[i].Size == 0) offsets[i] = position;
        return new ElfSegmentLayout(segments, offsets, position);
    }

    private static List<List<int>> Group(IReadOnlyList<LinkedSection> sections, List<int> order)
    {
        var groups = new List<List<int>>();
        bool writable = false;
        foreach (var i in order)
        {
            var s = sections[i];
            bool isWritable = (s.Flags & InputFlags.Write) != 0;
            if (groups.Count > 0)
            {
                var last = sections[groups[^1][^1]];
                bool skipsAPage = AlignUp(last.End) < AlignUp(s.Address);
                bool writableOnLaterPage = !writable && isWritable && PageOf(last.End - 1) != PageOf(s.Address);
                if (!skipsAPage && !writableOnLaterPage)
                {
                    groups[^1].Add(i);
                    writable |= isWritable;
                    continue;
                }
            }
            groups.Add([i]);
            writable = isWritable;
        }
        return groups;
    }

    private static uint FlagsOf(IEnumerable<LinkedSection> sections)
    {
        uint flags = PfR;
        foreach (var s in sections)
        {
            if ((s.Flags & InputFlags.Exec) != 0) flags |= PfX;
            if ((s.Flags & InputFlags.Write) != 0) flags |= PfW;
        }
        return flags;
    }

    private static ulong AlignUp(ulong value) => (value + PageSize - 1) & ~(PageSize - 1);

    private static ulong PageOf(ulong value) => value & ~(PageSize - 1);

    private static class InputFlags
    {
        public const ulong Write = 1, Exec = 4;
    }
}
