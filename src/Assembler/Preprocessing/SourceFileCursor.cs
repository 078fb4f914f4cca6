using System.Text;
using A64Asm.Assembler.Diagnostics;

namespace A64Asm.Assembler.Preprocessing;

/// <summary>
/// Reading position in one file. Hands out physical lines with backslash-newline continuations spliced
/// (<see cref="SplicedLine"/>), and builds located errors for the file.
/// </summary>
internal sealed class SourceFileCursor
{
    public SourceFileCursor(SourceText text, ExpansionFrame? includedFrom, int includeLevel)
    {
        Text = text;
        Lines = text.Lines;
        IncludedFrom = includedFrom;
        IncludeLevel = includeLevel;
        Markers = new LineMap(text, includedFrom);
        LineDirectives = new LineMap(text, includedFrom);
        int slash = text.DisplayPath.LastIndexOfAny(['/', '\\']);
        Directory = slash < 0 ? "" : text.DisplayPath[..(slash + 1)];
    }

    public SourceText Text { get; }
    public SourceLines Lines { get; }
    public ExpansionFrame? IncludedFrom { get; }
    public int IncludeLevel { get; }

    /// <summary>The display directory with its trailing separator ("" for the current directory).</summary>
    public string Directory { get; }

    /// <summary>0-based index of the next physical line to read.</summary>
    public int NextLine { get; set; }

    /// <summary>Depth of the conditional stack when this file was entered; deeper entries at EOF are unterminated.</summary>
    public int ConditionalBase { get; init; }

    /// <summary>Index of the -I directory the file was found in, or -1; where #include_next resumes.</summary>
    public int FoundInDir { get; init; } = -1;

    public bool AtEnd => NextLine >= Lines.Length;

    /// <summary>What #line and line markers (# 12 "file.S" 2) made of the lines: where diagnostics point.</summary>
    public LineMap Markers { get; }

    /// <summary>What #line alone made of them: what __LINE__ and __FILE__ say. cpp in assembler mode passes
    /// "# 12 \"file\"" lines through as text, so only #line changes those, as with gcc.</summary>
    public LineMap LineDirectives { get; }

    public SourceLocation Locate(int line, int column) =>
        Markers.IsIdentity ? new(new SourcePos(Text, line, column), IncludedFrom) : Markers.Locate(line, column);

    /// <summary>__LINE__ and __FILE__ at a physical line.</summary>
    public (string File, int Line) Presumed(int line)
    {
        if (LineDirectives.IsIdentity)
            return (Text.DisplayPath, line);
        var (file, presumed, _) = LineDirectives.Map(line);
        return (file.DisplayPath, presumed);
    }

    public AsmError Error(int line, int column, string message) => new(Locate(line, column), message);

    public SplicedLine ReadSplicedLine()
    {
        int first = NextLine;
        string line = Lines[NextLine++];
        int cut = ContinuationCut(line);
        if (cut < 0)
            return new SplicedLine(line, first + 1, null);
        var sb = new StringBuilder(line, 0, cut, line.Length + 64);
        var starts = new List<int> { 0 };
        while (cut >= 0 && NextLine < Lines.Length)
        {
            starts.Add(sb.Length);
            line = Lines[NextLine++];
            cut = ContinuationCut(line);
            sb.Append(line, 0, cut < 0 ? line.Length : cut);
        }
        return new SplicedLine(sb.ToString(), first + 1, starts.ToArray());
    }

    /// <summary>Index of a continuation backslash (cpp also accepts blanks after it), or -1.</summary>
    static int ContinuationCut(string line)
    {
        int end = line.Length;
        while (end > 0 && PpChars.IsBlank(line[end - 1])) end--;
        return end > 0 && line[end - 1] == '\\' ? end - 1 : -1;
    }
}

/// <summary>One or more physical lines joined by backslash-newline; maps offsets back to (line, column).</summary>
internal readonly struct SplicedLine
{
    readonly int[]? segmentStarts;

    public SplicedLine(string text, int firstLine, int[]? segmentStarts)
    {
        Text = text;
        FirstLine = firstLine;
        this.segmentStarts = segmentStarts;
    }

    public string Text { get; }
    public int FirstLine { get; }

    public (int Line, int Column) Position(int offset)
    {
        if (segmentStarts is null)
            return (FirstLine, offset + 1);
        int seg = segmentStarts.Length - 1;
        while (seg > 0 && segmentStarts[seg] > offset) seg--;
        return (FirstLine + seg, offset - segmentStarts[seg] + 1);
    }
}
