using A64Asm.Isa.Fixups;
using A64Asm.Isa.Operands;

namespace A64Asm.Isa.Encoding;

/// <summary>Why an operand did not fit; kept as data and turned into text only when every form failed.</summary>
internal enum EncodeErrorKind : byte
{
    None,
    Count,        // operand count / shape fits no form: "invalid operands for 'x'"
    Expected,     // "expected <kind description>"
    Range,        // GNU's "immediate value out of range min to max" ("immediate offset" in an address; "must be a multiple")
    Bitmask,      // "invalid bitmask immediate 0x5"
    UnknownName,  // "unknown <what> 'name'"
    Text,         // a fixed message
}

internal struct EncodeError
{
    public EncodeErrorKind Kind;
    public OperandKind Expected;
    public long Value, Min, Max;
    public int Step;
    /// <summary>Whether the immediate is an address's offset (GNU: "immediate offset out of range").</summary>
    public bool InAddress;
    public string? Name;
    public string? Text;
    /// <summary>The source operand it is about, 1-based; 0: the statement as a whole (a wrong operand count).</summary>
    public int Operand;

    public readonly string Format(string mnemonic) => Kind switch
    {
        EncodeErrorKind.Expected => "expected " + OperandKinds.Describe(Expected),
        // GNU as's words: a value within the range but not a multiple of the step, else the range.
        EncodeErrorKind.Range when Step > 1 && Value >= Min && Value <= Max => $"immediate value must be a multiple of {Step}",
        EncodeErrorKind.Range => $"immediate {(InAddress ? "offset" : "value")} out of range {Min} to {Max}",
        EncodeErrorKind.Bitmask => $"invalid bitmask immediate 0x{Value:x}",
        EncodeErrorKind.UnknownName => $"unknown {Text} '{Name}'",
        EncodeErrorKind.Text => Text!,
        _ => $"invalid operands for '{mnemonic}'",
    };
}

/// <summary>How an operand matched its slot in a form.</summary>
internal enum OperandMatch : byte
{
    Ok,
    /// <summary>Wrong sort of operand (a register where an immediate goes): the form is not close.</summary>
    WrongShape,
    /// <summary>Right sort, bad value (out of range, wrong width): the form is close; report its error.</summary>
    BadValue,
}

/// <summary>What encoding one form accumulates: the word, a fixup, and context later operands need.</summary>
internal struct EncodeState
{
    public uint Word;
    public ulong Pc;
    /// <summary>Encoding for a relocatable object: adrp and :lo12: of an absolute value leave a fixup against no
    /// symbol, as GNU as does, instead of taking '.' as address 0.</summary>
    public bool Relocatable;
    public FixupRequest Fixup;
    /// <summary>Class of the last register operand (tbz's bit range depends on it).</summary>
    public RegClass LastRegClass;
    /// <summary>Last immediate value (a bitfield width depends on the lsb before it).</summary>
    public long LastImm;
    /// <summary>Operands consumed beyond the current one (a trailing "lsl #12" or extend).</summary>
    public int Extra;
    /// <summary>What the named dc/ic/at/tlbi operation says of the Xt after it: +1 it needs one, -1 it takes none, 0 no such operation.</summary>
    public sbyte OperationRegister;
    /// <summary>One more than the largest value the next unsigned immediate may take, when an earlier operand says
    /// (msr's single-bit PSTATE fields take 0 or 1 in a 4-bit field); 0: the field's own range.</summary>
    public long ImmediateLimit;
    /// <summary>An optional register operand was left out (its default encoded).</summary>
    public bool RegisterLeftOut;
    /// <summary>What a named operand (system register, PSTATE field, dc/at/tlbi operation) needs of the selected
    /// architecture, checked once the row has taken every operand, and GNU's error naming it when that lacks them.</summary>
    public Feature[]? NameNeeds;
    public string? NameRefusal;
    /// <summary>1 + the index of the operand that set <see cref="NameNeeds"/> (0: none), for the error's caret.</summary>
    public int NameOperand;
    /// <summary>GNU's warning for the operands (a read-only system register written); the word is still written.</summary>
    public string? Warning;
    public EncodeError Error;

    public OperandMatch Fail(EncodeErrorKind kind, OperandKind expected)
    {
        Error = new EncodeError { Kind = kind, Expected = expected };
        return kind == EncodeErrorKind.Count ? OperandMatch.WrongShape : OperandMatch.BadValue;
    }

    public OperandMatch Shape(OperandKind expected)
    {
        Error = new EncodeError { Kind = EncodeErrorKind.Expected, Expected = expected };
        return OperandMatch.WrongShape;
    }

    public OperandMatch Range(long value, long min, long max, int step = 1)
    {
        Error = new EncodeError { Kind = EncodeErrorKind.Range, Value = value, Min = min, Max = max, Step = step };
        return OperandMatch.BadValue;
    }

    public OperandMatch Message(string text)
    {
        Error = new EncodeError { Kind = EncodeErrorKind.Text, Text = text };
        return OperandMatch.BadValue;
    }

    public OperandMatch Unknown(string what, string name)
    {
        Error = new EncodeError { Kind = EncodeErrorKind.UnknownName, Text = what, Name = name };
        return OperandMatch.BadValue;
    }
}
