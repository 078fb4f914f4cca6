using A64Asm.Isa.Model;
using A64Asm.Isa.Operands;

namespace A64Asm.Isa.Encoding;

internal static partial class OperandEncoder
{
    internal static RegClass FpClass(int bytes) => bytes switch
    {
        1 => RegClass.B, 2 => RegClass.H, 4 => RegClass.S, 8 => RegClass.D, _ => RegClass.Q,
    };

    static OperandMatch EncodeVector(OperandSpec spec, Operand op, ref EncodeState st)
    {
        var kind = spec.Kind;
        switch (kind)
        {
            case OperandKind.Fp:
            {
                if (op is not RegOperand { Reg: var r } || !A64Encoder.IsFpScalar(r.Class)) return st.RegisterType(kind);
                if (r.Class != FpClass(spec.Param)) return st.Mismatch();
                foreach (var f in spec.Fields) st.Word = f.Insert(st.Word, r.Num);
                return OperandMatch.Ok;
            }
            case OperandKind.FpImm:
            {
                double v;
                if (op is FpImmOperand fp) v = fp.Value;
                else if (op is ImmOperand { IsHexLiteral: true } bits) v = FpImmediate.FromBits(bits.Value, spec.Param);
                else if (op is ImmOperand i) v = i.Value;
                else return st.Shape(kind);
                for (uint imm8 = 0; imm8 < 256; imm8++)
                {
                    if (FpImmediate.Expand(imm8) == v)
                    {
                        // One imm8 field in the scalar forms; abc:defgh in the vector forms.
                        PutConcatenated(spec, imm8, ref st);
                        return OperandMatch.Ok;
                    }
                }
                return st.Message("invalid floating-point constant");
            }
            case OperandKind.Zero0:
                if (op is ImmOperand { Value: not 0 }) return st.Message("immediate zero expected");
                return op is ImmOperand { Value: 0 } ? OperandMatch.Ok : st.Shape(kind);
            case OperandKind.FpZero:
                if (op is FpImmOperand { Value: 0.0 } negative && double.IsNegative(negative.Value))
                    return st.Message("immediate zero expected");
                if (op is FpImmOperand { Value: 0.0 } or ImmOperand { Value: 0 }) return OperandMatch.Ok;
                // Any other number where the form compares with zero: GNU's words, not a register row's.
                return op is FpImmOperand or ImmOperand ? st.Message("immediate zero expected") : st.Shape(kind);
            case OperandKind.V:
            {
                if (op is not VecRegOperand { Index: < 0 } v) return st.RegisterType(kind);
                if ((int)v.Arrangement != spec.Param) return st.Mismatch();
                foreach (var f in spec.Fields) st.Word = f.Insert(st.Word, v.Num);
                return OperandMatch.Ok;
            }
            case OperandKind.VElem:
            {
                if (op is not VecRegOperand { Index: >= 0 } e) return st.Shape(kind);
                if ((int)e.Arrangement != spec.Param) return st.Mismatch();
                // by-element h operands have a 4-bit register field: v0-v15 only.
                if (e.Num >= 1u << spec.F0.Width) return st.Message($"register number out of range 0 to {(1 << spec.F0.Width) - 1}");
                if (!PutIndex(spec, e.Index, ref st, out var bad)) return bad;
                st.Word = spec.F0.Insert(st.Word, e.Num);
                return OperandMatch.Ok;
            }
            case OperandKind.VLane:
            {
                if (op is not VecListOperand { Index: >= 0 } lane || lane.Count != spec.Param) return st.Shape(kind);
                var elem = Decoding.OperandDecoder.LaneArrangement(spec);
                if (lane.Arrangement != elem) return st.Message($"expected a list of .{ArrangementName((int)elem)} elements");
                if (!PutIndex(spec, lane.Index, ref st, out var bad)) return bad;
                st.Word = spec.F0.Insert(st.Word, lane.First);
                return OperandMatch.Ok;
            }
            case OperandKind.VList:
            case OperandKind.VStruct:
            {
                if (op is not VecListOperand { Index: < 0 } list) return st.Shape(kind);
                if (list.Count != spec.Param) return st.Shape(kind);
                int a = (int)list.Arrangement;
                if (kind == OperandKind.VStruct && a == (int)Arrangement.D1)
                    return st.Message("expected a list of .8b, .16b, .4h, .8h, .2s, .4s or .2d registers");
                if (a < 1 || a > 8) return st.Message("expected a list of .8b, .16b, .4h, .8h, .2s, .4s, .1d or .2d registers");
                uint q = (uint)((a - 1) & 1), size = (uint)((a - 1) >> 1);
                st.Word = spec.F0.Insert(st.Word, list.First);
                st.Word = spec.F1.Insert(st.Word, q);
                st.Word = spec.F2.Insert(st.Word, size);
                st.LastImm = list.Count * (q == 1 ? 16 : 8);
                return OperandMatch.Ok;
            }
            case OperandKind.VTbl:
                if (op is VecListOperand { Index: < 0, Arrangement: Arrangement.B16 } tbl && tbl.Count == spec.Param)
                {
                    st.Word = spec.F0.Insert(st.Word, tbl.First);
                    return OperandMatch.Ok;
                }
                return st.Shape(kind);
            case OperandKind.VShr:
            case OperandKind.VShl:
            {
                if (op is not ImmOperand imm) return st.Shape(kind);
                int esize = spec.Param;
                long min = kind == OperandKind.VShr ? 1 : 0, max = kind == OperandKind.VShr ? esize : esize - 1;
                // GNU as reads a right shift against the widest element first (1 to 64), then against the form's.
                if (kind == OperandKind.VShr && imm.Value < 1 && IsAdvSimdShiftByImmediate(st.Word)) return st.Range(imm.Value, 1, 64);
                if (imm.Value < min || imm.Value > max) return st.Range(imm.Value, min, max);
                uint field = kind == OperandKind.VShr ? (uint)(esize - imm.Value) : (uint)imm.Value;
                PutConcatenated(spec, field, ref st);
                return OperandMatch.Ok;
            }
            case OperandKind.MemPostList:
            {
                if (op is not MemOperand { Mode: AddrMode.PostIndex } mem) return st.Shape(kind);
                if (mem.Base.Class != RegClass.X || mem.Base.IsZr) return st.Message(BaseRegisterExpected);
                st.Word = spec.F0.Insert(st.Word, mem.Base.Num);
                if (mem.Offset is ImmOperand off)
                {
                    // The list before has set Q, size and the opcode: the word says how many bytes move.
                    int bytes = Decoding.OperandDecoder.PostBytes(st.Word);
                    if (off.Value != bytes) return st.Message($"post-index immediate must be #{bytes}");
                    st.Word = spec.F1.Insert(st.Word, 31);
                    return OperandMatch.Ok;
                }
                if (mem.Offset is RegOperand { Reg: { Class: RegClass.X, IsSp: false } rm } && rm.Num != 31)
                {
                    st.Word = spec.F1.Insert(st.Word, rm.Num);
                    return OperandMatch.Ok;
                }
                return st.Shape(kind);
            }
            case OperandKind.Movi64:
            {
                if (op is not ImmOperand imm) return st.Shape(kind);
                ulong v = (ulong)imm.Value;
                uint bits = 0;
                for (int b = 0; b < 8; b++)
                {
                    ulong by = (v >> (8 * b)) & 0xff;
                    if (by == 0xff) bits |= 1u << b;
                    else if (by != 0) return st.Message("each byte of the immediate must be 0x00 or 0xff");
                }
                PutConcatenated(spec, bits, ref st);
                return OperandMatch.Ok;
            }
            default:
                throw new UnhandledOperandKindException(kind, "encoder");
        }
    }

    /// <summary>movi Vd.8b/16b, #imm8{, lsl #0}: a byte (GNU as takes -128..255 and keeps its low eight bits, so
    /// movi v3.8b, -128 is #0x80), with the shift GNU allows there, of nothing.</summary>
    static OperandMatch ByteImmediate(OperandSpec spec, Operand op, ReadOnlySpan<Operand> all, int index, ref EncodeState st)
    {
        if (op is not ImmOperand imm) return st.Shape(spec.Kind);
        if (index + 1 < all.Length && all[index + 1] is ShiftOperand sh)
        {
            if (sh.Kind != ShiftKind.Lsl) return st.Message(InvalidShiftOperator);
            if (sh.Amount > 0) return st.Message("shift amount must be 0");
            st.Extra = 1;
        }
        if (imm.Value < -128 || imm.Value > 255) return st.Range(imm.Value, -128, 255);
        PutConcatenated(spec, (uint)imm.Value & 0xff, ref st);
        return OperandMatch.Ok;
    }

    /// <summary>movi/mvni/orr/bic #imm8{, lsl #8k}: the shift is the next operand, as after add #imm.</summary>
    static OperandMatch ShiftedByteImmediate(OperandSpec spec, Operand op, ReadOnlySpan<Operand> all, int index, ref EncodeState st)
    {
        if (op is not ImmOperand imm) return st.Shape(spec.Kind);
        long shift = 0;
        if (index + 1 < all.Length && all[index + 1] is ShiftOperand sh)
        {
            // msl is the VImmMsl rows' shift.
            // Only 32-bit elements have msl forms (their rows say more); for any other element it is GNU's
            // complaint about the value.
            if (sh.Kind == ShiftKind.Msl) return spec.Param == 32 ? st.Syntax(InvalidShiftOperator) : st.Message(InvalidShiftOperator);
            if (sh.Kind != ShiftKind.Lsl) return st.Message("expected lsl");
            shift = sh.Amount;
            st.Extra = 1;
        }
        // GNU as takes -128..255 and keeps the low byte (movi v3.8b, -128 is #0x80).
        if (imm.Value < -128 || imm.Value > 255) return st.Range(imm.Value, -128, 255);
        long maxShift = spec.Param - 8;
        if (shift % 8 != 0 || shift > maxShift) return st.Message($"shift amount must be a multiple of 8 in [0, {maxShift}]");
        uint v = (uint)imm.Value & 0xff;
        st.Word = spec.F0.Insert(st.Word, v >> 5);
        st.Word = spec.F1.Insert(st.Word, v & 31);
        st.Word = spec.F2.Insert(st.Word, (uint)(shift / 8));
        return OperandMatch.Ok;
    }

    /// <summary>AdvSIMD shift by immediate, vector or scalar (bits 27..23 = 11110): not the FP/integer fixed-point
    /// conversions, whose fbits GNU checks against the register's width.</summary>
    static bool IsAdvSimdShiftByImmediate(uint word) => ((word >> 23) & 0x1f) == 0b11110;

    const string InvalidShiftOperator = "invalid shift operator";

    /// <summary>An element index spread over the fields after the register (H:L:M), range-checked.</summary>
    static bool PutIndex(OperandSpec spec, int index, ref EncodeState st, out OperandMatch failure)
    {
        int bits = 0;
        for (int i = 1; i < spec.Fields.Length; i++) bits += spec.Fields[i].Width;
        long max = (1L << bits) - 1;
        if (index > max)
        {
            // GNU's words: fcmla's .4h/.4s elements take fewer index bits than the element size allows.
            failure = st.Message($"register element index out of range 0 to {max}");
            return false;
        }
        uint v = (uint)index;
        for (int i = spec.Fields.Length - 1; i >= 1; i--)
        {
            st.Word = spec.Fields[i].Insert(st.Word, v);
            v >>= spec.Fields[i].Width;
        }
        failure = OperandMatch.Ok;
        return true;
    }

    internal static string ArrangementName(int a) => a switch
    {
        1 => "8b", 2 => "16b", 3 => "4h", 4 => "8h", 5 => "2s", 6 => "4s", 7 => "1d", 8 => "2d", 9 => "1q",
        10 => "b", 11 => "h", 12 => "s", 13 => "d", 15 => "4b", 16 => "2h", _ => "q",
    };
}

/// <summary>The 8-bit FP immediate of fmov: sign, 3-bit exponent, 4-bit fraction (VFPExpandImm).</summary>
public static class FpImmediate
{
    public static double Expand(uint imm8)
    {
        int sign = (int)(imm8 >> 7) & 1;
        int exp = (int)((imm8 >> 4) & 7);
        int frac = (int)(imm8 & 15);
        // exponent field b:c:d with b inverted: values -3..4
        int e = ((exp & 4) != 0 ? exp - 8 : exp) + 1;
        double v = (16 + frac) / 16.0 * Math.Pow(2, e);
        return sign != 0 ? -v : v;
    }

    /// <summary>
    /// The value a 0x constant stands for as a floating-point immediate of <paramref name="bytes"/>-byte elements, as
    /// GNU as reads it: a double's bits for 8-byte elements, else a single's bits (so a half's 0x3c00 is not 1.0).
    /// NaN, which no immediate encodes, when the constant does not fit.
    /// </summary>
    public static double FromBits(long bits, int bytes) =>
        bytes == 8 ? BitConverter.Int64BitsToDouble(bits)
        : (ulong)bits <= uint.MaxValue ? BitConverter.Int32BitsToSingle((int)(uint)bits) : double.NaN;
}
