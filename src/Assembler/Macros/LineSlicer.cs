using A64Asm.Assembler.Diagnostics;

namespace A64Asm.Assembler.Macros;

internal static class LineSlicer
{
    /// <summary>The source column of text index <paramref name="index"/> (same rule as <see cref="SourceLine.At"/>).</summary>
    public static int ColumnOf(SourceLine line, int index)
    {
        var map = line.ColumnMap;
        if (map is null)
            return index + 1;
        return map.Length == 0 ? line.Location.Pos.Column : map[Math.Clamp(index, 0, map.Length - 1)];
    }

    /// <summary>Text [start, end) of <paramref name="line"/> as its own line, keeping every character's column.</summary>
    public static SourceLine Slice(SourceLine line, int start, int end)
    {
        string text = line.Text;
        if (start == 0)
        {
            if (end == text.Length)
                return line;
            // A prefix keeps index == column - 1, so the existing map (or none) stays valid.
            return new SourceLine(text[..end], line.Location, line.ColumnMap);
        }
        // One extra entry so a diagnostic "at end of line" points just past the slice.
        var map = new int[end - start + 1];
        for (int i = 0; i < map.Length; i++)
            map[i] = ColumnOf(line, start + i);
        return new SourceLine(text[start..end], line.Location, map);
    }
}
