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
    Mismatch,     // a register of the right type, the wrong width or arrangement: GNU's "operand mismatch"
    RegisterType, // a register of another type (or none) where a register goes: GNU's "operand N must be <Text>"
    Missing,      // fewer operands than the form takes: GNU's "comma expected between operands"
    Surplus,      // more operands than the form takes: GNU's "unexpected characters following instruction"
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
        EncodeErrorKind.Mismatch => "operand mismatch",
        EncodeErrorKind.RegisterType => $"operand {Operand} must be {Text}",
        EncodeErrorKind.Missing => "comma expected between operands",
        EncodeErrorKind.Surplus => "unexpected characters following instruction",
        _ => $"invalid operands for '{mnemonic}'",
    };

    /// <summary>
    /// How a row's refusal ranks in choosing which row's error is reported, as GNU as chooses (tc-aarch64.c: the error
    /// of the most severe kind; of those, the one at the highest operand; the first row among equals, but one with
    /// words of its own before an "operand N must be"). GNU's kinds, least severe first: a register where a number
    /// goes (recoverable); a syntax error (wrong sort of operand, a missing one); a fatal syntax error (a surplus
    /// operand); a register of the right type with the wrong width or arrangement ("operand mismatch"); a bad value.
    /// </summary>
    /// <param name="position">1-based operand the error is found at (GNU's index + 1).</param>
    /// <param name="registerForValue">A register was written where the row takes a number, label or name.</param>
    public readonly int Rank(OperandMatch match, int position, bool registerForValue = false)
    {
        int severity = Kind switch
        {
            EncodeErrorKind.Mismatch => 4,
            EncodeErrorKind.Surplus => 3,
            EncodeErrorKind.RegisterType or EncodeErrorKind.Missing => 2,
            _ when match == OperandMatch.BadValue => 7,
            _ => registerForValue ? 1 : 2,
        };
        return severity * 1024 + Math.Clamp(position, 0, 255) * 2 + (Kind == EncodeErrorKind.RegisterType ? 0 : 1);
    }
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

    /// <summary>The register is of the operand's type but not its width or arrangement (GNU: "operand mismatch").</summary>
    public OperandMatch Mismatch()
    {
        Error = new EncodeError { Kind = EncodeErrorKind.Mismatch };
        return OperandMatch.BadValue;
    }

    /// <summary>Not a register of the type the operand takes: GNU's "operand N must be <paramref name="what"/>" when
    /// GNU has words for that type, else ours ("expected ...").</summary>
    public OperandMatch RegisterType(OperandKind kind)
    {
        Error = GnuRegisterWords.For(kind, Word) is { } what
            ? new EncodeError { Kind = EncodeErrorKind.RegisterType, Text = what, Expected = kind }
            : new EncodeError { Kind = EncodeErrorKind.Expected, Expected = kind };
        return OperandMatch.WrongShape;
    }

    /// <summary>GNU's "operand N must be <paramref name="what"/>", for an operand GNU names by what it is.</summary>
    public OperandMatch MustBe(string what)
    {
        Error = new EncodeError { Kind = EncodeErrorKind.RegisterType, Text = what };
        return OperandMatch.WrongShape;
    }

    /// <summary>GNU's words for an operand of the wrong sort (a syntax error: it ranks below a bad value).</summary>
    public OperandMatch Syntax(string text)
    {
        Error = new EncodeError { Kind = EncodeErrorKind.Text, Text = text };
        return OperandMatch.WrongShape;
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
