using A64Asm.Isa.Operands;

namespace A64Asm.Isa.Fluent;

/// <summary>The general registers by name, for <c>using static A64Asm.Isa.Fluent.A64Registers;</c>.</summary>
public static class A64Registers
{
    public static readonly Reg X0 = new(RegClass.X, 0);
    public static readonly Reg X1 = new(RegClass.X, 1);
    public static readonly Reg X2 = new(RegClass.X, 2);
    public static readonly Reg X3 = new(RegClass.X, 3);
    public static readonly Reg X4 = new(RegClass.X, 4);
    public static readonly Reg X5 = new(RegClass.X, 5);
    public static readonly Reg X6 = new(RegClass.X, 6);
    public static readonly Reg X7 = new(RegClass.X, 7);
    public static readonly Reg X8 = new(RegClass.X, 8);
    public static readonly Reg X9 = new(RegClass.X, 9);
    public static readonly Reg X10 = new(RegClass.X, 10);
    public static readonly Reg X11 = new(RegClass.X, 11);
    public static readonly Reg X12 = new(RegClass.X, 12);
    public static readonly Reg X13 = new(RegClass.X, 13);
    public static readonly Reg X14 = new(RegClass.X, 14);
    public static readonly Reg X15 = new(RegClass.X, 15);
    public static readonly Reg X16 = new(RegClass.X, 16);
    public static readonly Reg X17 = new(RegClass.X, 17);
    public static readonly Reg X18 = new(RegClass.X, 18);
    public static readonly Reg X19 = new(RegClass.X, 19);
    public static readonly Reg X20 = new(RegClass.X, 20);
    public static readonly Reg X21 = new(RegClass.X, 21);
    public static readonly Reg X22 = new(RegClass.X, 22);
    public static readonly Reg X23 = new(RegClass.X, 23);
    public static readonly Reg X24 = new(RegClass.X, 24);
    public static readonly Reg X25 = new(RegClass.X, 25);
    public static readonly Reg X26 = new(RegClass.X, 26);
    public static readonly Reg X27 = new(RegClass.X, 27);
    public static readonly Reg X28 = new(RegClass.X, 28);
    public static readonly Reg X29 = new(RegClass.X, 29);
    public static readonly Reg X30 = new(RegClass.X, 30);
    public static readonly Reg W0 = new(RegClass.W, 0);
    public static readonly Reg W1 = new(RegClass.W, 1);
    public static readonly Reg W2 = new(RegClass.W, 2);
    public static readonly Reg W3 = new(RegClass.W, 3);
    public static readonly Reg W4 = new(RegClass.W, 4);
    public static readonly Reg W5 = new(RegClass.W, 5);
    public static readonly Reg W6 = new(RegClass.W, 6);
    public static readonly Reg W7 = new(RegClass.W, 7);
    public static readonly Reg W8 = new(RegClass.W, 8);
    public static readonly Reg W9 = new(RegClass.W, 9);
    public static readonly Reg W10 = new(RegClass.W, 10);
    public static readonly Reg W11 = new(RegClass.W, 11);
    public static readonly Reg W12 = new(RegClass.W, 12);
    public static readonly Reg W13 = new(RegClass.W, 13);
    public static readonly Reg W14 = new(RegClass.W, 14);
    public static readonly Reg W15 = new(RegClass.W, 15);
    public static readonly Reg W16 = new(RegClass.W, 16);
    public static readonly Reg W17 = new(RegClass.W, 17);
    public static readonly Reg W18 = new(RegClass.W, 18);
    public static readonly Reg W19 = new(RegClass.W, 19);
    public static readonly Reg W20 = new(RegClass.W, 20);
    public static readonly Reg W21 = new(RegClass.W, 21);
    public static readonly Reg W22 = new(RegClass.W, 22);
    public static readonly Reg W23 = new(RegClass.W, 23);
    public static readonly Reg W24 = new(RegClass.W, 24);
    public static readonly Reg W25 = new(RegClass.W, 25);
    public static readonly Reg W26 = new(RegClass.W, 26);
    public static readonly Reg W27 = new(RegClass.W, 27);
    public static readonly Reg W28 = new(RegClass.W, 28);
    public static readonly Reg W29 = new(RegClass.W, 29);
    public static readonly Reg W30 = new(RegClass.W, 30);
    public static readonly Reg Xzr = new(RegClass.X, 31);
    public static readonly Reg Wzr = new(RegClass.W, 31);
    public static readonly Reg Sp = new(RegClass.X, 31, IsSp: true);
    public static readonly Reg Wsp = new(RegClass.W, 31, IsSp: true);

    /// <summary>[base, #offset]</summary>
    public static MemOperand Mem(Reg baseReg, long offset = 0) =>
        offset == 0 ? new MemOperand(baseReg) : new MemOperand(baseReg, new ImmOperand(offset));

    /// <summary>[base, #offset]! (pre-index: the base is updated before the access)</summary>
    public static MemOperand MemPre(Reg baseReg, long offset) => new(baseReg, new ImmOperand(offset), AddrMode.PreIndex);

    /// <summary>[base], #offset (post-index: the base is updated after the access)</summary>
    public static MemOperand MemPost(Reg baseReg, long offset) => new(baseReg, new ImmOperand(offset), AddrMode.PostIndex);

    /// <summary>[base, index{, extend #amount}]</summary>
    public static MemOperand Mem(Reg baseReg, Reg index, ShiftKind extend = ShiftKind.None, int amount = -1) =>
        new(baseReg, new RegOperand(index), AddrMode.Offset, extend, amount);
}
