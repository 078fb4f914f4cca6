namespace A64Asm.Assembler.Diagnostics;

/// <summary>A file as read, kept so a diagnostic can quote the offending line.</summary>
public sealed class SourceText
{
    public SourceText(string displayPath, string text)
    {
        DisplayPath = displayPath;
        Lines = new SourceLines(text);
    }

    /// <summary>A file kept as its UTF-8 bytes (after any byte-order mark); each line is decoded when it is read.</summary>
    public SourceText(string displayPath, byte[] utf8, int start)
    {
        DisplayPath = displayPath;
        Lines = new SourceLines(utf8, start);
    }

    /// <summary>
    /// The lines of <paramref name="physical"/> from <paramref name="firstPhysicalLine"/> on, under the name and
    /// numbering a line marker or #line gave them (see <see cref="LineMap"/>): line <paramref name="firstLine"/> of
    /// <paramref name="displayPath"/> is that physical line, and <see cref="LineText"/> quotes the text read there.
    /// </summary>
    public SourceText(string displayPath, SourceText physical, int firstPhysicalLine, int firstLine)
    {
        DisplayPath = displayPath;
        Lines = physical.Lines;
        physicalOffset = physical.physicalOffset + firstPhysicalLine - firstLine;
        IsRenumbered = true;
    }

    /// <summary>These lines stand in another file read (a line marker or #line named them): the listing numbers them
    /// by where they stand there.</summary>
    public bool IsRenumbered { get; }

    // Physical line = line + physicalOffset; 0 except where a line marker renumbered the lines.
    private readonly int physicalOffset;

    /// <summary>The path as the user (or the #include line) named it; never made absolute, so outputs carry no host paths.</summary>
    public string DisplayPath { get; }

    /// <summary>The physical lines read (for a renumbered text, those of the whole file it was read from).</summary>
    public SourceLines Lines { get; }

    /// <summary>The line number a physical line of the file read has here.</summary>
    public int LogicalLine(int physicalLine) => physicalLine - physicalOffset;

    /// <summary>The physical line of the file read that is line <paramref name="line"/> here (gas's listing numbers
    /// lines so, whatever the line markers say).</summary>
    public int PhysicalLine(int line) => line + physicalOffset;

    /// <summary>1-based line, or empty when out of range.</summary>
    public string LineText(int line)
    {
        int p = PhysicalLine(line);
        return p >= 1 && p <= Lines.Length ? Lines[p - 1] : "";
    }
}

/// <summary>
/// The lines of a file without their line ends ("\r\n" or "\n"; a trailing newline starts no line). Only where
/// each line starts is kept: a line's string is made when it is read, so on a large file the strings die young
/// instead of all living as long as the file does. A file read from disk stays UTF-8 (half the size of a string,
/// and no second copy of the file for the collector to find room for).
/// </summary>
public sealed class SourceLines : IReadOnlyList<string>
{
    private readonly string? _text;
    private readonly byte[]? _utf8;
    private readonly int[] _starts;
    private readonly int _end;

    public SourceLines(string text)
    {
        _text = text;
        _end = text.Length;
        _starts = FindStarts(text.AsSpan(), 0, out int count);
        Length = count;
    }

    public SourceLines(byte[] utf8, int start)
    {
        _utf8 = utf8;
        _end = utf8.Length;
        _starts = FindStarts<byte>(utf8.AsSpan(start), start, out int count);
        Length = count;
    }

    private static int[] FindStarts<T>(ReadOnlySpan<T> text, int offset, out int count) where T : unmanaged, IEquatable<T>
    {
        T newline = typeof(T) == typeof(byte) ? (T)(object)(byte)'\n' : (T)(object)'\n';
        count = text.Count(newline);
        if (text.Length > 0 && !text[^1].Equals(newline))
            count++;
        var starts = new int[count + 1];
        int line = 0, at = 0;
        while (line < count)
        {
            starts[line++] = at + offset;
            int next = text[at..].IndexOf(newline);
            at = next < 0 ? text.Length + 1 : at + next + 1;
        }
        starts[count] = at + offset;
        return starts;
    }

    public int Length { get; }

    int IReadOnlyCollection<string>.Count => Length;

    public string this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)Length, nameof(index));
            int start = _starts[index];
            int end = _starts[index + 1] - 1;
            if (_utf8 is { } utf8)
            {
                if (end > start && end < _end && utf8[end - 1] == '\r')
                    end--;
                return System.Text.Encoding.UTF8.GetString(utf8, start, end - start);
            }
            if (end > start && end < _text!.Length && _text[end - 1] == '\r')
                end--;
            return _text!.Substring(start, end - start);
        }
    }

    public IEnumerator<string> GetEnumerator()
    {
        for (int i = 0; i < Length; i++)
            yield return this[i];
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>A 1-based line and column in one source file.</summary>
public readonly record struct SourcePos(SourceText File, int Line, int Column)
{
    public override string ToString() => $"{File.DisplayPath}:{Line}:{Column}";
}

public enum ExpansionKind
{
    IncludedFrom,
    MacroExpandedFrom,
    RepeatExpandedFrom,
}

/// <summary>One step of the chain that led to a line: the #include / .include, or the macro / .rept / .irp use.</summary>
public sealed record ExpansionFrame(ExpansionKind Kind, string Name, SourcePos At, ExpansionFrame? Outer)
{
    public string Describe() => Kind switch
    {
        ExpansionKind.IncludedFrom => $"in file included from {At.File.DisplayPath}:{At.Line}",
        ExpansionKind.MacroExpandedFrom => $"in macro '{Name}' expanded from {At.File.DisplayPath}:{At.Line}",
        _ => $"in '{Name}' expanded from {At.File.DisplayPath}:{At.Line}",
    };

    public int Depth => 1 + (Outer?.Depth ?? 0);
}

/// <summary>Where a piece of text came from: its position plus the expansion chain around it.</summary>
public sealed record SourceLocation(SourcePos Pos, ExpansionFrame? Context)
{
    public SourceLocation WithColumn(int column) => this with { Pos = Pos with { Column = column } };

    public override string ToString() => Pos.ToString();
}

/// <summary>
/// One logical line handed from one stage to the next (preprocessor → macro layer → parser).
/// <see cref="ColumnMap"/> maps an index into <see cref="Text"/> to a 1-based source column; null means
/// the text is the source line itself (column = index + 1).
/// </summary>
public sealed record SourceLine
{
    // A plain source line keeps its file and number and builds its SourceLocation only when asked (diagnostics,
    // listings, macro frames), which saves one object per line on the common path.
    private readonly SourceLocation? _location;
    private readonly SourceText? _file;
    private readonly int _lineNumber;

    public SourceLine(string Text, SourceLocation Location, int[]? ColumnMap = null)
    {
        this.Text = Text;
        _location = Location;
        this.ColumnMap = ColumnMap;
    }

    /// <summary>Line <paramref name="lineNumber"/> of <paramref name="file"/>, column 1, outside any expansion.</summary>
    public SourceLine(string text, SourceText file, int lineNumber)
    {
        Text = text;
        _file = file;
        _lineNumber = lineNumber;
    }

    public string Text { get; init; }

    public int[]? ColumnMap { get; init; }

    public SourceLocation Location => _location ?? new SourceLocation(new SourcePos(_file!, _lineNumber, 1), null);

    public bool Equals(SourceLine? other) =>
        other is not null && Text == other.Text && Location == other.Location && Equals(ColumnMap, other.ColumnMap);

    public override int GetHashCode() => HashCode.Combine(Text, Location, ColumnMap);

    public SourceLocation At(int index)
    {
        if (_location is null)
        {
            int column = ColumnMap is null ? index + 1 : ColumnMap.Length == 0 ? 1 : ColumnMap[Math.Clamp(index, 0, ColumnMap.Length - 1)];
            return new SourceLocation(new SourcePos(_file!, _lineNumber, column), null);
        }
        int col = ColumnMap is null
            ? index + 1
            : ColumnMap.Length == 0 ? _location.Pos.Column : ColumnMap[Math.Clamp(index, 0, ColumnMap.Length - 1)];
        return _location.WithColumn(col);
    }
}
