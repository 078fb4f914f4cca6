// VerifyBench: the 1 GiB kexec verify (262,144 4K pages through the sample relocate_kernel) beside
// qemu-aarch64 running the same copy loop as a user program (shared/bench/copyloop-qemu.S), in one run.
//
//   dotnet run -c Release --project tools/bench/VerifyBench [-- --pages N] [--runs N] [--blob B --offsets O] [--copyloop S]
//       [--engine interpreter|blocks] [--cli artifacts/a64asm/a64asm]
// --cli also times the published a64asm (Native AOT) as users run it, whole command, start to exit.
using System.Diagnostics;
using A64Asm.Verifier.Kexec;

var opts = BenchOptions.Parse(args);
string root = BenchOptions.RepoRoot();
string blobPath = opts.Blob ?? Path.Combine(root, "tests/vectors/kexec/sample-4k.bin");
string offsetsPath = opts.Offsets ?? Path.ChangeExtension(blobPath, ".offsets");
var parts = File.ReadAllText(offsetsPath).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
var layout = new KexecLayout(Convert.ToUInt64(parts[0], 16), Convert.ToUInt64(parts[1], 16));
byte[] blob = File.ReadAllBytes(blobPath);

Console.WriteLine($"verify: {opts.Pages:N0} pages of 4K ({opts.Pages * 4096L >> 20} MiB) through {Path.GetFileName(blobPath)}");
var verifyTimes = new List<double>();
for (int run = 0; run < opts.Runs; run++)
{
    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
    var sw = Stopwatch.StartNew();
    var report = KexecVerifier.Verify(blob, layout, new VerifyOptions { Pages = opts.Pages, PageSize = 4096, Seed = 1, Engine = opts.Engine });
    sw.Stop();
    // CPU time beside wall time: on a shared machine it moves less with what else is running.
    cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
    verifyTimes.Add(sw.Elapsed.TotalSeconds);
    Console.WriteLine($"  run {run + 1}: {sw.Elapsed.TotalSeconds:F3} s, cpu {cpu.TotalSeconds:F3} s ({(report.Passed ? "PASS" : "FAIL")}; build {report.BuildTime.TotalSeconds:F3} s, " +
        $"run {report.RunTime.TotalSeconds:F3} s, check {report.CheckTime.TotalSeconds:F3} s; {report.Instructions / Math.Max(1e-9, report.RunTime.TotalSeconds) / 1e6:F0} M instr/s)");
    if (!report.Passed) Console.WriteLine(report.ToText());
}

// Row 2: the same kimage with the cache model on (SCTLR.C and I set, every access through the modelled caches).
var cachedTimes = new List<double>();
for (int run = 0; run < opts.Runs; run++)
{
    var sw = Stopwatch.StartNew();
    var report = KexecVerifier.Verify(blob, layout, new VerifyOptions { Pages = opts.Pages, PageSize = 4096, Seed = 1, Engine = opts.Engine, Caches = true });
    sw.Stop();
    cachedTimes.Add(sw.Elapsed.TotalSeconds);
    Console.WriteLine($"  --caches on run {run + 1}: {sw.Elapsed.TotalSeconds:F3} s ({report.Instructions:N0} instructions; findings: {string.Join(", ", report.Findings.Select(f => f.Id).Distinct())})");
}

double? cli = opts.Cli is { } exe ? PublishedCli.Time(exe, blobPath, layout, opts) : null;
double? qemu = QemuCopyloop.Time(opts, root);
double first = verifyTimes[0], best = verifyTimes.Min();
Console.WriteLine();
Console.WriteLine($"a64asm verify in process, 1st run (cold):  {first:F3} s");
Console.WriteLine($"a64asm verify in process, best of {opts.Runs}:       {best:F3} s");
if (cli is { } c) Console.WriteLine($"a64asm verify (published CLI), best of {opts.Runs}: {c:F3} s");
if (qemu is { } q)
{
    Console.WriteLine($"qemu-aarch64 copyloop, best:    {q:F3} s");
    Console.WriteLine($"ratio in process/qemu: cold {first / q:F2}, best {best / q:F2} (goal <= 1.0)");
    if (cli is { } c2) Console.WriteLine($"ratio published CLI/qemu: best {c2 / q:F2} (goal <= 1.0)");
}
else Console.WriteLine("qemu-aarch64 copyloop: not measured (qemu-aarch64 or aarch64-linux-gnu-gcc missing)");
double cachedBest = cachedTimes.Min();
Console.WriteLine($"a64asm verify --caches on in process, best of {opts.Runs}: {cachedBest:F3} s" + (qemu is { } q3 ? $"; ratio to qemu copyloop {cachedBest / q3:F2} (goal <= 1.0)" : ""));

// Row 3: a program that is not a copy loop, assembled and linked by a64asm, run in the emulator and in qemu-aarch64.
if (opts.Cli is { } cliExe && GeneralWorkload.Time(cliExe, root, opts) is var (ours, theirs))
    Console.WriteLine($"general workload (checksum over 64 MiB) in process, best of {opts.Runs}: {ours:F3} s; qemu-aarch64 {theirs:F3} s; ratio {ours / theirs:F2} (goal <= 1.0)");

internal sealed record BenchOptions(int Pages, int Runs, string? Blob, string? Offsets, string? Copyloop, A64Asm.Verifier.Emulation.ExecutionEngine Engine, string? Cli)
{
    public static BenchOptions Parse(string[] args)
    {
        int pages = 262_144, runs = 3;
        string? blob = null, offsets = null, copyloop = null, cli = null;
        var engine = A64Asm.Verifier.Emulation.ExecutionEngine.Blocks;
        for (int i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--pages": pages = int.Parse(args[i + 1]); break;
                case "--runs": runs = int.Parse(args[i + 1]); break;
                case "--blob": blob = args[i + 1]; break;
                case "--offsets": offsets = args[i + 1]; break;
                case "--copyloop": copyloop = args[i + 1]; break;
                case "--cli": cli = Path.GetFullPath(args[i + 1]); break;
                case "--engine": engine = Enum.Parse<A64Asm.Verifier.Emulation.ExecutionEngine>(args[i + 1], ignoreCase: true); break;
                default: throw new ArgumentException($"unknown option {args[i]}");
            }
        }
        return new BenchOptions(pages, Math.Max(1, runs), blob, offsets, copyloop, engine, cli);
    }

    public static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "A64Asm.sln"))) return dir.FullName;
        for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "A64Asm.sln"))) return dir.FullName;
        throw new InvalidOperationException("run from inside the repository");
    }
}

internal static class QemuCopyloop
{
    /// <summary>Builds copyloop-qemu.S and returns qemu-aarch64's best wall time over the runs, or null without the tools.</summary>
    public static double? Time(BenchOptions opts, string root)
    {
        string source = opts.Copyloop ?? Path.Combine(root, "..", "shared", "bench", "copyloop-qemu.S");
        if (!File.Exists(source)) { Console.WriteLine($"  (no {source})"); return null; }
        string dir = Directory.CreateTempSubdirectory("copyloop").FullName;
        try
        {
            string exe = Path.Combine(dir, "copyloop");
            if (Run("aarch64-linux-gnu-gcc", $"-nostdlib -static \"{source}\" -o \"{exe}\"") is null) return null;
            double best = double.MaxValue;
            for (int i = 0; i < opts.Runs; i++)
            {
                var t = Run("qemu-aarch64", $"\"{exe}\"");
                if (t is null) return null;
                Console.WriteLine($"  qemu-aarch64 copyloop run {i + 1}: {t:F3} s");
                best = Math.Min(best, t.Value);
            }
            return best;
        }
        finally { Directory.Delete(dir, true); }
    }

    private static double? Run(string tool, string args)
    {
        try
        {
            var sw = Stopwatch.StartNew();
            using var p = Process.Start(new ProcessStartInfo(tool, args) { UseShellExecute = false, RedirectStandardError = true })!;
            string err = p.StandardError.ReadToEnd();
            p.WaitForExit();
            sw.Stop();
            if (p.ExitCode != 0) { Console.WriteLine($"  {tool} failed: {err}"); return null; }
            return sw.Elapsed.TotalSeconds;
        }
        catch (System.ComponentModel.Win32Exception) { return null; }
    }
}

internal static class GeneralWorkload
{
    /// <summary>Builds tools/bench/workloads/checksum.S with the published a64asm (assemble, then link an ELF program),
    /// checks the emulator prints what qemu-aarch64 prints, and returns both best times; null when a tool is missing.</summary>
    public static (double Ours, double Qemu)? Time(string cli, string root, BenchOptions opts)
    {
        string dir = Directory.CreateTempSubdirectory("workload").FullName;
        try
        {
            string source = Path.Combine(root, "tools/bench/workloads/checksum.S"), obj = Path.Combine(dir, "checksum.o"), program = Path.Combine(dir, "checksum");
            if (!Tool(cli, ["-c", source, "-o", obj], out _) || !Tool(cli, ["link", obj, "--format", "elf", "-Ttext=0x400000", "-e", "_start", "-o", program], out _))
                return null;
            byte[] elf = File.ReadAllBytes(program);
            double ours = double.MaxValue, qemu = double.MaxValue;
            byte[] printed = [];
            for (int i = 0; i < opts.Runs; i++)
            {
                var sw = Stopwatch.StartNew();
                var run = A64Asm.Verifier.Emulation.StaticProgram.Run(elf, opts.Engine, maxSteps: 2_000_000_000);
                sw.Stop();
                ours = Math.Min(ours, sw.Elapsed.TotalSeconds);
                printed = run.Stdout;
                Console.WriteLine($"  checksum run {i + 1}: {sw.Elapsed.TotalSeconds:F3} s ({run.Machine.Counters.Instructions:N0} instructions, result {Convert.ToHexString(run.Stdout)})");
            }
            for (int i = 0; i < opts.Runs; i++)
            {
                var sw = Stopwatch.StartNew();
                if (!Tool("qemu-aarch64", [program], out byte[] qemuOut)) return null;
                sw.Stop();
                qemu = Math.Min(qemu, sw.Elapsed.TotalSeconds);
                if (!qemuOut.AsSpan().SequenceEqual(printed))
                    throw new InvalidOperationException($"the emulator printed {Convert.ToHexString(printed)}, qemu-aarch64 {Convert.ToHexString(qemuOut)}");
                Console.WriteLine($"  qemu-aarch64 checksum run {i + 1}: {sw.Elapsed.TotalSeconds:F3} s");
            }
            return (ours, qemu);
        }
        finally { Directory.Delete(dir, true); }
    }

    static bool Tool(string exe, string[] args, out byte[] stdout)
    {
        stdout = [];
        try
        {
            using var p = Process.Start(new ProcessStartInfo(exe, args) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true })!;
            var buffer = new MemoryStream();
            p.StandardOutput.BaseStream.CopyTo(buffer);
            string err = p.StandardError.ReadToEnd();
            p.WaitForExit();
            stdout = buffer.ToArray();
            if (p.ExitCode != 0) { Console.WriteLine($"  {exe} {string.Join(' ', args)} failed: {err}"); return false; }
            return true;
        }
        catch (System.ComponentModel.Win32Exception) { Console.WriteLine($"  no {exe}"); return false; }
    }
}

internal static class PublishedCli
{
    /// <summary>Runs `a64asm verify` as a user would and returns its best wall time, start to exit; null when it fails.</summary>
    public static double? Time(string exe, string blob, KexecLayout layout, BenchOptions opts)
    {
        string dir = Directory.CreateTempSubdirectory("verifycli").FullName;
        try
        {
            // The CLI reads the offsets file a64asm --offsets writes; the two symbols verify needs are enough.
            string offsets = Path.Combine(dir, "o.json");
            File.WriteAllText(offsets, $"{{ \"arm64_kexec_kimage_start_offset\": {layout.StartOffset}, \"arm64_kexec_kimage_head_offset\": {layout.HeadOffset} }}");
            double best = double.MaxValue;
            for (int i = 0; i < opts.Runs; i++)
            {
                var sw = Stopwatch.StartNew();
                using var p = Process.Start(new ProcessStartInfo(exe, ["verify", blob, "--offsets", offsets, "--pages", opts.Pages.ToString()])
                    { UseShellExecute = false, RedirectStandardOutput = true })!;
                string output = p.StandardOutput.ReadToEnd();
                p.WaitForExit();
                sw.Stop();
                if (p.ExitCode != 0 || !output.Contains("verify: PASS")) { Console.WriteLine($"  {exe} failed:\n{output}"); return null; }
                string split = output.Split('\n').FirstOrDefault(l => l.TrimStart().StartsWith("time:"))?.Trim() ?? "";
                Console.WriteLine($"  published CLI run {i + 1}: {sw.Elapsed.TotalSeconds:F3} s ({split})");
                best = Math.Min(best, sw.Elapsed.TotalSeconds);
            }
            return best;
        }
        catch (System.ComponentModel.Win32Exception) { Console.WriteLine($"  no {exe} (bash tools/publish.sh builds it)"); return null; }
        finally { Directory.Delete(dir, true); }
    }
}
