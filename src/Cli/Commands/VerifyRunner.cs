using A64Asm.Assembler.Diagnostics;
using System.CommandLine;
using A64Asm.Cli.Output;
using A64Asm.Linker.Kexec;
using A64Asm.Verifier.Kexec;
using Spectre.Console;

namespace A64Asm.Cli.Commands;

/// <summary>The verify options, shared by <c>a64asm verify</c> and <c>a64asm FILE.S --verify</c>.</summary>
public sealed class VerifyOptionSet
{
    public const int MostPages = 1 << 20;
    public const int DefaultTimeoutSeconds = 60;
    public const int MostTimeoutSeconds = 86_400;

    public readonly Option<string?> PageSize = new("--page-size") { HelpName = "4K|16K|64K", Description = "Page size of the kimage (default: from -D PAGE_SHIFT, else 4K)" };
    public readonly Option<string?> Pages = new("--pages") { HelpName = "N", Description = $"Pages in the kimage (default 64; at most {VerifyOptions.MostKimageBytes >> 20} MiB of pages)" };
    public readonly Option<string?> Seed = new("--seed") { HelpName = "S", Description = "Seed for page contents and addresses (default 1)" };
    public readonly Option<string?> Caches = new("--caches") { HelpName = "on|off", Description = "Model D- and I-caches left on by the old kernel (default off): --dcache and --icache together" };
    public readonly Option<string?> DataCache = new("--dcache") { HelpName = "on|off", Description = "SCTLR.C at entry, the D-cache modelled with the old kernel's dirty lines (default: --caches); without --mmu on data accesses stay Device memory" };
    public readonly Option<string?> InstructionCache = new("--icache") { HelpName = "on|off", Description = "SCTLR.I at entry: fetches may hit stale I-cache lines, with the MMU on or off (default: --caches)" };
    public readonly Option<string?> Mmu = new("--mmu") { HelpName = "on|off", Description = "SCTLR.M at entry, through an identity map (default off; on for kimage-struct entered through the kernel's maps)" };
    public readonly Option<string?> ExceptionLevel = new("--el") { HelpName = "1|2", Description = "Exception level at entry, HCR_EL2 as the kernel leaves it (default 2; 1 for kimage-struct through the kernel's maps or --el2-stub)" };
    public readonly Option<bool> Matrix = new("--matrix") { Description = "Run every entry state (EL1/EL2 x SCTLR.M x C x I) and print a table of pass or findings per state" };
    public readonly Option<string?> MaxSteps = new("--max-steps") { HelpName = "N", Description = $"Stop after N instructions (default: scaled to the kimage; at most {VerifyOptions.MostSteps})" };
    public readonly Option<string?> Timeout = new("--timeout") { HelpName = "SECONDS", Description = $"Stop after this much wall-clock time (default {DefaultTimeoutSeconds})" };
    public readonly Option<bool> Json = new("--json") { Description = "Print the report as JSON" };
    public readonly Option<string?> Convention = new("--convention") { HelpName = "patched-quads|patched-globals|spin-table|regs|regs-dtb|kimage-struct", Description = "How machine_kexec hands over head, start and DTB (default: picked from the image's symbols)" };
    public readonly Option<string[]> KimageFieldsFiles = new("--kimage-fields") { HelpName = "FILE.h", Description = "struct kimage field offsets (#define KIMAGE_HEAD ... lines, as asm-offsets.h) for kimage-struct" };
    public readonly Option<string[]> KimageField = new("--kimage-field") { HelpName = "NAME=OFF", Description = "One struct kimage field offset, e.g. KIMAGE_HEAD=0x48" };

    public readonly Option<string?> MmuAtEntry = new("--mmu-at-entry") { HelpName = "on|off", Description = "kimage-struct: enter at EL1 with the MMU on through an identity map and the linear map, as v5.15 on (default: on when .kexec_relocate.text or __relocate_new_kernel_start marks the code)" };

    public readonly Option<bool> El2Stub = new("--el2-stub") { Description = "kimage-struct: the kernel ran at EL1 over the hyp stub (KIMAGE_ARCH_EL2_VECTORS non-zero); the code leaves through hvc #0" };

    public readonly Option<bool> BigEndian = new("--big-endian") { Description = "The kernel is big-endian (-EB): SCTLR.EE set, list entries and handed-over values big-endian" };

    public readonly Option<string?> MaxKimageSize = new("--max-kimage-size") { HelpName = "SIZE", Description = $"Largest kimage (pages × page size) to build, e.g. 1G (default {VerifyOptions.MostKimageBytes >> 20}M; at most 64G)" };

    public IEnumerable<Option> All => [PageSize, Pages, Seed, Caches, DataCache, InstructionCache, Mmu, ExceptionLevel, Matrix, MaxSteps, Timeout, MaxKimageSize, Json, Convention, KimageFieldsFiles, KimageField, MmuAtEntry, El2Stub, BigEndian];

    /// <summary>
    /// Every verify option read and checked, before any work: a value out of range, a kimage over the size limit, an
    /// unknown convention or a missing --kimage-fields file fails here, not after an image was built.
    /// </summary>
    /// <param name="pageShiftHint">The page size the source was built for (-D PAGE_SHIFT=N), the default of --page-size.</param>
    public VerifySettings Validate(ParseResult parse, int? pageShiftHint)
    {
        int pageSize = ParsePageSize(parse.GetValue(PageSize), pageShiftHint);
        int pages = parse.GetValue(Pages) is { } p ? (int)OptionValues.Number("--pages", p, 1, MostPages) : 64;
        long most = parse.GetValue(MaxKimageSize) is { } limit
            ? OptionValues.Size("--max-kimage-size", limit, 4096, (long)MostPages * (64 << 10))
            : VerifyOptions.MostKimageBytes;
        if ((long)pages * pageSize > most)
            throw new UsageError($"--pages {pages} of {pageSize / 1024}K make a {Size((long)pages * pageSize)} kimage, "
                + $"which exceeds the limit of {Size(most)} ({most / pageSize} pages of {pageSize / 1024}K; use --max-kimage-size to raise it)");
        KexecConvention? convention = null;
        if (parse.GetValue(Convention) is { } name)
            convention = ConventionPicker.Parse(name)
                ?? throw new UsageError($"--convention: '{name}' is not {OptionValues.Alternatives(ConventionPicker.All.Select(ConventionPicker.NameOf).ToList())}");
        bool caches = parse.GetValue(Caches) is { } c && OptionValues.OneOf("--caches", c, "on", "off") == "on";
        var entryOptions = new[] { ("--el", parse.GetValue(ExceptionLevel)), ("--mmu", parse.GetValue(Mmu)), ("--caches", parse.GetValue(Caches)),
            ("--dcache", parse.GetValue(DataCache)), ("--icache", parse.GetValue(InstructionCache)) };
        bool matrix = parse.GetValue(Matrix);
        if (matrix && entryOptions.FirstOrDefault(o => o.Item2 is not null).Item1 is { } fixedState)
            throw new UsageError($"--matrix runs every entry state: it cannot be combined with {fixedState}");
        return new VerifySettings
        {
            PageSize = pageSize,
            Pages = pages,
            Seed = parse.GetValue(Seed) is { } s ? OptionValues.Number("--seed", s, 0, ulong.MaxValue) : 1,
            Caches = caches,
            DataCache = parse.GetValue(DataCache) is { } d ? OptionValues.OneOf("--dcache", d, "on", "off") == "on" : null,
            InstructionCache = parse.GetValue(InstructionCache) is { } i ? OptionValues.OneOf("--icache", i, "on", "off") == "on" : null,
            Mmu = parse.GetValue(Mmu) is { } mmuOn ? OptionValues.OneOf("--mmu", mmuOn, "on", "off") == "on" : null,
            ExceptionLevel = parse.GetValue(ExceptionLevel) is { } el ? (int)OptionValues.Number("--el", el, 1, 2) : null,
            Matrix = matrix,
            MaxSteps = parse.GetValue(MaxSteps) is { } m ? (long)OptionValues.Number("--max-steps", m, 1, VerifyOptions.MostSteps) : 0,
            Timeout = TimeSpan.FromSeconds(parse.GetValue(Timeout) is { } t ? OptionValues.Number("--timeout", t, 1, MostTimeoutSeconds) : DefaultTimeoutSeconds),
            Json = parse.GetValue(Json),
            Convention = convention,
            MmuAtEntry = parse.GetValue(MmuAtEntry) is { } mmu ? OptionValues.OneOf("--mmu-at-entry", mmu, "on", "off") == "on" : null,
            El2Stub = parse.GetValue(El2Stub),
            BigEndian = parse.GetValue(BigEndian),
            KimageFields = ReadKimageFields(parse),
        };
    }

    /// <summary>"256 MiB", "64 GiB": sizes in the kimage message, in the unit that keeps them whole.</summary>
    static string Size(long bytes) =>
        bytes % (1L << 30) == 0 ? $"{bytes >> 30} GiB" : bytes % (1L << 20) == 0 ? $"{bytes >> 20} MiB" : $"{bytes >> 10} KiB";

    /// <summary>The struct kimage field offsets from --kimage-fields files and --kimage-field, or null when none were given.</summary>
    Dictionary<string, ulong>? ReadKimageFields(ParseResult parse)
    {
        var files = parse.GetValue(KimageFieldsFiles) ?? [];
        var assignments = parse.GetValue(KimageField) ?? [];
        if (files.Length == 0 && assignments.Length == 0) return null;
        var fields = new Dictionary<string, ulong>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            if (!File.Exists(file))
                throw new CliError($"{file}: No such file or directory");
            if (!KimageFieldNames.TryAddHeader(fields, System.Text.Encoding.UTF8.GetString(SourceFiles.ReadInput(file, VerifyRunner.MaxTextInputBytes)), file, out string error))
                throw new CliError(error);
        }
        foreach (var a in assignments)
            if (!KimageFieldNames.TryAddAssignment(fields, a, out string error))
                throw new UsageError(error);
        return fields;
    }

    static int ParsePageSize(string? text, int? pageShiftHint)
    {
        if (text is null)
            return pageShiftHint is { } s and (12 or 14 or 16) ? 1 << s : 4096;
        return text.Trim().ToUpperInvariant() switch
        {
            "4K" or "4096" => 4096,
            "16K" or "16384" => 16384,
            "64K" or "65536" => 65536,
            _ => throw new UsageError($"--page-size: '{text}' is not 4K, 16K or 64K"),
        };
    }
}

/// <summary>The verify options as read from the command line, checked; the convention-dependent ones are checked
/// against the image in <see cref="ToOptions"/>.</summary>
public sealed class VerifySettings
{
    public int PageSize { get; init; }
    public int Pages { get; init; }
    public ulong Seed { get; init; }
    public bool Caches { get; init; }
    /// <summary>--dcache, --icache, --mmu, --el; null when not given (then --caches, or the convention's entry, decides).</summary>
    public bool? DataCache { get; init; }
    public bool? InstructionCache { get; init; }
    public bool? Mmu { get; init; }
    public int? ExceptionLevel { get; init; }
    /// <summary>--matrix: every entry state, none of the four above given.</summary>
    public bool Matrix { get; init; }
    /// <summary>0: scaled to the kimage.</summary>
    public long MaxSteps { get; init; }
    public TimeSpan Timeout { get; init; }
    public bool Json { get; init; }
    /// <summary>--convention, or null to pick from the image's symbols.</summary>
    public KexecConvention? Convention { get; init; }
    public bool? MmuAtEntry { get; init; }
    public bool El2Stub { get; init; }
    public bool BigEndian { get; init; }
    public Dictionary<string, ulong>? KimageFields { get; init; }

    /// <summary>The verifier's options with the convention <paramref name="choice"/> names.</summary>
    public VerifyOptions ToOptions(ConventionChoice choice, KimageFieldOffsets? fields, bool imageBigEndian)
    {
        bool kernelMap = MmuAtEntry ?? choice.KernelMapAtEntry;
        if (kernelMap && choice.Convention != KexecConvention.KimageStructure)
            throw new CliError("--mmu-at-entry on applies to the kimage-struct convention only");
        if (El2Stub && choice.Convention != KexecConvention.KimageStructure)
            throw new CliError("--el2-stub applies to the kimage-struct convention only");
        var options = new VerifyOptions
        {
            PageSize = PageSize,
            Pages = Pages,
            Seed = Seed,
            // Unless given, the state the convention enters in: the kernel's maps and the hyp stub mean EL1, the maps the MMU on.
            ExceptionLevel = ExceptionLevel ?? (kernelMap || El2Stub ? 1 : 2),
            MmuOn = Mmu ?? kernelMap,
            DataCache = DataCache ?? Caches,
            InstructionCache = InstructionCache ?? Caches,
            MaxSteps = MaxSteps,
            TimeLimit = Timeout,
            Convention = choice.Convention,
            ConventionReason = choice.Reason,
            KimageFields = fields,
            KernelMapAtEntry = kernelMap,
            HypStub = El2Stub,
            BigEndian = BigEndian || imageBigEndian,
        };
        if (EntryState.Of(options).NotAnEntryOf(options) is { } reason)
            throw new CliError($"{(ExceptionLevel is not null && Mmu is null ? "--el" : Mmu is not null && ExceptionLevel is null ? "--mmu" : "--el/--mmu")}: {reason}");
        return options;
    }
}

/// <summary>Runs the verifier with a progress bar on a terminal and a plain (or JSON) report otherwise.</summary>
public static class VerifyRunner
{
    /// <summary>Offsets files and asm-offsets headers are a few hundred bytes; anything past this is not one.</summary>
    public const long MaxTextInputBytes = 1L << 20;

    /// <summary>
    /// Verifies <paramref name="image"/> (the file a64asm wrote) with what the offsets file or the link says about it
    /// (<paramref name="kexec"/>, null when there is none): picks the convention (--convention overrides), and for every
    /// convention but patched-quads runs only the bytes machine_kexec copies.
    /// </summary>
    public static int Run(byte[] image, KexecOffsets? kexec, string source, VerifySettings settings, TextWriter stdout, KexecPayload? payload = null,
        ImageSourceLines? sourceLines = null)
    {
        var fieldValues = settings.KimageFields;
        var code = kexec?.ControlCode;
        if (code is not null && (code.Offset > (ulong)image.Length || code.Size > (ulong)image.Length - code.Offset))
            throw new CliError($"{source}: the control code (0x{code.Size:x} bytes at 0x{code.Offset:x}) is not inside the {image.Length}-byte image");
        byte[] copied = code is null ? image : image.AsSpan((int)code.Offset, (int)code.Size).ToArray();

        ConventionChoice choice;
        if (settings.Convention is { } convention)
        {
            choice = new ConventionChoice(convention, "--convention",
                convention == KexecConvention.KimageStructure && ConventionPicker.EnteredWithMmuOn(MarkingOf(code)));
        }
        else
        {
            bool patch = kexec?["arm64_kexec_kimage_start_offset"] is not null && kexec?["arm64_kexec_kimage_head_offset"] is not null;
            choice = ConventionPicker.Pick(patch, Slot(kexec, KexecPatchSlot.KimageHead) is not null, MarkingOf(code), copied, fieldValues is not null)
                ?? throw new CliError($"{source}: cannot tell the hand-off convention (no arm64_kexec_* offsets, no marked control code): pass --convention");
        }

        KexecLayout layout = new(0, 0);
        KimageFieldOffsets? fields = null;
        byte[] blob = copied;
        switch (choice.Convention)
        {
            case KexecConvention.PatchedOffsets:
                if (kexec?["arm64_kexec_kimage_start_offset"] is not { } start || kexec["arm64_kexec_kimage_head_offset"] is not { } head)
                    throw new CliError($"{source}: needs arm64_kexec_kimage_start_offset and arm64_kexec_kimage_head_offset");
                layout = new KexecLayout(start, head) { DtbOffset = kexec["arm64_kexec_dtb_addr_offset"] };
                blob = image;   // as before conventions were picked: the whole file at the control page
                break;
            case KexecConvention.PatchedGlobals or KexecConvention.SpinTable:
                if (code is null || Slot(kexec, KexecPatchSlot.KimageHead) is not { } headAt || Slot(kexec, KexecPatchSlot.KimageStart) is not { } startAt)
                    throw new CliError($"{source}: needs the control code and its kimage_head and kimage_start patch slots");
                layout = new KexecLayout(startAt, headAt) { DtbOffset = Slot(kexec, KexecPatchSlot.Dtb) };
                break;
            case KexecConvention.KimageStructure:
                fields = KimageFieldNames.Build(fieldValues ?? [], out string error) ?? throw new CliError(error);
                break;
        }
        // A big-endian image says so in its offsets file (or its link); --big-endian is for a bare image.
        var options = settings.ToOptions(choice, fields, imageBigEndian: kexec?.BigEndian == true) with
        {
            Payload = payload,
            SourceLines = ReferenceEquals(blob, image) || code is null ? sourceLines : sourceLines?.From(code.Offset),
        };
        return settings.Matrix ? VerifyMatrixRunner.Run(blob, layout, options, settings.Json, stdout) : Run(blob, layout, options, settings.Json, stdout);
    }

    static ulong? Slot(KexecOffsets? kexec, string role) => kexec?.PatchSlots.FirstOrDefault(s => s.Role == role)?.Offset;

    static CodeMarking MarkingOf(KexecControlCode? code) => code?.Mark switch
    {
        ControlCodeMark.SizeQuad => CodeMarking.SizeQuad,
        ControlCodeMark.EarlySizeQuad => CodeMarking.EarlySizeQuad,
        ControlCodeMark.StartEndSymbols => CodeMarking.StartEndSymbols,
        ControlCodeMark.Section => CodeMarking.Section,
        _ => CodeMarking.None,
    };

    public static int Run(byte[] image, KexecLayout layout, VerifyOptions options, bool json, TextWriter stdout)
    {
        string label = options.Payload is null ? $"relocating {options.Pages} pages of {options.PageSize / 1024}K" : "relocating the kernel payload";
        var report = Watched(Interactive(stdout, json), label, progress => KexecVerifier.Verify(image, layout, options, progress));
        stdout.Write(json ? report.ToJson() : report.ToText());
        if (json)
            stdout.WriteLine();
        return report.Passed ? 0 : 1;
    }

    /// <summary>A user watches the report on a terminal (not JSON, not redirected): worth a progress bar and colour.</summary>
    internal static bool Interactive(TextWriter stdout, bool json) => stdout == Console.Out && !Console.IsOutputRedirected && !json;

    /// <summary>
    /// Runs a verification, behind a progress bar labelled <paramref name="label"/> when <paramref name="interactive"/>.
    /// A payload problem that only the run's page size reveals (text_offset against the pages) becomes the user's error.
    /// </summary>
    internal static T Watched<T>(bool interactive, string label, Func<IProgress<double>?, T> run)
    {
        try
        {
            if (!interactive)
                return run(null);
            T? result = default;
            AnsiConsole.Progress().AutoClear(true).Start(ctx =>
            {
                var task = ctx.AddTask(label, maxValue: 1.0);
                result = run(new Progress<double>(v => task.Value = v));
                task.Value = 1.0;
            });
            return result!;
        }
        catch (InvalidPayloadException e)
        {
            throw new CliError(e.Message);
        }
    }

    /// <summary>Reads what the file <c>a64asm --offsets</c> wrote (.json or .h).</summary>
    public static KexecOffsets ReadOffsets(string path)
    {
        if (!File.Exists(path))
            throw new CliError($"{path}: No such file or directory");
        if (!KexecOffsetsReader.TryParse(System.Text.Encoding.UTF8.GetString(SourceFiles.ReadInput(path, MaxTextInputBytes)), path, out var offsets, out string error))
            throw new CliError($"{path}: not an offsets file: {error}");
        return offsets;
    }
}
