using A64Asm.Assembler.Diagnostics;

namespace A64Asm.Assembler.Layout;

/// <summary>A range of a section's bytes and the source line that produced it, named as an error message names it.</summary>
public sealed record SourceLineRange(string Section, long Offset, long Length, string File, int Line, string Text, string? Context);

/// <summary>
/// Collects, as a listing does, which line produced which bytes of which section: what the verifier needs to put a
/// finding on its source line. Lines that produced nothing are left out.
/// </summary>
public sealed class SourceLineTable : IListingSink
{
    private readonly List<SourceLineRange> _ranges = new();

    public IReadOnlyList<SourceLineRange> Ranges => _ranges;

    public void Line(string section, long offset, ReadOnlySpan<byte> bytes, SourceLine line)
    {
        if (bytes.IsEmpty) return;
        var pos = line.Location.Pos;
        _ranges.Add(new SourceLineRange(section, offset, bytes.Length, pos.File.DisplayPath, pos.Line, line.Text.Trim(),
            line.Location.Context?.Describe()));
    }
}

/// <summary>Hands each listed line to two sinks (a listing file and a line table in one run).</summary>
public sealed class ListingTee(IListingSink first, IListingSink second) : IListingSink
{
    public void Line(string section, long offset, ReadOnlySpan<byte> bytes, SourceLine line)
    {
        first.Line(section, offset, bytes, line);
        second.Line(section, offset, bytes, line);
    }

    /// <summary>Either sink alone when the other is null, else both.</summary>
    public static IListingSink? Of(IListingSink? first, IListingSink? second) =>
        first is null ? second : second is null ? first : new ListingTee(first, second);
}
