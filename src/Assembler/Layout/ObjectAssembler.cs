using A64Asm.Assembler.Diagnostics;
using A64Asm.Assembler.InstructionEncoding;
using A64Asm.Assembler.Elf;
using A64Asm.Assembler.Parsing;
using A64Asm.Assembler.Parsing.Syntax;

namespace A64Asm.Assembler.Layout;

/// <summary>
/// Assembly proper, in one run over the lines as they arrive (so .if sees earlier .set values). Each statement is
/// laid out and emitted at once; a datum or instruction naming a later symbol is completed at its place at the end.
/// From the first statement whose size depends on a later label (the "tail", see ObjectAssembler.Tail.cs) the
/// statements are kept instead, and layout passes over the tail alone repeat until no label moves; the last of
/// them emits the tail. Nothing before the tail is laid out or emitted twice, and the front end runs once.
/// </summary>
public sealed partial class ObjectAssembler : IExpressionScope
{
    private readonly IDiagnosticSink _diagnostics;
    private readonly StatementParser _parser;
    private readonly List<ParsedLine> _program = new();
    private readonly Dictionary<ParsedLine, PoolEntry> _literalOf = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<ParsedLine, LiteralPool> _poolAt = new(ReferenceEqualityComparer.Instance);
    private readonly List<PendingRelocation> _relocations = new();
    private readonly InstructionEncoder _encoder;

    private int _pass = 1;
    private bool _emitting;
    private bool _uncertain;
    private bool _moved;
    private bool _finished;

    public ObjectAssembler(IDiagnosticSink diagnostics)
    {
        _diagnostics = diagnostics;
        _streaming = true;
        _emitting = true;
        _parser = new StatementParser();
        _encoder = new InstructionEncoder(this);
    }

    public SectionTable Sections { get; } = new();
    public SymbolTable Symbols { get; } = new();
    public RegisterAliases Aliases { get; } = new();

    /// <summary>Data in big-endian order (-EB); instruction words stay little-endian.</summary>
    public bool BigEndian { get; init; }

    internal AsmSection Current => Sections.Current;
    internal bool Emitting => _emitting;

    public ExprValue LocationCounter
    {
        get
        {
            _memoSpoiled = true;
            return new ExprValue(Current.Location, Current, null);
        }
    }

    /// <summary>--defsym name=value: an absolute symbol defined before the first line.</summary>
    public void DefineAbsolute(string name, long value)
    {
        var symbol = Symbols.GetOrAdd(name);
        symbol.IsDefined = true;
        symbol.IsEquate = true;
        symbol.Section = null;
        symbol.Offset = value;
    }

    /// <summary>Parses and lays out one line (first pass). Lines may hold several ';'-separated statements.</summary>
    public void AddLine(SourceLine line)
    {
        if (line.Text.Contains(';'))
        {
            foreach (var piece in StatementSplitter.Split(line))
                if (!TryAddMemoized(piece))
                    AddParsed(_parser.ParseLine(piece));
            return;
        }
        if (!TryAddMemoized(line))
            AddParsed(_parser.ParseLine(line));
    }

    /// <summary>The parsing half of <see cref="AddLine"/>, which may run on another thread than the rest
    /// (see AssemblyPipeline); parse calls must stay in line order.</summary>
    public void Parse(SourceLine line, List<ParsedLine> into)
    {
        if (line.Text.Contains(';'))
        {
            foreach (var piece in StatementSplitter.Split(line))
                into.Add(_parser.ParseLine(piece));
            return;
        }
        into.Add(_parser.ParseLine(line));
    }

    /// <summary>The layout half of <see cref="AddLine"/>, for lines from <see cref="Parse"/>, in order.</summary>
    public void AddParsed(ParsedLine parsed)
    {
        if (_finished) throw new InvalidOperationException("Finish was already called");
        if (!_streaming)
            _program.Add(parsed);
        _memoCandidate = MemoActive ? parsed.Line : null;
        _executing = parsed;
        Execute(parsed);
        _executing = null;
        _memoCandidate = null;
    }

    /// <summary>Runs the remaining layout passes and the emitting pass, and builds the object.</summary>
    public ObjectFile Finish()
    {
        _finished = true;
        foreach (var section in Sections.All)
            if (!section.OpenPool.IsEmpty)
            {
                section.EndPool = section.OpenPool;
                section.OpenPool = new LiteralPool();
            }
        PlaceEndPools();
        if (!_streaming)
            SettleTail();
        RunDeferred();
        ResolveFixups();
        WriteListing();
        return BuildObject();
    }

    /// <summary>For the macro layer's .if family: an absolute expression at a line's text index.</summary>
    public long EvaluateAbsolute(SourceLine line, int index, string expression)
    {
        var expr = _parser.ParseExpression(line, index, expression);
        return ExpressionEvaluator.EvaluateAbsolute(expr, this, line);
    }

    public bool IsSymbolDefined(string name) => Symbols.Find(name) is { IsDefined: true } or { PendingExpression: not null };

    public bool TryGetSymbol(string name, out ExprValue value)
    {
        bool found = FindSymbolValue(name, out value);
        if (_memoLookups is { } lookups)
        {
            if (found) _memoSpoiled = true;
            else lookups.Add(name);
        }
        return found;
    }

    private bool FindSymbolValue(string name, out ExprValue value)
    {
        value = default;
        var symbol = Symbols.Find(name);
        if (symbol is null)
        {
            _undefinedLookups++;
            return false;
        }
        if (symbol.PendingExpression is { } pending)
            return TryEvaluatePending(symbol, pending, out value);
        if (!symbol.IsDefined)
        {
            _undefinedLookups++;
            return false;
        }
        value = symbol.Value;
        return true;
    }

    /// <summary>Equates being evaluated, innermost last: a symbol met again is a loop, and the list names it.</summary>
    private readonly List<SymbolEntry> _resolving = new();

    /// <summary>Equates that name equates evaluate recursively; gas follows any chain, this bound keeps the
    /// recursion well inside a thread's stack.</summary>
    internal const int MaxEquateChain = 1000;

    private bool TryEvaluatePending(SymbolEntry symbol, Expr pending, out ExprValue value)
    {
        value = default;
        if (symbol.IsResolving)
        {
            var loop = _resolving.Skip(_resolving.IndexOf(symbol)).Select(s => ExpressionEvaluator.Display(s.Name)).Append(ExpressionEvaluator.Display(symbol.Name));
            throw new AsmError(symbol.PendingLine?.At(pending.Index),
                $"symbol definition loop encountered at '{symbol.Name}': {string.Join(" -> ", loop)}");
        }
        if (_resolving.Count >= MaxEquateChain)
            throw new AsmError(symbol.PendingLine?.At(pending.Index),
                $"chain of symbol definitions exceeds the limit of {MaxEquateChain} at '{symbol.Name}'");
        symbol.IsResolving = true;
        _resolving.Add(symbol);
        try
        {
            value = ExpressionEvaluator.Evaluate(pending, this, symbol.PendingLine!);
        }
        finally
        {
            symbol.IsResolving = false;
            _resolving.RemoveAt(_resolving.Count - 1);
        }
        if (value.IsUndefinedSymbol) return false;
        // Equates to a label keep the label's name so relocations name it, as gas does.
        return true;
    }

    private void Execute(ParsedLine line)
    {
        // One null check when no listing is asked for; earlier passes lay out only, so only the emitting one is listed.
        BeginLine();
        if (_listing is null || !_emitting || (line.Labels.Count == 0 && line.Statement is null))
        {
            ExecuteStatement(line);
            EndLine();
            return;
        }
        var section = Current;
        long start = section.Location;
        ExecuteStatement(line);
        // The statement that begins the tail is listed when the tail is emitted.
        if (!_emitting)
        {
            EndLine();
            return;
        }
        // A line that switches section (.section, .text) produced nothing where it started.
        long length = ReferenceEquals(section, Current) ? Math.Max(0, section.Location - start) : 0;
        RecordListed(section, start, length, line.Line);
        EndLine();
    }

    private void ExecuteStatement(ParsedLine line)
    {
        foreach (var label in line.Labels)
            DefineLabel(label.Name, line.Line, label.Index);
        AfterStatementLabels();
        switch (line.Statement)
        {
            case null:
                return;
            case InstructionStatement instruction:
                Instruction(line, instruction);
                return;
            case DirectiveStatement directive:
                Directive(line, directive);
                return;
            case AssignmentStatement assignment:
                Assign(line, assignment.Name, assignment.Value, line.At(assignment.Index), redefinable: true);
                return;
            case RegisterAliasStatement alias:
                Aliases.Define(alias.Name, alias.Register, line.At(alias.Index), PassDiagnostics);
                return;
        }
    }

    /// <param name="index">Where in <paramref name="line"/> the label is written (-1: the line itself), for the error.</param>
    private void DefineLabel(string name, SourceLine line, int index)
    {
        var symbol = Symbols.GetOrAdd(name);
        if (_pass == 1)
        {
            if (symbol.IsDefined || symbol.PendingExpression is not null)
                throw new AsmError(index < 0 ? line.Location : line.At(index), $"symbol '{ExpressionEvaluator.Display(name)}' is already defined");
            symbol.DefinedInPass = 1;
        }
        else if (!ReferenceEquals(symbol.Section, Current) || symbol.Offset != Current.Location)
        {
            _moved = true;
        }
        symbol.IsDefined = true;
        symbol.Section = Current;
        symbol.Offset = Current.Location;
    }

    private void Instruction(ParsedLine line, InstructionStatement instruction)
    {
        PoolEntry? literal = null;
        if (instruction.Operands.Count == 2 && instruction.Operands[1] is LiteralOperandSyntax literalSyntax)
            literal = Literal(line, instruction, literalSyntax);
        if (Current.IsNoBits)
            throw new AsmError(line.At(instruction.Index), $"attempt to store an instruction in NOBITS section '{Current.Name}'");
        MarkCode(AfterLine);
        AlignInstruction();
        if (!_emitting)
        {
            Current.Location += 4;
            return;
        }
        if (ReferenceEquals(_memoCandidate, line.Line) && line.Labels.Count == 0 && literal is null)
        {
            EncodeAndMemoize(line, instruction);
            return;
        }
        Encode(line, instruction, literal);
    }

    private void Encode(ParsedLine line, InstructionStatement instruction, PoolEntry? literal)
    {
        if (!CanDefer)
        {
            _encoder.Emit(line, instruction, literal);
            return;
        }
        int undefinedBefore = _undefinedLookups;
        long place = Current.Location;
        try
        {
            _encoder.Emit(line, instruction, literal);
        }
        catch (AsmError) when (_undefinedLookups != undefinedBefore)
        {
            // It names a symbol defined further on (an equate, a label difference): encode it at the end.
            Current.Location = place;
            Reserve(4);
            Defer(place, () => _encoder.Emit(line, instruction, literal));
        }
    }

    /// <summary>GNU as pads an instruction in a code section to a 4-byte boundary with zeros (labels stay put).</summary>
    internal void AlignInstruction()
    {
        Current.RequireAlignment(4);
        if (Current.IsCode && (Current.Location & 3) != 0)
            Fill(4 - (Current.Location & 3), 0);
    }

    /// <summary>Evaluates an expression that decides a size or position. In the first pass a forward reference
    /// counts as unknown (null) and schedules another pass; afterwards it is an error.</summary>
    internal long? EvaluateForLayout(Expr expr, ParsedLine line)
    {
        if (!ExpressionEvaluator.TryEvaluate(expr, this, line.Line, out var value, out var error))
        {
            if (_pass > 1) throw error!;
            MarkUncertain();
            return null;
        }
        if (value.IsAbsolute) return value.Value;
        if (_pass == 1 && value.IsUndefinedSymbol)
        {
            MarkUncertain();
            return null;
        }
        throw new AsmError(line.At(expr.Index), ExpressionEvaluator.NotAbsoluteMessage(value));
    }

    internal ExprValue Evaluate(Expr expr, ParsedLine line) => ExpressionEvaluator.Evaluate(expr, this, line.Line);

    /// <summary>Where this pass's warnings go: later layout passes run the same statements again and stay quiet.</summary>
    internal IDiagnosticSink PassDiagnostics => _pass == 1 ? _warningSink ??= new PassWarnings(this) : SilentDiagnostics.Instance;
    private PassWarnings? _warningSink;

    private sealed class PassWarnings(ObjectAssembler assembler) : IDiagnosticSink
    {
        public void Warning(SourceLocation? location, string message) => assembler.Warning(location, message);
    }

    internal void Warning(SourceLocation? at, string message)
    {
        _memoSpoiled = true;
        _diagnostics.Warning(at, message);
    }

    private const long MaxListedNoBits = 64;
    private IListingSink? _listing;
    private readonly List<(AsmSection Section, long Offset, long Length, SourceLine Line)> _listed = new();

    /// <summary>Where the listing goes (null: none). Ranges are kept while emitting and their bytes read once the
    /// object is finished, so fixed-up bytes are listed as they end up.</summary>
    public IListingSink? Listing
    {
        get => _listing;
        set => _listing = value;
    }

    private void RecordListed(AsmSection section, long offset, long length, SourceLine line)
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

    private void WriteListing()
    {
        if (_listing is null) return;
        foreach (var (section, offset, length, line) in _listed)
        {
            // A NOBITS section holds no bytes: a short run of zeros stands for a .skip there, not a huge allocation.
            int shown = (int)(section.IsNoBits ? Math.Min(length, MaxListedNoBits) : length);
            _listing.Line(section.Name, offset, shown == 0 ? default : section.At(offset, shown), line);
        }
        _listed.Clear();
    }
}
