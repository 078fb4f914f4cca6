using A64Asm.Assembler.Diagnostics;
using A64Asm.Assembler.Parsing.Syntax;

namespace A64Asm.Assembler.Layout;

/// <summary>
/// The tail: the statements from the first one whose size depends on a label not yet defined (.skip/.space/.fill
/// of a forward difference, .org to a later label). Everything before it is already laid out and emitted, at places
/// the tail cannot change. The tail's statements are kept; once the input ends, layout passes over the tail alone,
/// each from the state the tail began in, repeat until no label moves (sizes are then consistent with the labels
/// they depend on, as in LLVM's MCAssembler::layout), and a last pass emits it.
/// </summary>
public sealed partial class ObjectAssembler
{
    private const int MaxLayoutPasses = 16;

    // The statement being executed, which becomes the tail's first when its size turns out unknown.
    private ParsedLine? _executing;
    private TailStart? _tail;

    /// <summary>What a pass over the tail starts from: the state just before the tail's first statement.</summary>
    private sealed record TailStart(SectionPositions Sections, KeyValuePair<string, string>[] Aliases,
        Isa.ArchFeatures Features, int Relocations, int Fixups, int LineSeq)
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

    /// <summary>A size or position depends on a later label. The first time, the tail begins at the statement being
    /// executed: what it did so far (its labels) stands, and from here on statements are kept and laid out only.</summary>
    private void MarkUncertain()
    {
        _uncertain = true;
        if (!_streaming)
            return;
        var first = _executing ?? throw new InvalidOperationException("a size became uncertain outside a statement");
        _streaming = false;
        _out.Emitting = false;
        _tail = new TailStart(Sections.Save(), Aliases.Save(), _encoder.Features, _fixups.RelocationCount, _fixups.FixupCount, _mapping.LineSeq - 1);
        _program.Add(first);
    }

    /// <summary>Before the tail's first pass changes an equate that was defined where the tail began.</summary>
    private void RememberTailEquate(SymbolEntry symbol)
    {
        if (_tail is { } tail && _pass == 1 && (symbol.IsDefined || symbol.PendingExpression is not null))
            tail.Equates.TryAdd(symbol, SymbolValue.Of(symbol));
    }

    private void SettleTail()
    {
        do
        {
            if (++_pass > MaxLayoutPasses)
                throw new AsmError(null, "layout does not settle: label-dependent sizes keep changing");
            RunTailPass();
        } while (_moved);
        _pass++;
        _out.Emitting = true;
        RunTailPass();
        if (_moved)
            throw new AsmError(null, "internal error: a label moved in the emitting pass");
    }

    private void RunTailPass()
    {
        var tail = _tail!;
        _moved = false;
        _uncertain = false;
        Sections.Restore(tail.Sections);
        Aliases.Restore(tail.Aliases);
        _encoder.Features = tail.Features;
        _fixups.TruncateTo(tail.Fixups, tail.Relocations);
        _mapping.LineSeq = tail.LineSeq;
        foreach (var (symbol, value) in tail.Equates)
            value.ApplyTo(symbol);
        foreach (var line in _program)
            Execute(line);
        _pools.PlaceEndPools();
    }
}
