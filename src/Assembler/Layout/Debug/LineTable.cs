using A64Asm.Assembler.Diagnostics;

namespace A64Asm.Assembler.Layout.Debug;

/// <summary>
/// The rows of .debug_line as GNU as makes them. With -g every instruction gets the file and line it was read
/// from (a macro's lines the line that used the macro, an included file's its own), a row only when that file or
/// line changed since the last row. A .loc instead sets the location the next instruction takes (one row per .loc;
/// a .loc that no instruction used gets its row at '.' when the next .loc comes). The first .file N turns -g's own
/// rows off: the input then brings its line information itself.
/// </summary>
internal sealed class LineTable(Action<string, long> defineViewSymbol)
{
    private readonly List<LineSequence> _sequences = new();
    private LineLocation _current = LineLocation.Initial;
    private bool _locSeen;
    // -g's "same line as the last row" test, which GNU as keeps across sections.
    private long _lastLine = -1;
    private int _lastFile = -1;

    /// <summary>Whether the rows come from the source lines: set by -g, cleared by the first .file N.</summary>
    public bool Generating { get; set; }

    public LineFileTable Files { get; } = new();

    /// <summary>A DWARF 5 table (--gdwarf-5, or a `.file 0`): directory and file 0, strings in .debug_line_str.</summary>
    public bool Dwarf5 { get; set; }

    /// <summary>Whether the next instruction gets a row (or may: -g skips a row for the line of the last).</summary>
    public bool WantsRow => Generating || _locSeen || MarkLabels;

    /// <summary>.loc_mark_labels 1: each label in a code section gets a basic_block row of its own.</summary>
    public bool MarkLabels { get; set; }

    /// <summary>A label at <paramref name="offset"/>: with .loc_mark_labels, a row at it with basic_block set, made
    /// even for the line of the last row; it takes the .loc, so the next instruction gets none.</summary>
    public void Label(AsmSection section, long offset, SourceLine line)
    {
        // Without -g, only once a .file N has numbered a file.
        if (!MarkLabels || !section.IsCode || (!Generating && Files.Count == 0))
            return;
        var location = Generating ? Where(line) : _current;
        location = location with { Flags = location.Flags | LineFlags.BasicBlock };
        Consume();
        var sequence = Sequence(section);
        sequence.Rows.Add(NewRow(sequence, offset, location, null));
        FirstRowAt ??= line.Location;
    }

    /// <summary>One per section that got a row, in the order of their first rows.</summary>
    public IReadOnlyList<LineSequence> Sequences => _sequences;

    /// <summary>The place of the first row, for errors about the table as a whole.</summary>
    public SourceLocation? FirstRowAt { get; private set; }

    /// <summary>.file N: the input numbers its own files; what -g made so far goes (its sections stay listed).</summary>
    public void TakeOverFromInput()
    {
        if (!Generating)
            return;
        Generating = false;
        Files.Clear();
        foreach (var sequence in _sequences)
            sequence.Rows.Clear();
    }

    /// <summary>The location the last .loc set: a .loc keeps its column, ISA and is_stmt unless it gives them.</summary>
    public LineLocation Current => _current;

    /// <summary>.loc: the location the next instruction takes.</summary>
    /// <remarks>A .loc with a view gets its row at once, at '.', as in GNU as.</remarks>
    public void Loc(LineLocation location, AsmSection section, SourceLine line, LineView? view = null)
    {
        if (_locSeen && !Generating)
            Add(section, section.Location, _current, line);
        _current = location;
        _locSeen = true;
        if (view is not null)
            Add(section, section.Location, _current, line, view);
    }

    /// <summary>An instruction (or .inst) at <paramref name="offset"/> of <paramref name="section"/>.</summary>
    public void Instruction(AsmSection section, long offset, SourceLine line)
    {
        LineLocation location;
        if (_locSeen)
            location = _current;
        else if (Generating)
            location = Where(line);
        else
            return;
        Add(section, offset, location, line);
    }

    private void Add(AsmSection section, long offset, LineLocation location, SourceLine line, LineView? view = null)
    {
        Consume();
        if (location.Line == 0)
            return;
        if (Generating)
        {
            if (location.Line == _lastLine && location.File == _lastFile)
                return;
            _lastLine = location.Line;
            _lastFile = location.File;
        }
        var sequence = Sequence(section);
        FirstRowAt ??= line.Location;
        sequence.Rows.Add(NewRow(sequence, offset, location, view));
    }

    private LineSequence Sequence(AsmSection section)
    {
        var sequence = _sequences.Find(s => ReferenceEquals(s.Section, section));
        if (sequence is null)
        {
            sequence = new LineSequence(section);
            _sequences.Add(sequence);
        }
        return sequence;
    }

    private LineRow NewRow(LineSequence sequence, long offset, LineLocation location, LineView? view)
    {
        long number = 0;
        long subsection = sequence.Section.Subsection;
        if (view is not { Reset: true } && sequence.LastIn(subsection) is { } previous && previous.Offset == offset)
            number = previous.View + 1;
        if (view is not null)
        {
            if (view.Symbol is { } symbol)
                defineViewSymbol(symbol, number);
            else if (number != 0)
                throw new AsmError(view.At, $"view number mismatch: the row's view is {number}, not 0");
        }
        return new LineRow(offset, location, number, view is { Reset: true }, subsection);
    }

    // A .loc's row flags and discriminator hold for one row; with -g the .loc stays in force.
    private void Consume()
    {
        if (!Generating)
            _locSeen = false;
        _current = _current with { Flags = _current.Flags & ~LineFlags.OneRow, Discriminator = 0 };
    }

    /// <summary>-g: the file and line GNU as reads the instruction from: inside a macro expansion, the line that used
    /// the macro (the outermost use's, in the file being read); else the line itself, a .rept or .irp body line too.</summary>
    private LineLocation Where(SourceLine line)
    {
        var pos = line.Location.Pos;
        for (var frame = line.Location.Context; frame is not null; frame = frame.Outer)
            if (frame.Kind == ExpansionKind.MacroExpandedFrom)
                pos = frame.At;
        return LineLocation.Initial with { File = Files.Find(pos.File.DisplayPath), Line = pos.Line, Isa = _current.Isa };
    }
}
