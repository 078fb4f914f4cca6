using System.CommandLine;
using A64Asm.Assembler;
using A64Asm.Assembler.Diagnostics;
using A64Asm.Assembler.Elf;
using A64Asm.Cli.Output;
using A64Asm.Linker;
using A64Asm.Linker.Kexec;
using A64Asm.Verifier.Kexec;

namespace A64Asm.Cli.Commands;

/// <summary>
/// The main job: <c>a64asm FILE.S [-c] -o OUT</c>. Preprocess, assemble, then either write the relocatable
/// object (-c) or link it into the flat image and report the kexec patch offsets.
/// </summary>
public sealed class AssembleCommand
{
    readonly Argument<string> input = new("file") { Description = "Assembly source (.S is run through the built-in C preprocessor)" };
    readonly Option<string?> output = new("-o", "--output") { HelpName = "FILE", Description = "Output file (default: a.out for -c objects, FILE.bin for images)" };
    readonly Option<bool> objectOnly = new("-c") { Description = "Stop after assembling: write an ELF64 relocatable object" };
    readonly Option<string[]> includeDirs = new("-I", "--include-dir") { HelpName = "DIR", Description = "Add a directory to the #include and .include search path" };
    readonly Option<string[]> defines = new("-D", "--define") { HelpName = "NAME[=VALUE]", Description = "Define a preprocessor macro: NAME or NAME=VALUE" };
    readonly Option<string[]> undefines = new("-U", "--undefine") { HelpName = "NAME", Description = "Undefine a preprocessor macro" };
    readonly Option<string[]> defsyms = new("--defsym") { HelpName = "NAME=VALUE", Description = "Define an assembler symbol: NAME=VALUE" };
    readonly Option<string?> textStart = new("-Ttext") { HelpName = "ADDR", Description = "Address of .text in the image, hex as ld reads it (default 0); -Ttext=ADDR works too" };
    readonly Option<string[]> sectionStarts = new("--section-start") { HelpName = "NAME=ADDR", Description = "Place a section: NAME=ADDRESS" };
    readonly Option<string[]> onlySections = new("-j", "--only-section") { HelpName = "NAME", Description = "Write only this section's linked bytes, as objcopy -O binary -j NAME (repeatable)" };
    readonly Option<string?> offsets = new("--offsets") { HelpName = "FILE", Description = "Write the kexec offsets to FILE (.json or .h)" };
    readonly Option<bool> verify = new("--verify") { Description = "After linking, run the image in the emulator against a kimage (see a64asm verify)" };
    readonly VerifyOptionSet verifyOptions = new();
    readonly Option<string?> listing = new("--listing") { HelpName = "FILE", Description = "Write an assembler listing (as -al columns: line, address, bytes, source) to FILE" };
    readonly Option<bool> listingToStdout = new("-a") { Description = "Print the assembler listing on stdout (after the offsets table)" };
    readonly Option<bool> timings = new("--timings") { Description = "Print how long each stage took (stderr)" };
    readonly Option<string?>[] limits = AssemblerLimits.All.Select(l => new Option<string?>(l.Option) { HelpName = "N", Description = l.Description }).ToArray();

    public Command Build(RootCommand root)
    {
        root.Add(input);
        foreach (var o in new Option[] { output, objectOnly, includeDirs, defines, undefines, defsyms, textStart, sectionStarts, onlySections, offsets, listing, listingToStdout, verify, timings })
            root.Add(o);
        foreach (var o in verifyOptions.All)
            root.Add(o);
        foreach (var o in limits)
            root.Add(o);
        return root;
    }

    /// <summary>gcc/gas-style flags (-include, -isystem, -EB, -march=, -Wa,...), taken out of argv before parsing.</summary>
    public GnuDriverFlags GnuFlags { get; } = new();

    /// <summary>ld-style placement flags (-Ttext=ADDR, --section-start=NAME=ADDR), taken out of argv before parsing.</summary>
    public LinkerOptions LinkOptions { get; } = new();

    public int Run(ParseResult parse, TextWriter stdout, TextWriter stderr)
    {
        string file = parse.GetValue(input)!;
        var diagnostics = new CollectingDiagnostics();
        var options = new AssemblerOptions();
        options.IncludeDirs.AddRange(parse.GetValue(includeDirs) ?? []);
        foreach (var d in parse.GetValue(defines) ?? [])
        {
            int eq = d.IndexOf('=');
            options.Defines.Add(eq < 0 ? new(d, null) : new(d[..eq], d[(eq + 1)..]));
        }
        options.Undefines.AddRange(parse.GetValue(undefines) ?? []);
        foreach (var s in parse.GetValue(defsyms) ?? [])
            options.Defsyms.Add(AssemblerOptions.ParseDefsym(s));
        GnuFlags.ApplyTo(options);
        for (int i = 0; i < limits.Length; i++)
            if (parse.GetValue(limits[i]) is { } limit)
                AssemblerLimits.Set(options, AssemblerLimits.All[i], limit);
        if (!File.Exists(file))
            throw new CliError($"{file}: No such file or directory");

        string? listingPath = parse.GetValue(listing);
        bool printListing = parse.GetValue(listingToStdout);
        var listingWriter = listingPath is not null || printListing ? new A64Asm.Assembler.Layout.ListingWriter() : null;
        options.Listing = listingWriter;

        var clock = new StageClock(parse.GetValue(timings) ? stderr : null);
        if (parse.GetValue(timings))
            options.Timings = new StageTimes();
        ObjectFile obj;
        try
        {
            obj = AsmDriver.Assemble(file, options, diagnostics);
        }
        finally
        {
            foreach (var w in diagnostics.Warnings)
                stderr.WriteLine(w);
        }
        clock.Lap("preprocess + macros + parse + encode");
        if (options.Timings is { } times)
            foreach (var (stage, ms, bytes) in times.Entries())
                clock.Part(stage, ms, bytes);
        byte[] elf = ElfObjectWriter.Write(obj);
        clock.Lap("ELF object");

        string[] only = parse.GetValue(onlySections) ?? [];
        if (parse.GetValue(objectOnly))
        {
            if (only.Length > 0)
                throw new CliError("-j/--only-section selects sections of the linked image; it does not apply to -c");
            using (var objectOutputs = new StagedOutputs())
            {
                objectOutputs.Add(parse.GetValue(output) ?? "a.out", elf);
                if (listingPath is not null)
                    objectOutputs.AddText(listingPath, listingWriter!.ToString());
                objectOutputs.Commit();
            }
            // -c has no offsets table: the listing is all -a prints.
            if (printListing)
                stdout.Write(listingWriter!.ToString());
            clock.Lap("write");
            clock.Memory();
            return 0;
        }

        if (parse.GetValue(textStart) is { } t)
            LinkOptions.TryParseFlag("-Ttext=" + t, null, out _);
        foreach (var s in parse.GetValue(sectionStarts) ?? [])
            LinkOptions.TryParseFlag("--section-start", s, out _);
        UndefinedReferences.ThrowIfAny(obj);
        var linked = A64Asm.Linker.Linker.Link([new LinkerInput(file, elf)], LinkOptions);
        var image = only.Length > 0 ? A64Asm.Linker.Output.SectionSelection.Only(linked, only) : linked;
        clock.Lap("link");

        string outPath = parse.GetValue(output) ?? Path.ChangeExtension(file, ".bin");
        KexecOffsets.TryRead(linked, image, out var kexec);
        string? offsetsPath = parse.GetValue(offsets);
        if (offsetsPath is not null && kexec.IsEmpty)
            throw new CliError("--offsets: the image defines none of the arm64_kexec_* / arm64_relocate_new_kernel_size symbols");

        // Outputs are staged beside their targets and put in place only when the whole run, --verify included, succeeded.
        using var outputs = new StagedOutputs();
        outputs.Add(outPath, image.Flat);
        if (offsetsPath is not null)
            outputs.AddText(offsetsPath, KexecOffsetsWriter.Format(kexec, offsetsPath));
        if (listingPath is not null)
            outputs.AddText(listingPath, listingWriter!.ToString());
        clock.Lap("write");
        if (!kexec.IsEmpty)
            OffsetsTable.Print(kexec, outPath, image, stdout);
        if (printListing)
            stdout.Write(listingWriter!.ToString());
        clock.Lap("report");
        int verdict = 0;
        if (parse.GetValue(verify))
        {
            verdict = VerifyRunner.Run(image.Flat, kexec, "--verify", verifyOptions, parse, PageShiftOf(options), stdout);
            clock.Lap("verify");
        }
        if (verdict == 0)
            outputs.Commit();
        return verdict;
    }

    /// <summary>The page size the user built for (-D PAGE_SHIFT=N), so --verify checks the same granule.</summary>
    static int? PageShiftOf(AssemblerOptions options)
    {
        int? shift = null;
        foreach (var (name, value) in options.Defines)
            if (name == "PAGE_SHIFT")
                shift = int.TryParse(value, out int v) ? v : null;
        return shift;
    }
}
