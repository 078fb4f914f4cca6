using System.Buffers.Binary;
using A64Asm.Assembler.Diagnostics;
using A64Asm.Assembler.Parsing;
using A64Asm.Assembler.Parsing.Syntax;

namespace A64Asm.Assembler.Layout;

/// <summary>A word known for a statement text, with the (at most two) names that must still be undefined: found in the
/// memo, or encoded from the statement's tokens (<paramref name="FromTokens"/>, never with names).</summary>
/// <param name="Needs">The feature of the row that made the word: placed only where the selection allows it.</param>
public readonly record struct MemoHit(uint Word, string? Name0, string? Name1, bool FromTokens = false, Isa.Feature Needs = Isa.Feature.Base);

public sealed partial class ObjectAssembler
{
    private StatementMemo? _statementMemo;
    private StatementMemo Words => _statementMemo ??= new StatementMemo(_out, _mapping, Symbols, Aliases, _encoder) { EncodeDirectly = EncodeDirectly };
    // The statement being added, while its word may still be memoized (streaming, no listing).
    private SourceLine? _memoCandidate;
    // While a candidate is encoded: what it read besides its text (null otherwise).
    private StatementDependencies? _reading;
    private readonly StatementDependencies _dependencies = new();

    /// <summary>Statements whose word came from the memo (for --timings).</summary>
    public long MemoizedLines => _statementMemo?.MemoizedLines ?? 0;

    /// <summary>Statements whose word the direct encoder made from their tokens (for --timings).</summary>
    public long TokenEncodedLines => _statementMemo?.TokenEncodedLines ?? 0;

    /// <summary>Whether statements may be placed from the memo (on by default; the output is the same either way).</summary>
    public bool Memoize { get; init; } = true;

    /// <summary>Whether register-and-number statements may be encoded from their tokens (on by default; the output is
    /// the same either way). Only where the memo is active: both need a streaming run without a listing.</summary>
    public bool EncodeDirectly { get; init; } = true;

    // Only a streaming run places each statement once, in order; a listing wants each line's parse, and so does an
    // instruction that gets a line-table row.
    private bool MemoActive => Memoize && _state.Streaming && Listing is null && !_finished && !_lines.WantsRow;

    /// <summary>Places <paramref name="line"/>'s word from the memo when the same text was encoded before and
    /// nothing it depended on has changed, or from its tokens; false means the line must be parsed and added as usual.</summary>
    public bool TryAddMemoized(SourceLine line) => MemoActive && Words.TryAdd(line);

    /// <summary>For the pipeline's reading stage, taken once at its start: the memo to find words in (null when
    /// memoizing is off), read there without touching this object's state, which the assembling stage writes.</summary>
    internal EncodedLineMemo? MemoForFinding => MemoActive ? Words.Memo : null;

    /// <summary>Places a found word if the names it looked up are still undefined here; false: parse the line instead.</summary>
    public bool TryPlaceMemoized(in MemoHit hit) => MemoActive && Words.TryPlace(hit);

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
        read.Encoded(needed, featureDecides: _encoder.LastFeatureDecides,
            leavesWork: _fixups.FixupCount != fixups || _deferred.Count != deferred || Current.Location != place + 4);
        if (!read.TextAlone)
            return;
        Words.Remember(line.Line.Text, BinaryPrimitives.ReadUInt32LittleEndian(Current.At(place, 4)), read.UndefinedNames, needed);
    }
}
