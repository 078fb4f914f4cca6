using A64Asm.Isa.Decoding;

namespace A64Asm.Verifier.Emulation;

/// <summary>The AdvSIMD floating-point forms (simd_fp_3same, simd_fp_2misc): the scalar definitions, lane by lane.</summary>
public sealed partial class Machine
{
    private void FpVector(in Instruction i, VectorForm f)
    {
        int esize = f.ElementBytes;
        var p = (FpSize)esize;
        ulong lo = 0, hi = 0;
        switch (f.Op)
        {
            case VectorOp.Fcvtn:   // D to S or S to H, into the lower half (zeroing the upper) or, as FCVTN2, the upper
            {
                int lanes = 8 / esize;
                for (int e = 0; e < lanes; e++)
                    PutElement(ref lo, ref hi, esize, f.Upper ? e + lanes : e,
                        FloatingPoint.Convert(Cpu.VElement(i.Rn, 2 * esize, e), (FpSize)(2 * esize), p));
                if (f.Upper) lo = Cpu.VRegs[2 * i.Rd];
                break;
            }
            case VectorOp.Fcvtl:   // H to S or S to D, from the lower half or, as FCVTL2, the upper
            {
                int lanes = 16 / esize;
                for (int e = 0; e < lanes; e++)
                    PutElement(ref lo, ref hi, esize, e,
                        FloatingPoint.Convert(Cpu.VElement(i.Rn, esize / 2, f.Upper ? e + lanes : e), (FpSize)(esize / 2), p));
                break;
            }
            case VectorOp.Faddp:   // pairs of Vn:Vm, Vn's first
            {
                int lanes = (f.Full ? 16 : 8) / esize;
                for (int e = 0; e < lanes; e++)
                {
                    int k = 2 * e, src = k < lanes ? i.Rn : i.Rm;
                    k %= lanes;
                    PutElement(ref lo, ref hi, esize, e, FloatingPoint.Apply(FloatingPoint.Binary.Add,
                        Cpu.VElement(src, esize, k), Cpu.VElement(src, esize, k + 1), p));
                }
                break;
            }
            default:
            {
                int lanes = (f.Full ? 16 : 8) / esize;
                for (int e = 0; e < lanes; e++)
                    PutElement(ref lo, ref hi, esize, e, FpLane(f.Op, Cpu.VElement(i.Rd, esize, e), Cpu.VElement(i.Rn, esize, e), Cpu.VElement(i.Rm, esize, e), p));
                break;
            }
        }
        Cpu.SetV(i.Rd, lo, f.Full ? hi : 0);
    }

    private static ulong FpLane(VectorOp op, ulong d, ulong n, ulong m, FpSize p)
    {
        bool wide = p == FpSize.D, narrow = p == FpSize.H;   // FP16 conversions saturate to their 16-bit element
        return op switch
        {
            VectorOp.Fadd => FloatingPoint.Apply(FloatingPoint.Binary.Add, n, m, p),
            VectorOp.Fsub => FloatingPoint.Apply(FloatingPoint.Binary.Sub, n, m, p),
            VectorOp.Fmul => FloatingPoint.Apply(FloatingPoint.Binary.Mul, n, m, p),
            VectorOp.Fdiv => FloatingPoint.Apply(FloatingPoint.Binary.Div, n, m, p),
            VectorOp.Fmax => FloatingPoint.Apply(FloatingPoint.Binary.Max, n, m, p),
            VectorOp.Fmin => FloatingPoint.Apply(FloatingPoint.Binary.Min, n, m, p),
            VectorOp.Fmla => FloatingPoint.MulAdd(d, n, m, p),
            VectorOp.Fmls => FloatingPoint.MulAdd(d, FloatingPoint.Negate(n, p), m, p),
            VectorOp.Fabd => FloatingPoint.Abs(FloatingPoint.Apply(FloatingPoint.Binary.Sub, n, m, p), p),
            VectorOp.Fabs => FloatingPoint.Abs(n, p),
            VectorOp.Fneg => FloatingPoint.Negate(n, p),
            VectorOp.Fsqrt => FloatingPoint.Sqrt(n, p),
            VectorOp.Fcvtns => FloatingPoint.ToFixed(n, p, 0, FpRounding.TiesToEven, true, wide, narrow),
            VectorOp.Fcvtnu => FloatingPoint.ToFixed(n, p, 0, FpRounding.TiesToEven, false, wide, narrow),
            VectorOp.Fcvtms => FloatingPoint.ToFixed(n, p, 0, FpRounding.MinusInfinity, true, wide, narrow),
            VectorOp.Fcvtmu => FloatingPoint.ToFixed(n, p, 0, FpRounding.MinusInfinity, false, wide, narrow),
            VectorOp.Fcvtas => FloatingPoint.ToFixed(n, p, 0, FpRounding.TiesAway, true, wide, narrow),
            VectorOp.Fcvtau => FloatingPoint.ToFixed(n, p, 0, FpRounding.TiesAway, false, wide, narrow),
            VectorOp.Fcvtps => FloatingPoint.ToFixed(n, p, 0, FpRounding.PlusInfinity, true, wide, narrow),
            VectorOp.Fcvtpu => FloatingPoint.ToFixed(n, p, 0, FpRounding.PlusInfinity, false, wide, narrow),
            VectorOp.Fcvtzs => FloatingPoint.ToFixed(n, p, 0, FpRounding.Zero, true, wide, narrow),
            VectorOp.Fcvtzu => FloatingPoint.ToFixed(n, p, 0, FpRounding.Zero, false, wide, narrow),
            VectorOp.Scvtf => FloatingPoint.FromInteger(Alu.SignExtend(n, (int)p), true, p),
            VectorOp.Ucvtf => FloatingPoint.FromInteger(n, false, p),
            VectorOp.Frintn => FloatingPoint.RoundToIntegral(n, p, FpRounding.TiesToEven),
            VectorOp.Frintm => FloatingPoint.RoundToIntegral(n, p, FpRounding.MinusInfinity),
            VectorOp.Frintp => FloatingPoint.RoundToIntegral(n, p, FpRounding.PlusInfinity),
            VectorOp.Frintz => FloatingPoint.RoundToIntegral(n, p, FpRounding.Zero),
            VectorOp.Frinta => FloatingPoint.RoundToIntegral(n, p, FpRounding.TiesAway),
            _ => FloatingPoint.RoundToIntegral(n, p, FpRounding.TiesToEven),   // FRINTX, FRINTI: FPCR's mode, nearest even
        };
    }
}
