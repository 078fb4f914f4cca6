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
    public readonly Option<string> PageSize = new("--page-size") { HelpName = "4K|16K|64K", Description = "Page size of the kimage (default: from -D PAGE_SHIFT, else 4K)" };
    public readonly Option<int> Pages = new("--pages") { HelpName = "N", Description = "Pages in the kimage (default 64)", DefaultValueFactory = _ => 64 };
    public readonly Option<ulong> Seed = new("--seed") { HelpName = "S", Description = "Seed for page contents and addresses (default 1)", DefaultValueFactory = _ => 1UL };
    public readonly Option<string> Caches = new("--caches") { HelpName = "on|off", Description = "Model D- and I-caches left on by the old kernel (default off)", DefaultValueFactory = _ => "off" };
    public readonly Option<long> MaxSteps = new("--max-steps") { HelpName = "N", Description = "Stop after N instructions (default: scaled to the kimage)" };
    public readonly Option<bool> Json = new("--json") { Description = "Print the report as JSON" };
    public readonly Option<string?> Convention = new("--convention") { HelpName = "patched-quads|patched-globals|spin-table|regs|regs-dtb|kimage-struct", Description = "How machine_kexec hands over head, start and DTB (default: picked from the image's symbols)" };
    public readonly Option<string[]> KimageFieldsFiles = new("--kimage-fields") { HelpName = "FILE.h", Description = "struct kimage field offsets (#define KIMAGE_HEAD ... lines, as asm-offsets.h) for kimage-struct" };
    public readonly Option<string[]> KimageField = new("--kimage-field") { HelpName = "NAME=OFF", Description = "One struct kimage field offset, e.g. KIMAGE_HEAD=0x48" };

    public readonly Option<string?> MmuAtEntry = new("--mmu-at-entry") { HelpName = "on|off", Description = "kimage-struct: enter at EL1 with the MMU on through an identity map and the linear map, as v5.15 on (default: on when .kexec_relocate.text or __relocate_new_kernel_start marks the code)" };

    public readonly Option<bool> El2Stub = new("--el2-stub") { Description = "kimage-struct: the kernel ran at EL1 over the hyp stub (KIMAGE_ARCH_EL2_VECTORS non-zero); the code leaves through hvc #0" };

    public readonly Option<bool> BigEndian = new("--big-endian") { Description = "The kernel is big-endian (-EB): SCTLR.EE set, list entries and handed-over values big-endian" };

    public IEnumerable<Option> All => [PageSize, Pages, Seed, Caches, MaxSteps, Json, Convention, KimageFieldsFiles, KimageField, MmuAtEntry, El2Stub, BigEndian];

    /// <summary>The options with the convention <paramref name="choice"/> names.</summary>
    public VerifyOptions Read(ParseResult parse, int? pageShiftHint, ConventionChoice choice, KimageFieldOffsets? fields, bool imageBigEndian = false)
    {
        int pages = parse.GetValue(Pages);
        if (pages < 1 || pages > 1 << 20)
            throw new CliError($"--pages {pages}: must be between 1 and {1 << 20}");
        string caches = parse.GetValue(Caches) ?? "off";
        if (caches is not ("on" or "off"))
            throw new CliError($"--caches expects on or off, got '{caches}'");
        long maxSteps = parse.GetValue(MaxSteps);
        if (maxSteps < 0)
            throw new CliError("--max-steps must not be negative");
        bool kernelMap = parse.GetValue(MmuAtEntry) switch
        {
            null => choice.KernelMapAtEntry,
            "on" => true,
            "off" => false,
            var other => throw new CliError($"--mmu-at-entry expects on or off, got '{other}'"),
        };
        if (kernelMap && choice.Convention != KexecConvention.KimageStructure)
            throw new CliError("--mmu-at-entry on applies to the kimage-struct convention only");
        bool hypStub = parse.GetValue(El2Stub);
        if (hypStub && choice.Convention != KexecConvention.KimageStructure)
            throw new CliError("--el2-stub applies to the kimage-struct convention only");
        return new VerifyOptions
        {
            PageSize = ParsePageSize(parse.GetValue(PageSize), pageShiftHint),
            Pages = pages,
            Seed = parse.GetValue(Seed),
            Caches = caches == "on",
            MaxSteps = maxSteps,
            Convention = choice.Convention,
            ConventionReason = choice.Reason,
            KimageFields = fields,
            KernelMapAtEntry = kernelMap,
            HypStub = hypStub,
            BigEndian = parse.GetValue(BigEndian) || imageBigEndian,
        };
    }

    /// <summary>The struct kimage field offsets from --kimage-fields files and --kimage-field, or null when none were given.</summary>
    public Dictionary<string, ulong>? ReadKimageFields(ParseResult parse)
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
                throw new CliError(error);
        return fields;
    }

    static int ParsePageSize(string? text, int? pageShiftHint)
    {
        if (text is null)
            return pageShiftHint is { } s and (12 or 14 or 16) ? 1 << s : 4096;
        return text.ToUpperInvariant() switch
        {
            "4K" or "4096" => 4096,
            "16K" or "16384" => 16384,
            "64K" or "65536" => 65536,
            _ => throw new CliError($"--page-size expects 4K, 16K or 64K, got '{text}'"),
        };
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
    public static int Run(byte[] image, KexecOffsets? kexec, string source, VerifyOptionSet set, ParseResult parse, int? pageShiftHint, TextWriter stdout)
    {
        var fieldValues = set.ReadKimageFields(parse);
        var code = kexec?.ControlCode;
        if (code is not null && (code.Offset > (ulong)image.Length || code.Size > (ulong)image.Length - code.Offset))
            throw new CliError($"{source}: the control code (0x{code.Size:x} bytes at 0x{code.Offset:x}) is not inside the {image.Length}-byte image");
        byte[] copied = code is null ? image : image.AsSpan((int)code.Offset, (int)code.Size).ToArray();

        ConventionChoice choice;
        if (parse.GetValue(set.Convention) is { } name)
        {
            var convention = ConventionPicker.Parse(name)
                ?? throw new CliError($"--convention expects one of {string.Join(", ", ConventionPicker.All.Select(ConventionPicker.NameOf))}, got '{name}'");
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
        var options = set.Read(parse, pageShiftHint, choice, fields, imageBigEndian: kexec?.BigEndian == true);
        return Run(blob, layout, options, parse.GetValue(set.Json), stdout);
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
        VerifyReport report;
        bool interactive = stdout == Console.Out && !Console.IsOutputRedirected && !json;
        if (interactive)
        {
            VerifyReport? result = null;
            AnsiConsole.Progress().AutoClear(true).Start(ctx =>
            {
                var task = ctx.AddTask($"relocating {options.Pages} pages of {options.PageSize / 1024}K", maxValue: 1.0);
                result = KexecVerifier.Verify(image, layout, options, new Progress<double>(v => task.Value = v));
                task.Value = 1.0;
            });
            report = result!;
        }
        else
        {
            report = KexecVerifier.Verify(image, layout, options);
        }
        stdout.Write(json ? report.ToJson() : report.ToText());
        if (json)
            stdout.WriteLine();
        return report.Passed ? 0 : 1;
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
