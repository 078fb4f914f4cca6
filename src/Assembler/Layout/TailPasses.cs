using A64Asm.Assembler.Diagnostics;
using A64Asm.Assembler.Parsing.Syntax;
using A64Asm.Isa;
using A64Asm.Assembler.InstructionEncoding;

namespace A64Asm.Assembler.Layout;

/// <summary>
/// The tail: the statements from the first one whose size depends on a label not yet defined (.skip/.space/.fill
/// of a forward difference, .org to a later label). Everything before it is already laid out and emitted, at places
/// the tail cannot change. The tail's statements are kept; once the input ends, layout passes over the tail alone,
/// each from the state the tail began in, repeat until no label moves (sizes are then consistent with the labels
/// they depend on, as in LLVM's MCAssembler::layout), and a last pass emits it.
/// </summary>
internal sealed class TailPasses(PassState state, SectionTable sections, RegisterAliases aliases, InstructionEncoder encoder,
    FixupTable fixups, MappingSymbols mapping, SectionWriter writer, LiteralPools pools)
{
    private const int MaxLayoutPasses = 16;

    private readonly List<ParsedLine> _program = new();
    private TailStart? _start;

    /// <summary>What a pass over the tail starts from: the state just before the tail's first statement.</summary>
    private sealed record TailStart(SectionPositions Sections, KeyValuePair<string, string>[] Aliases,
        ArchFeatures Features, int Relocations, int Fixups, int LineSeq)
    {
        /// <summary>Equates defined before the tail and set again in it, with their value where the tail begins.</summary>
        public Dictionary<SymbolEntry, SymbolValue> Equates { get; } = new(ReferenceEqualityComparer.Instance);
    }

    /// <summary>A symbol's definition, as far as a pass over the tail may change it.</summary>
    private readonly record struct SymbolValue(bool IsDefined, bool IsEquate, AsmSection? Section, long Offset,
        Expr? PendingExpression, SourceLine? PendingLine)
    {
        public static SymbolValue Of(SymbolEntry s) =>
            new(s.IsDefined, s.IsEquate, s.Section, s.Offset, s.PendingExpression, s.PendingLine);

        public void ApplyTo(SymbolEntry s)
        {
            s.IsDefined = IsDefined;
            s.IsEquate = IsEquate;
            s.Section = Section;
            s.Offset = Offset;
            s.PendingExpression = PendingExpression;
            s.PendingLine = PendingLine;
        }
    }

    /// <summary>Whether any statement was kept for the passes.</summary>
    public bool Begun => _start is not null;

    /// <summary>A statement arriving once the tail has begun: kept for the passes.</summary>
    public void Keep(ParsedLine line)
    {
        if (!state.Streaming)
            _program.Add(line);
    }

    /// <summary>A size or position depends on a later label. The first time, the tail begins at the statement being
    /// executed: what it did so far (its labels) stands, and from here on statements are kept and laid out only.</summary>
    public void SizeUnknown(ParsedLine? executing)
    {
        state.SizesUncertain = true;
        if (!state.Streaming)
            return;
        var first = executing ?? throw new InvalidOperationException("a size became uncertain outside a statement");
        state.Streaming = false;
        writer.Emitting = false;
        _start = new TailStart(sections.Save(), aliases.Save(), encoder.Features, fixups.RelocationCount, fixups.FixupCount, mapping.LineSeq - 1);
        _program.Add(first);
    }

    /// <summary>Before the tail's first pass changes an equate that was defined where the tail began.</summary>
    public void RememberEquate(SymbolEntry symbol)
    {
        if (_start is { } start && state.IsFirst && (symbol.IsDefined || symbol.PendingExpression is not null))
            start.Equates.TryAdd(symbol, SymbolValue.Of(symbol));
    }

    /// <summary>Runs layout passes over the kept statements until no label moves, then the emitting pass.</summary>
    public void Settle(Action<ParsedLine> execute)
    {
        do
        {
            if (++state.Pass > MaxLayoutPasses)
                throw new AsmError(null, "layout does not settle: label-dependent sizes keep changing");
            RunPass(execute);
        } while (state.LabelMoved);
        state.Pass++;
        writer.Emitting = true;
        RunPass(execute);
        if (state.LabelMoved)
            throw new AsmError(null, "internal error: a label moved in the emitting pass");
    }

    private void RunPass(Action<ParsedLine> execute)
    {
        var start = _start!;
        state.LabelMoved = false;
        state.SizesUncertain = false;
        sections.Restore(start.Sections);
        aliases.Restore(start.Aliases);
        encoder.Features = start.Features;
        fixups.TruncateTo(start.Fixups, start.Relocations);
        mapping.LineSeq = start.LineSeq;
        foreach (var (symbol, value) in start.Equates)
            value.ApplyTo(symbol);
        foreach (var line in _program)
            execute(line);
        pools.PlaceEndPools();
        if (sections.EndPass())
            state.LabelMoved = true;
    }
}
