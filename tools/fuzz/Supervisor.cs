using System.Diagnostics;

namespace A64Asm.Fuzz;

/// <summary>
/// Runs a campaign in worker processes (this program with --worker), so an input that kills its process, or one
/// that hangs, is recorded and the campaign goes on from the next input. --jobs splits the range between workers.
/// </summary>
public sealed class Supervisor(CampaignSettings settings, TextWriter console)
{
    readonly object _lock = new();

    readonly Stats _total = new();
    readonly Stopwatch _clock = Stopwatch.StartNew();

    public Stats Run()
    {
        long per = (settings.Count + settings.Jobs - 1) / settings.Jobs;
        var ranges = Enumerable.Range(0, settings.Jobs)
            .Select(j => (From: settings.Start + j * per, To: Math.Min(settings.Start + settings.Count, settings.Start + (j + 1) * per)))
            .Where(r => r.From < r.To).ToList();
        Task.WaitAll(ranges.Select(r => Task.Run(() => Supervise(r.From, r.To))).ToArray());
        return _total;
    }

    void Supervise(long from, long to)
    {
        var stats = _total;
        string progress = Path.Combine(Path.GetTempPath(), $"a64asm-fuzz-progress-{Environment.ProcessId}-{from}");
        try
        {
            long next = from;
            while (next < to)
            {
                var (status, stoppedAt, stderrTail) = RunWorker(next, to, progress);
                if (status == 0)
                    break;
                if (status == Worker.StoppedStatus && stoppedAt is { } s)
                {
                    next = s + 1;
                    continue;
                }
                // The process died inside an input: the progress file says which.
                long index = BitConverter.ToInt64(File.ReadAllBytes(progress), 0);
                var corpus = LazyCorpus.Value;
                var c = new CaseFactory(corpus).Make(settings.Targets[(int)(index % settings.Targets.Count)], settings.Seed, index);
                lock (_lock)
                {
                    stats.Add(c.Target, OutcomeKind.Died);
                    stats.Add("(unreported)", OutcomeKind.Accepted, UnreportedBefore(index, next));
                }
                lock (_lock)
                    new FindingStore(settings.OutDir).Save(c, new Outcome(OutcomeKind.Died, $"worker exited with status {status}\n{stderrTail}"), console);
                next = index + 1;
            }
        }
        finally
        {
            File.Delete(progress);
        }
    }

    // A worker reports every ProgressEvery inputs; those after its last report died with it, their outcomes unknown.
    static long UnreportedBefore(long died, long workerFrom) => (died - workerFrom) % Worker.ProgressEvery;

    Lazy<Corpus> LazyCorpus => new(() => Corpus.Load(settings.RepoRoot));

    (int Status, long? StoppedAt, string StderrTail) RunWorker(long from, long to, string progress)
    {
        var psi = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!) == "dotnet")
            psi.ArgumentList.Add(typeof(Program).Assembly.Location);
        foreach (var a in new[] { "--worker", "--seed", settings.Seed.ToString(), "--start", from.ToString(), "--count", (to - from).ToString(),
                     "--targets", string.Join(',', settings.Targets), "--out", settings.OutDir, "--timeout-ms", settings.Limits.TimeoutMs.ToString(),
                     "--max-memory-mb", (settings.Limits.MaxMemoryBytes >> 20).ToString(), "--repo", settings.RepoRoot, "--progress-file", progress })
            psi.ArgumentList.Add(a);
        // The GC refuses to grow past the limit: a blow-up ends as OutOfMemoryException in that input, not as a machine out of memory.
        psi.Environment["DOTNET_GCHeapHardLimit"] = $"0x{settings.Limits.MaxMemoryBytes:x}";
        using var p = Process.Start(psi)!;
        var tail = new System.Collections.Concurrent.ConcurrentQueue<string>();
        p.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            tail.Enqueue(e.Data);
            while (tail.Count > 40) tail.TryDequeue(out string? _);
        };
        p.BeginErrorReadLine();
        long? stoppedAt = null;
        while (p.StandardOutput.ReadLine() is { } line)
        {
            lock (_lock)
                if (_total.TryParse(line))
                    continue;
            if (line == "PROGRESS")
                lock (_lock)
                    console.WriteLine($"progress: {_total.Total:N0} inputs, {_total.Findings} finding(s), {_clock.Elapsed.TotalSeconds:F0} s");
            else if (line.StartsWith("STOPPED ", StringComparison.Ordinal))
                stoppedAt = long.Parse(line[8..]);
            else
                lock (_lock) console.WriteLine(line);
        }
        p.WaitForExit();
        return (p.ExitCode, stoppedAt, string.Join('\n', tail));
    }
}

public sealed record CampaignSettings(ulong Seed, long Start, long Count, IReadOnlyList<string> Targets, int Jobs, string OutDir, Limits Limits, string RepoRoot);
