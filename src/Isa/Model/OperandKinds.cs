namespace A64Asm.Isa;

/// <summary>
/// One operand kind as src/Isa/Table/operands.isa declares it: the table fields it binds (-1: any number), how
/// many source operands it reads at most (2 for an immediate with its "lsl #12", a register with its extend, a
/// register pair), and what it accepts, in the words of "expected ..." errors.
/// </summary>
public readonly record struct OperandKindInfo(OperandKind Kind, int FieldCount, int MaxWritten, string Description);

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
    public static OperandKindInfo Info(OperandKind kind) =>
        (uint)kind < (uint)All.Length ? All[(int)kind] : throw new UnhandledOperandKindException(kind, "table (operands.isa)");

    /// <summary>What the kind accepts, in the words of error messages.</summary>
    public static string Describe(OperandKind kind) => Info(kind).Description;
}
