using System.Diagnostics;

namespace A64Asm.Cli.Output;

/// <summary>--timings: wall time per stage, and since process start, so start-up cost is visible too.</summary>
public sealed class StageClock(TextWriter? sink)
{
    readonly Stopwatch lap = Stopwatch.StartNew();

    public void Lap(string stage)
    {
        if (sink is null)
            return;
        double sinceStart = (DateTime.Now - Process.GetCurrentProcess().StartTime).TotalMilliseconds;
        sink.WriteLine($"a64asm: {stage,-38} {lap.Elapsed.TotalMilliseconds,8:F2} ms   (process age {sinceStart,7:F1} ms)");
        lap.Restart();
    }

    /// <summary>Garbage collections so far: with allocation the other cost that stage times do not name.</summary>
    public void Memory()
    {
        if (sink is null)
            return;
        var last = GC.GetGCMemoryInfo();
        sink.WriteLine($"a64asm: GCs gen0/gen1/gen2 {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}, " +
            $"{GC.GetTotalAllocatedBytes() >> 20} MiB allocated, {GC.GetTotalPauseDuration().TotalMilliseconds:F0} ms paused, " +
            $"{last.PromotedBytes >> 10} KiB promoted by the last, heap {last.HeapSizeBytes >> 20} MiB");
    }

    /// <summary>A share of the stage just lapped, measured inside it.</summary>
    public void Part(string stage, double milliseconds, long allocatedBytes) =>
        sink?.WriteLine($"a64asm:   {stage,-36} {milliseconds,8:F2} ms   ({allocatedBytes >> 20,5} MiB allocated)");
}
