using System.Diagnostics;

namespace A64Asm.Fuzz;

/// <summary>
/// a64asm-fuzz: deterministic hostile-input campaigns against the assembler, preprocessor, macro layer, disasm,
/// explain, verify and the linker. See tools/fuzz/README.md.
/// </summary>
public static class Program
{
    const string Usage = """
        usage: a64asm-fuzz [--seed S] [--count N] [--start I] [--targets T,...] [--jobs J] [--out DIR]
                           [--timeout-ms MS] [--max-memory-mb MB] [--repo DIR]
               a64asm-fuzz --replay FILE.json [--repo DIR]
               a64asm-fuzz --show TARGET --seed S --start I      (print the generated input)
        targets: 
        """;

    public static int Main(string[] args)
    {
        var o = new Dictionary<string, string>(StringComparer.Ordinal);
        var flags = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < args.Length; i++)
        {
            if (args[i] is "--worker" or "--help")
                flags.Add(args[i]);
            else if (args[i].StartsWith("--", StringComparison.Ordinal) && i + 1 < args.Length)
                o[args[i]] = args[++i];
            else
            {
                Console.Error.WriteLine($"a64asm-fuzz: unexpected argument '{args[i]}'\n{Usage}{string.Join(", ", CaseFactory.Targets)}");
                return 2;
            }
        }
        if (flags.Contains("--help"))
        {
            Console.WriteLine(Usage + string.Join(", ", CaseFactory.Targets));
            return 0;
        }
        string repo = o.GetValueOrDefault("--repo") ?? Corpus.FindRepoRoot(Environment.CurrentDirectory) ?? Corpus.FindRepoRoot(AppContext.BaseDirectory)
            ?? throw new InvalidOperationException("cannot find the repository (A64Asm.sln); pass --repo DIR");
        repo = Path.GetFullPath(repo);
        ulong seed = ulong.Parse(o.GetValueOrDefault("--seed", "1"));
        long start = long.Parse(o.GetValueOrDefault("--start", "0"));
        long count = long.Parse(o.GetValueOrDefault("--count", "10000"));
        var targets = o.GetValueOrDefault("--targets", string.Join(',', CaseFactory.Targets)).Split(',', StringSplitOptions.RemoveEmptyEntries);
        foreach (var t in targets.Where(t => !CaseFactory.Targets.Contains(t)))
        {
            Console.Error.WriteLine($"a64asm-fuzz: unknown target '{t}' (known: {string.Join(", ", CaseFactory.Targets)})");
            return 2;
        }
        string outDir = Path.GetFullPath(o.GetValueOrDefault("--out", "fuzz-findings"));
        var limits = new Limits(int.Parse(o.GetValueOrDefault("--timeout-ms", "5000")), long.Parse(o.GetValueOrDefault("--max-memory-mb", "2048")) << 20);

        if (o.TryGetValue("--replay", out var replay))
            return Replay(replay, repo, limits);
        if (o.TryGetValue("--show", out var shown))
        {
            var c = new CaseFactory(Corpus.Load(repo)).Make(shown, seed, start);
            Console.WriteLine(c.ToJson(Outcome.Accepted));
            return 0;
        }
        if (flags.Contains("--worker"))
            return RunWorker(seed, start, count, targets, outDir, limits, repo, o.GetValueOrDefault("--progress-file"));

        int jobs = int.Parse(o.GetValueOrDefault("--jobs", "1"));
        var clock = Stopwatch.StartNew();
        Console.WriteLine($"a64asm-fuzz: seed {seed}, inputs {start}..{start + count - 1}, {jobs} job(s), targets {string.Join(",", targets)}");
        var stats = new Supervisor(new CampaignSettings(seed, start, count, targets, jobs, outDir, limits, repo), Console.Out).Run();
        stats.Print(Console.Out);
        double seconds = clock.Elapsed.TotalSeconds;
        Console.WriteLine($"{stats.Total:N0} inputs in {seconds:F1} s ({stats.Total / seconds:F0}/s); {stats.Findings} finding(s){(stats.Findings > 0 ? " in " + outDir : "")}");
        return stats.Findings == 0 && stats.Total == count ? 0 : 1;
    }

    static int RunWorker(ulong seed, long start, long count, string[] targets, string outDir, Limits limits, string repo, string? progress)
    {
        // The product may print (.print, warnings); the supervisor reads only this process's report lines.
        var report = new StreamWriter(Console.OpenStandardOutput()) { AutoFlush = false };
        Console.SetOut(TextWriter.Null);
        string scratch = Directory.CreateTempSubdirectory("a64asm-fuzz-").FullName;
        try
        {
            var corpus = Corpus.Load(repo);
            var worker = new Worker(new CaseFactory(corpus), new CaseRunner(repo, scratch), new FindingStore(outDir), limits, report);
            int status = worker.Run(seed, start, start + count, targets, progress);
            if (status == Worker.StoppedStatus)
                Environment.Exit(status);   // a thread is still inside the input; do not wait for it
            return status;
        }
        finally
        {
            try { Directory.Delete(scratch, recursive: true); } catch (IOException) { }
        }
    }

    static int Replay(string path, string repo, Limits limits)
    {
        var c = FuzzCase.FromJson(File.ReadAllText(path));
        string scratch = Directory.CreateTempSubdirectory("a64asm-fuzz-replay-").FullName;
        try
        {
            var runner = new CaseRunner(repo, scratch);
            var outcome = runner.Run(c);
            Console.WriteLine($"{c.Target} seed {c.Seed} #{c.Index}: {outcome.Kind}");
            if (outcome.Detail.Length > 0)
                Console.WriteLine(outcome.Detail);
            return outcome.IsFinding ? 1 : 0;
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }
}
