using System.Runtime.CompilerServices;
using A64Asm.Isa.Decoding;
using A64Asm.Isa.Operands;

namespace A64Asm.Verifier.Emulation;

/// <summary>
/// Loads and stores of every addressing mode: the address, the access, the writeback, the counters. Written on
/// register numbers and operand values, so the block runner's memory ops run these same definitions.
/// </summary>
public sealed partial class Machine
{
    /// <summary>
    /// What accesses add to the counters: an instruction counts once (a pair too) with all the bytes it moves, and
    /// only once its access is done, so one that faults does not count. A pair group or a bulk loop adds many at once.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void CountAccesses(bool load, long instructions, long bytes)
    {
        if (load) { Counters.Loads += instructions; Counters.BytesLoaded += bytes; }
        else { Counters.Stores += instructions; Counters.BytesStored += bytes; }
    }

    /// <summary>
    /// An immediate-offset addressing mode as what the base gains before the access, the access's offset from
    /// the base then, and what the base gains after: pre-index (imm, 0, 0), post-index (0, 0, imm), offset
    /// (0, imm, 0). A loop plan reads the same parts to see how its bases move.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static (long Before, long Offset, long After) AddressParts(AddrMode mode, long imm) => mode switch
    {
        AddrMode.PreIndex => (imm, 0, 0),
        AddrMode.PostIndex => (0, 0, imm),
        _ => (0, imm, 0),
    };

    /// <summary>The address of an immediate-offset form; pre/post-index write the base back.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ulong ImmAddress(int rn, long imm, AddrMode mode)
    {
        var (before, offset, after) = AddressParts(mode, imm);
        ulong b = Cpu.Xsp(rn) + (ulong)before;
        if (mode != AddrMode.Offset) Cpu.SetXsp(rn, b + (ulong)after);
        return b + (ulong)offset;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ulong ImmAddress(in Instruction i) => ImmAddress(i.Rn, i.Imm, i.Mode);

    /// <summary>[Xn|SP, Rm{, extend {#amount}}].</summary>
    private ulong RegAddress(in Instruction i) => Cpu.Xsp(i.Rn) + ExtendedRm(i, true);

    /// <summary>Loads <paramref name="size"/> bytes into Rt, sign-extending when asked, to 32 or 64 bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void LoadInt(int rt, ulong address, int size, bool signed, bool to64)
    {
        ulong v = Load(address, size);
        if (signed)
        {
            v = Alu.SignExtend(v, size);
            if (!to64) v = (uint)v;
        }
        CountAccesses(true, 1, size);
        Cpu.SetXzr(rt, v);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void StoreInt(ulong value, ulong address, int size)
    {
        Store(address, value, size);
        CountAccesses(false, 1, size);
    }

    /// <summary>Reads Rt before the address (and any writeback), so a store of the base register stores the old value.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void StoreImm(int rt, int rn, long imm, AddrMode mode, int size)
    {
        ulong v = Cpu.Xzr(rt);
        StoreInt(v, ImmAddress(rn, imm, mode), size);
    }

    private void StoreReg(in Instruction i, int size) => StoreInt(Cpu.Xzr(i.Rt), RegAddress(i), size);

    /// <summary>LDP/LDNP/LDPSW: two <paramref name="size"/>-byte loads from consecutive addresses, LDPSW sign-extending.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void LoadPair(int rt, int rt2, int rn, long imm, AddrMode mode, int size, bool signed)
    {
        ulong a = ImmAddress(rn, imm, mode);
        ulong v1 = Load(a, size), v2 = Load(a + (ulong)size, size);
        if (signed) { v1 = Alu.SignExtend(v1, size); v2 = Alu.SignExtend(v2, size); }
        Cpu.SetXzr(rt, v1);
        Cpu.SetXzr(rt2, v2);
        CountAccesses(true, 1, 2 * size);
    }

    /// <summary>STP/STNP; reads both registers before the writeback, as <see cref="StoreImm"/> does.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void StorePair(int rt, int rt2, int rn, long imm, AddrMode mode, int size)
    {
        ulong v1 = Cpu.Xzr(rt), v2 = Cpu.Xzr(rt2);
        ulong a = ImmAddress(rn, imm, mode);
        Store(a, v1, size);
        Store(a + (ulong)size, v2, size);
        CountAccesses(false, 1, 2 * size);
    }

    // The exclusive monitor: one address, set by a load-exclusive, cleared by a store-exclusive or CLREX.
    private ulong? _exclusiveAddress;

    /// <summary>The base of the exclusive and acquire/release forms, which must be aligned whatever SCTLR.A says.</summary>
    private ulong AlignedBase(int rn, int size, string what)
    {
        ulong a = Cpu.Xsp(rn);
        if ((a & (ulong)(size - 1)) != 0) AlignmentFault(a, size, what);
        return a;
    }

    private void LoadExclusive(in Instruction i, int size)
    {
        ulong a = AlignedBase(i.Rn, size, "exclusive load");
        _exclusiveAddress = a;
        LoadInt(i.Rt, a, size, false, size == 8);
    }

    private void StoreExclusive(in Instruction i, int size)
    {
        ulong a = AlignedBase(i.Rn, size, "exclusive store");
        bool ok = _exclusiveAddress == a;
        _exclusiveAddress = null;
        if (ok) StoreInt(Cpu.Xzr(i.Rt), a, size);
        Cpu.SetXzr(i.Rs, ok ? 0UL : 1UL);
    }

    /// <summary>
    /// LDXP/LDAXP: one exclusive access of both registers, so the pair must be aligned to its whole size; Rt
    /// takes the lower address in either byte order, as two element loads give it.
    /// </summary>
    private void LoadExclusivePair(in Instruction i, int size)
    {
        ulong a = AlignedBase(i.Rn, 2 * size, "exclusive pair load");
        _exclusiveAddress = a;
        ulong v1 = Load(a, size), v2 = Load(a + (ulong)size, size);
        Cpu.SetXzr(i.Rt, v1);
        Cpu.SetXzr(i.Rt2, v2);
        CountAccesses(true, 1, 2 * size);
    }

    private void StoreExclusivePair(in Instruction i, int size)
    {
        ulong a = AlignedBase(i.Rn, 2 * size, "exclusive pair store");
        bool ok = _exclusiveAddress == a;
        _exclusiveAddress = null;
        if (ok)
        {
            Store(a, Cpu.Xzr(i.Rt), size);
            Store(a + (ulong)size, Cpu.Xzr(i.Rt2), size);
            CountAccesses(false, 1, 2 * size);
        }
        Cpu.SetXzr(i.Rs, ok ? 0UL : 1UL);
    }

    /// <summary>Load-acquire / store-release: ordering is trivially met by a single in-order PE; alignment is not optional.</summary>
    private void LoadAcquire(in Instruction i, int size)
    {
        LoadInt(i.Rt, AlignedBase(i.Rn, size, "load-acquire"), size, false, size == 8);
    }

    private void StoreRelease(in Instruction i, int size)
    {
        ulong v = Cpu.Xzr(i.Rt);
        StoreInt(v, AlignedBase(i.Rn, size, "store-release"), size);
    }
}
