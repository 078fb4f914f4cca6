using A64Asm.Isa.Decoding;

namespace A64Asm.Verifier.Emulation;

/// <summary>
/// FEAT_LSE atomics and FEAT_LRCPC2's unscaled acquire/release forms. One in-order PE: the acquire and release
/// variants order nothing more than the plain ones, so they share a definition; the access itself is still a
/// single-copy-atomic one, which must be aligned (this model has no FEAT_LSE2).
/// </summary>
public sealed partial class Machine
{
    internal enum AtomicOp { Add, Clear, Eor, Set, SignedMax, SignedMin, UnsignedMax, UnsignedMin, Swap }

    /// <summary>LD&lt;op&gt;/ST&lt;op&gt;/SWP: memory gets op(old, Rs), Rt gets the old value (zero-extended).</summary>
    private void AtomicMemory(in Instruction i, AtomicOp op, int size)
    {
        ulong mask = SizeMask(size);
        ulong operand = Cpu.Xzr(i.Rs) & mask;
        ulong a = AlignedBase(i.Rn, size, "atomic access");
        ulong old = Load(a, size);
        ulong value = op switch
        {
            AtomicOp.Add => old + operand,
            AtomicOp.Clear => old & ~operand,
            AtomicOp.Eor => old ^ operand,
            AtomicOp.Set => old | operand,
            AtomicOp.SignedMax => (long)Alu.SignExtend(old, size) >= (long)Alu.SignExtend(operand, size) ? old : operand,
            AtomicOp.SignedMin => (long)Alu.SignExtend(old, size) <= (long)Alu.SignExtend(operand, size) ? old : operand,
            AtomicOp.UnsignedMax => old >= operand ? old : operand,
            AtomicOp.UnsignedMin => old <= operand ? old : operand,
            _ => operand,
        };
        Store(a, value & mask, size);
        CountAccesses(true, 1, size);
        CountAccesses(false, 1, size);
        Cpu.SetXzr(i.Rt, old);
    }

    /// <summary>CAS: stores Rt when memory equals Rs; Rs gets what memory held either way.</summary>
    private void CompareAndSwap(in Instruction i, int size)
    {
        ulong mask = SizeMask(size);
        ulong expected = Cpu.Xzr(i.Rs) & mask, replacement = Cpu.Xzr(i.Rt);
        ulong a = AlignedBase(i.Rn, size, "compare and swap");
        ulong old = Load(a, size);
        CountAccesses(true, 1, size);
        if (old == expected)
        {
            Store(a, replacement, size);
            CountAccesses(false, 1, size);
        }
        Cpu.SetXzr(i.Rs, old);
    }

    /// <summary>
    /// CASP: the pair Rs, Rs+1 against two elements at the address (Rs the lower one, in either byte order, as
    /// LDXP takes them); on a match Rt, Rt+1 are stored. The pair is one access, aligned to its whole size.
    /// </summary>
    private void CompareAndSwapPair(in Instruction i, int size)
    {
        ulong mask = SizeMask(size);
        ulong e1 = Cpu.Xzr(i.Rs) & mask, e2 = Cpu.Xzr(i.Rs + 1) & mask;
        ulong n1 = Cpu.Xzr(i.Rt), n2 = Cpu.Xzr(i.Rt + 1);
        ulong a = AlignedBase(i.Rn, 2 * size, "compare and swap pair");
        ulong o1 = Load(a, size), o2 = Load(a + (ulong)size, size);
        CountAccesses(true, 1, 2 * size);
        if (o1 == e1 && o2 == e2)
        {
            Store(a, n1, size);
            Store(a + (ulong)size, n2, size);
            CountAccesses(false, 1, 2 * size);
        }
        Cpu.SetXzr(i.Rs, o1);
        Cpu.SetXzr(i.Rs + 1, o2);
    }

    /// <summary>LDAPUR*/STLUR*: Xn|SP plus a signed 9-bit offset, no writeback; ordered, so aligned.</summary>
    private ulong OrderedAddress(in Instruction i, int size, string what)
    {
        ulong a = Cpu.Xsp(i.Rn) + (ulong)i.Imm;
        if ((a & (ulong)(size - 1)) != 0) AlignmentFault(a, size, what);
        return a;
    }

    private static ulong SizeMask(int size) => size == 8 ? ulong.MaxValue : (1UL << (8 * size)) - 1;
}
