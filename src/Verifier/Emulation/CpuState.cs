using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace A64Asm.Verifier.Emulation;

/// <summary>
/// The architectural state of one PE: X0–X30, SP, PC, NZCV, V0–V31 with FPCR/FPSR, the exception level and the
/// system registers.
/// Register number 31 means XZR or SP depending on the operand; the two accessor pairs say which.
/// </summary>
public sealed class CpuState
{
    /// <summary>X0–X30 in [0..30]; [31] stays zero so that reads of XZR need no branch.</summary>
    public readonly ulong[] X = new ulong[32];
    public ulong Sp;
    public ulong Pc;
    /// <summary>N, Z, C, V in bits 31..28, as MRS NZCV shows them.</summary>
    public uint Nzcv;
    public int El = 2;
    /// <summary>V0–V31 as 128-bit registers: VRegs[2n] the low half of Vn, VRegs[2n + 1] the high (lanes little-endian in them).</summary>
    public readonly ulong[] VRegs = new ulong[64];
    public uint Fpcr, Fpsr;
    public readonly SystemRegisters Sys = new();

    // Register numbers come from 5-bit fields; the mask keeps every access in the array without a bounds check.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ref ulong R(int n) => ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(X), n & 31);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong Xzr(int n) => R(n);                               // X[31] is always 0

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong Xsp(int n) => n == 31 ? Sp : R(n);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void SetXzr(int n, ulong v) { if (n != 31) R(n) = v; }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void SetXsp(int n, ulong v) { if (n == 31) Sp = v; else R(n) = v; }

    /// <summary>Element <paramref name="index"/> of <paramref name="size"/> bytes (1, 2, 4, 8) of Vn, zero-extended.</summary>
    public ulong VElement(int n, int size, int index)
    {
        int offset = index * size;
        ulong half = VRegs[2 * (n & 31) + ((offset >> 3) & 1)];
        return size == 8 ? half : (half >> (8 * (offset & 7))) & ((1UL << (8 * size)) - 1);
    }

    /// <summary>Writes one element of Vn; the other elements keep their values.</summary>
    public void SetVElement(int n, int size, int index, ulong value)
    {
        int offset = index * size;
        ref ulong half = ref VRegs[2 * (n & 31) + ((offset >> 3) & 1)];
        if (size == 8) { half = value; return; }
        int shift = 8 * (offset & 7);
        ulong mask = ((1UL << (8 * size)) - 1) << shift;
        half = (half & ~mask) | ((value << shift) & mask);
    }

    /// <summary>Writes all of Vn (a scalar or 64-bit vector write passes hi = 0: the rest of the register is zeroed).</summary>
    public void SetV(int n, ulong lo, ulong hi)
    {
        VRegs[2 * (n & 31)] = lo;
        VRegs[2 * (n & 31) + 1] = hi;
    }

    public bool N => (Nzcv & 0x8000_0000) != 0;
    public bool Z => (Nzcv & 0x4000_0000) != 0;
    public bool C => (Nzcv & 0x2000_0000) != 0;
    public bool V => (Nzcv & 0x1000_0000) != 0;

    public uint SctlrKey => El switch
    {
        3 => SystemRegisters.SCTLR_EL3,
        2 => SystemRegisters.SCTLR_EL2,
        _ => SystemRegisters.SCTLR_EL1,
    };

    public ulong Sctlr => Sys[SctlrKey];
    public bool MmuOn => (Sctlr & 1) != 0;
    public bool AlignmentCheck => (Sctlr & 2) != 0;
    public bool DataCacheOn => (Sctlr & 4) != 0;
    public bool InstructionCacheOn => (Sctlr & (1 << 12)) != 0;
    /// <summary>SCTLR_ELx.EE: data accesses at this EL are big-endian.</summary>
    public bool BigEndianData => (Sctlr & (1UL << 25)) != 0;

    /// <summary>Loads ID registers and SCTLR bits from the model; general registers start at zero.</summary>
    public void Reset(CpuModel model)
    {
        Array.Clear(X);
        Sp = 0; Pc = 0; Nzcv = 0;
        Array.Clear(VRegs);
        Fpcr = 0; Fpsr = 0;
        El = model.ExceptionLevel;
        Sys[SystemRegisters.CTR_EL0] = model.Ctr;
        Sys[SystemRegisters.MIDR_EL1] = model.Midr;
        Sys[SystemRegisters.MPIDR_EL1] = model.Mpidr;
        Sys[SystemRegisters.DCZID_EL0] = model.Dczid;
        Sys[SystemRegisters.ID_AA64PFR0_EL1] = model.IdAa64Pfr0;
        Sys[SystemRegisters.ID_AA64MMFR0_EL1] = model.IdAa64Mmfr0;
        Sys[SystemRegisters.ID_AA64ISAR0_EL1] = model.IdAa64Isar0;
        // RES1 bits of SCTLR_EL1/EL2 as the reset value shows them, then M, C, I as configured.
        ulong sctlr = 0x30C50830UL & ~0x1005UL;
        if (model.Mmu) sctlr |= 1;
        if (model.DataCache) sctlr |= 4;
        if (model.InstructionCache) sctlr |= 1 << 12;
        if (model.BigEndian) sctlr |= 3UL << 24;   // EE and E0E (RES0 at EL2/EL3 without EL0, harmless here)
        Sys[SystemRegisters.SCTLR_EL1] = sctlr;
        Sys[SystemRegisters.SCTLR_EL2] = sctlr;
        Sys[SystemRegisters.SCTLR_EL3] = sctlr;
        foreach (var (key, value) in model.Extra) Sys[key] = value;
    }
}
