using System.Runtime.CompilerServices;
using A64Asm.Isa.Decoding;
using A64Asm.Isa.Operands;

namespace A64Asm.Verifier.Emulation;

/// <summary>Loads and stores of every addressing mode: the address, the access, the writeback.</summary>
public sealed partial class Machine
{
    /// <summary>The address of an immediate-offset form; pre/post-index write the base back.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ulong ImmAddress(in Instruction i)
    {
        ulong b = Cpu.Xsp(i.Rn);
        switch (i.Mode)
        {
            case AddrMode.PostIndex:
                Cpu.SetXsp(i.Rn, b + (ulong)i.Imm);
                return b;
            case AddrMode.PreIndex:
                b += (ulong)i.Imm;
                Cpu.SetXsp(i.Rn, b);
                return b;
            default:
                return b + (ulong)i.Imm;
        }
    }

    /// <summary>[Xn|SP, Rm{, extend {#amount}}].</summary>
    private ulong RegAddress(in Instruction i) => Cpu.Xsp(i.Rn) + ExtendedRm(i, true);

    /// <summary>Loads <paramref name="size"/> bytes into Rt, sign-extending when asked, to 32 or 64 bits.</summary>
    private void LoadInt(in Instruction i, ulong address, int size, bool signed, bool to64)
    {
        ulong v = Load(address, size);
        if (signed)
        {
            v = size switch { 1 => (ulong)(long)(sbyte)v, 2 => (ulong)(long)(short)v, 4 => (ulong)(long)(int)v, _ => v };
            if (!to64) v = (uint)v;
        }
        Counters.Loads++;
        Counters.BytesLoaded += size;
        Cpu.SetXzr(i.Rt, v);
    }

    private void StoreInt(in Instruction i, ulong value, ulong address, int size)
    {
        Store(address, value, size);
        Counters.Stores++;
        Counters.BytesStored += size;
    }

    /// <summary>Reads Rt before the address (and any writeback), so a store of the base register stores the old value.</summary>
    private void StoreImm(in Instruction i, int size)
    {
        ulong v = Cpu.X[i.Rt];
        StoreInt(i, v, ImmAddress(i), size);
    }

    private void StoreReg(in Instruction i, int size) => StoreInt(i, Cpu.X[i.Rt], RegAddress(i), size);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void LoadPair64(in Instruction i)
    {
        ulong a = ImmAddress(i);
        ulong v1 = Load64(a), v2 = Load64(a + 8);
        Cpu.SetXzr(i.Rt, v1);
        Cpu.SetXzr(i.Rt2, v2);
        Counters.Loads++;
        Counters.BytesLoaded += 16;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void StorePair64(in Instruction i)
    {
        ulong v1 = Cpu.X[i.Rt], v2 = Cpu.X[i.Rt2];
        ulong a = ImmAddress(i);
        Store64(a, v1);
        Store64(a + 8, v2);
        Counters.Stores++;
        Counters.BytesStored += 16;
    }

    private void LoadPair32(in Instruction i, bool signed)
    {
        ulong a = ImmAddress(i);
        ulong v1 = Load32(a), v2 = Load32(a + 4);
        if (signed) { v1 = (ulong)(long)(int)v1; v2 = (ulong)(long)(int)v2; }
        Cpu.SetXzr(i.Rt, v1);
        Cpu.SetXzr(i.Rt2, v2);
        Counters.Loads++;
        Counters.BytesLoaded += 8;
    }

    private void StorePair32(in Instruction i)
    {
        ulong v1 = Cpu.X[i.Rt], v2 = Cpu.X[i.Rt2];
        ulong a = ImmAddress(i);
        Store32(a, (uint)v1);
        Store32(a + 4, (uint)v2);
        Counters.Stores++;
        Counters.BytesStored += 8;
    }

    // The exclusive monitor: one address, set by a load-exclusive, cleared by a store-exclusive or CLREX.
    private ulong? _exclusiveAddress;

    private void LoadExclusive(in Instruction i, int size)
    {
        ulong a = Cpu.Xsp(i.Rn);
        if ((a & (ulong)(size - 1)) != 0) AlignmentFault(a, size, "exclusive load");
        _exclusiveAddress = a;
        LoadInt(i, a, size, false, size == 8);
    }

    private void StoreExclusive(in Instruction i, int size)
    {
        ulong a = Cpu.Xsp(i.Rn);
        if ((a & (ulong)(size - 1)) != 0) AlignmentFault(a, size, "exclusive store");
        bool ok = _exclusiveAddress == a;
        _exclusiveAddress = null;
        if (ok) StoreInt(i, Cpu.X[i.Rt], a, size);
        Cpu.SetXzr(i.Rs, ok ? 0UL : 1UL);
    }

    /// <summary>Load-acquire / store-release: ordering is trivially met by a single in-order PE; alignment is not optional.</summary>
    private void LoadAcquire(in Instruction i, int size)
    {
        ulong a = Cpu.Xsp(i.Rn);
        if ((a & (ulong)(size - 1)) != 0) AlignmentFault(a, size, "load-acquire");
        LoadInt(i, a, size, false, size == 8);
    }

    private void StoreRelease(in Instruction i, int size)
    {
        ulong a = Cpu.Xsp(i.Rn);
        if ((a & (ulong)(size - 1)) != 0) AlignmentFault(a, size, "store-release");
        StoreInt(i, Cpu.X[i.Rt], a, size);
    }
}
