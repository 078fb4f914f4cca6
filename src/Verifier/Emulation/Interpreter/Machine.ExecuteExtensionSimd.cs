using A64Asm.Isa.Decoding;

namespace A64Asm.Verifier.Emulation;

/// <summary>
/// Dispatch, continued: the AdvSIMD extensions of <see cref="ExtensionSimdForms"/> — SDOT/UDOT/USDOT/SUDOT, SMMLA/
/// UMMLA/USMMLA, SQRDMLAH/SQRDMLSH and FCMLA/FCADD. Results are built before Vd is written.
/// </summary>
public sealed partial class Machine
{
    private void ExecuteExtensionSimd(ref Instruction i)
    {
        var f = ExtensionSimdForms.Of(i.Code);
        if (f.Op == ExtensionSimdOp.None) { Unimplemented(i); return; }
        int esize = f.ElementBytes, lanes = f.Scalar ? 1 : (f.Full ? 16 : 8) / esize;
        ulong lo = 0, hi = 0;
        switch (f.Op)
        {
            case ExtensionSimdOp.Dot:
                for (int e = 0; e < lanes; e++)
                {
                    int group = f.ByElement ? (int)i.Imm : e;
                    ulong sum = Cpu.VElement(i.Rd, 4, e);
                    for (int k = 0; k < 4; k++)
                        sum += Byte(i.Rn, 4 * e + k, f.SignedN) * Byte(i.Rm, 4 * group + k, f.SignedM);
                    PutElement(ref lo, ref hi, 4, e, sum);
                }
                break;
            case ExtensionSimdOp.MatrixMultiply:   // Vd (2x2) += Vn (2x8) times Vm (2x8) transposed
                for (int r = 0; r < 2; r++)
                    for (int c = 0; c < 2; c++)
                    {
                        ulong sum = Cpu.VElement(i.Rd, 4, 2 * r + c);
                        for (int k = 0; k < 8; k++)
                            sum += Byte(i.Rn, 8 * r + k, f.SignedN) * Byte(i.Rm, 8 * c + k, f.SignedM);
                        PutElement(ref lo, ref hi, 4, 2 * r + c, sum);
                    }
                break;
            case ExtensionSimdOp.RoundingDoublingMultiplyAccumulate:
                for (int e = 0; e < lanes; e++)
                {
                    Int128 n = Signed(Cpu.VElement(i.Rn, esize, e), esize);
                    Int128 m = Signed(Cpu.VElement(i.Rm, esize, f.ByElement ? (int)i.Imm : e), esize);
                    Int128 d = Signed(Cpu.VElement(i.Rd, esize, e), esize);
                    int bits = 8 * esize;
                    Int128 product = 2 * n * m;
                    Int128 accumulated = (d << bits) + (f.Subtract ? -product : product) + ((Int128)1 << (bits - 1));
                    PutElement(ref lo, ref hi, esize, e, SaturateSigned(accumulated >> bits, esize));
                }
                break;
            case ExtensionSimdOp.ComplexMultiplyAccumulate:
                ComplexMultiplyAccumulate(i, f, lanes, ref lo, ref hi);
                break;
            case ExtensionSimdOp.ComplexAdd:
            {
                var p = (FpSize)esize;
                for (int e = 0; e < lanes; e += 2)
                {
                    ulong real = Cpu.VElement(i.Rm, esize, e), imaginary = Cpu.VElement(i.Rm, esize, e + 1);
                    // #90: n + i*m, so m's imaginary part is subtracted from the real; #270: n - i*m.
                    if (i.Imm == 90) imaginary = FloatingPoint.Negate(imaginary, p);
                    else real = FloatingPoint.Negate(real, p);
                    PutElement(ref lo, ref hi, esize, e, FloatingPoint.Apply(FloatingPoint.Binary.Add, Cpu.VElement(i.Rn, esize, e), imaginary, p));
                    PutElement(ref lo, ref hi, esize, e + 1, FloatingPoint.Apply(FloatingPoint.Binary.Add, Cpu.VElement(i.Rn, esize, e + 1), real, p));
                }
                break;
            }
        }
        Cpu.SetV(i.Rd, lo, f.Full ? hi : 0);
    }

    /// <summary>Byte <paramref name="index"/> of Vn, sign- or zero-extended.</summary>
    private ulong Byte(int n, int index, bool signed)
    {
        ulong b = Cpu.VElement(n, 1, index);
        return signed ? Alu.SignExtend(b, 1) : b;
    }

    /// <summary>
    /// FCMLA: each complex pair of Vd plus Vn's real (#0, #180) or imaginary (#90, #270) part times Vm's pair rotated,
    /// as two fused multiply-adds. By element, Vm's pair is the one Imm names, and the rotation is in Imm2.
    /// </summary>
    private void ComplexMultiplyAccumulate(in Instruction i, ExtensionSimdForm f, int lanes, ref ulong lo, ref ulong hi)
    {
        int esize = f.ElementBytes;
        var p = (FpSize)esize;
        long rotation = f.ByElement ? i.Imm2 : i.Imm;
        for (int e = 0; e < lanes; e += 2)
        {
            int pair = f.ByElement ? 2 * (int)i.Imm : e;
            ulong mr = Cpu.VElement(i.Rm, esize, pair), mi = Cpu.VElement(i.Rm, esize, pair + 1);
            ulong n = Cpu.VElement(i.Rn, esize, rotation is 0 or 180 ? e : e + 1);
            ulong m1, m3;   // what multiplies n into the real and into the imaginary part
            switch (rotation)
            {
                case 0: (m1, m3) = (mr, mi); break;
                case 90: (m1, m3) = (FloatingPoint.Negate(mi, p), mr); break;
                case 180: (m1, m3) = (FloatingPoint.Negate(mr, p), FloatingPoint.Negate(mi, p)); break;
                default: (m1, m3) = (mi, FloatingPoint.Negate(mr, p)); break;
            }
            PutElement(ref lo, ref hi, esize, e, FloatingPoint.MulAdd(Cpu.VElement(i.Rd, esize, e), n, m1, p));
            PutElement(ref lo, ref hi, esize, e + 1, FloatingPoint.MulAdd(Cpu.VElement(i.Rd, esize, e + 1), n, m3, p));
        }
    }
}
