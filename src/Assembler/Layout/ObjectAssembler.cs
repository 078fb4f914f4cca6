using A64Asm.Assembler.Diagnostics;
using A64Asm.Isa;
using A64Asm.Isa.Fixups;
using A64Asm.Assembler.InstructionEncoding;
using A64Asm.Assembler.Elf;
using A64Asm.Assembler.Parsing;
using A64Asm.Assembler.Parsing.Syntax;
using A64Asm.Assembler.Layout.Debug;

namespace A64Asm.Assembler.Layout;

/// <summary>
/// Assembly proper, in one run over the lines as they arrive (so .if sees earlier .set values). Each statement is
/// laid out and emitted at once; a datum or instruction naming a later symbol is completed at its place at the end.
/// From the first statement whose size depends on a later label (the "tail", see TailPasses) the
/// statements are kept instead, and layout passes over the tail alone repeat until no label moves; the last of
/// them emits the tail. Nothing before the tail is laid out or emitted twice, and the front end runs once.
/// </summary>
public sealed partial class ObjectAssembler : IStatementContext
{
    private readonly IDiagnosticSink _diagnostics;
    private readonly StatementParser _parser;

    // The parts, each owning one concern; this class runs the statements through them.
    private readonly InstructionEncoder _encoder;
    private readonly MappingSymbols _mapping;
    private readonly SectionWriter _out;
    private readonly DataDirectives _data;
    private readonly FixupTable _fixups;
    private readonly LiteralPools _pools;
    private readonly SymbolAttributes _attributes;
    private readonly DeferredWork _deferred;
    private readonly SectionDirectives _sectionArguments;
    private readonly DatumWriter _datums;
    private readonly DirectiveTable _directives;
    private readonly PassState _state = new();
    private readonly TailPasses _tail;
    private readonly SymbolDefinitions _definitions;
    private readonly CallFrameDirectives _callFrames;
    private readonly CommonSymbols _commons;
    private readonly RelocationDirectives _relocs;
    private readonly LineTable _lines;
    // .file "name": GNU as's STT_FILE symbol, first in the table.
    private string? _sourceFileName;

    // The statement being executed, which becomes the tail's first when its size turns out unknown.
    private ParsedLine? _executing;
    // The statement run last, in any pass (tail passes too): where an error found while placing it is.
    private ParsedLine? _statement;
    private bool _finished;

    public ObjectAssembler(IDiagnosticSink diagnostics)
    {
        _diagnostics = diagnostics;
        _parser = new StatementParser();
        _encoder = new InstructionEncoder(this);
        _mapping = new MappingSymbols(Sections, Symbols);
        _out = new SectionWriter(Sections, _mapping);
        _data = new DataDirectives(this, _out);
        _fixups = new FixupTable(Sections, Symbols);
        _attributes = new SymbolAttributes(Symbols, this);
        _deferred = new DeferredWork(Sections);
        _sectionArguments = new SectionDirectives(Sections, this);
        _datums = new DatumWriter(this, _out, _fixups, Symbols, _deferred);
        _data.NameSymbols = _datums.EnterNamedSymbols;
        _pools = new LiteralPools(Symbols, this, Sections, _out, _mapping, _datums, (label, line) => _definitions!.DefineLabel(label, line, -1));
        _tail = new TailPasses(_state, Sections, Aliases, _encoder, _fixups, _mapping, _out, _pools);
        _definitions = new SymbolDefinitions(Symbols, Sections, _state, _tail, this, _data, _deferred, () => _out.Emitting);
        var own = new DirectiveTable.OwnDirectives(Ltorg, _definitions.SetSize, _definitions.SetDirective, () => PassDiagnostics, () => this,
            name => _sourceFileName ??= name);
        _lines = new LineTable(_definitions.DefineAbsolute);
        _callFrames = new CallFrameDirectives(Sections, this, () => _out.Emitting);
        _relocs = new RelocationDirectives(Sections, Symbols, _fixups, this, () => _out.Emitting, _datums.EnterNamedSymbols);
        _commons = new CommonSymbols(Symbols, Sections, _mapping, this, () => _out.Emitting);
        // A subsection's chain starts after those numbered below it, which may still grow: laid out in passes.
        Sections.Chains.FirstNonzero = () => _tail.SizeUnknown(_executing);
        _mapping.StatementAt = () => _statement?.Line.Location;
        _directives = new DirectiveTable(Sections, _sectionArguments, _data, _attributes, new ArchitectureDirectives(_encoder), Aliases, own,
            _callFrames, new ValueDirectives(this, _out, EvaluateAbsoluteInLayout, _datums.EnterNamedSymbols),
            new BinaryInclude(this, _out, IncludeDirs), _commons, _relocs,
            new LineDirectives(_lines, Sections, EvaluateAbsoluteInLayout, () => _out.Emitting), InstructionRow);
    }

    /// <summary>The symbol standing for offset 0 of a section, for values such as ". + 8" that name no label.</summary>
    internal string SectionAnchor(string sectionName, ISectionRef section, long offset) => _fixups.SectionAnchor(sectionName, section, offset);

    /// <summary>An instruction's fixup at <paramref name="place"/>, its errors at the operand at <paramref name="index"/>.</summary>
    internal void AddFixup(FixupRequest request, long place, ParsedLine line, int index) => _fixups.AddFixup(request, place, line.At(index));

    long? IStatementContext.EvaluateForLayout(Expr expr, ParsedLine line) => EvaluateForLayout(expr, line);
    void IStatementContext.WriteExpression(int size, Expr expr, SourceLine line, SourceLocation at) => _datums.WriteExpression(size, expr, line, at);
    void IStatementContext.Warning(SourceLocation? at, string message) => Warning(at, message);
    bool IStatementContext.FirstPass => _state.IsFirst;
    bool IStatementContext.CanDefer => CanDefer;
    int IStatementContext.UndefinedLookups => _state.UndefinedLookups;
    void IStatementContext.SizeUnknown() => _tail.SizeUnknown(_executing);
    bool IStatementContext.SizesUncertain => _state.SizesUncertain;

    /// <summary>Before the tail, work that needs later symbols is done at the end, at its place; the tail's emitting
    /// pass comes after every label is placed and needs none.</summary>
    private bool CanDefer => _state.Streaming && !_deferred.Running;

    /// <summary>Room for <paramref name="count"/> (at most 16) bytes at '.' (see <see cref="SectionWriter.Reserve"/>).</summary>
    internal Span<byte> Reserve(int count) => _out.Reserve(count);

    public SectionTable Sections { get; } = new();

    /// <summary>Where .incbin looks for a file after the including file's directory (-I, as .include).</summary>
    public List<string> IncludeDirs { get; } = new();
    public SymbolTable Symbols { get; } = new();
    public RegisterAliases Aliases { get; } = new();

    /// <summary>The instructions accepted: -march, then .arch and .arch_extension (every row by default).</summary>
    public ArchFeatures Features
    {
        get => _encoder.Features;
        init => _encoder.Features = value;
    }

    /// <summary>Data in big-endian order (-EB); instruction words stay little-endian.</summary>
    public bool BigEndian
    {
        get => _out.BigEndian;
        init => _out.BigEndian = value;
    }

    /// <summary>-g (2) or --gdwarf-N (N, 2-5): .debug_line rows from the source lines, and the DWARF version of the unit
    /// written for them. Null: no -g; a .loc still writes a line table (its unit DWARF 3, as GNU as).</summary>
    public int? DwarfVersion
    {
        get => _dwarfVersion;
        init
        {
            _dwarfVersion = value;
            _lines.Generating = value is not null;
            _lines.Dwarf5 = value == 5;
        }
    }

    private readonly int? _dwarfVersion;

    /// <summary>--max-section-size: no section may grow past this many bytes.</summary>
    public long MaxSectionSize
    {
        get => _out.MaxSectionSize;
        init => _out.MaxSectionSize = value;
    }

    internal AsmSection Current => Sections.Current;
    internal bool Emitting => _out.Emitting;

    public ExprValue LocationCounter
    {
        get
        {
            _reading?.ReadDot();
            return Current.IsAbsolute ? ExprValue.Absolute(Current.Location) : new ExprValue(Current.Location, Current, null);
        }
    }

    /// <summary>--defsym name=value: an absolute symbol defined before the first line.</summary>
    public void DefineAbsolute(string name, long value) => _definitions.DefineAbsolute(name, value);

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
        _tail.Keep(parsed);
        _memoCandidate = MemoActive ? parsed.Line : null;
        _executing = parsed;
        try
        {
            Execute(parsed);
        }
        finally
        {
            _executing = null;
            _memoCandidate = null;
        }
    }

    /// <summary>Runs the remaining layout passes and the emitting pass, and builds the object.</summary>
    public ObjectFile Finish()
    {
        _finished = true;
        _mapping.Finished = true;
        try
        {
            _pools.CloseAtEnd();
            _pools.PlaceEndPools();
        }
        catch (AsmError poolError)
        {
            // A literal the pool cannot hold ("ldr q0, =label") is one of GNU as's end-of-input errors: the work done
            // at the end still runs, so that its errors are reported with it.
            var errors = new List<AsmError> { poolError };
            try { _deferred.RunAll(); }
            catch (AsmError more) { errors.Add(more); }
            throw AsmError.All(errors);
        }
        Sections.EndPass();
        if (_tail.Begun)
            _tail.Settle(Execute);
        Sections.Join();
        foreach (var (section, lowest, end) in Sections.Chains.EndsOfLowest(Sections.All))
            _mapping.MarkSubsectionEnd(section, lowest, end);
        _callFrames.CheckAllClosed();
        _commons.Allocate();
        // GNU as writes the line table before the frame tables.
        new DwarfSectionsWriter(Sections, _out, _fixups, _mapping).Write(_lines, _dwarfVersion ?? 3, Symbols.InOrder);
        if (_callFrames.EhFrame)
            new EhFrameWriter(Sections, _out, _fixups, _mapping, this).Write(_callFrames.Frames);
        if (_callFrames.DebugFrame)
            new EhFrameWriter(Sections, _out, _fixups, _mapping, this, debugFrame: true).Write(_callFrames.Frames);
        _deferred.RunAll();
        _fixups.ResolveFixups();
        _relocs.ResolveAll();
        _listed?.WriteTo();
        var obj = ObjectFileBuilder.Build(Sections, Symbols, _fixups, _mapping, this, BigEndian);
        if (_sourceFileName is { } file)
            obj.Symbols.Insert(0, new ObjectSymbol(file) { IsAbsolute = true, Type = SymbolType.File, Binding = SymbolBinding.Local });
        return obj;
    }

    /// <summary>For the macro layer's .if family: an absolute expression at a line's text index.</summary>
    public long EvaluateAbsolute(SourceLine line, int index, string expression)
    {
        var expr = _parser.ParseExpression(line, index, expression);
        return ExpressionEvaluator.EvaluateAbsolute(expr, new SettledScope(this, MarkUndefinedRead), line);
    }

    // GNU as enters every name an expression reads in its symbol table; one still undefined at the end is an
    // undefined symbol of the object even when no relocation names it (".if \type == D").
    private void MarkUndefinedRead(string name)
    {
        // An equate whose expression names undefined symbols is not one itself: those names are (leftover equates).
        if (!SymbolTable.IsAssemblerLocal(name) && Symbols.Find(name) is not ({ IsEquate: true } or { PendingExpression: not null }))
            Symbols.GetOrAdd(name).IsReferenced = true;
    }

    /// <summary>Once the input has ended (the work done at the end runs), a name still undefined stays so.</summary>
    public bool UndefinedStaysUndefined => _deferred.Running;

    /// <summary>As <see cref="EvaluateAbsolute"/>, for directives the layout stage runs (.loc, .file N, .dcb.s/.d): the macro
    /// layer may be parsing on the other thread with <see cref="_parser"/>, so this stage has a parser of its own.</summary>
    private long EvaluateAbsoluteInLayout(SourceLine line, int index, string expression)
    {
        var expr = (_layoutParser ??= new StatementParser()).ParseExpression(line, index, expression);
        return ExpressionEvaluator.EvaluateAbsolute(expr, this, line);
    }

    private StatementParser? _layoutParser;

    public bool IsSymbolDefined(string name) => _definitions.IsDefined(name);

    public bool TryGetSymbol(string name, out ExprValue value) =>
        TryGetSymbol(name, out value, out var error) || (error is not null ? throw error : false);

    public bool TryGetSymbol(string name, out ExprValue value, out AsmError? error)
    {
        bool found = _definitions.TryGetValue(name, out value, out error);
        _reading?.LookedUp(name, defined: found || error is not null);
        if (!found && error is null && _deferred.Running)
            MarkUndefinedRead(name);
        return found;
    }

    private void Execute(ParsedLine line)
    {
        // One null check when no listing is asked for; earlier passes lay out only, so only the emitting one is listed.
        _mapping.BeginLine();
        if (_listed is null || !_out.Emitting || (line.Labels.Count == 0 && line.Statement is null))
        {
            ExecuteStatement(line);
            _mapping.EndLine();
            return;
        }
        var section = Current;
        long start = section.Location, subsection = section.Subsection;
        ExecuteStatement(line);
        // The statement that begins the tail is listed when the tail is emitted.
        if (!_out.Emitting)
        {
            _mapping.EndLine();
            return;
        }
        // A line that switches section or subsection (.section, .text 1) produced nothing where it started.
        long length = ReferenceEquals(section, Current) && section.Subsection == subsection ? Math.Max(0, section.Location - start) : 0;
        _listed.Add(section, start, length, line.Line);
        _mapping.EndLine();
    }

    private void ExecuteStatement(ParsedLine line)
    {
        _statement = line;
        foreach (var label in line.Labels)
        {
            _definitions.DefineLabel(label.Name, line.Line, label.Index);
            if (_out.Emitting)
                _lines.Label(Current, Current.Location, line.Line);
        }
        _mapping.AfterStatementLabels();
        switch (line.Statement)
        {
            case null:
                return;
            case InstructionStatement instruction:
                Instruction(line, instruction);
                return;
            case DirectiveStatement directive:
                _directives.Run(line, directive);
                return;
            case AssignmentStatement assignment:
                _definitions.Assign(line, assignment.Name, assignment.Value, line.At(assignment.Index), redefinable: true);
                return;
            case RegisterAliasStatement alias:
                Aliases.Define(alias.Name, alias.Register, line.At(alias.Index), PassDiagnostics);
                return;
        }
    }

    private void Instruction(ParsedLine line, InstructionStatement instruction)
    {
        PoolEntry? literal = null;
        if (instruction.Operands.Count == 2 && instruction.Operands[1] is LiteralOperandSyntax literalSyntax)
            literal = Literal(line, instruction, literalSyntax);
        if (Current.IsNoBits)
            throw new AsmError(line.At(instruction.Index), $"attempt to store an instruction in NOBITS section '{Current.Name}'");
        _out.MarkCode(MappingSymbols.BeforeOperands);
        _out.AlignInstruction();
        if (!_out.Emitting)
        {
            // Not encoded in a layout pass; the first still makes the symbols it names, where GNU as makes them.
            if (_state.IsFirst)
                EnterNamedSymbols(instruction.Operands);
            Current.Location += 4;
            return;
        }
        _lines.Instruction(Current, Current.Location, line.Line);
        if (ReferenceEquals(_memoCandidate, line.Line) && line.Labels.Count == 0 && literal is null)
        {
            EncodeAndMemoize(line, instruction);
            return;
        }
        Encode(line, instruction, literal);
    }

    /// <summary>The symbols an instruction's operands name, in their order: registers and condition names are none.</summary>
    private void EnterNamedSymbols(IReadOnlyList<OperandSyntax> operands)
    {
        foreach (var operand in operands)
        {
            switch (operand)
            {
                case ExprOperandSyntax { HasHash: false, Expr: SymbolExpr word }
                    when OperandRules.TryRegister(word.Name, Aliases, out _) || RegisterNames.TryParseCondition(word.Name, out _):
                    break;
                case ExprOperandSyntax e: _datums.EnterNamedSymbols(e.Expr); break;
                case RelocOperandSyntax r: _datums.EnterNamedSymbols(r.Expr); break;
                case LiteralOperandSyntax l: _datums.EnterNamedSymbols(l.Value); break;
                case MemoryOperandSyntax m: EnterNamedSymbols(m.Parts); break;
            }
        }
    }

    /// <returns>The feature the encoded row needs; Base when none, or when the statement waits for the end.</returns>
    private Feature Encode(ParsedLine line, InstructionStatement instruction, PoolEntry? literal)
    {
        if (!CanDefer)
            return _encoder.Emit(line, instruction, literal);
        int undefinedBefore = _state.UndefinedLookups;
        long place = Current.Location;
        if (_encoder.TryEmit(line, instruction, literal, out var feature, out var error))
            return feature;
        if (_state.UndefinedLookups == undefinedBefore)
            throw error!;
        // It names a symbol defined further on (an equate, a label difference): encode it at its place at the end,
        // under the selection (.arch) and register aliases (.req) in force here, not those at the end.
        Reserve(4);
        var features = _encoder.Features;
        var aliases = Aliases.IsEmpty ? [] : Aliases.Save();
        _deferred.Add(place, () => EmitAsHere(features, aliases, line, instruction, literal));
        return Feature.Base;
    }

    private void EmitAsHere(ArchFeatures features, KeyValuePair<string, string>[] aliases, ParsedLine line,
        InstructionStatement instruction, PoolEntry? literal)
    {
        var (endFeatures, endAliases) = (_encoder.Features, Aliases.Save());
        _encoder.Features = features;
        Aliases.Restore(aliases);
        try
        {
            _encoder.Emit(line, instruction, literal);
        }
        finally
        {
            _encoder.Features = endFeatures;
            Aliases.Restore(endAliases);
        }
    }

    /// <summary>Evaluates an expression that decides a size or position. In the first pass a forward reference
    /// counts as unknown (null) and schedules another pass; afterwards it is an error.</summary>
    internal long? EvaluateForLayout(Expr expr, ParsedLine line)
    {
        if (!ExpressionEvaluator.TryEvaluate(expr, this, line.Line, out var value, out var error))
        {
            if (!_state.IsFirst) throw error!;
            _tail.SizeUnknown(_executing);
            return null;
        }
        if (value.IsAbsolute) return value.Value;
        if (_state.IsFirst && value.IsUndefinedSymbol)
        {
            _tail.SizeUnknown(_executing);
            return null;
        }
        throw new AsmError(line.At(expr.Index), ExpressionEvaluator.NotAbsoluteMessage(value));
    }

    /// <summary>ldr Rt, =value: the pool slot for this line, allocated in the first pass.</summary>
    private PoolEntry Literal(ParsedLine line, InstructionStatement instruction, LiteralOperandSyntax literal) =>
        _pools.SlotFor(line, Current, instruction, literal, () => _encoder.Converter.Convert(instruction.Operands[0], line.Line));

    /// <summary>.inst: a line row for the words just written, when emitting.</summary>
    private void InstructionRow(ParsedLine line, long start)
    {
        if (_out.Emitting)
            _lines.Instruction(Current, start, line.Line);
    }

    private void Ltorg(ParsedLine line) => _pools.Place(_pools.ClosedAt(line, Current));

    internal ExprValue Evaluate(Expr expr, ParsedLine line) => ExpressionEvaluator.Evaluate(expr, this, line.Line);

    /// <summary>Where this pass's warnings go: later layout passes run the same statements again and stay quiet.</summary>
    internal IDiagnosticSink PassDiagnostics => _state.IsFirst ? _warningSink ??= new PassWarnings(this) : SilentDiagnostics.Instance;
    private PassWarnings? _warningSink;

    private sealed class PassWarnings(ObjectAssembler assembler) : IDiagnosticSink
    {
        public void Warning(SourceLocation? location, string message) => assembler.Warning(location, message);
    }

    internal void Warning(SourceLocation? at, string message)
    {
        _reading?.Warning();
        _diagnostics.Warning(at, message);
    }

    /// <summary>Where the listing goes (null: none).</summary>
    public IListingSink? Listing
    {
        get => _listed?.Sink;
        set => _listed = value is null ? null : new ListedLines(value);
    }

    private ListedLines? _listed;
}
