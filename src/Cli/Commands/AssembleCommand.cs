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
/// object (-c) or link it into the flat image and report the kexec patch offsets. The link takes a64asm link's options
/// (<see cref="LinkOptionSet"/>) with the same meaning, so the output is what <c>a64asm -c</c> + <c>a64asm link</c>
/// writes; only --defsym keeps its assembler meaning here, as in gas.
/// </summary>
public sealed class AssembleCommand
{
    readonly Argument<string> input = new("file") { Description = "Assembly source (.S is run through the built-in C preprocessor)" };
    readonly Option<string?> output = new("-o", "--output") { HelpName = "FILE", Description = "Output file (default: a.out for -c objects, FILE.bin for images)" };
    readonly Option<bool> objectOnly = new("-c") { Description = "Stop after assembling: write an ELF64 relocatable object" };
    readonly Option<string[]> includeDirs = new("-I", "--include-dir") { HelpName = "DIR", Description = "Add a directory to the #include and .include search path" };
    readonly Option<string[]> defines = new("-D", "--define") { HelpName = "NAME[=VALUE]", Description = "Define a preprocessor macro: NAME or NAME=VALUE" };
    readonly Option<string[]> undefines = new("-U", "--undefine") { HelpName = "NAME", Description = "Undefine a preprocessor macro" };
    readonly Option<string[]> defsyms = new("--defsym") { HelpName = "NAME=VALUE", Description = "Define an assembler symbol: NAME=VALUE, as gas --defsym (a linker symbol is a64asm link --defsym's)" };
    readonly Option<string?> textStart = new("-Ttext") { HelpName = "ADDR", Description = "Address of .text in the image, hex as ld reads it (default 0); -Ttext=ADDR works too" };
    readonly Option<string[]> sectionStarts = new("--section-start") { HelpName = "NAME=ADDR", Description = "Place a section: NAME=ADDRESS" };
    readonly LinkOptionSet link = new();
    readonly Option<bool> verify = new("--verify") { Description = "After linking, run the image in the emulator against a kimage (see a64asm verify)" };
    readonly VerifyOptionSet verifyOptions = new();
    readonly Option<string?> listing = new("--listing") { HelpName = "FILE", Description = "Write an assembler listing (as -al columns: line, address, bytes, source) to FILE" };
    readonly Option<bool> listingToStdout = new("-a") { Description = "Print the assembler listing on stdout (after the offsets table)" };
    readonly Option<bool> timings = new("--timings") { Description = "Print how long each stage took (stderr)" };
    readonly Option<string?>[] limits = AssemblerLimits.All.Select(l => new Option<string?>(l.Option) { HelpName = "N", Description = l.Description }).ToArray();

    public Command Build(RootCommand root)
    {
        root.Add(input);
        foreach (var o in new Option[] { output, objectOnly, includeDirs, defines, undefines, defsyms, textStart, sectionStarts })
            root.Add(o);
        foreach (var o in link.All)
            root.Add(o);
        foreach (var o in new Option[] { listing, listingToStdout, verify, timings })
            root.Add(o);
        foreach (var o in verifyOptions.All)
            root.Add(o);
        foreach (var o in limits)
            root.Add(o);
        return root;
    }

    /// <summary>gcc/gas-style flags (-include, -isystem, -EB, -march=, -Wa,...), taken out of argv before parsing.</summary>
    public GnuDriverFlags GnuFlags { get; } = new();

    /// <summary>ld-style placement flags (-Ttext=ADDR, --section-start=NAME=ADDR), taken out of argv before parsing; the
    /// layout options (-T, -e, --gc-sections) are added to them when the run links.</summary>
    public LinkerOptions LinkOptions { get; } = new();

    /// <summary>Link errors are worded as <c>a64asm link</c> words them (<see cref="LinkRequest.ReportingErrors"/>).</summary>
    public int Run(ParseResult parse, TextWriter stdout, TextWriter stderr) =>
        LinkRequest.ReportingErrors(stderr, () => AssembleAndLink(parse, stdout, stderr));

    int AssembleAndLink(ParseResult parse, TextWriter stdout, TextWriter stderr)
    {
        // Every option is read and checked before any work, so a bad one fails the run before a file is touched.
        string file = parse.GetValue(input)!;
        var diagnostics = new CollectingDiagnostics();
        var options = ReadAssemblerOptions(parse);
        bool toObject = parse.GetValue(objectOnly);
        string? listingPath = parse.GetValue(listing);
        bool printListing = parse.GetValue(listingToStdout);
        bool runVerify = parse.GetValue(verify);
        LinkRequest? linkRequest = null;
        if (toObject)
        {
            link.RefuseWithoutLink(parse);
            if (runVerify)
                throw new UsageError("--verify runs the linked image; it does not apply to -c");
        }
        else
        {
            ReadPlacement(parse);
            linkRequest = link.Read(parse);
        }
        // Checked whether or not --verify is given: a mistyped value is a mistake either way.
        var verifySettings = verifyOptions.Validate(parse, PageShiftOf(options));
        if (!File.Exists(file))
            throw new CliError($"{file}: No such file or directory");

        using var outputs = new PendingOutputs();
        outputs.Input(file);
        string outPath = parse.GetValue(output) ?? (toObject ? "a.out" : Path.ChangeExtension(file, ".bin"));
        // Linking, -o, --offsets and -Map are declared (and the script read) as a64asm link declares them.
        int objectHandle = 0;
        if (linkRequest is null)
            objectHandle = outputs.Declare("-o", outPath);
        else
            linkRequest.Prepare(outputs, outPath, LinkOptions);
        int? listingHandle = listingPath is null ? null : outputs.Declare("--listing", listingPath);

        var listingWriter = listingPath is not null || printListing ? new A64Asm.Assembler.Layout.ListingWriter() : null;
        // --verify puts each finding on its source line: the lines come from the same record the listing is made from.
        var lineTable = runVerify ? new A64Asm.Assembler.Layout.SourceLineTable() : null;
        options.Listing = A64Asm.Assembler.Layout.ListingTee.Of(listingWriter, lineTable);
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
            if (!GnuFlags.NoWarn)
                foreach (var w in diagnostics.Warnings)
                    stderr.WriteLine(w);
        }
        if (GnuFlags.FatalWarnings && !GnuFlags.NoWarn && diagnostics.Warnings.Count > 0)
            throw new CliError($"{diagnostics.Warnings.Count} warning{(diagnostics.Warnings.Count == 1 ? "" : "s")}, treating warnings as errors");
        clock.Lap("preprocess + macros + parse + encode");
        if (options.Timings is { } times)
            foreach (var (stage, ms, bytes) in times.Entries())
                clock.Part(stage, ms, bytes);
        byte[] elf = ElfObjectWriter.Write(obj);
        clock.Lap("ELF object");
        if (listingHandle is { } lh)
            outputs.SetText(lh, listingWriter!.ToString());

        if (linkRequest is null)
        {
            outputs.Set(objectHandle, elf);
            outputs.Commit();
            // -c has no offsets table: the listing is all -a prints.
            if (printListing)
                stdout.Write(listingWriter!.ToString());
            clock.Lap("write");
            clock.Memory();
            return 0;
        }

        UndefinedReferences.ThrowIfAny(obj);
        var linked = A64Asm.Linker.Linker.Link([new LinkerInput(file, elf)], LinkOptions);
        var (image, kexec) = linkRequest.Write(linked);
        clock.Lap("link");

        if (!kexec.IsEmpty)
            OffsetsTable.Print(kexec, outPath, image, stdout);
        if (printListing)
            stdout.Write(listingWriter!.ToString());
        clock.Lap("report");
        if (runVerify)
        {
            int verdict = VerifyRunner.Run(image.Flat, kexec, "--verify", verifySettings, stdout,
                sourceLines: ImageLines.Of(lineTable!, linked, file, image.BaseAddress));
            clock.Lap("verify");
            if (verdict != 0)
            {
                // As make deletes a target whose recipe failed: a build that exits 1 leaves no fresh output behind.
                stderr.WriteLine($"a64asm: error: --verify failed, so {string.Join(", ", outputs.Paths)} {(outputs.Paths.Count() == 1 ? "was" : "were")} not written");
                return verdict;
            }
        }
        // Everything that can fail has run: only now are outputs written.
        outputs.Commit();
        clock.Lap("write");
        return 0;
    }

    AssemblerOptions ReadAssemblerOptions(ParseResult parse)
    {
        var options = new AssemblerOptions();
        options.IncludeDirs.AddRange(parse.GetValue(includeDirs) ?? []);
        foreach (var d in parse.GetValue(defines) ?? [])
        {
            int eq = d.IndexOf('=');
            options.Defines.Add(eq < 0 ? new(d, null) : new(d[..eq], d[(eq + 1)..]));
        }
        options.Undefines.AddRange(parse.GetValue(undefines) ?? []);
        try
        {
            foreach (var s in parse.GetValue(defsyms) ?? [])
                options.Defsyms.Add(AssemblerOptions.ParseDefsym(s));
            GnuFlags.ApplyTo(options);
            for (int i = 0; i < limits.Length; i++)
                if (parse.GetValue(limits[i]) is { } limit)
                    AssemblerLimits.Set(options, AssemblerLimits.All[i], limit);
        }
        catch (AsmError e) when (e.Location is null)
        {
            throw new UsageError(e.Message);
        }
        return options;
    }

    /// <summary>-Ttext ADDR and --section-start NAME=ADDR given with a space (the '=' forms were taken out of argv).</summary>
    void ReadPlacement(ParseResult parse)
    {
        try
        {
            if (parse.GetValue(textStart) is { } t)
                LinkOptions.TryParseFlag("-Ttext=" + t, null, out _);
            foreach (var s in parse.GetValue(sectionStarts) ?? [])
                LinkOptions.TryParseFlag("--section-start", s, out _);
        }
        catch (LinkError e)
        {
            throw new UsageError(e.Message);
        }
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
