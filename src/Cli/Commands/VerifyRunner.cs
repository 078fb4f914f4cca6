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

    public IEnumerable<Option> All => [PageSize, Pages, Seed, Caches, MaxSteps, Json];

    public VerifyOptions Read(ParseResult parse, int? pageShiftHint)
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
        return new VerifyOptions
        {
            PageSize = ParsePageSize(parse.GetValue(PageSize), pageShiftHint),
            Pages = pages,
            Seed = parse.GetValue(Seed),
            Caches = caches == "on",
            MaxSteps = maxSteps,
        };
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

    /// <summary>Reads the start/head offsets from the file <c>a64asm --offsets</c> wrote (.json or .h).</summary>
    public static KexecLayout ReadLayout(string path)
    {
        if (!File.Exists(path))
            throw new CliError($"{path}: No such file or directory");
        if (!KexecOffsetsReader.TryParse(File.ReadAllText(path), path, out var offsets, out string error))
            throw new CliError($"{path}: not an offsets file: {error}");
        if (offsets["arm64_kexec_kimage_start_offset"] is not { } start || offsets["arm64_kexec_kimage_head_offset"] is not { } head)
            throw new CliError($"{path}: needs arm64_kexec_kimage_start_offset and arm64_kexec_kimage_head_offset");
        return new KexecLayout(start, head);
    }
}
