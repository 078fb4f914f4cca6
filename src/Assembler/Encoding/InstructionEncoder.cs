using System.Buffers.Binary;
using A64Asm.Assembler.Diagnostics;
using A64Asm.Assembler.Layout;
using A64Asm.Assembler.Parsing.Syntax;
using A64Asm.Isa;
using A64Asm.Isa.Encoding;
using A64Asm.Isa.Operands;

namespace A64Asm.Assembler.InstructionEncoding;

/// <summary>Encodes one instruction through src/Isa and writes its word, resolving or recording its fixup.</summary>
public sealed class InstructionEncoder
{
    private readonly ObjectAssembler _assembler;

    public InstructionEncoder(ObjectAssembler assembler)
    {
        _assembler = assembler;
        Converter = new OperandConverter(assembler, assembler.Aliases, assembler.SectionAnchor);
    }

    public OperandConverter Converter { get; }

    /// <summary>What -march selected (every row of the table by default, as a64asm has always accepted). The words
    /// the direct encoder and the memo place carry their row's feature, which StatementMemo checks against this
    /// before placing one; a word the selection lacks is encoded here, where it is refused.</summary>
    public ArchFeatures Features { get; set; } = ArchFeatures.All;

    /// <summary>Whether the feature the last encoded statement returned alone decides if a selection allows its word
    /// (false: a named operand needs another feature as well), for the statement memo.</summary>
    internal bool LastFeatureDecides { get; private set; } = true;

    // The encoder keeps no operand past the call, so one list serves every instruction.
    private readonly List<Operand> _operands = new();

    /// <returns>The feature the encoded row needs (Base: none), which decides whether its word may be reused.</returns>
    internal Feature Emit(ParsedLine line, InstructionStatement instruction, PoolEntry? literal) =>
        TryEmit(line, instruction, literal, out var feature, out var error) ? feature : throw error!;

    /// <summary>
    /// As <see cref="Emit"/>, with the reason it cannot be encoded given back instead of thrown (nothing written then):
    /// the caller may try again at the end, when the statement names a symbol defined further on.
    /// </summary>
    internal bool TryEmit(ParsedLine line, InstructionStatement instruction, PoolEntry? literal, out Feature feature, out AsmError? error)
    {
        // SVE/SME statements fail somewhere on the way (an operand no form takes, a mnemonic no row has): only then is
        // the statement's text read for what it is, so the ordinary path pays nothing.
        bool done;
        try
        {
            done = TryEmitA64(line, instruction, literal, out feature, out error);
        }
        catch (AsmError) when (ScalableRefusal(line, instruction) is { } refusal)
        {
            feature = Feature.Base;
            error = refusal;
            return false;
        }
        // A row that took the operands but that the selection lacks (smstart za without +sme) is GNU's "selected
        // processor does not support", whatever registers it names.
        if (!done && feature == Feature.Base && ScalableRefusal(line, instruction) is { } refused)
            error = refused;
        return done;
    }

    /// <summary>"SVE is not supported" / "SME is not supported" at the mnemonic, when the statement is one.</summary>
    internal static AsmError? ScalableRefusal(ParsedLine line, InstructionStatement instruction) =>
        ScalableExtensions.Of(ScalableExtensions.Statement(line.Line.Text, instruction.Index)) is { } extension
            ? new AsmError(line.At(instruction.Index), ScalableExtensions.NotSupported(extension))
            : null;

    private bool TryEmitA64(ParsedLine line, InstructionStatement instruction, PoolEntry? literal, out Feature feature, out AsmError? error)
    {
        feature = Feature.Base;
        var operands = _operands;
        if (literal is null)
        {
            if (!Converter.TryConvertInto(instruction.Operands, line.Line, operands, out error))
                return false;
        }
        else
        {
            operands.Clear();
            if (!Converter.TryConvert(instruction.Operands[0], line.Line, out var target, out error))
                return false;
            operands.Add(target);
            operands.Add(new SymbolOperand(literal.Label));
        }
        if (!A64Encoder.TryEncode(instruction.Mnemonic, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(operands), 0,
                Features, out var encoded, out string message, out int errorOperand, out var missing, relocatable: true)
            && !(missing == Feature.Base && TrySymbolReading(line, instruction, operands, out encoded)))
        {
            feature = missing;
            error = missing != Feature.Base
                ? new AsmError(line.At(instruction.Index), ArchFeatures.NotSupported(StatementText(line.Line.Text, instruction.Index)))
                : UndefinedImmediate(line, instruction, operands) ?? MultiplierMisuse(line, instruction, operands)
                    ?? new AsmError(line.At(ErrorIndex(instruction, operands, errorOperand)), message);
            return false;
        }
        // GNU's warnings of the operands (writing a read-only system register), once: PassDiagnostics is silent after the first pass.
        if (encoded.Warning is { } warning)
            _assembler.PassDiagnostics.Warning(line.At(ErrorIndex(instruction, operands, FirstSystemRegisterOperand(instruction))), warning);
        long place = _assembler.Current.Location;
        var word = _assembler.Reserve(4);
        BinaryPrimitives.WriteUInt32LittleEndian(word, encoded.Word);
        if (encoded.HasFixup)
            _assembler.AddFixup(encoded.Fixup, place, line, FixupIndex(instruction));
        feature = encoded.Feature;
        LastFeatureDecides = encoded.FeatureDecides;
        return true;
    }

    // A bare word that names a register and a defined symbol (".set s2, 11" then "sub x0, x1, s2"): GNU as reads a
    // register where the form takes one and the symbol's value where it takes a number. The register reading came
    // first and no form took it; this is the other reading of the same words.
    private bool TrySymbolReading(ParsedLine line, InstructionStatement instruction, List<Operand> operands, out EncodedInstruction encoded)
    {
        encoded = default;
        List<Operand>? other = null;
        var written = instruction.Operands;
        for (int i = 0; i < written.Count && i < operands.Count; i++)
        {
            if (operands[i] is not RegOperand { Reg.Class: var regClass }
                || written[i] is not ExprOperandSyntax { HasHash: false, Expr: SymbolExpr { IsLocationCounter: false } word })
                continue;
            if (_assembler.IsSymbolDefined(word.Name))
            {
                if (_assembler.TryGetSymbol(word.Name, out var value, out _) && value.IsAbsolute)
                    (other ??= [.. operands])[i] = new ImmOperand(value.Value, false, word.Name);
            }
            // An FP/SIMD name no form took may be a symbol defined further on ("add x0, x0, s12" before ".set s12,
            // -2048"): looking it up makes the statement wait for the end, as GNU as's fixup does.
            else if (regClass is not (RegClass.W or RegClass.X))
                _assembler.TryGetSymbol(word.Name, out _, out _);
        }
        return other is not null && A64Encoder.TryEncode(instruction.Mnemonic, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(other), 0,
            Features, out encoded, out _, out _, out _, relocatable: true);
    }
    // The system register of mrs (its second operand) or msr (its first): where the caret of the warning goes.
    private static int FirstSystemRegisterOperand(InstructionStatement instruction) =>
        instruction.Mnemonic == "mrs" ? 1 : 0;

    // The statement as GNU as quotes it: from the mnemonic to the end of the statement, without a "//" comment
    // (block comments are gone before a line reaches the parser).
    private static string StatementText(string text, int mnemonic)
    {
        var statement = text.AsSpan(mnemonic);
        int comment = statement.IndexOf("//", StringComparison.Ordinal);
        return ArchFeatures.GnuStatementText(comment >= 0 ? statement[..comment] : statement);
    }

    // SVE's multiplier ("mul vl", "mul #4") in an A64 statement (SVE statements are refused before they are encoded):
    // GNU as wants the ']' after an immediate offset, and names the multiplier anywhere else.
    private static AsmError? MultiplierMisuse(ParsedLine line, InstructionStatement instruction, List<Operand> operands)
    {
        const string InvalidMul = "invalid use of 'MUL'";
        // The converter keeps an address with a multiplier as its parts, one for one with the written ones.
        var address = operands.OfType<ScalableMemOperand>().FirstOrDefault();
        foreach (var written in instruction.Operands)
        {
            if (written is ShiftOperandSyntax { Kind: ['m', 'u', 'l', ..] } mul)
                return new AsmError(line.At(mul.Index), InvalidMul);
            if (written is not MemoryOperandSyntax m || address is null)
                continue;
            for (int i = 1; i < m.Parts.Count && i < address.Parts.Count; i++)
                if (address.Parts[i] is MulOperand)
                    return new AsmError(line.At(m.Parts[i].Index), i > 1 && address.Parts[i - 1] is RegOperand ? InvalidMul : "']' expected");
        }
        return null;
    }

    // "#NAME" of a symbol nothing defines (a missing #define, most often): no form can take it, and saying which
    // register or immediate a form wanted would hide that the name is the problem. GNU as's words.
    private AsmError? UndefinedImmediate(ParsedLine line, InstructionStatement instruction, List<Operand> operands)
    {
        var written = instruction.Operands;
        for (int i = 0; i < written.Count && i < operands.Count; i++)
            if (written[i] is ExprOperandSyntax { HasHash: true } && operands[i] is SymbolOperand { Modifier: RelocModifier.None } symbol
                && !_assembler.IsSymbolDefined(symbol.Name))
                return new AsmError(line.At(written[i].Index), $"undefined symbol {symbol.Name} used as an immediate value");
        return null;
    }

    // The operand the encoder names, as written: for a post-indexed address ("[x1], #1000", one operand once merged)
    // the increment, the part the encoder checks; the mnemonic for an error about the statement as a whole.
    private static int ErrorIndex(InstructionStatement instruction, List<Operand> operands, int operand)
    {
        var written = instruction.Operands;
        if (operand < 0 || operand >= written.Count)
            return instruction.Index;
        if (operands[operand] is MemOperand { Mode: AddrMode.PostIndex } && operand + 1 < written.Count)
            return written[operand + 1].Index;
        return written[operand].Index;
    }

    // The operand that names the symbol, so a range error points at it.
    private static int FixupIndex(InstructionStatement instruction)
    {
        for (int i = instruction.Operands.Count - 1; i >= 0; i--)
            if (instruction.Operands[i] is ExprOperandSyntax { Expr: not NumberExpr } or RelocOperandSyntax or LiteralOperandSyntax or MemoryOperandSyntax)
                return instruction.Operands[i].Index;
        return instruction.Index;
    }
}
