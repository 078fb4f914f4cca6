using System.IO.MemoryMappedFiles;

namespace A64Asm.Fuzz;

/// <summary>Limits one input runs under.</summary>
public sealed record Limits(int TimeoutMs, long MaxMemoryBytes);

/// <summary>
/// Runs inputs [from, to) of a campaign in this process, each on one thread with a wall-clock watchdog and a
/// working-set check. Before each input its index goes into a memory-mapped progress file, so when the process dies
/// (a stack overflow cannot be caught) the supervisor knows which input killed it. A hang or a blow-up leaves a thread
/// that cannot be stopped, so the worker reports it and exits with <see cref="StoppedStatus"/>.
/// </summary>
public sealed class Worker(CaseFactory factory, CaseRunner runner, FindingStore findings, Limits limits, TextWriter report)
{
    public const int StoppedStatus = 3;
    public const int ProgressEvery = 2000;

    public int Run(ulong seed, long from, long to, IReadOnlyList<string> targets, string? progressPath)
    {
        using var progress = progressPath is null ? null : MemoryMappedFile.CreateFromFile(progressPath, FileMode.OpenOrCreate, null, 8);
        using var progressView = progress?.CreateViewAccessor(0, 8);
        var stats = new Stats();
        using var executor = new CaseExecutor(runner);
        for (long i = from; i < to; i++)
        {
            progressView?.Write(0, i);
            var c = factory.Make(targets[(int)(i % targets.Count)], seed, i);
            var outcome = executor.Run(c, limits, out bool stuck);
            stats.Add(c.Target, outcome.Kind);
            if ((i - from + 1) % ProgressEvery == 0)
            {
                // Counts so far go to the supervisor now, so a long campaign stopped early still has its figure.
                stats.Write(report);
                report.WriteLine("PROGRESS");
                report.Flush();
                stats = new Stats();
            }
            if (outcome.IsFinding)
                findings.Save(c, outcome, report);
            if (stuck)
            {
                stats.Write(report);
                report.WriteLine($"STOPPED {i}");
                report.Flush();
                return StoppedStatus;
            }
        }
        stats.Write(report);
        report.Flush();
        return 0;
    }

    /// <summary>One long-lived thread that runs cases, with the 8 MiB stack the CLI's main thread has on Linux.</summary>
    sealed class CaseExecutor : IDisposable
    {
        readonly CaseRunner _runner;
        readonly Thread _thread;
        readonly SemaphoreSlim _start = new(0);
        readonly ManualResetEventSlim _done = new(false);
        FuzzCase? _case;
        Outcome? _outcome;
        bool _stop;

        public CaseExecutor(CaseRunner runner)
        {
            _runner = runner;
            _thread = new Thread(Loop, 8 << 20) { IsBackground = true, Name = "fuzz-case" };
            _thread.Start();
        }

        void Loop()
        {
            while (true)
            {
                _start.Wait();
                if (_stop) return;
                _outcome = _runner.Run(_case!);
                _done.Set();
            }
        }

        public Outcome Run(FuzzCase c, Limits limits, out bool stuck)
        {
            _case = c;
            _done.Reset();
            var started = Environment.TickCount64;
            var cpuAtStart = Environment.CpuUsage.TotalTime;
            _start.Release();
            while (!_done.Wait(50))
            {
                // On a shared, loaded machine a niced worker waits for a core: wall time alone would call that a hang.
                // A hang is the limit in CPU time, or (an input blocked on something) six times the limit in wall time.
                long ms = Environment.TickCount64 - started;
                double cpuMs = (Environment.CpuUsage.TotalTime - cpuAtStart).TotalMilliseconds;
                if (cpuMs > limits.TimeoutMs || ms > 6L * limits.TimeoutMs)
                {
                    stuck = true;
                    return new Outcome(OutcomeKind.Hang, $"still running after {ms} ms, {cpuMs:F0} ms of CPU (limit {limits.TimeoutMs} ms)");
                }
                long workingSet = Environment.WorkingSet;
                if (workingSet > limits.MaxMemoryBytes)
                {
                    stuck = true;
                    return new Outcome(OutcomeKind.Memory, $"working set {workingSet >> 20} MiB after {ms} ms (limit {limits.MaxMemoryBytes >> 20} MiB)");
                }
            }
            stuck = false;
            return _outcome!;
        }

        public void Dispose()
        {
            _stop = true;
            _start.Release();
        }
    }
}

/// <summary>Counts of outcomes per target, passed from worker to supervisor as "STATS target kind count" lines.</summary>
public sealed class Stats
{
    readonly SortedDictionary<string, long[]> _counts = new(StringComparer.Ordinal);

    public void Add(string target, OutcomeKind kind, long n = 1)
    {
        if (!_counts.TryGetValue(target, out var row))
            _counts[target] = row = new long[Enum.GetValues<OutcomeKind>().Length];
        row[(int)kind] += n;
    }

    public void Write(TextWriter w)
    {
        foreach (var (target, row) in _counts)
            for (int k = 0; k < row.Length; k++)
                if (row[k] > 0)
                    w.WriteLine($"STATS {target} {(OutcomeKind)k} {row[k]}");
    }

    public bool TryParse(string line)
    {
        var parts = line.Split(' ');
        if (parts.Length != 4 || parts[0] != "STATS" || !Enum.TryParse<OutcomeKind>(parts[2], out var kind) || !long.TryParse(parts[3], out long n))
            return false;
        Add(parts[1], kind, n);
        return true;
    }

    public void Merge(Stats other)
    {
        foreach (var (target, row) in other._counts)
            for (int k = 0; k < row.Length; k++)
                Add(target, (OutcomeKind)k, row[k]);
    }

    public long Total => _counts.Values.Sum(r => r.Sum());
    public long Findings => _counts.Values.Sum(r => r.Where((_, k) => new Outcome((OutcomeKind)k).IsFinding).Sum());

    public void Print(TextWriter w)
    {
        w.WriteLine($"{"target",-13} {"inputs",10} {"accepted",10} {"rejected",10} {"findings",9}");
        foreach (var (target, row) in _counts)
            w.WriteLine($"{target,-13} {row.Sum(),10:N0} {row[(int)OutcomeKind.Accepted],10:N0} {row[(int)OutcomeKind.Rejected],10:N0} {row.Sum() - row[(int)OutcomeKind.Accepted] - row[(int)OutcomeKind.Rejected],9:N0}");
        w.WriteLine($"{"total",-13} {Total,10:N0} {"",10} {"",10} {Findings,9:N0}");
    }
}

/// <summary>Saves each finding as a case file that <c>--replay</c> runs again.</summary>
public sealed class FindingStore(string folder)
{
    public string Save(FuzzCase c, Outcome outcome, TextWriter report)
    {
        Directory.CreateDirectory(folder);
        string path = Path.Combine(folder, $"{c.Target}-seed{c.Seed}-{c.Index}.json");
        File.WriteAllText(path, c.ToJson(outcome));
        string firstLine = outcome.Detail.Split('\n')[0];
        report.WriteLine($"FINDING {outcome.Kind} {c.Target} #{c.Index}: {firstLine} -> {path}");
        report.Flush();
        return path;
    }
}
