using A64Asm.Isa.Decoding;

namespace A64Asm.Verifier.Emulation;

/// <summary>The by-element forms (simd_elem): every lane of Vn with one lane of Vm, the index decoded into Imm.</summary>
public sealed partial class Machine
{
    internal enum ElementOp : byte { Mul, Mla, Mls, Sqdmulh, Sqrdmulh, Fmul, Fmla, Fmls }

    private void ByElement(in Instruction i, ElementOp op, int esize, bool full)
    {
        int lanes = (full ? 16 : 8) / esize;
        ulong m = Cpu.VElement(i.Rm, esize, (int)i.Imm);
        var p = (FpSize)esize;
        ulong lo = 0, hi = 0;
        for (int e = 0; e < lanes; e++)
        {
            ulong n = Cpu.VElement(i.Rn, esize, e), d = Cpu.VElement(i.Rd, esize, e);
            ulong r = op switch
            {
                ElementOp.Mul => n * m,
                ElementOp.Mla => d + n * m,
                ElementOp.Mls => d - n * m,
                ElementOp.Sqdmulh => DoublingHighHalf(n, m, esize, false),
                ElementOp.Sqrdmulh => DoublingHighHalf(n, m, esize, true),
                ElementOp.Fmul => FloatingPoint.Apply(FloatingPoint.Binary.Mul, n, m, p),
                ElementOp.Fmla => FloatingPoint.MulAdd(d, n, m, p),
                _ => FloatingPoint.MulAdd(d, FloatingPoint.Negate(n, p), m, p),
            };
            PutElement(ref lo, ref hi, esize, e, r);
        }
        Cpu.SetV(i.Rd, lo, full ? hi : 0);
    }

    /// <summary>
    /// SQDMULH/SQRDMULH: the high half of 2 * n * m (rounded for SQRDMULH), saturated: only MIN * MIN overflows.
    /// FPSR.QC, which the saturation would set, is not modelled.
    /// </summary>
    private static ulong DoublingHighHalf(ulong n, ulong m, int esize, bool round)
    {
        int bits = 8 * esize;
        Int128 product = 2 * (Int128)(long)Alu.SignExtend(n, esize) * (long)Alu.SignExtend(m, esize);
        if (round) product += (Int128)1 << (bits - 1);
        Int128 high = product >> bits;
        long max = (1L << (bits - 1)) - 1;
        return (ulong)(long)(high > max ? max : high);
    }
}
