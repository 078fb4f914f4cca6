using A64Asm.Isa.Operands;

namespace A64Asm.Isa.Fluent;

/// <summary>
/// Typed shorthands over <see cref="A64CodeAssembler.Emit"/>: the base-ISA instructions that boot and kexec
/// code uses. Which row encodes them (w/x, alias or form) is the encoder's choice, exactly as for assembly text.
/// </summary>
public sealed partial class A64CodeAssembler
{
    static RegOperand R(Reg r) => new(r);
    static ImmOperand I(long v) => new(v);
    static SymbolOperand L(A64Label l) => new(l.Name);
    static SymbolOperand Name(string n) => new(n);

    // Data processing
    public A64CodeAssembler Mov(Reg d, Reg s) => Emit("mov", R(d), R(s));
    public A64CodeAssembler Mov(Reg d, long imm) => Emit("mov", R(d), I(imm));
    public A64CodeAssembler Movz(Reg d, ushort imm, int lsl = 0) => Emit("movz", R(d), I(imm), new ShiftOperand(ShiftKind.Lsl, lsl));
    public A64CodeAssembler Movk(Reg d, ushort imm, int lsl = 0) => Emit("movk", R(d), I(imm), new ShiftOperand(ShiftKind.Lsl, lsl));
    public A64CodeAssembler Add(Reg d, Reg n, long imm) => Emit("add", R(d), R(n), I(imm));
    public A64CodeAssembler Add(Reg d, Reg n, Reg m) => Emit("add", R(d), R(n), R(m));
    public A64CodeAssembler Adds(Reg d, Reg n, long imm) => Emit("adds", R(d), R(n), I(imm));
    public A64CodeAssembler Sub(Reg d, Reg n, long imm) => Emit("sub", R(d), R(n), I(imm));
    public A64CodeAssembler Sub(Reg d, Reg n, Reg m) => Emit("sub", R(d), R(n), R(m));
    public A64CodeAssembler Subs(Reg d, Reg n, long imm) => Emit("subs", R(d), R(n), I(imm));
    public A64CodeAssembler Cmp(Reg n, long imm) => Emit("cmp", R(n), I(imm));
    public A64CodeAssembler Cmp(Reg n, Reg m) => Emit("cmp", R(n), R(m));
    public A64CodeAssembler And(Reg d, Reg n, long bitmask) => Emit("and", R(d), R(n), I(bitmask));
    public A64CodeAssembler And(Reg d, Reg n, Reg m) => Emit("and", R(d), R(n), R(m));
    public A64CodeAssembler Orr(Reg d, Reg n, long bitmask) => Emit("orr", R(d), R(n), I(bitmask));
    public A64CodeAssembler Orr(Reg d, Reg n, Reg m) => Emit("orr", R(d), R(n), R(m));
    public A64CodeAssembler Eor(Reg d, Reg n, long bitmask) => Emit("eor", R(d), R(n), I(bitmask));
    public A64CodeAssembler Eor(Reg d, Reg n, Reg m) => Emit("eor", R(d), R(n), R(m));
    public A64CodeAssembler Bic(Reg d, Reg n, Reg m) => Emit("bic", R(d), R(n), R(m));
    public A64CodeAssembler Tst(Reg n, long bitmask) => Emit("tst", R(n), I(bitmask));
    public A64CodeAssembler Tst(Reg n, Reg m) => Emit("tst", R(n), R(m));
    public A64CodeAssembler Lsl(Reg d, Reg n, Reg m) => Emit("lsl", R(d), R(n), R(m));
    public A64CodeAssembler Lsl(Reg d, Reg n, int amount) => Emit("lsl", R(d), R(n), I(amount));
    public A64CodeAssembler Lsr(Reg d, Reg n, Reg m) => Emit("lsr", R(d), R(n), R(m));
    public A64CodeAssembler Lsr(Reg d, Reg n, int amount) => Emit("lsr", R(d), R(n), I(amount));
    public A64CodeAssembler Ubfx(Reg d, Reg n, int lsb, int width) => Emit("ubfx", R(d), R(n), I(lsb), I(width));

    // Loads and stores
    public A64CodeAssembler Ldr(Reg t, MemOperand mem) => Emit("ldr", R(t), mem);
    /// <summary>ldr from a literal: the label's address, pc-relative.</summary>
    public A64CodeAssembler Ldr(Reg t, A64Label literal) => Emit("ldr", R(t), L(literal));
    public A64CodeAssembler Str(Reg t, MemOperand mem) => Emit("str", R(t), mem);
    public A64CodeAssembler Ldp(Reg t1, Reg t2, MemOperand mem) => Emit("ldp", R(t1), R(t2), mem);
    public A64CodeAssembler Stp(Reg t1, Reg t2, MemOperand mem) => Emit("stp", R(t1), R(t2), mem);
    public A64CodeAssembler Ldnp(Reg t1, Reg t2, MemOperand mem) => Emit("ldnp", R(t1), R(t2), mem);
    public A64CodeAssembler Stnp(Reg t1, Reg t2, MemOperand mem) => Emit("stnp", R(t1), R(t2), mem);

    // Branches
    public A64CodeAssembler B(A64Label target) => Emit("b", L(target));
    public A64CodeAssembler Bl(A64Label target) => Emit("bl", L(target));
    public A64CodeAssembler BCond(Cond cond, A64Label target) => Emit("b." + cond.ToString().ToLowerInvariant(), L(target));
    public A64CodeAssembler Cbz(Reg t, A64Label target) => Emit("cbz", R(t), L(target));
    public A64CodeAssembler Cbnz(Reg t, A64Label target) => Emit("cbnz", R(t), L(target));
    public A64CodeAssembler Tbz(Reg t, int bit, A64Label target) => Emit("tbz", R(t), I(bit), L(target));
    public A64CodeAssembler Tbnz(Reg t, int bit, A64Label target) => Emit("tbnz", R(t), I(bit), L(target));
    public A64CodeAssembler Br(Reg n) => Emit("br", R(n));
    public A64CodeAssembler Blr(Reg n) => Emit("blr", R(n));
    public A64CodeAssembler Ret() => Emit("ret");
    public A64CodeAssembler Ret(Reg n) => Emit("ret", R(n));

    // System: names are the table's (ctr_el0, ivac, ialluis, sy, ish, ...)
    public A64CodeAssembler Mrs(Reg t, string systemRegister) => Emit("mrs", R(t), Name(systemRegister));
    public A64CodeAssembler Msr(string systemRegister, Reg t) => Emit("msr", Name(systemRegister), R(t));
    public A64CodeAssembler Dc(string operation, Reg address) => Emit("dc", Name(operation), R(address));
    public A64CodeAssembler Ic(string operation) => Emit("ic", Name(operation));
    public A64CodeAssembler Ic(string operation, Reg address) => Emit("ic", Name(operation), R(address));
    public A64CodeAssembler Tlbi(string operation) => Emit("tlbi", Name(operation));
    public A64CodeAssembler Dsb(string option = "sy") => Emit("dsb", Name(option));
    public A64CodeAssembler Dmb(string option = "sy") => Emit("dmb", Name(option));
    public A64CodeAssembler Isb() => Emit("isb");
    public A64CodeAssembler Nop() => Emit("nop");
    public A64CodeAssembler Svc(ushort imm) => Emit("svc", I(imm));
    public A64CodeAssembler Eret() => Emit("eret");
}
