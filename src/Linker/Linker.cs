using A64Asm.Linker.Input;
using A64Asm.Linker.Layout;
using A64Asm.Linker.Script;

namespace A64Asm.Linker;

/// <summary>
/// Links AArch64 ELF relocatable objects (from GNU as or from our assembler) into a flat image, as
/// `ld -Ttext=ADDR` followed by `objcopy -O binary` would. From outside this namespace the class is reached as
/// A64Asm.Linker.Linker (or through a using alias), since its name is also its namespace's.
/// </summary>
public static class Linker
{
    public static LinkedImage Link(IReadOnlyList<LinkerInput> inputs, LinkerOptions options)
    {
        if (inputs.Count == 0) throw new LinkError("no input files");
        var loaded = InputFiles.Load(inputs);
        var objects = loaded.Objects;
        bool bigEndian = objects.Count > 0 && objects[0].BigEndian;
        if (objects.FirstOrDefault(o => o.BigEndian != bigEndian) is { } mixed)
            throw new LinkError($"{mixed.Name}: compiled for a {(mixed.BigEndian ? "big" : "little")} endian system and target is {(bigEndian ? "big" : "little")} endian");
        // Only allocated sections reach the image; relocations of others (debug info) are not applied.
        var globals = new SymbolResolver(objects);
        if (options.GcSections)
            CollectGarbage(objects, globals, options);
        IReadOnlyList<OutputSection> outputs;
        IReadOnlyList<ScriptSymbol> scriptSymbols = [];
        IReadOnlyList<MapOutput>? scriptMap = null;
        if (options.Script is { } script)
        {
            (outputs, scriptSymbols, var discarded, scriptMap) = ScriptLayout.Build(objects, script, options, globals);
            DiscardedReferences.Check(objects, discarded, globals);
        }
        else
            outputs = SectionLayout.Build(objects, options);
        var defsyms = LinkerDefinedSymbols.Define(globals, objects, outputs, scriptSymbols, options.Script?.File, options.Defsyms);

        var relocator = new Relocator(globals);
        var contents = new Dictionary<OutputSection, byte[]>();
        foreach (var output in outputs)
        {
            var bytes = output.Contents();
            for (int i = 0; i < output.Inputs.Count; i++)
                relocator.Apply(output.Inputs[i], bytes, (int)output.Offsets[i]);
            contents[output] = bytes;
        }
        if (globals.Errors.Count + relocator.Errors.Count > 0) throw new LinkError([.. globals.Errors, .. relocator.Errors]);

        var sections = outputs.Select(o => new LinkedSection(o.Name, o.Address, o.Size, o.Alignment, o.Flags, o.IsNoBits)).ToList();
        var (baseAddress, flat) = FlatImage(outputs, contents, options.TextStart);
        var map = new LinkMapData(loaded.Members, defsyms, inputs.Select(i => i.Name).ToList(), MapOutputs(outputs, scriptMap, globals))
        {
            BigEndian = bigEndian,
            LoadedAfterLayout = options.Script is not null,
            SectionStarts = options.SectionStarts.Select(p => (p.Key, p.Value)).ToList(),
            Discarded = objects.SelectMany(o => o.Sections).OfType<InputSection>().Where(s => s.Dropped)
                .Select(s => new MapInput(s.Name, s.Owner.Name, 0, s.Size, [])).ToList(),
        };
        return new LinkedImage(baseAddress, flat, globals.FinalValues(), sections) { BigEndian = bigEndian, Map = map };
    }

    private static List<MapOutput> MapOutputs(IReadOnlyList<OutputSection> outputs, IReadOnlyList<MapOutput>? scriptMap, SymbolResolver globals)
    {
        // Each input section's globals: the winning definitions that live in it, by value as ld lists them.
        var bySection = globals.Definitions()
            .Where(d => !d.Symbol.IsAbsolute && d.Object.Sections.ElementAtOrDefault(d.Symbol.SectionIndex) is not null)
            .GroupBy(d => (object)d.Object.Sections[d.Symbol.SectionIndex]!, ReferenceEqualityComparer.Instance)
            .ToDictionary(g => g.Key, g => g.Select(d => new MapSymbol(d.Symbol.Name, SymbolResolver.ValueOf(d.Object, d.Symbol)))
                .OrderBy(s => s.Value).ToList(), ReferenceEqualityComparer.Instance);
        // A script's layout says where its assignments and padding go; its input sections only need their symbols.
        if (scriptMap is not null)
            return scriptMap.Select(o => o with
            {
                Inputs = o.Inputs.Select(i => i.Source is { } source && bySection.TryGetValue(source, out var symbols) ? i with { Symbols = symbols } : i).ToList(),
            }).ToList();
        var result = new List<MapOutput>();
        foreach (var output in outputs)
        {
            var inputs = new List<MapInput>();
            ulong end = output.Address;
            foreach (var input in output.Inputs)
            {
                if (input.Address > end && input.Size > 0)
                    inputs.Add(new MapInput("*fill*", "", end, input.Address - end, [],
                        output.Fill is { } fill ? Convert.ToHexString(fill).ToLowerInvariant() : ""));
                inputs.Add(new MapInput(input.Name, input.Owner.Name, input.Address, input.Size,
                    bySection.TryGetValue(input, out var symbols) ? symbols : []));
                end = Math.Max(end, input.Address + input.Size);
            }
            if (output.Address + output.Size > end)
                inputs.Add(new MapInput("*fill*", "", end, output.Address + output.Size - end, [], ""));
            result.Add(new MapOutput(output.Name, output.Address, output.Size, inputs));
        }
        return result;
    }

    // The sections ld's default script KEEPs; a script names its own.
    private static readonly string[] DefaultKept = [".init", ".fini", ".preinit_array", ".init_array*", ".fini_array*", ".ctors*", ".dtors*"];

    private static void CollectGarbage(IReadOnlyList<InputObject> objects, SymbolResolver globals, LinkerOptions options)
    {
        // ld keeps .eh_frame and edits out the FDEs of the functions it removes; without that editing, dropping or
        // keeping it whole would both give another image than ld's.
        if (objects.SelectMany(o => o.Sections).OfType<InputSection>().FirstOrDefault(s => s.IsAlloc && s.Name == ".eh_frame" && s.Size > 0
                && !(options.Script is { } discarding && ScriptLayout.Discards(discarding, s))) is { } frames)
            throw new LinkError($"{frames.Owner.Name}: --gc-sections with .eh_frame is not supported (GNU ld edits out the frames of removed functions); "
                + "build with -fno-asynchronous-unwind-tables or discard .eh_frame in a script");
        var script = options.Script;
        Func<InputSection, bool> kept = script is null
            ? s => DefaultKept.Any(p => DefaultScript.Matches(p, s.Name))
            : s => ScriptLayout.Keeps(script, s);
        var live = SectionGc.Live(objects, globals, options.Entry ?? script?.Entry ?? "_start", kept);
        foreach (var section in objects.SelectMany(o => o.Sections).OfType<InputSection>())
            if (section.IsAlloc && !live.Contains(section)) section.Dropped = true;
    }

    /// <summary>The largest flat image written: sections far apart (text at 1 GiB, data near 0) are linked as ld links
    /// them, but not the 2 GiB an alignment from a forged header can ask for.</summary>
    public const ulong MaxFlatImageBytes = 1UL << 30;

    private static (ulong Base, byte[] Flat) FlatImage(IReadOnlyList<OutputSection> outputs, Dictionary<OutputSection, byte[]> contents, ulong textStart)
    {
        var loaded = outputs.Where(o => !o.IsNoBits).ToList();
        if (loaded.Count == 0) return (textStart, []);
        var start = loaded.Min(o => o.Address);
        var end = loaded.Max(o => o.Address + o.Size);
        // The gap between sections is bytes too: an alignment or address from a forged header must not ask for gigabytes.
        if (end - start > MaxFlatImageBytes)
            throw new LinkError($"flat image from 0x{start:x} to 0x{end:x} is too large (0x{end - start:x} bytes, limit 0x{MaxFlatImageBytes:x})");
        var flat = new byte[end - start];
        foreach (var output in loaded)
        {
            // NOBITS inputs inside a PROGBITS output section are zeros in the file, which the buffer already is.
            contents[output].CopyTo(flat, (int)(output.Address - start));
        }
        return (start, flat);
    }
}
