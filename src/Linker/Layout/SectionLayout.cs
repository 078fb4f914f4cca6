using A64Asm.Linker.Input;

namespace A64Asm.Linker.Layout;

/// <summary>
/// Assigns allocated input sections to output sections as ld's default script does and gives every output
/// section its address: .text at its start address, the rest following in script order at their alignment, and
/// the data segment moved by DATA_SEGMENT_ALIGN(MAXPAGESIZE, COMMONPAGESIZE) — the same offset within the next
/// max-size page, or the next common page when that saves one (ld's lang_size_segment rule).
/// </summary>
internal static class SectionLayout
{
    public static IReadOnlyList<OutputSection> Build(IReadOnlyList<InputObject> objects, LinkerOptions options)
    {
        var alloc = objects.SelectMany(o => o.Sections).OfType<InputSection>().Where(s => s.IsAlloc && !s.Dropped).ToList();
        var assigned = new HashSet<InputSection>(ReferenceEqualityComparer.Instance);
        var outputs = new List<OutputSection>();
        foreach (var rule in DefaultScript.CodeAndReadOnly)
            outputs.Add(Collect(rule, alloc, assigned, inDataSegment: false));
        foreach (var rule in DefaultScript.DataSegment)
            outputs.Add(Collect(rule, alloc, assigned, inDataSegment: true));
        PlaceOrphans(outputs, alloc.Where(s => !assigned.Contains(s)));
        RejectUnsupported(outputs);

        // Empty output sections are dropped from the image, but still get the address they would have had:
        // ld gives labels in them (a label in an otherwise empty .data) that address.
        var used = outputs.Where(o => o.Inputs.Count > 0).ToList();
        foreach (var output in used) output.ComputeOffsets();

        var (dataBase, end, sawData) = AssignAddresses(used, options, saveCommonPage: false);
        if (sawData && SavesACommonPage(dataBase, end, options.CommonPageSize))
            AssignAddresses(used, options, saveCommonPage: true);
        foreach (var output in used) output.PlaceInputs();
        return used.Where(o => o.Size > 0).ToList();
    }

    // Where ld's placement of these depends on machinery not modelled here (notes before .text, the RELRO page
    // adjustment, TLS), an image that silently differed from ld's would be worse than a clear refusal.
    private static readonly string[] RelroOutputs = [".preinit_array", ".init_array", ".fini_array", ".data.rel.ro"];
    private const uint ShtNote = 7;
    private const ulong ShfTls = 0x400;

    private static void RejectUnsupported(List<OutputSection> outputs)
    {
        var errors = new List<string>();
        foreach (var output in outputs)
        {
            foreach (var input in output.Inputs.Where(i => i.Size > 0))
            {
                if (input.Type == ShtNote)
                    errors.Add($"{input.Owner.Name}: section '{input.Name}': allocated notes are not supported (GNU ld places them before .text)");
                else if ((input.Flags & ShfTls) != 0 && !input.IsNoBits)
                    errors.Add($"{input.Owner.Name}: section '{input.Name}': TLS data is not supported in a flat image");
                else if (RelroOutputs.Contains(output.Name))
                    errors.Add($"{input.Owner.Name}: section '{input.Name}': {output.Name} is not supported (GNU ld's RELRO page adjustment is not modelled)");
            }
        }
        if (errors.Count > 0) throw new LinkError(errors);
    }

    private static OutputSection Collect(OutputRule rule, List<InputSection> alloc, HashSet<InputSection> assigned, bool inDataSegment)
    {
        var output = new OutputSection(rule.Name, rule.Fill, inDataSegment);
        foreach (var statement in rule.Statements)
        {
            // A statement takes matching sections file by file, in each file's section order (SORT: by name).
            var matches = alloc.Where(s => !assigned.Contains(s) && statement.Patterns.Any(p => DefaultScript.Matches(p, s.Name)));
            if (statement.SortByName) matches = matches.OrderBy(s => s.Name, StringComparer.Ordinal);
            foreach (var section in matches.ToList())
            {
                output.Inputs.Add(section);
                assigned.Add(section);
            }
        }
        return output;
    }

    /// <summary>Orphans keep their own name; each goes after its anchor and after earlier orphans of that anchor.</summary>
    private static void PlaceOrphans(List<OutputSection> outputs, IEnumerable<InputSection> orphans)
    {
        var lastAfter = new Dictionary<string, OutputSection>(StringComparer.Ordinal);
        var byName = new Dictionary<string, OutputSection>(StringComparer.Ordinal);
        foreach (var section in orphans)
        {
            if (!byName.TryGetValue(section.Name, out var output))
            {
                var anchorName = DefaultScript.OrphanAnchor(section);
                var anchor = lastAfter.GetValueOrDefault(anchorName) ?? outputs.First(o => o.Name == anchorName);
                output = new OutputSection(section.Name, null, anchor.InDataSegment);
                outputs.Insert(outputs.IndexOf(anchor) + 1, output);
                lastAfter[anchorName] = output;
                byName[section.Name] = output;
            }
            output.Inputs.Add(section);
        }
    }

    private static (ulong DataBase, ulong End, bool SawData) AssignAddresses(List<OutputSection> outputs, LinkerOptions options, bool saveCommonPage)
    {
        ulong dot = options.TextStart, dataBase = 0;
        bool sawData = false;
        foreach (var output in outputs)
        {
            if (output.InDataSegment && !sawData)
            {
                sawData = true;
                dataBase = DataSegmentAlign(dot, options.MaxPageSize, options.CommonPageSize, saveCommonPage);
                dot = dataBase;
            }
            if (output.Name == ".bss") output.ComputeOffsets();   // its size without the padding a previous pass added
            output.Address = options.SectionStarts.TryGetValue(output.Name, out var start) ? start : AlignUp(dot, output.Alignment);
            if (output.Size > ulong.MaxValue - output.Address)
                throw new LinkError($"section {output.Name} VMA wraps around address space");   // ld's words
            if (output.Name == ".bss" && output.Size != 0)
            {
                // The default script ends .bss with . = ALIGN(. != 0 ? 64 / 8 : 1): the padding is part of .bss. Inside
                // a section '.' is the offset from its start, so an empty .bss stays empty; ALIGN rounds the address.
                output.Placed(output.Address, AlignUp(output.Address + output.Size, 8) - output.Address);
            }
            dot = output.Address + output.Size;
        }
        // ld's script ends the data segment with . = ALIGN(64 / 8) before DATA_SEGMENT_END.
        return (dataBase, AlignUp(dot, 8), sawData);
    }

    private static ulong DataSegmentAlign(ulong dot, ulong maxPage, ulong commonPage, bool saveCommonPage) =>
        AlignUp(dot, maxPage) + (saveCommonPage && commonPage < maxPage
            ? (dot + commonPage - 1) & (maxPage - commonPage)
            : dot & (maxPage - 1));

    /// <summary>True when the data segment straddles a common page that starting on the next common page would avoid.</summary>
    private static bool SavesACommonPage(ulong dataBase, ulong end, ulong commonPage)
    {
        var first = (0 - dataBase) & (commonPage - 1);
        var last = end & (commonPage - 1);
        return first != 0 && last != 0
            && (dataBase & ~(commonPage - 1)) != (end & ~(commonPage - 1))
            && first + last <= commonPage;
    }

    public static ulong AlignUp(ulong value, ulong alignment) =>
        alignment <= 1 ? value : (value + alignment - 1) / alignment * alignment;
}
