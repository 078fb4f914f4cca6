using System.Diagnostics;

namespace A64Asm.Assembler;

/// <summary>
/// Where assembly time goes (--timings), measured inside the run loop as it runs by default (see AssemblyPipeline):
/// macro expansion and statement preparation per line on the reading stage, assembling per batch on the assembling
/// stage. With two threads the first two overlap the third, so the stages add up to more than the wall time.
/// </summary>
public sealed class StageTimes
{
    public enum Stage { ReadLines, Macros, Parse, Assemble, Finish }

    private static readonly string[] Names =
        ["read + split lines", "macros (incl. preprocessor)", "parse (or find in memo)", "layout + encode", "fixups + object model"];

    private readonly long[] _ticks = new long[Names.Length];
    private readonly long[] _bytes = new long[Names.Length];
    /// <summary>Where a stage started: time and the bytes this thread had allocated.</summary>
    public readonly record struct Mark(long Timestamp, long Allocated);

    /// <summary>Call at the start of a stage; <see cref="Add"/> ends it, on the same thread.</summary>
    public Mark Start() => new(Stopwatch.GetTimestamp(), GC.GetAllocatedBytesForCurrentThread());

    // The two stages of a two-thread run add from their own threads.
    public void Add(Stage stage, Mark start)
    {
        Interlocked.Add(ref _ticks[(int)stage], Stopwatch.GetTimestamp() - start.Timestamp);
        Interlocked.Add(ref _bytes[(int)stage], GC.GetAllocatedBytesForCurrentThread() - start.Allocated);
    }

    /// <summary>Statements whose word came from the memo instead of being parsed and encoded.</summary>
    public long MemoizedLines { get; set; }

    /// <summary>Statements encoded straight from their tokens instead of being parsed.</summary>
    public long TokenEncodedLines { get; set; }

    public IEnumerable<(string Stage, double Milliseconds, long AllocatedBytes)> Entries()
    {
        for (int i = 0; i < Names.Length; i++)
            yield return (i == (int)Stage.Assemble ? $"{Names[i]} (memo / tokens: {MemoizedLines:N0} / {TokenEncodedLines:N0} lines)" : Names[i],
                _ticks[i] * 1000.0 / Stopwatch.Frequency, _bytes[i]);
    }
}
