using A64Asm.Isa.Operands;

namespace A64Asm.Assembler.InstructionEncoding;

/// <summary>
/// Immediates are mostly small and the records immutable: one instance per small value (with or without its '#')
/// serves every line. One per thread: the slots are filled without locking.
/// </summary>
internal sealed class SmallImmediates
{
    private const int Count = 4096;
    private readonly ImmOperand?[] _slots = new ImmOperand?[4 * Count];

    public ImmOperand Get(long value, bool hasHash, bool hexLiteral = false)
    {
        if ((ulong)value >= Count)
            return new ImmOperand(value, hasHash) { IsHexLiteral = hexLiteral };
        int slot = (int)value * 4 + (hasHash ? 1 : 0) + (hexLiteral ? 2 : 0);
        return _slots[slot] ??= new ImmOperand(value, hasHash) { IsHexLiteral = hexLiteral };
    }
}
