namespace A64Asm.Verifier.Kexec;

/// <summary>The source line an image's bytes came from: its file and line as an error message names them, the text
/// as it was assembled (after macro expansion), and the expansion that produced it, if any.</summary>
public sealed record SourceRef(string File, int Line, string Text, string? Context)
{
    public override string ToString() => $"{File}:{Line}: {Text}" + (Context is null ? "" : $" ({Context})");
}

/// <summary>
/// Which source line each byte range of a control-page image came from, so that a finding names the line a reviewer
/// would mark rather than only a PC. The assembler knows this when it builds the image itself (<c>--verify</c>).
/// </summary>
public sealed class ImageSourceLines
{
    readonly ulong[] _starts;
    readonly ulong[] _ends;
    readonly SourceRef[] _sources;

    /// <param name="ranges">Byte ranges of the image (offsets from its first byte) and their lines; where ranges
    /// overlap, an offset belongs to the one that starts last at or before it.</param>
    public ImageSourceLines(IEnumerable<(ulong Offset, ulong Length, SourceRef Source)> ranges)
    {
        var sorted = ranges.Where(r => r.Length > 0).OrderBy(r => r.Offset).ToArray();
        _starts = sorted.Select(r => r.Offset).ToArray();
        _ends = sorted.Select(r => r.Offset + r.Length).ToArray();
        _sources = sorted.Select(r => r.Source).ToArray();
    }

    public int Count => _sources.Length;

    /// <summary>The same lines for the part of the image from <paramref name="start"/> on (when only the control code
    /// is copied to the control page).</summary>
    public ImageSourceLines From(ulong start) => new(Enumerable.Range(0, _sources.Length)
        .Where(i => _ends[i] > start)
        .Select(i => (_starts[i] < start ? 0 : _starts[i] - start, _ends[i] - Math.Max(_starts[i], start), _sources[i])));

    /// <summary>The line whose bytes hold <paramref name="offset"/>, or null.</summary>
    public SourceRef? At(ulong offset)
    {
        int i = Array.BinarySearch(_starts, offset);
        if (i < 0) i = ~i - 1;
        return i >= 0 && offset < _ends[i] ? _sources[i] : null;
    }
}
