using A64Asm.Isa.Operands;

namespace A64Asm.Assembler.InstructionEncoding;

/// <summary>
/// How written operands become the encoder's operand records, for both readers of an instruction:
/// <see cref="OperandConverter"/> (from the parsed syntax, with an error for anything wrong) and
/// <see cref="DirectStatementEncoder"/> (from the tokens, declining anything it does not read). Each rule is
/// here once, so the two cannot build different operands from the same text. One instance per reader: the
/// immediate cache is filled without locking.
/// </summary>
internal sealed class OperandRules
{
    private readonly SmallImmediates _immediates = new();

    /// <summary>A number written with or without '#'.</summary>
    /// <param name="hexLiteral">Written as an unsigned 0x constant, which a floating-point immediate reads as bits.</param>
    public ImmOperand Immediate(long value, bool hasHash, bool hexLiteral = false) => _immediates.Get(value, hasHash, hexLiteral);

    /// <summary>A register named directly or through a .req alias (<paramref name="aliases"/> null: none defined).</summary>
    public static bool TryRegister(string written, RegisterAliases? aliases, out Operand register) =>
        RegisterNames.TryParse(aliases is null ? written : aliases.Resolve(written), out register);

    /// <summary>GNU as's check on any written shift or extend amount, before a form narrows it.</summary>
    public const string ShiftAmountRange = ShiftOperand.OutOfRangeMessage;

    /// <summary>Whether a written shift amount is one any form could take (GNU as refuses the rest while parsing).</summary>
    public static bool IsShiftAmount(long amount) => amount is >= 0 and <= 63;

    /// <summary>A shift or extend ("lsl #3", "uxtw"); <paramref name="amount"/> -1 when none is written; an amount
    /// past 0..63 (<see cref="IsShiftAmount"/>) is <see cref="ShiftOperand.OutOfRange"/>.</summary>
    public static ShiftOperand Shift(string name, long amount)
    {
        var kind = RegisterNames.ParseShift(name);
        // Past 0..63: the form that reads the shift refuses it (A64Encoder), as GNU as does.
        if ((ulong)(amount + 1) >= ShiftAmounts)
            return new ShiftOperand(kind, ShiftOperand.OutOfRange);
        // Immutable records: one per kind and small amount serves every statement (a benign race fills a slot twice).
        return Shifts[(int)kind * ShiftAmounts + (int)amount + 1] ??= new ShiftOperand(kind, (int)amount);
    }

    private const int ShiftAmounts = 65; // -1 (none written) and 0..63
    private static readonly ShiftOperand?[] Shifts = new ShiftOperand?[((int)ShiftKind.Sxtx + 1) * ShiftAmounts];

    /// <summary>GNU as's check on an element index, by element size (b: 0..15, h: 0..7, s: 0..3, d: 0..1).</summary>
    public static bool IsElementIndex(long index, Arrangement element, out int max)
    {
        max = element switch
        {
            Arrangement.B => 15, Arrangement.H => 7, Arrangement.S => 3, Arrangement.D => 1, Arrangement.Q => 0,
            Arrangement.B4 => 3, Arrangement.H2 => 3,
            _ => 15,
        };
        return index >= 0 && index <= max;
    }

    /// <summary>What may stand as an address's base: a 64-bit general register or sp.</summary>
    public static bool IsBase(Operand operand, out Reg register)
    {
        register = default;
        if (operand is not RegOperand { Reg.Class: RegClass.X } r)
            return false;
        register = r.Reg;
        return true;
    }

    /// <summary>GNU as's words for "[base]!": pre-indexing needs an offset to add.</summary>
    public const string MissingPreIndexOffset = A64Asm.Isa.Encoding.A64Encoder.MissingPreIndexOffset;

    /// <summary>[base{, offset{, extend}}]{!}; "[base]!" is an address only to a few forms (ldraa, ldrab), which the
    /// encoder knows: the direct path leaves it to the full one (see <see cref="MissingPreIndexOffset"/>).</summary>
    public static bool IsAddress(Operand? offset, bool writeback) => offset is not null || !writeback;

    /// <summary>[base{, offset{, extend}}]{!}.</summary>
    public static MemOperand Memory(Reg @base, Operand? offset, ShiftOperand? extend, bool writeback) =>
        new(@base, offset, writeback ? AddrMode.PreIndex : AddrMode.Offset, extend?.Kind ?? ShiftKind.None, extend?.Amount ?? -1);

    /// <summary>
    /// Appends <paramref name="operand"/>; when it is the statement's last and follows a plain "[base]" (the only
    /// address with no offset in offset mode), it is that address's post-index instead: "[x0], #8", "[x0], x2".
    /// </summary>
    public static void Add(List<Operand> operands, Operand operand, bool isLast)
    {
        if (isLast && operands.Count > 0 && operands[^1] is MemOperand { Offset: null, Mode: AddrMode.Offset } mem
            && operand is ImmOperand or RegOperand or SymbolOperand)
            operands[^1] = mem with { Offset = operand, Mode = AddrMode.PostIndex };
        else
            operands.Add(operand);
    }
}
