using A64Asm.Isa.Model;
using A64Asm.Isa.Operands;

namespace A64Asm.Isa.Encoding;

/// <summary>FEAT_MOPS operands: "[Xd]!", "Xn!" and the set value Xs; GNU as wants Xd, Xs and Xn distinct.</summary>
internal static partial class OperandEncoder
{
    internal const string MopsNotDistinct = "the three register operands must be distinct from one another";

    /// <summary>GNU as's words for sp, xzr or a w register where MOPS takes Xn.</summary>
    const string X64Expected = "integer 64-bit register expected";

    static OperandMatch EncodeMops(OperandSpec spec, Operand op, ReadOnlySpan<Operand> all, int index, ref EncodeState st)
    {
        Reg reg;
        switch (spec.Kind)
        {
            case OperandKind.MopsAddr:
                if (op is not MemOperand { Mode: AddrMode.PreIndex, Offset: null, Extend: ShiftKind.None } mem)
                    return st.MustBe(index == 0 ? "a register destination address with writeback" : "a register source address with writeback");
                reg = mem.Base;
                if (reg.Class != RegClass.X || reg.IsSp || reg.Num == 31) return st.Message(X64Expected);
                break;
            case OperandKind.MopsCount:
                if (op is not WritebackRegOperand { Reg: var counted }) return st.MustBe("an integer register with writeback");
                reg = counted;
                if (reg.Class != RegClass.X || reg.IsSp || reg.Num == 31) return st.Message(X64Expected);
                // cpy*: [Xd]!, [Xs]!, Xn! — the count comes last and sees the other two.
                if (index == 2 && all[0] is MemOperand d && all[1] is MemOperand s && !Distinct(d.Base.Num, s.Base.Num, reg.Num))
                    return st.Message(MopsNotDistinct);
                break;
            case OperandKind.MopsSrc:
                // set*: [Xd]!, Xn!, Xs — the value (xzr allowed) comes last.
                if (op is not RegOperand { Reg: { Class: RegClass.X, IsSp: false } value }) return st.RegisterType(OperandKind.X);
                reg = value;
                if (index == 2 && all[0] is MemOperand dst && all[1] is WritebackRegOperand n && !Distinct(dst.Base.Num, n.Reg.Num, reg.Num))
                    return st.Message(MopsNotDistinct);
                break;
            default:
                throw new UnhandledOperandKindException(spec.Kind, "encoder");
        }
        st.Word = spec.F0.Insert(st.Word, reg.Num);
        return OperandMatch.Ok;
    }

    internal static bool Distinct(int a, int b, int c) => a != b && a != c && b != c;
}
