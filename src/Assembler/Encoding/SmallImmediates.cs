using A64Asm.Isa.Operands;

namespace A64Asm.Assembler.InstructionEncoding;

/// <summary>
/// Immediates are mostly small and the records immutable: one instance per small value (with or without its '#')
/// serves every line. One per thread: the slots are filled without locking.
/// </summary>
internal sealed class SmallImmediates
{
    private const int Count = 4096;
    private readonly ImmOperand?[] _slots = new ImmOperand?[2 * Count];

    public ImmOperand Get(long value, bool hasHash)
    {
        if ((ulong)value >= Count)
            return new ImmOperand(value, hasHash);
        int slot = (int)value * 2 + (hasHash ? 1 : 0);
        return _slots[slot] ??= new ImmOperand(value, hasHash);
    }
}
