namespace A64Asm.Assembler.Diagnostics;

/// <summary>A file as read, kept so a diagnostic can quote the offending line.</summary>
public sealed class SourceText
{
    public SourceText(string displayPath, string text)
    {
        DisplayPath = displayPath;
        Lines = new SourceLines(text);
    }

    /// <summary>The path as the user (or the #include line) named it; never made absolute, so outputs carry no host paths.</summary>
    public string DisplayPath { get; }

    public SourceLines Lines { get; }

    /// <summary>1-based line, or empty when out of range.</summary>
    public string LineText(int line) => line >= 1 && line <= Lines.Length ? Lines[line - 1] : "";
}

/// <summary>
/// The lines of a file without their line ends ("\r\n" or "\n"; a trailing newline starts no line). Only where
/// each line starts is kept: a line's string is made when it is read, so on a large file the strings die young
/// instead of all living as long as the file does.
/// </summary>
public sealed class SourceLines : IReadOnlyList<string>
{
    private readonly string _text;
    private readonly int[] _starts;

    public SourceLines(string text)
    {
        _text = text;
        int count = text.AsSpan().Count('\n');
        if (!text.EndsWith('\n'))
            count++;
        _starts = new int[count + 1];
        int line = 0, at = 0;
        while (line < count)
        {
            _starts[line++] = at;
            int newline = text.IndexOf('\n', at);
            at = newline < 0 ? text.Length + 1 : newline + 1;
        }
        _starts[count] = at;
        Length = count;
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
            if (end > start && end < _text.Length && _text[end - 1] == '\r')
                end--;
            return _text.Substring(start, end - start);
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
