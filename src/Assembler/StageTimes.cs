using System.Diagnostics;

namespace A64Asm.Assembler;

/// <summary>
/// Where assembly time goes (--timings). The stages interleave line by line, so each is summed over all lines;
/// the driver takes a separate, timed loop only when this is asked for, leaving the normal loop free of clocks.
/// </summary>
public sealed class StageTimes
{
    public enum Stage { ReadLines, Macros, Parse, LayoutEncode, Finish }

    private static readonly string[] Names =
        ["read + split lines", "macros (incl. preprocessor)", "parse", "layout + encode", "fixups + object model"];

    private readonly long[] _ticks = new long[Names.Length];

    public void Add(Stage stage, long startTimestamp) => _ticks[(int)stage] += Stopwatch.GetTimestamp() - startTimestamp;

    public IEnumerable<(string Stage, double Milliseconds)> Entries()
    {
        for (int i = 0; i < Names.Length; i++)
            yield return (Names[i], _ticks[i] * 1000.0 / Stopwatch.Frequency);
    }
}
