using System.Buffers.Binary;
using A64Asm.Assembler.InstructionEncoding;
using A64Asm.Assembler.Diagnostics;

namespace A64Asm.Assembler.Layout;

/// <summary>
/// Words known from a statement's text alone, placed without parsing it: from the <see cref="EncodedLineMemo"/>
/// (filled while encoding a statement, read before parsing one) or from the <see cref="DirectStatementEncoder"/>
/// (registers and numbers only). Finding (by text alone) and placing (checked against the symbols of this point in
/// the file) are separate steps, so the pipeline can find on its reading stage and place on the assembling one.
/// </summary>
internal sealed class StatementMemo(SectionWriter _out, MappingSymbols mapping, SymbolTable symbols, RegisterAliases aliases,
    InstructionEncoder encoder)
{
    private readonly DirectStatementEncoder _direct = new();

    public EncodedLineMemo Memo { get; } = new();

    /// <summary>Statements whose word came from the memo (for --timings).</summary>
    public long MemoizedLines { get; private set; }

    /// <summary>Statements whose word the direct encoder made from their tokens (for --timings).</summary>
    public long TokenEncodedLines { get; private set; }

    public bool EncodeDirectly { get; set; } = true;

    /// <summary>The memo's word for the text, else the direct encoder's; false: parse the line instead.</summary>
    public bool TryAdd(SourceLine line)
    {
        if (Memo.TryFind(line.Text, out var hit))
            return TryPlace(hit);
        return EncodeDirectly && _direct.TryEncode(line.Text, out var encoded) && TryPlace(encoded);
    }

    /// <summary>Places a found word if the names it looked up are still undefined here; false: parse the line instead.</summary>
    public bool TryPlace(in MemoHit hit)
    {
        if (!aliases.IsEmpty || _out.Current.IsNoBits || IsDefinedHere(hit.Name0) || IsDefinedHere(hit.Name1))
            return false;
        // A row the selection (-march, .arch, .arch_extension here) lacks: parsed, and refused in GNU's words.
        if (hit.Needs != Isa.Feature.Base && !encoder.Features.Allows(hit.Needs))
            return false;
        // What the assembler does for an instruction line without labels, with the word already known.
        mapping.BeginLine();
        mapping.AfterStatementLabels();
        _out.MarkCode(MappingSymbols.BeforeOperands);
        _out.AlignInstruction();
        BinaryPrimitives.WriteUInt32LittleEndian(_out.Reserve(4), hit.Word);
        mapping.EndLine();
        if (hit.FromTokens) TokenEncodedLines++;
        else MemoizedLines++;
        return true;
    }

    /// <summary>A word whose encoding read nothing but its text and <paramref name="names"/> (undefined there), from a
    /// row that needs <paramref name="needs"/>.</summary>
    public void Remember(string text, uint word, IReadOnlyList<string> names, Isa.Feature needs) =>
        Memo.Add(text, new MemoHit(word, names.Count > 0 ? names[0] : null, names.Count > 1 ? names[1] : null, Needs: needs));

    private bool IsDefinedHere(string? name) =>
        name is not null && symbols.Find(name) is { } symbol && (symbol.IsDefined || symbol.PendingExpression is not null);
}
