using System.Diagnostics;

namespace A64Asm.Assembler;

/// <summary>
/// Where assembly time goes (--timings). The stages interleave line by line, so each is summed over all lines;
/// the driver takes a separate, timed loop only when this is asked for, leaving the normal loop free of clocks.
/// </summary>
public sealed class StageTimes
{
    public enum Stage { ReadLines, Macros, Parse, LayoutEncode, Memoized, Finish }

    private static readonly string[] Names =
        ["read + split lines", "macros (incl. preprocessor)", "parse", "layout + encode", "lines from memo / tokens", "fixups + object model"];

    private readonly long[] _ticks = new long[Names.Length];
    private readonly long[] _bytes = new long[Names.Length];
    private long _allocatedAtStart;

    /// <summary>Call at the start of a stage; <see cref="Add"/> ends it.</summary>
    public long Start()
    {
        _allocatedAtStart = GC.GetAllocatedBytesForCurrentThread();
        return Stopwatch.GetTimestamp();
    }

    public void Add(Stage stage, long startTimestamp)
    {
        _ticks[(int)stage] += Stopwatch.GetTimestamp() - startTimestamp;
        _bytes[(int)stage] += GC.GetAllocatedBytesForCurrentThread() - _allocatedAtStart;
    }

    /// <summary>Statements whose word came from the memo instead of being parsed and encoded.</summary>
    public long MemoizedLines { get; set; }

    /// <summary>Statements encoded straight from their tokens instead of being parsed.</summary>
    public long TokenEncodedLines { get; set; }

    public IEnumerable<(string Stage, double Milliseconds, long AllocatedBytes)> Entries()
    {
        for (int i = 0; i < Names.Length; i++)
            yield return (i == (int)Stage.Memoized ? $"{Names[i]} ({MemoizedLines:N0} / {TokenEncodedLines:N0})" : Names[i],
                _ticks[i] * 1000.0 / Stopwatch.Frequency, _bytes[i]);
    }
}
