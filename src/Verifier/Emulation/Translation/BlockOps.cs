using System.Runtime.CompilerServices;
using A64Asm.Isa.Operands;

namespace A64Asm.Verifier.Emulation;

/// <summary>
/// The operations a translated block calls, one per instruction, with the instruction's operands as constants.
/// They are small and aggressively inlined, so the JIT folds the register numbers and immediates into each
/// block's machine code; the semantics are the interpreter's (Alu, Load/Store), not a second copy of them.
/// Register numbers of SP forms are never 31 here: the translator leaves those to the interpreter.
/// </summary>
internal static class BlockOps
{
    private const MethodImplOptions Inline = MethodImplOptions.AggressiveInlining;

    [MethodImpl(Inline)] private static void Set(ulong[] x, int r, ulong v) { if (r != 31) x[r] = v; }

    [MethodImpl(Inline)] public static void Enter(Machine m, ulong pc, int count) => m.EnterBlock(pc, count);
    [MethodImpl(Inline)] public static void Leave(Machine m, ulong lastPc) => m._pc = lastPc;

    [MethodImpl(Inline)] public static void AddImm(ulong[] x, int rd, int rn, long imm) => Set(x, rd, x[rn] + (ulong)imm);
    [MethodImpl(Inline)] public static void SubImm(ulong[] x, int rd, int rn, long imm) => Set(x, rd, x[rn] - (ulong)imm);
    [MethodImpl(Inline)] public static void AddsImm(Machine m, ulong[] x, int rd, int rn, long imm)
    { ulong r = Alu.Add64(x[rn], (ulong)imm, 0, out uint f); m.Cpu.Nzcv = f; Set(x, rd, r); }
    [MethodImpl(Inline)] public static void SubsImm(Machine m, ulong[] x, int rd, int rn, long imm)
    { ulong r = Alu.Add64(x[rn], ~(ulong)imm, 1, out uint f); m.Cpu.Nzcv = f; Set(x, rd, r); }

    [MethodImpl(Inline)] public static void AndImm(ulong[] x, int rd, int rn, long imm) => Set(x, rd, x[rn] & (ulong)imm);
    [MethodImpl(Inline)] public static void OrrImm(ulong[] x, int rd, int rn, long imm) => Set(x, rd, x[rn] | (ulong)imm);
    [MethodImpl(Inline)] public static void EorImm(ulong[] x, int rd, int rn, long imm) => Set(x, rd, x[rn] ^ (ulong)imm);
    [MethodImpl(Inline)] public static void AndsImm(Machine m, ulong[] x, int rd, int rn, long imm)
    { ulong r = x[rn] & (ulong)imm; m.Cpu.Nzcv = Alu.LogicFlags64(r); Set(x, rd, r); }

    [MethodImpl(Inline)] private static ulong Shifted(ulong[] x, int rm, int kind, int amount) => Alu.Shift64(x[rm], kind, amount);
    [MethodImpl(Inline)] public static void AddShift(ulong[] x, int rd, int rn, int rm, int kind, int amount) => Set(x, rd, x[rn] + Shifted(x, rm, kind, amount));
    [MethodImpl(Inline)] public static void SubShift(ulong[] x, int rd, int rn, int rm, int kind, int amount) => Set(x, rd, x[rn] - Shifted(x, rm, kind, amount));
    [MethodImpl(Inline)] public static void AddsShift(Machine m, ulong[] x, int rd, int rn, int rm, int kind, int amount)
    { ulong r = Alu.Add64(x[rn], Shifted(x, rm, kind, amount), 0, out uint f); m.Cpu.Nzcv = f; Set(x, rd, r); }
    [MethodImpl(Inline)] public static void SubsShift(Machine m, ulong[] x, int rd, int rn, int rm, int kind, int amount)
    { ulong r = Alu.Add64(x[rn], ~Shifted(x, rm, kind, amount), 1, out uint f); m.Cpu.Nzcv = f; Set(x, rd, r); }
    [MethodImpl(Inline)] public static void AndShift(ulong[] x, int rd, int rn, int rm, int kind, int amount, int invert) => Set(x, rd, x[rn] & Inv(Shifted(x, rm, kind, amount), invert));
    [MethodImpl(Inline)] public static void OrrShift(ulong[] x, int rd, int rn, int rm, int kind, int amount, int invert) => Set(x, rd, x[rn] | Inv(Shifted(x, rm, kind, amount), invert));
    [MethodImpl(Inline)] public static void EorShift(ulong[] x, int rd, int rn, int rm, int kind, int amount, int invert) => Set(x, rd, x[rn] ^ Inv(Shifted(x, rm, kind, amount), invert));
    [MethodImpl(Inline)] public static void AndsShift(Machine m, ulong[] x, int rd, int rn, int rm, int kind, int amount, int invert)
    { ulong r = x[rn] & Inv(Shifted(x, rm, kind, amount), invert); m.Cpu.Nzcv = Alu.LogicFlags64(r); Set(x, rd, r); }
    [MethodImpl(Inline)] private static ulong Inv(ulong v, int invert) => invert != 0 ? ~v : v;

    [MethodImpl(Inline)] public static void Movz(ulong[] x, int rd, long imm, int shift) => Set(x, rd, (ulong)imm << shift);
    [MethodImpl(Inline)] public static void Movn(ulong[] x, int rd, long imm, int shift) => Set(x, rd, ~((ulong)imm << shift));
    [MethodImpl(Inline)] public static void Movk(ulong[] x, int rd, long imm, int shift) => Set(x, rd, (x[rd] & ~(0xFFFFUL << shift)) | ((ulong)imm << shift));
    [MethodImpl(Inline)] public static void Ubfm(ulong[] x, int rd, int rn, int immr, int imms) => Set(x, rd, Alu.Bitfield(0, x[rn], immr, imms, 64, false, true));
    [MethodImpl(Inline)] public static void Lslv(ulong[] x, int rd, int rn, int rm) => Set(x, rd, x[rn] << (int)(x[rm] & 63));

    [MethodImpl(Inline)]
    private static ulong Address(Machine m, ulong[] x, int rn, long imm, int mode)
    {
        ulong b = rn == 31 ? m.Cpu.Sp : x[rn];
        if (mode == (int)AddrMode.Offset) return b + (ulong)imm;
        ulong updated = b + (ulong)imm;
        if (rn == 31) m.Cpu.Sp = updated; else x[rn] = updated;
        return mode == (int)AddrMode.PreIndex ? updated : b;
    }

    [MethodImpl(Inline)]
    public static void LoadPair(Machine m, ulong[] x, ulong pc, int rt, int rt2, int rn, long imm, int mode)
    {
        m._pc = pc;
        ulong a = Address(m, x, rn, imm, mode);
        ulong v1 = m.Load64(a), v2 = m.Load64(a + 8);
        Set(x, rt, v1);
        Set(x, rt2, v2);
        m.Counters.Loads++;
        m.Counters.BytesLoaded += 16;
    }

    [MethodImpl(Inline)]
    public static void StorePair(Machine m, ulong[] x, ulong pc, int rt, int rt2, int rn, long imm, int mode)
    {
        m._pc = pc;
        ulong v1 = x[rt], v2 = x[rt2];
        ulong a = Address(m, x, rn, imm, mode);
        m.Store64(a, v1);
        m.Store64(a + 8, v2);
        m.Counters.Stores++;
        m.Counters.BytesStored += 16;
    }

    [MethodImpl(Inline)]
    public static void Load(Machine m, ulong[] x, ulong pc, int rt, int rn, long imm, int mode)
    {
        m._pc = pc;
        ulong v = m.Load64(Address(m, x, rn, imm, mode));
        Set(x, rt, v);
        m.Counters.Loads++;
        m.Counters.BytesLoaded += 8;
    }

    [MethodImpl(Inline)]
    public static void Store(Machine m, ulong[] x, ulong pc, int rt, int rn, long imm, int mode)
    {
        m._pc = pc;
        ulong v = x[rt];
        m.Store64(Address(m, x, rn, imm, mode), v);
        m.Counters.Stores++;
        m.Counters.BytesStored += 8;
    }

    [MethodImpl(Inline)]
    public static void LoadLiteral(Machine m, ulong[] x, ulong pc, int rt, long imm)
    {
        m._pc = pc;
        Set(x, rt, m.Load64(pc + (ulong)imm));
        m.Counters.Loads++;
        m.Counters.BytesLoaded += 8;
    }

    public static void Sys(Machine m, ulong pc, int sys, int rt) { m._pc = pc; m.Sys((ushort)sys, rt); }
    public static void Mrs(Machine m, ulong pc, int sys, int rt) { m._pc = pc; m.Mrs((ushort)sys, rt); }
    [MethodImpl(Inline)] public static void Barrier(Machine m) => m.Barrier();
    public static void Nop() { }

    [MethodImpl(Inline)] public static ulong BCond(Machine m, int cond, ulong taken, ulong next) => Alu.ConditionHolds(cond, m.Cpu.Nzcv) ? taken : next;
    [MethodImpl(Inline)] public static ulong Cbz(ulong[] x, int rt, int is64, ulong taken, ulong next) => (is64 != 0 ? x[rt] : (uint)x[rt]) == 0 ? taken : next;
    [MethodImpl(Inline)] public static ulong Cbnz(ulong[] x, int rt, int is64, ulong taken, ulong next) => (is64 != 0 ? x[rt] : (uint)x[rt]) != 0 ? taken : next;
    [MethodImpl(Inline)] public static ulong Tbz(ulong[] x, int rt, int bit, ulong taken, ulong next) => ((x[rt] >> bit) & 1) == 0 ? taken : next;
    [MethodImpl(Inline)] public static ulong Tbnz(ulong[] x, int rt, int bit, ulong taken, ulong next) => ((x[rt] >> bit) & 1) != 0 ? taken : next;
    [MethodImpl(Inline)] public static ulong Branch(ulong target) => target;
    [MethodImpl(Inline)] public static ulong BranchRegister(ulong[] x, int rn) => x[rn];
    [MethodImpl(Inline)] public static ulong BranchLink(ulong[] x, ulong target, ulong ret) { x[30] = ret; return target; }
}
