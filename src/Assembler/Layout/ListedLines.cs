using A64Asm.Assembler.Diagnostics;

namespace A64Asm.Assembler.Layout;

/// <summary>
/// The ranges each listed line emitted, kept while emitting; their bytes are read and passed to the sink once the
/// object is finished, so fixed-up bytes are listed as they end up.
/// </summary>
internal sealed class ListedLines(IListingSink sink)
{
    // A NOBITS section holds no bytes: a short run of zeros stands for a .skip there, not a huge allocation.
    private const long MaxListedNoBits = 64;

    private readonly List<(AsmSection Section, long Offset, long Length, SourceLine Line)> _listed = new();

    public IListingSink Sink => sink;

    public void Add(AsmSection section, long offset, long length, SourceLine line)
    {
        // ';'-separated statements of one line come as pieces: list the line once, with all its bytes.
        if (_listed.Count > 0 && _listed[^1] is var last && ReferenceEquals(last.Section, section)
            && last.Offset + last.Length == offset && SameSourceLine(last.Line, line))
        {
            _listed[^1] = last with { Length = last.Length + length };
            return;
        }
        _listed.Add((section, offset, length, line));
    }

    private static bool SameSourceLine(SourceLine a, SourceLine b) =>
        ReferenceEquals(a.Location.Pos.File, b.Location.Pos.File) && a.Location.Pos.Line == b.Location.Pos.Line
        && ReferenceEquals(a.Location.Context, b.Location.Context);

    public void WriteTo()
    {
        foreach (var (section, offset, length, line) in _listed)
        {
            int shown = (int)(section.IsNoBits ? Math.Min(length, MaxListedNoBits) : length);
            sink.Line(section.Name, offset, shown == 0 ? default : section.At(offset, shown), line);
        }
        _listed.Clear();
    }
}
