using A64Asm.Isa;
using A64Asm.Isa.Decoding;

namespace A64Asm.Verifier.Emulation;

/// <summary>
/// The vector forms of <see cref="ScalarSimdForms"/>: the lane operations on every element (Vm's element, one element
/// of Vm, or an immediate), pairwise over Vn:Vm, narrowing into the lower or (the "2" forms) upper half of Vd,
/// lengthening from the lower or upper half of the sources, and widening Vm alone. Also the simd_base_more forms.
/// </summary>
public sealed partial class Machine
{
    private void VectorLanes(in Instruction i, ScalarSimdForm f)
    {
        int esize = f.ElementBytes, half = esize / 2;
        ulong lo = 0, hi = 0;
        bool full;
        switch (f.Op)
        {
            case >= ScalarOp.Sqxtn and <= ScalarOp.Uqrshrn or ScalarOp.Fcvtxn or >= ScalarOp.Addhn and <= ScalarOp.Rsubhn:
            {
                int lanes = 8 / esize;
                for (int e = 0; e < lanes; e++)
                {
                    ulong n = Cpu.VElement(i.Rn, 2 * esize, e), m = Cpu.VElement(i.Rm, 2 * esize, e);
                    ulong r = f.Op switch
                    {
                        ScalarOp.Fcvtxn => FloatingPoint.ToSingleRoundedToOdd(n),
                        >= ScalarOp.Addhn => HighHalf(f.Op, n, m, esize),
                        _ => Narrow(f.Op, n, (int)i.Imm, esize),
                    };
                    PutElement(ref lo, ref hi, esize, f.Upper ? e + lanes : e, r);
                }
                if (f.Upper) lo = Cpu.VRegs[2 * i.Rd];
                Cpu.SetV(i.Rd, lo, hi);
                return;
            }
            case >= ScalarOp.Sqdmlal and <= ScalarOp.Sqdmull or >= ScalarOp.Sabal and <= ScalarOp.Shll or >= ScalarOp.Saddw and <= ScalarOp.Usubw:
            {
                int lanes = 16 / esize;
                bool wide = f.Op is >= ScalarOp.Saddw and <= ScalarOp.Usubw;
                for (int e = 0; e < lanes; e++)
                {
                    int from = f.Upper ? e + lanes : e;
                    ulong d = Cpu.VElement(i.Rd, esize, e);
                    ulong n = Cpu.VElement(i.Rn, wide ? esize : half, wide ? e : from);
                    ulong m = Cpu.VElement(i.Rm, half, f.Operand == ScalarOperand.Element ? (int)i.Imm : from);
                    ulong r = f.Op switch
                    {
                        >= ScalarOp.Sqdmlal and <= ScalarOp.Sqdmull => DoublingLong(f.Op, d, n, m, esize),
                        ScalarOp.Shll => n << (8 * half),
                        _ => LongLane(f.Op, d, n, m, half),
                    };
                    PutElement(ref lo, ref hi, esize, e, r);
                }
                Cpu.SetV(i.Rd, lo, hi);
                return;
            }
            case >= ScalarOp.Saddlp and <= ScalarOp.Uadalp:
                for (int e = 0; e < f.Lanes; e++)
                {
                    bool signed = f.Op is ScalarOp.Saddlp or ScalarOp.Sadalp;
                    ulong a = Cpu.VElement(i.Rn, half, 2 * e), b = Cpu.VElement(i.Rn, half, 2 * e + 1);
                    ulong sum = (signed ? Alu.SignExtend(a, half) + Alu.SignExtend(b, half) : a + b)
                        + (f.Op is ScalarOp.Sadalp or ScalarOp.Uadalp ? Cpu.VElement(i.Rd, esize, e) : 0);
                    PutElement(ref lo, ref hi, esize, e, sum);
                }
                full = f.Lanes * esize == 16;
                break;
            default:
                for (int e = 0; e < f.Lanes; e++)
                {
                    ulong r;
                    if (f.Op is >= ScalarOp.Addp and <= ScalarOp.Fminnmp or >= ScalarOp.Smaxp and <= ScalarOp.Uminp)
                    {
                        int k = 2 * e, source = k < f.Lanes ? i.Rn : i.Rm;   // pairs of Vn:Vm, Vn's first
                        k %= f.Lanes;
                        r = Pairwise(f.Op, Cpu.VElement(source, esize, k), Cpu.VElement(source, esize, k + 1), esize);
                    }
                    else
                    {
                        ulong m = f.Operand switch
                        {
                            ScalarOperand.Register => Cpu.VElement(i.Rm, esize, e),
                            ScalarOperand.Element => Cpu.VElement(i.Rm, esize, (int)i.Imm),
                            _ => (ulong)i.Imm,
                        };
                        ulong d = Cpu.VElement(i.Rd, esize, e), n = Cpu.VElement(i.Rn, esize, e);
                        r = f.Op >= ScalarOp.Shadd ? SameSizeLane(f.Op, d, n, m, esize) : ScalarLane(f, d, n, m);
                    }
                    PutElement(ref lo, ref hi, esize, e, r);
                }
                full = f.Lanes * esize == 16;
                break;
        }
        Cpu.SetV(i.Rd, lo, full ? hi : 0);
    }

    /// <summary>The vector-only same-size operations: halving add/subtract, absolute difference (and accumulate), multiply-accumulate, PMUL, CLS, CLZ, RBIT.</summary>
    private static ulong SameSizeLane(ScalarOp op, ulong d, ulong n, ulong m, int esize)
    {
        Int128 sn = Signed(n, esize), sm = Signed(m, esize);
        Int128 un = n & SizeMask(esize), um = m & SizeMask(esize);
        return op switch
        {
            ScalarOp.Shadd => Low((sn + sm) >> 1),
            ScalarOp.Uhadd => Low((un + um) >> 1),
            ScalarOp.Srhadd => Low((sn + sm + 1) >> 1),
            ScalarOp.Urhadd => Low((un + um + 1) >> 1),
            ScalarOp.Shsub => Low((sn - sm) >> 1),
            ScalarOp.Uhsub => Low((un - um) >> 1),
            ScalarOp.Sabd => Low(Int128.Abs(sn - sm)),
            ScalarOp.Uabd => Low(Int128.Abs(un - um)),
            ScalarOp.Saba => d + Low(Int128.Abs(sn - sm)),
            ScalarOp.Uaba => d + Low(Int128.Abs(un - um)),
            ScalarOp.Mla => d + n * m,
            ScalarOp.Mls => d - n * m,
            ScalarOp.Pmul => CarrylessLow(n, m, esize),
            // Counted in 64 bits, less the bits above the element (the sign-extended ones, for CLS).
            ScalarOp.Cls => (ulong)(System.Numerics.BitOperations.LeadingZeroCount(Low(sn ^ (sn >> 1))) - (64 - 8 * esize) - 1),
            ScalarOp.Clz => (ulong)(System.Numerics.BitOperations.LeadingZeroCount(n & SizeMask(esize)) - (64 - 8 * esize)),
            ScalarOp.Rbit => Alu.ReverseBits(n, 8 * esize),
            _ => throw new InvalidOperationException($"{op} is not a same-size vector operation"),
        };
    }

    private static ulong CarrylessLow(ulong n, ulong m, int esize)
    {
        ulong r = 0;
        for (int b = 0; b < 8 * esize; b++)
            if ((m >> b & 1) != 0) r ^= n << b;
        return r;
    }

    /// <summary>ADDHN, RADDHN, SUBHN, RSUBHN: the upper half of the 2*esize sum or difference (rounded), as an esize element.</summary>
    private static ulong HighHalf(ScalarOp op, ulong n, ulong m, int esize)
    {
        int bits = 8 * esize;
        UInt128 a = n, b = m;
        UInt128 r = op is ScalarOp.Addhn or ScalarOp.Raddhn ? a + b : a - b;
        if (op is ScalarOp.Raddhn or ScalarOp.Rsubhn) r += (UInt128)1 << (bits - 1);
        return (ulong)(r >> bits);
    }

    /// <summary>The lengthening and widening operations on half-width <paramref name="m"/> (and <paramref name="n"/>, but for the wide forms).</summary>
    private static ulong LongLane(ScalarOp op, ulong d, ulong n, ulong m, int half)
    {
        bool signed = op is ScalarOp.Sabal or ScalarOp.Sabdl or ScalarOp.Smlal or ScalarOp.Smlsl or ScalarOp.Smull or ScalarOp.Saddw or ScalarOp.Ssubw;
        Int128 a = signed ? Signed(n, half) : n, b = signed ? Signed(m, half) : m;
        return op switch
        {
            ScalarOp.Sabal or ScalarOp.Uabal => d + Low(Int128.Abs(a - b)),
            ScalarOp.Sabdl or ScalarOp.Uabdl => Low(Int128.Abs(a - b)),
            ScalarOp.Smlal or ScalarOp.Umlal => d + Low(a * b),
            ScalarOp.Smlsl or ScalarOp.Umlsl => d - Low(a * b),
            ScalarOp.Smull or ScalarOp.Umull => Low(a * b),
            ScalarOp.Saddw or ScalarOp.Uaddw => n + Low(b),   // n is the full-width element here
            _ => n - Low(b),   // SSUBW, USUBW
        };
    }

    /// <summary>simd_base_more: FMOV to and from Vd.d[1], MOVI/MVNI with MSL (ones shifted in), SHLL by the element size.</summary>
    private void ExecuteBaseMore(ref Instruction i)
    {
        switch (i.Code)
        {
            case Code.FMOV_V1D_X: Cpu.VRegs[2 * i.Rd + 1] = Cpu.Xzr(i.Rn); break;
            case Code.FMOV_X_V1D: Cpu.SetXzr(i.Rd, Cpu.VRegs[2 * i.Rn + 1]); break;
            case Code.MOVI_v2S_msl: case Code.MOVI_v4S_msl: case Code.MVNI_v2S_msl: case Code.MVNI_v4S_msl:
            {
                ulong element = ((ulong)i.Imm << i.Amount) | ((1UL << i.Amount) - 1);
                if (i.Code is Code.MVNI_v2S_msl or Code.MVNI_v4S_msl) element = ~element & 0xFFFF_FFFF;
                ulong v = Replicate(element, 4);
                Cpu.SetV(i.Rd, v, i.Code is Code.MOVI_v4S_msl or Code.MVNI_v4S_msl ? v : 0);
                break;
            }
            default: ExecuteExtensionSimd(ref i); break;
        }
    }
}
