using A64Asm.Assembler.Layout;
using A64Asm.Assembler.Parsing;
using A64Asm.Isa;
using A64Asm.Isa.Encoding;
using A64Asm.Isa.Operands;
using Antlr4.Runtime;
using static A64Asm.Assembler.Parsing.Generated.A64AsmParser;

namespace A64Asm.Assembler.InstructionEncoding;

/// <summary>
/// Encodes the plainest instruction statements straight from their tokens: a mnemonic and operands made only of
/// register names, numbers (<c>#n</c>, <c>#-n</c>, <c>n</c>), shifts by a number and addresses built from those
/// (<c>[xn, #imm]</c>, <c>[xn, #imm]!</c>, <c>[xn], #imm</c>, <c>[xn, xm, lsl #3]</c>). Such a statement's word
/// follows from its text alone, as long as no .req alias is defined (the caller checks that where it places the
/// word), so it needs no parse tree, no syntax records and no symbol lookups. The operands are built by the
/// <see cref="OperandRules"/> that <see cref="OperandConverter"/> builds the parsed statement's with; anything
/// else, and anything the encoder rejects or leaves a fixup for, is declined and goes the usual way, which also
/// gives any error its message.
/// On the 1M-line workload this takes 750,296 of its 1,100,001 lines. One instance per thread.
/// </summary>
internal sealed class DirectStatementEncoder
{
    private readonly StatementLexer _lexer = new();
    private readonly List<Operand> _operands = new();
    private readonly OperandRules _rules = new();
    private int _next;

    /// <summary>The word of <paramref name="text"/> when it is such a statement and encodes without a fixup.</summary>
    public bool TryEncode(string text, out MemoHit hit)
    {
        hit = default;
        // A row with a feature keeps it with the word, which is placed only where the selection allows it (else the
        // line goes the usual way and is refused there); one GNU warns of (msr to a read-only system register) goes
        // the usual way, where the warning is reported.
        if (!TryReadOperands(text, out string? mnemonic)
            || !A64Encoder.TryEncode(mnemonic, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_operands), 0, ArchFeatures.All,
                out var encoded, out _, out _, out _, relocatable: true)
            || encoded.HasFixup || !encoded.FeatureDecides || encoded.Warning is not null)
            return false;
        hit = new MemoHit(encoded.Word, null, null, FromTokens: true, Needs: encoded.Feature);
        return true;
    }

    /// <summary>The operands read by the last successful <see cref="TryReadOperands"/> (for the tests that hold them
    /// equal to <see cref="OperandConverter"/>'s).</summary>
    internal IReadOnlyList<Operand> Operands => _operands;

    internal bool TryReadOperands(string text, out string mnemonic)
    {
        mnemonic = "";
        _operands.Clear();
        _lexer.Lex(null!, text, 0, text.Length, 0);
        if (_lexer.Error is not null || _lexer.Count < 2)
            return false;
        int first = _lexer.Types[0];
        if (first is not (IDENT or SHIFT) || _lexer.Span(0)[0] == '.')
            return false;
        _next = 1;
        if (Type != TokenConstants.EOF)
        {
            while (true)
            {
                if (!TryOperand(out var operand))
                    return false;
                OperandRules.Add(_operands, operand, isLast: Type == TokenConstants.EOF);
                if (Type == TokenConstants.EOF) break;
                if (Type != COMMA) return false;
                _next++;
            }
        }
        mnemonic = MnemonicCase.Lower(_lexer.Text(0));
        return true;
    }

    private int Type => _lexer.Types[_next];

    private bool TryOperand(out Operand operand)
    {
        operand = null!;
        switch (Type)
        {
            case LBRACKET:
                return TryMemory(out operand);
            case SHIFT:
                return TryShift(out operand);
            default:
                return TryScalar(out operand);
        }
    }

    // A register name, or a number with or without '#' and a '-' sign, that the next token ends.
    private bool TryScalar(out Operand operand)
    {
        operand = null!;
        if (Type == IDENT)
        {
            if (!OperandRules.TryRegister(_lexer.Text(_next), null, out operand))
                return false;
            _next++;
            return EndsHere();
        }
        bool hasHash = Type == HASH;
        if (hasHash) _next++;
        // As OperandConverter marks it: an unsigned 0x constant, which a floating-point immediate reads as bits.
        bool hex = Type == NUMBER && _lexer.Span(_next).StartsWith("0x", StringComparison.OrdinalIgnoreCase);
        if (!TryNumber(out long value))
            return false;
        operand = _rules.Immediate(value, hasHash, hex);
        return EndsHere();
    }

    private bool TryNumber(out long value)
    {
        value = 0;
        bool negate = Type == MINUS;
        if (negate) _next++;
        if (Type != NUMBER || !Literals.TryParseNumber(_lexer.Span(_next), out value))
            return false;
        _next++;
        if (negate) value = unchecked(-value);
        return true;
    }

    private bool EndsHere() => Type is COMMA or RBRACKET or TokenConstants.EOF;

    private bool TryShift(out Operand operand)
    {
        operand = null!;
        string name = _lexer.Text(_next);
        // The lexer gives SVE's "mul vl" and "mul" the shift token too: those go to the full parse, which refuses them.
        if (RegisterNames.ParseShift(name) == ShiftKind.None)
            return false;
        _next++;
        long amount = -1;
        if (!EndsHere())
        {
            if (Type == HASH) _next++;
            if (!TryNumber(out amount) || !OperandRules.IsShiftAmount(amount))
            {
                operand = null!;
                return false;
            }
        }
        operand = OperandRules.Shift(name, amount);
        return EndsHere();
    }

    // [base (, offset (, shift)?)?] !? with a 64-bit base register, as OperandConverter accepts it.
    private bool TryMemory(out Operand operand)
    {
        operand = null!;
        _next++;
        if (!TryScalar(out var baseOperand) || !OperandRules.IsBase(baseOperand, out var baseReg))
            return false;
        Operand? offset = null;
        ShiftOperand? extend = null;
        if (Type == COMMA)
        {
            _next++;
            if (!TryScalar(out offset))
                return false;
            if (Type == COMMA)
            {
                _next++;
                if (Type != SHIFT || !TryShift(out var shift))
                    return false;
                extend = (ShiftOperand)shift;
            }
        }
        if (Type != RBRACKET)
            return false;
        _next++;
        bool writeback = Type == BANG;
        if (writeback) _next++;
        if (!OperandRules.IsAddress(offset, writeback))
            return false;
        operand = OperandRules.Memory(baseReg, offset, extend, writeback);
        return EndsHere() && Type != RBRACKET;
    }
}
