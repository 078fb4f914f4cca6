using A64Asm.Isa.Model;
using A64Asm.Isa.Operands;

namespace A64Asm.Isa.Encoding;

/// <summary>Operand kinds of the scalar/base AdvSIMD rows (simd-scalar.isa): fmov's upper half, movi/mvni msl,
/// shll's fixed shift and movi's byte immediate.</summary>
internal static partial class OperandEncoder
{
    static OperandMatch EncodeScalarExtra(OperandSpec spec, Operand op, ReadOnlySpan<Operand> all, int index, ref EncodeState st)
    {
        var kind = spec.Kind;
        switch (kind)
        {
            case OperandKind.VTop:
                if (op is not VecRegOperand { Index: >= 0 } top)
                    return op is VecRegOperand ? st.Syntax("indexed vector register expected") : st.Shape(kind);
                // GNU as names the operand "the top half of a 128-bit FP/SIMD register"; only .d[1] is that.
                if (top.Arrangement != Arrangement.D || top.Index != 1) return st.Message("the top half of a 128-bit FP/SIMD register is expected");
                st.Word = spec.F0.Insert(st.Word, top.Num);
                return OperandMatch.Ok;
            case OperandKind.VImmMsl:
            {
                if (op is not ImmOperand imm) return st.Shape(kind);
                // Without "msl #n" the lsl form (VImm8) is the one meant.
                if (index + 1 >= all.Length || all[index + 1] is not ShiftOperand { Kind: ShiftKind.Msl } msl) return st.Shape(kind);
                st.Extra = 1;
                // GNU as's words: an immediate past a byte is no msl form at all; msl's amount is named as the
                // value of its "hw" field would be.
                if (imm.Value < -128 || imm.Value > 255) return st.Message("invalid shift operator");
                if (msl.Amount is not (8 or 16)) return st.Message("shift amount must be 0 or 16");
                uint v = (uint)imm.Value & 0xff;
                st.Word = spec.F0.Insert(st.Word, v >> 5);
                st.Word = spec.F1.Insert(st.Word, v & 31);
                st.Word = spec.F2.Insert(st.Word, msl.Amount == 16 ? 1u : 0u);
                return OperandMatch.Ok;
            }
            case OperandKind.FixedShift:
                if (op is not ImmOperand shift) return st.Shape(kind);
                return shift.Value == spec.Param ? OperandMatch.Ok : st.Message("invalid shift amount");
            default:
                throw new UnhandledOperandKindException(kind, "encoder");
        }
    }
}
