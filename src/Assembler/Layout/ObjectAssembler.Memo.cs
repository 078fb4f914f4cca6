using System.Buffers.Binary;
using A64Asm.Assembler.Diagnostics;
using A64Asm.Assembler.InstructionEncoding;
using A64Asm.Assembler.Parsing;
using A64Asm.Assembler.Parsing.Syntax;

namespace A64Asm.Assembler.Layout;

/// <summary>A word known for a statement text, with the (at most two) names that must still be undefined: found in the
/// memo, or encoded from the statement's tokens (<paramref name="FromTokens"/>, never with names).</summary>
public readonly record struct MemoHit(uint Word, string? Name0, string? Name1, bool FromTokens = false);

/// <summary>
/// Words known from a statement's text alone, placed without parsing it: from the <see cref="EncodedLineMemo"/>
/// (filled while encoding a statement, read before parsing one) or from the <see cref="DirectStatementEncoder"/>
/// (registers and numbers only). Finding (by text alone) and placing (checked against the symbols of this point in
/// the file) are separate steps, so the two-thread front end can find on its parsing thread and place on the
/// assembling one.
/// </summary>
public sealed partial class ObjectAssembler
{
    private readonly EncodedLineMemo _memo = new();
    private readonly DirectStatementEncoder _direct = new();
    // The statement being added, while its word may still be memoized (streaming, no listing).
    private SourceLine? _memoCandidate;
    // While a candidate is encoded: what it read besides its text (null otherwise).
    private StatementDependencies? _reading;
    private readonly StatementDependencies _dependencies = new();

    /// <summary>Statements whose word came from the memo (for --timings).</summary>
    public long MemoizedLines { get; private set; }

    /// <summary>Statements whose word the direct encoder made from their tokens (for --timings).</summary>
    public long TokenEncodedLines { get; private set; }

    /// <summary>Whether statements may be placed from the memo (on by default; the output is the same either way).</summary>
    public bool Memoize { get; init; } = true;

    /// <summary>Whether register-and-number statements may be encoded from their tokens (on by default; the output is
    /// the same either way). Only where the memo is active: both need a streaming run without a listing.</summary>
    public bool EncodeDirectly { get; init; } = true;

    // Only a streaming run places each statement once, in order; a listing wants each line's parse.
    private bool MemoActive => Memoize && _streaming && Listing is null && !_finished;

    /// <summary>Places <paramref name="line"/>'s word from the memo when the same text was encoded before and
    /// nothing it depended on has changed; false means the line must be parsed and added as usual.</summary>
    public bool TryAddMemoized(SourceLine line)
    {
        if (!MemoActive)
            return false;
        if (_memo.TryFind(line.Text, out var hit))
            return TryPlaceMemoized(hit);
        return TryAddEncodedFromTokens(line);
    }

    // The word the direct encoder makes from the tokens alone.
    private bool TryAddEncodedFromTokens(SourceLine line) =>
        EncodeDirectly && _direct.TryEncode(line.Text, out var encoded) && TryPlaceMemoized(encoded);

    /// <summary>For the pipeline's reading stage, taken once at its start: the memo to find words in (null when
    /// memoizing is off), read there without touching this object's state, which the assembling stage writes.</summary>
    internal EncodedLineMemo? MemoForFinding => MemoActive ? _memo : null;

    /// <summary>Places a found word if the names it looked up are still undefined here; false: parse the line instead.</summary>
    public bool TryPlaceMemoized(in MemoHit hit)
    {
        if (!MemoActive || !Aliases.IsEmpty || Current.IsNoBits || IsDefinedHere(hit.Name0) || IsDefinedHere(hit.Name1))
            return false;
        // What Execute does for an instruction line without labels, with the word already known.
        _mapping.BeginLine();
        _mapping.AfterStatementLabels();
        _out.MarkCode(MappingSymbols.BeforeOperands);
        _out.AlignInstruction();
        BinaryPrimitives.WriteUInt32LittleEndian(Reserve(4), hit.Word);
        _mapping.EndLine();
        if (hit.FromTokens) TokenEncodedLines++;
        else MemoizedLines++;
        return true;
    }

    private bool IsDefinedHere(string? name) =>
        name is not null && Symbols.Find(name) is { } symbol && (symbol.IsDefined || symbol.PendingExpression is not null);

    private void EncodeAndMemoize(ParsedLine line, InstructionStatement instruction)
    {
        var read = _reading = _dependencies;
        read.Start(aliasesInForce: !Aliases.IsEmpty);
        int fixups = _fixups.FixupCount, deferred = _deferred.Count;
        long place = Current.Location;
        Isa.Feature needed;
        try
        {
            needed = Encode(line, instruction, literal: null);
        }
        finally
        {
            _reading = null;
        }
        read.Encoded(feature: needed != Isa.Feature.Base,
            leavesWork: _fixups.FixupCount != fixups || _deferred.Count != deferred || Current.Location != place + 4);
        if (!read.TextAlone)
            return;
        var names = read.UndefinedNames;
        var word = BinaryPrimitives.ReadUInt32LittleEndian(Current.At(place, 4));
        _memo.Add(line.Line.Text, new MemoHit(word, names.Count > 0 ? names[0] : null, names.Count > 1 ? names[1] : null));
    }
}
