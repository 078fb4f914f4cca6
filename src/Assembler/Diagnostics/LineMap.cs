namespace A64Asm.Assembler.Diagnostics;

/// <summary>
/// Where the physical lines of one file really come from once line markers (<c># 12 "file.S" 2</c>) or #line have
/// renamed and renumbered them: a diagnostic then names the original file and line, with the include chain the
/// markers' enter/return flags describe, and still quotes the text that was read (its columns are that text's).
/// </summary>
public sealed class LineMap
{
    readonly record struct Segment(int FirstPhysical, SourceText Text, ExpansionFrame? Chain);

    readonly SourceText physical;
    readonly ExpansionFrame? outer;
    readonly List<Segment> segments = new();

    // The chain of each file a flag-1 marker entered from, so a flag-2 marker can return to it.
    readonly Stack<ExpansionFrame?> includers = new();

    /// <param name="outer">The chain of the file itself (the #include that opened it), kept under the markers'.</param>
    public LineMap(SourceText physical, ExpansionFrame? outer)
    {
        this.physical = physical;
        this.outer = outer;
    }

    /// <summary>True until a marker renumbers something: every line is then itself.</summary>
    public bool IsIdentity => segments.Count == 0;

    /// <summary>The file, line and chain physical line <paramref name="physicalLine"/> stands for.</summary>
    public (SourceText File, int Line, ExpansionFrame? Chain) Map(int physicalLine)
    {
        int s = Find(physicalLine);
        if (s < 0)
            return (physical, physicalLine, outer);
        var seg = segments[s];
        return (seg.Text, seg.Text.LogicalLine(physicalLine), seg.Chain);
    }

    public SourceLocation Locate(int physicalLine, int column)
    {
        var (file, line, chain) = Map(physicalLine);
        return new SourceLocation(new SourcePos(file, line, column), chain);
    }

    /// <summary>
    /// Physical line <paramref name="firstPhysical"/> and those after it are line <paramref name="line"/> on of
    /// <paramref name="file"/> (null: the name in force at the marker). <paramref name="markerLine"/> is the marker's own
    /// physical line: an entered file's chain says it was included from there.
    /// </summary>
    public void Renumber(int markerLine, int firstPhysical, int line, string? file, bool entered, bool returned)
    {
        var (current, currentLine, chain) = Map(markerLine);
        string name = file ?? current.DisplayPath;
        if (entered)
        {
            includers.Push(chain);
            chain = new ExpansionFrame(ExpansionKind.IncludedFrom, name, new SourcePos(current, currentLine, 1), chain);
        }
        else if (returned)
            chain = includers.Count > 0 ? includers.Pop() : outer;
        var text = new SourceText(name, physical, firstPhysical, line);
        // Markers arrive in reading order; a later one for the same line replaces the earlier.
        while (segments.Count > 0 && segments[^1].FirstPhysical >= firstPhysical)
            segments.RemoveAt(segments.Count - 1);
        segments.Add(new Segment(firstPhysical, text, chain));
    }

    /// <summary>The last segment starting at or before the line, or -1; the last one is the usual answer.</summary>
    int Find(int physicalLine)
    {
        int n = segments.Count;
        if (n == 0 || segments[0].FirstPhysical > physicalLine)
            return -1;
        if (segments[n - 1].FirstPhysical <= physicalLine)
            return n - 1;
        int lo = 0, hi = n - 1;
        while (lo < hi)
        {
            int mid = (lo + hi + 1) / 2;
            if (segments[mid].FirstPhysical <= physicalLine) lo = mid;
            else hi = mid - 1;
        }
        return lo;
    }
}
