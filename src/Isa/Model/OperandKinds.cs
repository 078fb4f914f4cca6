namespace A64Asm.Isa;

/// <summary>
/// One operand kind as src/Isa/Table/operands.isa declares it: the table fields it binds (-1: any number), how
/// many source operands it reads at most (2 for an immediate with its "lsl #12", a register with its extend, a
/// register pair), what it accepts, in the words of "expected ..." errors, and for an address its mode (null for
/// any other kind), which the encoder, decoder, formatter and explainer all take from here.
/// </summary>
public readonly record struct OperandKindInfo(OperandKind Kind, int FieldCount, int MaxWritten, string Description,
    Operands.AddrMode? Mode);

/// <summary>
/// Thrown by a stage (encoder, decoder, formatter, explainer) given a kind it has no case for: a kind added to
/// operands.isa must be handled by every stage, and the stage tests drive every row through each of them.
/// </summary>
public sealed class UnhandledOperandKindException(OperandKind kind, string stage)
    : InvalidOperationException($"operand kind {kind} is not handled by the {stage}")
{
    public OperandKind Kind { get; } = kind;
    public string Stage { get; } = stage;
}

public static partial class OperandKinds
{
    /// <summary>The declaration of <paramref name="kind"/>; throws for a value operands.isa does not declare.</summary>
    public static ref readonly OperandKindInfo Info(OperandKind kind)
    {
        if ((uint)kind >= (uint)All.Length) throw new UnhandledOperandKindException(kind, "table (operands.isa)");
        return ref All[(int)kind];
    }

    /// <summary>The addressing mode of an address kind; <paramref name="stage"/> refuses any other kind.</summary>
    public static Operands.AddrMode ModeOf(OperandKind kind, string stage) =>
        Info(kind).Mode ?? throw new UnhandledOperandKindException(kind, stage);

    /// <summary>What the kind accepts, in the words of error messages.</summary>
    public static string Describe(OperandKind kind) => Info(kind).Description;
}
