using A64Asm.Assembler.Elf;

namespace A64Asm.Assembler.Layout;

/// <summary>Whether a section's bytes at '.' are being marked as code or data (AAELF64 mapping symbols).</summary>
internal enum MapState { Undefined, Data, Code }

/// <summary>
/// A local symbol the object carries besides labels: a mapping symbol ($x, $d) or a section's own symbol. GNU as
/// lists symbols in the order it creates them, so each records where it arose: <see cref="Count"/> symbols of
/// <see cref="SymbolTable.InOrder"/> come before it, then ties go by line and creation order.
/// </summary>
/// <param name="Subsection">The subsection it was made in (<see cref="long.MinValue"/>: the section's first, which
/// GNU as's mark of data before a section's first instruction goes to).</param>
internal sealed record ExtraLocal(AsmSection Section, long Offset, MapState State, int Line, int Phase, long Seq, long Subsection = 0)
{
    public bool IsSectionSymbol => State == MapState.Undefined;
}

/// <summary>
/// The mapping symbols ($x, $d) and section symbols an object carries, recorded as code and data are emitted, and
/// their place among the labels in GNU as's creation order. Only the emitting pass reports here.
/// </summary>
internal sealed class MappingSymbols(SectionTable sections, SymbolTable symbols)
{
    private const int EndOfInput = int.MaxValue;
    /// <summary>Whether a symbol arises before a statement's operands are read or after the whole line.</summary>
    public const int BeforeOperands = 0, AfterLine = 1;

    // Per line of the first pass: how many symbols existed once its labels were defined, and after the whole line.
    private readonly SymbolCountsByLine _symbolsAtStatement = new();
    private readonly SymbolCountsByLine _symbolsAfterLine = new();
    private readonly List<ExtraLocal> _sectionSymbols = new();
    // Superseded symbols become null (removing from the middle of the list made a pool per line quadratic);
    // the index finds the one at a section's offset.
    private readonly List<ExtraLocal?> _mappingSymbols = new();
    private readonly Dictionary<(AsmSection Section, long Offset), int> _mappingAt = new();
    private readonly List<(AsmSection Section, long Offset, long Bytes)> _codePadding = new();
    private readonly Dictionary<AsmSection, MapState> _mapState = new(ReferenceEqualityComparer.Instance);
    /// <summary>Where the statement being run is, for errors.</summary>
    public Func<Diagnostics.SourceLocation?> StatementAt { get; set; } = () => null;

    /// <summary>The statement being laid out, counted from 0 in input order.</summary>
    public int LineSeq { get; set; } = -1;
    private long _extraSeq;
    private int _knownSections;

    public void BeginLine()
    {
        LineSeq++;
        if (_knownSections == 0)
            RecordNewSections(-1);
    }

    public void AfterStatementLabels()
    {
        _symbolsAtStatement.Record(LineSeq, symbols.InOrder.Count);
    }

    public void EndLine()
    {
        _symbolsAfterLine.Record(LineSeq, symbols.InOrder.Count);
        RecordNewSections(LineSeq);
    }

    /// <summary>Set while the pools left open at the end are placed: their symbols come after every line's.</summary>
    public bool PlacingEndPools { get; set; }

    /// <summary>Set once the input has ended.</summary>
    public bool Finished { get; set; }

    public void RecordNewSections(int line)
    {
        for (; _knownSections < sections.All.Count; _knownSections++)
        {
            var section = sections.All[_knownSections];
            // GNU as gives a section it made for itself (.comment) its symbol when it writes the table: last.
            _sectionSymbols.Add(section.SymbolLast
                ? new ExtraLocal(section, 0, MapState.Undefined, EndOfInput, EndOfInput, long.MaxValue - _knownSections)
                : new ExtraLocal(section, 0, MapState.Undefined, line, BeforeOperands, _extraSeq++));
        }
    }

    /// <summary>
    /// A section the assembler writes after the input (.eh_frame): GNU as makes its symbols when it writes the
    /// tables, after every line's and before the code padding's: the data mapping symbol at its first alignment
    /// (<paramref name="dataAt"/>), then the section's own symbol if the section is new.
    /// </summary>
    public void AddEndOfInputSection(AsmSection section, long? dataAt)
    {
        if (dataAt is { } offset)
        {
            _mappingAt[(section, offset)] = _mappingSymbols.Count;
            _mappingSymbols.Add(new ExtraLocal(section, offset, MapState.Data, EndOfInput, EndOfInputTables, _extraSeq++));
        }
        if (_knownSections < sections.All.Count && ReferenceEquals(sections.All[_knownSections], section))
        {
            // After a line table, GNU as makes the frame table's symbol with those nothing refers to.
            _sectionSymbols.Add(_unreferencedLast
                ? new ExtraLocal(section, 0, MapState.Undefined, EndOfInput, EndOfInput, UnreferencedSeq + _extraSeq++)
                : new ExtraLocal(section, 0, MapState.Undefined, EndOfInput, EndOfInputTables, _extraSeq++));
            _knownSections++;
        }
    }

    /// <summary>
    /// Sections the assembler made after the input all at once (the DWARF line table and its unit), no mapping symbols.
    /// GNU as makes their symbols at three times: those its tables name directly as it writes them
    /// (<paramref name="named"/>), then, after the code padding's mapping symbols, those that relocations reach
    /// through a local label (<paramref name="reached"/>), and last those nothing refers to (<paramref name="unreferenced"/>).
    /// </summary>
    public void AddEndOfInputSections(IEnumerable<AsmSection> named, IEnumerable<AsmSection> reached, IEnumerable<AsmSection> unreferenced)
    {
        foreach (var section in named)
            _sectionSymbols.Add(new ExtraLocal(section, 0, MapState.Undefined, EndOfInput, EndOfInputTables, _extraSeq++));
        foreach (var section in reached)
            _sectionSymbols.Add(new ExtraLocal(section, 0, MapState.Undefined, EndOfInput, EndOfInput, ReachedSeq + _extraSeq++));
        foreach (var section in unreferenced)
            _sectionSymbols.Add(new ExtraLocal(section, 0, MapState.Undefined, EndOfInput, EndOfInput, UnreferencedSeq + _extraSeq++));
        _knownSections = sections.All.Count;
        _unreferencedLast = true;
    }

    // Creation-order keys after the code padding's symbols (which take small ones at the end) and before the
    // symbols of sections GNU as made for itself (.comment, long.MaxValue down).
    private const long ReachedSeq = long.MaxValue / 2, UnreferencedSeq = long.MaxValue / 4 * 3;
    private bool _unreferencedLast;

    /// <summary>Marks <paramref name="section"/> as data from here on without a symbol yet; false when it already is.</summary>
    public bool ClaimData(AsmSection section)
    {
        if (StateOf(section) == MapState.Data)
            return false;
        _mapState[section] = MapState.Data;
        return true;
    }

    /// <summary>A data mapping symbol placed at the end (.lcomm's alignment in .bss) but made by line <paramref name="lineSeq"/>.</summary>
    public void AddDataAtLine(AsmSection section, long offset, int lineSeq)
    {
        _mappingAt[(section, offset)] = _mappingSymbols.Count;
        _mappingSymbols.Add(new ExtraLocal(section, offset, MapState.Data, lineSeq, AfterLine, _extraSeq++));
    }

    // Between the lines' phases and the code padding's (EndOfInput).
    private const int EndOfInputTables = AfterLine + 1;

    private MapState StateOf(AsmSection section) => _mapState.GetValueOrDefault(section);

    /// <summary>An instruction or .inst is about to be placed: GNU as first pads code after data to a word with
    /// a code-alignment fragment, whose zero bytes it marks as data once their count is known.</summary>
    public void MarkCode(int phase)
    {
        var s = sections.Current;
        if (s.IsCode && StateOf(s) == MapState.Data)
        {
            SwitchState(MapState.Code, s.Location, BeforeOperands);
            if ((s.Location & 3) != 0)
                _codePadding.Add((s, s.Location, 4 - (s.Location & 3)));
            return;
        }
        EnterState(MapState.Code, phase);
    }

    /// <summary>A literal pool's group of one slot size: aligned as the section's kind, then data.</summary>
    public void MarkPoolGroup(bool aligned)
    {
        if (!aligned)
            SwitchState(sections.Current.IsCode ? MapState.Code : MapState.Data, sections.Current.Location, AfterLine);
        else
            EnterState(MapState.Data, AfterLine);
    }

    /// <summary>
    /// GNU as ends every subsection's fragment list, when it writes the object, with an alignment fragment that marks
    /// code in a code section and data in any other (from the section's marking at the end of the input, which the
    /// lists share). Only the first such mark can change the marking, so it is the end of the lowest-numbered list
    /// (<paramref name="lowest"/>) that may get one; the end of the last list is the section's end, where a symbol
    /// marks nothing. A symbol already at that offset made in the same list is replaced by it; one that starts the
    /// next list makes GNU drop it.
    /// </summary>
    public void MarkSubsectionEnd(AsmSection section, long lowest, long endOfLowest)
    {
        var state = section.IsCode ? MapState.Code : MapState.Data;
        if (StateOf(section) == state)
            return;
        _mapState[section] = state;
        if (_mappingAt.TryGetValue((section, endOfLowest), out int existing) && _mappingSymbols[existing] is { } earlier)
        {
            if (earlier.Subsection != lowest && earlier.Subsection != FirstSubsection)
                return;
            _mappingSymbols[existing] = null;
        }
        _mappingAt[(section, endOfLowest)] = _mappingSymbols.Count;
        _mappingSymbols.Add(new ExtraLocal(section, endOfLowest, state, EndOfInput, EndOfInput, _extraSeq++, lowest));
    }

    /// <summary>Data directives (.byte … .quad, strings, .space, .fill) mark '.' as data before their operands.</summary>
    public void MarkData() => EnterState(MapState.Data, BeforeOperands);

    /// <summary>As <see cref="MarkData"/> for a directive GNU as marks once its operands are read (.uleb128/.sleb128).</summary>
    public void MarkDataAfterOperands() => EnterState(MapState.Data, AfterLine);

    /// <summary>.space/.skip/.fill of at least one byte: GNU as gives the bytes a fill fragment, which marks data in
    /// any section, once the operands are read (in code the directive has marked it before them).</summary>
    public void MarkFill()
    {
        if (sections.Current.IsCode)
            MarkData();
        else
            SwitchState(MapState.Data, sections.Current.Location, AfterLine);
    }

    /// <summary>.align and friends: a code section without a fill pattern pads with NOPs (code, its odd leading
    /// bytes marked data); any other alignment takes the section's kind.</summary>
    public void MarkAlignment(bool codeFill, long padding)
    {
        var s = sections.Current;
        SwitchState(s.IsCode ? MapState.Code : MapState.Data, s.Location, codeFill ? AfterLine : BeforeOperands);
        if (codeFill && (padding & 3) != 0)
            _codePadding.Add((s, s.Location, padding & 3));
    }

    private void EnterState(MapState state, int phase)
    {
        var s = sections.Current;
        if (s.IsAbsolute) return;
        var now = StateOf(s);
        if (now == state) return;
        if (now == MapState.Undefined && state == MapState.Data && !s.IsCode)
            return;
        if (now == MapState.Undefined && state == MapState.Code && s.Location > 0)
            AddMapping(s, 0, MapState.Data, phase, FirstSubsection);
        SwitchState(state, s.Location, phase);
    }

    private void SwitchState(MapState state, long offset, int phase)
    {
        var s = sections.Current;
        if (s.IsAbsolute) return;
        if (StateOf(s) == state) return;
        _mapState[s] = state;
        AddMapping(s, offset, state, phase);
    }

    // A symbol at the offset of an earlier one of its section supersedes it (the earlier marked nothing).
    private const long FirstSubsection = long.MinValue;

    // Where one subsection ends and the next begins, GNU as keeps the symbol that begins the next (it drops one at the
    // very end of a fragment list when the next list starts with a symbol), whichever was made first.
    private void AddMapping(AsmSection section, long offset, MapState state, int phase, long? subsection = null)
    {
        long madeIn = subsection ?? section.Subsection;
        if (_mappingAt.TryGetValue((section, offset), out int earlier))
        {
            if (_mappingSymbols[earlier] is { } other && other.Subsection > madeIn)
                return;
            _mappingSymbols[earlier] = null;
        }
        int line = Finished && LineSeq < 0 ? EndOfInput : LineSeq;
        _mappingAt[(section, offset)] = _mappingSymbols.Count;
        _mappingSymbols.Add(new ExtraLocal(section, offset, state, PlacingEndPools ? EndOfInput : line, phase, _extraSeq++, madeIn));
    }

    /// <summary>
    /// The mapping symbols GNU as adds when it writes the object: the zero bytes that bring a code alignment to a
    /// word become data and code resumes after them (unless later data already starts there); a symbol at the very
    /// end of its section marks nothing and goes.
    /// </summary>
    private List<ExtraLocal> FinalMappingSymbols()
    {
        var result = new List<ExtraLocal?>(_mappingSymbols);
        var at = new Dictionary<(AsmSection Section, long Offset), int>(_mappingAt);
        var order = new Dictionary<AsmSection, int>(ReferenceEqualityComparer.Instance);
        for (int i = 0; i < sections.All.Count; i++)
            order[sections.All[i]] = i;
        // GNU as fills the padding as it writes each section's fragments, in address order (subsections joined).
        foreach (var (section, offset, bytes) in _codePadding.OrderBy(p => order[p.Section]).ThenBy(p => p.Offset))
        {
            if (at.TryGetValue((section, offset), out int earlier))
                result[earlier] = null;
            at[(section, offset)] = result.Count;
            result.Add(new ExtraLocal(section, offset, MapState.Data, EndOfInput, EndOfInput, _extraSeq++));
            if (!at.TryGetValue((section, offset + bytes), out int after) || result[after] is null)
            {
                at[(section, offset + bytes)] = result.Count;
                result.Add(new ExtraLocal(section, offset + bytes, MapState.Code, EndOfInput, EndOfInput, _extraSeq++));
            }
        }
        var kept = new List<ExtraLocal>(result.Count);
        foreach (var m in result)
            if (m is not null && m.Offset != m.Section.Location)
                kept.Add(m);
        return kept;
    }

    /// <summary>Labels and the extra locals, in GNU as's creation order.</summary>
    public List<ObjectSymbol> Ordered(List<ObjectSymbol?> labels, Dictionary<AsmSection, ObjectSection> output)
    {
        RecordNewSections(LineSeq);
        var extras = _sectionSymbols.Concat(FinalMappingSymbols())
            .Select(e => (Count: CountBefore(e), e.Line, e.Phase, e.Seq, e))
            .OrderBy(x => x.Count).ThenBy(x => x.Line).ThenBy(x => x.Phase).ThenBy(x => x.Seq)
            .ToList();
        var ordered = new List<ObjectSymbol>(labels.Count + extras.Count);
        int next = 0;
        for (int i = 0; i <= labels.Count; i++)
        {
            for (; next < extras.Count && (extras[next].Count <= i || i == labels.Count); next++)
                ordered.Add(ToObjectSymbol(extras[next].e, output));
            if (i < labels.Count && labels[i] is { } label)
                ordered.Add(label);
        }
        return ordered;
    }

    private int CountBefore(ExtraLocal e)
    {
        if (e.Line < 0) return 0;
        var counts = e.Phase == BeforeOperands ? _symbolsAtStatement : _symbolsAfterLine;
        return counts.At(e.Line);
    }

    private static ObjectSymbol ToObjectSymbol(ExtraLocal e, Dictionary<AsmSection, ObjectSection> sections) =>
        new(e.IsSectionSymbol ? e.Section.Name : e.State == MapState.Code ? "$x" : "$d")
        {
            Section = sections[e.Section],
            Value = e.Offset,
            Binding = SymbolBinding.Local,
            Type = e.IsSectionSymbol ? SymbolType.Section : SymbolType.NoType,
        };
}

/// <summary>
/// How many symbols existed at a point of each line of the first pass. The count only grows, and most lines add
/// no symbol, so only the lines where it changed are kept (a million-line file would otherwise keep a million).
/// </summary>
internal sealed class SymbolCountsByLine
{
    private readonly List<(int Line, int Count)> _changes = new();
    private int _lines;

    /// <summary>Line numbers come in order; a line already recorded (a later pass) is left as it was.</summary>
    public void Record(int line, int count)
    {
        if (line != _lines)
            return;
        _lines++;
        if (_changes.Count == 0 || _changes[^1].Count != count)
            _changes.Add((line, count));
    }

    /// <summary>The count recorded for <paramref name="line"/>; int.MaxValue for a line never recorded.</summary>
    public int At(int line)
    {
        if (line >= _lines) return int.MaxValue;
        int lo = 0, hi = _changes.Count - 1;
        while (lo < hi)
        {
            int mid = (lo + hi + 1) / 2;
            if (_changes[mid].Line <= line) lo = mid;
            else hi = mid - 1;
        }
        return _changes[lo].Count;
    }
}
