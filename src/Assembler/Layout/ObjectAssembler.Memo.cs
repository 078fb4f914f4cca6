using System.Buffers.Binary;
using A64Asm.Assembler.Diagnostics;
using A64Asm.Assembler.Parsing.Syntax;

namespace A64Asm.Assembler.Layout;

/// <summary>The <see cref="EncodedLineMemo"/> as the assembler uses it: filled while encoding a line, read before parsing one.</summary>
public sealed partial class ObjectAssembler
{
    private readonly EncodedLineMemo _memo = new();
    // The statement being added, while its word may still be memoized (streaming, no listing).
    private SourceLine? _memoCandidate;
    // While a candidate is encoded: the names looked up and found undefined; spoiled by anything else it read.
    private List<string>? _memoLookups;
    private readonly List<string> _memoLookupBuffer = new();
    private bool _memoSpoiled;

    /// <summary>Lines whose word came from the memo (for --timings).</summary>
    public long MemoizedLines { get; private set; }

    // Only a streaming run places each line once, in order; a listing wants each line's parse.
    /// <summary>Whether statements may be placed from the memo (on by default; the output is the same either way).</summary>
    public bool Memoize { get; init; } = true;

    private bool MemoActive => Memoize && _streaming && _listing is null && !_finished;

    /// <summary>Places <paramref name="line"/>'s word from the memo when the same text was encoded before and
    /// nothing it depended on has changed; false means the line must be parsed and added as usual.</summary>
    public bool TryAddMemoized(SourceLine line)
    {
        if (!MemoActive || !_memo.TryFind(line.Text, out uint word, out var names) || !Aliases.IsEmpty || Current.IsNoBits)
            return false;
        foreach (int name in names)
            if (Symbols.Find(_memo.NameOf(name)) is { } symbol && (symbol.IsDefined || symbol.PendingExpression is not null))
                return false;
        // What Execute does for an instruction line without labels, with the word already known.
        BeginLine();
        AfterStatementLabels();
        MarkCode(AfterLine);
        AlignInstruction();
        BinaryPrimitives.WriteUInt32LittleEndian(Reserve(4), word);
        EndLine();
        MemoizedLines++;
        return true;
    }

    private void EncodeAndMemoize(ParsedLine line, InstructionStatement instruction)
    {
        var lookups = _memoLookups = _memoLookupBuffer;
        lookups.Clear();
        _memoSpoiled = !Aliases.IsEmpty;
        int fixups = _fixups.Count, deferred = _deferred.Count;
        long place = Current.Location;
        try
        {
            Encode(line, instruction, literal: null);
        }
        finally
        {
            _memoLookups = null;
        }
        if (_memoSpoiled || _fixups.Count != fixups || _deferred.Count != deferred || Current.Location != place + 4)
            return;
        _memo.Add(line.Line.Text, BinaryPrimitives.ReadUInt32LittleEndian(Current.At(place, 4)), lookups);
    }
}
