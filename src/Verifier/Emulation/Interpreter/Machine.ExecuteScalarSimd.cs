using A64Asm.Isa.Decoding;

namespace A64Asm.Verifier.Emulation;

/// <summary>
/// Dispatch, continued: the scalar AdvSIMD forms (<see cref="ScalarSimdForms"/>) — one element of B/H/S/D, the rest of
/// Vd zeroed — and, on the same lane operations, the vector fixed-point conversions and the FP/general fixed-point
/// conversions (fp_fixed). Saturation is done in 128 bits; FPSR.QC, which it would set, is not modelled.
/// </summary>
public sealed partial class Machine
{
    private void ExecuteScalarSimd(ref Instruction i)
    {
        var f = ScalarSimdForms.Of(i.Code);
        if (f.Op == ScalarOp.None) { ExecuteGeneralFixedPoint(ref i); return; }
        int esize = f.ElementBytes;
        if (f.Vector) { VectorLanes(i, f); return; }
        ulong r = f.Op switch
        {
            >= ScalarOp.Addp and <= ScalarOp.Fminnmp => Pairwise(f.Op, Cpu.VElement(i.Rn, esize, 0), Cpu.VElement(i.Rn, esize, 1), esize),
            >= ScalarOp.Fmaxv and <= ScalarOp.Fminnmv => Reduce(f.Op - (ScalarOp.Fmaxv - ScalarOp.Fmaxp), i.Rn, 0, f.Across, esize),
            >= ScalarOp.Sqxtn and <= ScalarOp.Uqrshrn => Narrow(f.Op, Cpu.VElement(i.Rn, 2 * esize, 0), (int)i.Imm, esize),
            ScalarOp.Fcvtxn => FloatingPoint.ToSingleRoundedToOdd(Cpu.VRegs[2 * i.Rn]),
            >= ScalarOp.Sqdmlal and <= ScalarOp.Sqdmull => DoublingLong(f.Op, Cpu.VElement(i.Rd, esize, 0), Cpu.VElement(i.Rn, esize / 2, 0),
                Cpu.VElement(i.Rm, esize / 2, f.Operand == ScalarOperand.Element ? (int)i.Imm : 0), esize),
            _ => ScalarLane(f, Cpu.VElement(i.Rd, esize, 0), Cpu.VElement(i.Rn, esize, 0), f.Operand switch
            {
                ScalarOperand.Register => Cpu.VElement(i.Rm, esize, 0),
                ScalarOperand.Element => Cpu.VElement(i.Rm, esize, (int)i.Imm),
                _ => (ulong)i.Imm,
            }),
        };
        Cpu.SetV(i.Rd, r & SizeMask(esize), 0);
    }

    /// <summary>An across-lanes reduction of <paramref name="count"/> elements from <paramref name="first"/>: each half reduced, then the two (the Arm ARM's Reduce).</summary>
    private ulong Reduce(ScalarOp pairwise, int rn, int first, int count, int esize)
    {
        if (count == 2) return Pairwise(pairwise, Cpu.VElement(rn, esize, first), Cpu.VElement(rn, esize, first + 1), esize);
        int half = count / 2;
        return Pairwise(pairwise, Reduce(pairwise, rn, first, half, esize), Reduce(pairwise, rn, first + half, half, esize), esize);
    }

    /// <summary>SCVTF/UCVTF (general to FP) and FCVTZS/FCVTZU (FP to general) with fbits in Imm.</summary>
    private void ExecuteGeneralFixedPoint(ref Instruction i)
    {
        var form = ScalarFpForms.Of(i.Code);
        var p = form.Size;
        switch (form.Op)
        {
            case ScalarFpOp.ToFixed:
                SetX(i, FloatingPoint.ToFixed(Fp(i.Rn, p), p, (int)i.Imm, FpRounding.Zero, form.Signed, form.X), form.X);
                break;
            case ScalarFpOp.FromFixed:
            {
                ulong x = Cpu.X[i.Rn];
                ulong value = form.X ? x : form.Signed ? (ulong)(long)(int)x : (uint)x;
                SetFp(i.Rd, FloatingPoint.FromFixed(value, form.Signed, p, (int)i.Imm));
                break;
            }
            default: ExecuteBaseMore(ref i); break;
        }
    }

    private static ulong Low(Int128 v) => (ulong)(v & ulong.MaxValue);

    private static ulong SaturateSigned(Int128 v, int esize)
    {
        Int128 max = ((Int128)1 << (8 * esize - 1)) - 1;
        return Low(v > max ? max : v < -max - 1 ? -max - 1 : v);
    }

    private static ulong SaturateUnsigned(Int128 v, int esize)
    {
        Int128 max = ((Int128)1 << (8 * esize)) - 1;
        return Low(v > max ? max : v < 0 ? 0 : v);
    }

    private static Int128 Signed(ulong v, int esize) => (long)Alu.SignExtend(v, esize);

    /// <summary>v shifted right by 1..65 (a larger shift gives what 65 gives), rounded when asked: the exact value, in 128 bits.</summary>
    private static Int128 ShiftRight(Int128 v, int shift, bool round)
    {
        shift = Math.Min(shift, 65);
        return (v + (round ? (Int128)1 << (shift - 1) : 0)) >> shift;
    }

    /// <summary>One element's operation: <paramref name="d"/> is Vd's element, <paramref name="m"/> Vm's element or the immediate.</summary>
    private static ulong ScalarLane(ScalarSimdForm f, ulong d, ulong n, ulong m)
    {
        int esize = f.ElementBytes;
        var p = (FpSize)esize;
        bool fixedPoint = f.Operand == ScalarOperand.Immediate;
        int fbits = fixedPoint ? (int)m : 0;
        switch (f.Op)
        {
            case <= ScalarOp.Cmlt0: return Elementwise(SameVectorOp[(int)f.Op], n, m, esize);
            case ScalarOp.Sqadd: return SaturateSigned(Signed(n, esize) + Signed(m, esize), esize);
            case ScalarOp.Uqadd: return SaturateUnsigned((Int128)n + m, esize);
            case ScalarOp.Sqsub: return SaturateSigned(Signed(n, esize) - Signed(m, esize), esize);
            case ScalarOp.Uqsub: return SaturateUnsigned((Int128)n - m, esize);
            case ScalarOp.Suqadd: return SaturateSigned(Signed(d, esize) + n, esize);
            case ScalarOp.Usqadd: return SaturateUnsigned(d + Signed(n, esize), esize);
            case ScalarOp.Sqabs: return SaturateSigned(Int128.Abs(Signed(n, esize)), esize);
            case ScalarOp.Sqneg: return SaturateSigned(-Signed(n, esize), esize);
            case ScalarOp.Sqdmulh: return DoublingHighHalf(n, m, esize, false);
            case ScalarOp.Sqrdmulh: return DoublingHighHalf(n, m, esize, true);
            case >= ScalarOp.Sshl and <= ScalarOp.Uqrshl when !fixedPoint: return ShiftByRegister(f.Op, n, (sbyte)m, esize);
            case ScalarOp.Sqshl: return SaturateSigned(Signed(n, esize) << fbits, esize);
            case ScalarOp.Uqshl: return SaturateUnsigned((Int128)n << fbits, esize);
            case ScalarOp.Sqshlu: return SaturateUnsigned(Signed(n, esize) << fbits, esize);
            case ScalarOp.Ssra: return ShiftElement(VectorOp.Ssra, d, n, fbits, esize);
            case ScalarOp.Usra: return ShiftElement(VectorOp.Usra, d, n, fbits, esize);
            case ScalarOp.Sri: return ShiftElement(VectorOp.Sri, d, n, fbits, esize);
            case ScalarOp.Sli: return ShiftElement(VectorOp.Sli, d, n, fbits, esize);
            case ScalarOp.Srshr: return Low(ShiftRight(Signed(n, esize), fbits, true));
            case ScalarOp.Urshr: return Low(ShiftRight(n, fbits, true));
            case ScalarOp.Srsra: return d + Low(ShiftRight(Signed(n, esize), fbits, true));
            case ScalarOp.Ursra: return d + Low(ShiftRight(n, fbits, true));
            case ScalarOp.Fmulx: return FloatingPoint.MulX(n, m, p);
            case ScalarOp.Fmul: return FloatingPoint.Apply(FloatingPoint.Binary.Mul, n, m, p);
            case ScalarOp.Fmla: return FloatingPoint.MulAdd(d, n, m, p);
            case ScalarOp.Fmls: return FloatingPoint.MulAdd(d, FloatingPoint.Negate(n, p), m, p);
            case ScalarOp.Fmaxnm: return FloatingPoint.Apply(FloatingPoint.Binary.MaxNum, n, m, p);
            case ScalarOp.Fminnm: return FloatingPoint.Apply(FloatingPoint.Binary.MinNum, n, m, p);
            case ScalarOp.Fabd: return FloatingPoint.Abs(FloatingPoint.Apply(FloatingPoint.Binary.Sub, n, m, p), p);
            case ScalarOp.Frecps: return FloatingPoint.Step(n, m, p, false);
            case ScalarOp.Frsqrts: return FloatingPoint.Step(n, m, p, true);
            case ScalarOp.Frecpx: return FloatingPoint.RecipExponent(n, p);
            case >= ScalarOp.Fcmeq and <= ScalarOp.Fcmlt0:
            {
                var (c, other) = f.Op switch
                {
                    ScalarOp.Fcmeq => (FloatingPoint.Comparison.Eq, m), ScalarOp.Fcmge => (FloatingPoint.Comparison.Ge, m),
                    ScalarOp.Fcmgt => (FloatingPoint.Comparison.Gt, m), ScalarOp.Facge => (FloatingPoint.Comparison.AbsGe, m),
                    ScalarOp.Facgt => (FloatingPoint.Comparison.AbsGt, m), ScalarOp.Fcmeq0 => (FloatingPoint.Comparison.Eq, 0UL),
                    ScalarOp.Fcmge0 => (FloatingPoint.Comparison.Ge, 0UL), ScalarOp.Fcmgt0 => (FloatingPoint.Comparison.Gt, 0UL),
                    ScalarOp.Fcmle0 => (FloatingPoint.Comparison.Le, 0UL), _ => (FloatingPoint.Comparison.Lt, 0UL),
                };
                return Mask(FloatingPoint.Holds(c, n, other, p));
            }
            case ScalarOp.Frecpe: return FloatingPoint.ReciprocalEstimate(n, p);
            case ScalarOp.Frsqrte: return FloatingPoint.ReciprocalSqrtEstimate(n, p);
            case ScalarOp.Urecpe: return FloatingPoint.UnsignedReciprocalEstimate((uint)n);
            case ScalarOp.Ursqrte: return FloatingPoint.UnsignedReciprocalSqrtEstimate((uint)n);
            case ScalarOp.Scvtf: return FloatingPoint.FromFixed(Alu.SignExtend(n, esize), true, p, fbits);
            case ScalarOp.Ucvtf: return FloatingPoint.FromFixed(n, false, p, fbits);
            default:   // FCVT[NMAPZ][SU]
            {
                string name = f.Op.ToString();
                var mode = name[4] switch
                {
                    'n' => FpRounding.TiesToEven, 'm' => FpRounding.MinusInfinity, 'a' => FpRounding.TiesAway,
                    'p' => FpRounding.PlusInfinity, _ => FpRounding.Zero,
                };
                return FloatingPoint.ToFixed(n, p, fbits, mode, name[5] == 's', esize == 8, esize == 2);
            }
        }
    }

    /// <summary>The integer operations the scalar forms share with the vector ones (<see cref="Elementwise"/>), by ScalarOp.</summary>
    private static readonly VectorOp[] SameVectorOp = Enumerable.Range(0, (int)ScalarOp.Cmlt0 + 1)
        .Select(k => Enum.TryParse<VectorOp>(((ScalarOp)k).ToString(), out var v) ? v : VectorOp.None).ToArray();

    /// <summary>SSHL, USHL, SQSHL, UQSHL, SRSHL, URSHL, SQRSHL, UQRSHL: by the signed low byte of Vm, negative shifting right.</summary>
    private static ulong ShiftByRegister(ScalarOp op, ulong n, int shift, int esize)
    {
        bool signed = op is ScalarOp.Sshl or ScalarOp.Sqshl or ScalarOp.Srshl or ScalarOp.Sqrshl;
        bool round = op is ScalarOp.Srshl or ScalarOp.Urshl or ScalarOp.Sqrshl or ScalarOp.Uqrshl;
        bool saturate = op is ScalarOp.Sqshl or ScalarOp.Uqshl or ScalarOp.Sqrshl or ScalarOp.Uqrshl;
        Int128 v = signed ? Signed(n, esize) : n;
        Int128 r;
        if (shift >= 8 * esize)   // every bit leaves the element: zero, or saturation for a non-zero value
            r = !saturate || v == 0 ? 0 : v > 0 ? Int128.MaxValue : Int128.MinValue;
        else r = shift >= 0 ? v << shift : ShiftRight(v, -shift, round);
        if (!saturate) return Low(r);
        return signed ? SaturateSigned(r, esize) : SaturateUnsigned(r, esize);
    }

    /// <summary>SQXTN, UQXTN, SQXTUN and the saturating shifts right narrow: a 2*esize source to an esize result.</summary>
    private static ulong Narrow(ScalarOp op, ulong n, int shift, int esize)
    {
        Int128 s = Signed(n, 2 * esize), u = n;
        return op switch
        {
            ScalarOp.Sqxtn => SaturateSigned(s, esize),
            ScalarOp.Uqxtn => SaturateUnsigned(u, esize),
            ScalarOp.Sqxtun => SaturateUnsigned(s, esize),
            ScalarOp.Sqshrn => SaturateSigned(ShiftRight(s, shift, false), esize),
            ScalarOp.Sqrshrn => SaturateSigned(ShiftRight(s, shift, true), esize),
            ScalarOp.Sqshrun => SaturateUnsigned(ShiftRight(s, shift, false), esize),
            ScalarOp.Sqrshrun => SaturateUnsigned(ShiftRight(s, shift, true), esize),
            ScalarOp.Uqshrn => SaturateUnsigned(ShiftRight(u, shift, false), esize),
            _ => SaturateUnsigned(ShiftRight(u, shift, true), esize),   // UQRSHRN
        };
    }

    /// <summary>ADDP, SMAXP/UMAXP/SMINP/UMINP and the FP pairwise operations on two elements.</summary>
    private static ulong Pairwise(ScalarOp op, ulong a, ulong b, int esize)
    {
        var p = (FpSize)esize;
        return op switch
        {
            ScalarOp.Addp => a + b,
            ScalarOp.Smaxp => (long)Alu.SignExtend(a, esize) >= (long)Alu.SignExtend(b, esize) ? a : b,
            ScalarOp.Sminp => (long)Alu.SignExtend(a, esize) <= (long)Alu.SignExtend(b, esize) ? a : b,
            ScalarOp.Umaxp => Math.Max(a, b),
            ScalarOp.Uminp => Math.Min(a, b),
            ScalarOp.Faddp => FloatingPoint.Apply(FloatingPoint.Binary.Add, a, b, p),
            ScalarOp.Fmaxp => FloatingPoint.Apply(FloatingPoint.Binary.Max, a, b, p),
            ScalarOp.Fminp => FloatingPoint.Apply(FloatingPoint.Binary.Min, a, b, p),
            ScalarOp.Fmaxnmp => FloatingPoint.Apply(FloatingPoint.Binary.MaxNum, a, b, p),
            _ => FloatingPoint.Apply(FloatingPoint.Binary.MinNum, a, b, p),
        };
    }

    /// <summary>SQDMULL, SQDMLAL, SQDMLSL: 2*n*m saturated to the result size, then added or subtracted with saturation.</summary>
    private static ulong DoublingLong(ScalarOp op, ulong d, ulong n, ulong m, int esize)
    {
        ulong product = SaturateSigned(2 * Signed(n, esize / 2) * Signed(m, esize / 2), esize);
        return op switch
        {
            ScalarOp.Sqdmull => product,
            ScalarOp.Sqdmlal => SaturateSigned(Signed(d, esize) + Signed(product, esize), esize),
            _ => SaturateSigned(Signed(d, esize) - Signed(product, esize), esize),
        };
    }
}
