using A64Asm.Isa;
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
        if (f.Op == ExtensionSimdOp.None) { ExecuteFpExtension(ref i); return; }
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
            case ExtensionSimdOp.MultiplyAddLong:   // FMLAL/FMLSL: half-precision lanes of the lower (or, as "2", upper) half widened
                for (int e = 0; e < lanes; e++)
                {
                    ulong n = Cpu.VElement(i.Rn, 2, f.Upper ? e + lanes : e);
                    ulong m = Cpu.VElement(i.Rm, 2, f.ByElement ? (int)i.Imm : f.Upper ? e + lanes : e);
                    if (f.Subtract) n = FloatingPoint.Negate(n, FpSize.H);
                    PutElement(ref lo, ref hi, 4, e, FloatingPoint.MulAddLong(Cpu.VElement(i.Rd, 4, e), n, m));
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

    /// <summary>FJCVTZS (NZCV = 0Z00) and FRINT32Z/X, FRINT64Z/X, scalar and vector.</summary>
    private void ExecuteFpExtension(ref Instruction i)
    {
        switch (i.Code)
        {
            case Code.FJCVTZS:
            {
                var (result, exact) = FloatingPoint.JavaScriptToInt32(Cpu.VRegs[2 * i.Rn]);
                Cpu.SetXzr(i.Rd, result);
                Cpu.Nzcv = exact ? 0x4000_0000u : 0;
                break;
            }
            case Code.FRINT32Z_S: RoundFitting(i, 4, 1, 32, FpRounding.Zero); break;
            case Code.FRINT32X_S: RoundFitting(i, 4, 1, 32, FpRounding.TiesToEven); break;
            case Code.FRINT64Z_S: RoundFitting(i, 4, 1, 64, FpRounding.Zero); break;
            case Code.FRINT64X_S: RoundFitting(i, 4, 1, 64, FpRounding.TiesToEven); break;
            case Code.FRINT32Z_D: RoundFitting(i, 8, 1, 32, FpRounding.Zero); break;
            case Code.FRINT32X_D: RoundFitting(i, 8, 1, 32, FpRounding.TiesToEven); break;
            case Code.FRINT64Z_D: RoundFitting(i, 8, 1, 64, FpRounding.Zero); break;
            case Code.FRINT64X_D: RoundFitting(i, 8, 1, 64, FpRounding.TiesToEven); break;
            case Code.FRINT32Z_v2S: RoundFitting(i, 4, 2, 32, FpRounding.Zero); break;
            case Code.FRINT32X_v2S: RoundFitting(i, 4, 2, 32, FpRounding.TiesToEven); break;
            case Code.FRINT64Z_v2S: RoundFitting(i, 4, 2, 64, FpRounding.Zero); break;
            case Code.FRINT64X_v2S: RoundFitting(i, 4, 2, 64, FpRounding.TiesToEven); break;
            case Code.FRINT32Z_v4S: RoundFitting(i, 4, 4, 32, FpRounding.Zero); break;
            case Code.FRINT32X_v4S: RoundFitting(i, 4, 4, 32, FpRounding.TiesToEven); break;
            case Code.FRINT64Z_v4S: RoundFitting(i, 4, 4, 64, FpRounding.Zero); break;
            case Code.FRINT64X_v4S: RoundFitting(i, 4, 4, 64, FpRounding.TiesToEven); break;
            case Code.FRINT32Z_v2D: RoundFitting(i, 8, 2, 32, FpRounding.Zero); break;
            case Code.FRINT32X_v2D: RoundFitting(i, 8, 2, 32, FpRounding.TiesToEven); break;
            case Code.FRINT64Z_v2D: RoundFitting(i, 8, 2, 64, FpRounding.Zero); break;
            case Code.FRINT64X_v2D: RoundFitting(i, 8, 2, 64, FpRounding.TiesToEven); break;
            default: ExecuteBFloat16(ref i); break;
        }
    }

    /// <summary>FRINT32/FRINT64 on <paramref name="lanes"/> elements (one: the scalar form, the rest of Vd zeroed). FRINT*X rounds as FPCR says: nearest even.</summary>
    private void RoundFitting(in Instruction i, int esize, int lanes, int bits, FpRounding mode)
    {
        ulong lo = 0, hi = 0;
        for (int e = 0; e < lanes; e++)
            PutElement(ref lo, ref hi, esize, e, FloatingPoint.RoundToIntegralFitting(Cpu.VElement(i.Rn, esize, e), (FpSize)esize, mode, bits));
        Cpu.SetV(i.Rd, lo, hi);
    }
}
