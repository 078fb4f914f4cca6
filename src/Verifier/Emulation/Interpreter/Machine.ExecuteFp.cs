using A64Asm.Isa.Decoding;

namespace A64Asm.Verifier.Emulation;

/// <summary>
/// Dispatch, continued: scalar floating point (fp_dp) — arithmetic, square root, rounding to integral, compares,
/// selects, conversions between sizes and to and from integers, and moves — on <see cref="FloatingPoint"/>, one case
/// per operation for H, S and D alike (<see cref="ScalarFpForms"/>).
/// </summary>
public sealed partial class Machine
{
    private void ExecuteFp(ref Instruction i)
    {
        var form = ScalarFpForms.Of(i.Code);
        var p = form.Size;
        switch (form.Op)
        {
            case ScalarFpOp.Binary: SetFp(i.Rd, FloatingPoint.Apply(form.Binary, Fp(i.Rn, p), Fp(i.Rm, p), p)); break;
            case ScalarFpOp.NegatedMul: SetFp(i.Rd, FloatingPoint.Negate(FloatingPoint.Apply(FloatingPoint.Binary.Mul, Fp(i.Rn, p), Fp(i.Rm, p), p), p)); break;
            case ScalarFpOp.Move: SetFp(i.Rd, Fp(i.Rn, p)); break;
            case ScalarFpOp.Abs: SetFp(i.Rd, FloatingPoint.Abs(Fp(i.Rn, p), p)); break;
            case ScalarFpOp.Negate: SetFp(i.Rd, FloatingPoint.Negate(Fp(i.Rn, p), p)); break;
            case ScalarFpOp.Sqrt: SetFp(i.Rd, FloatingPoint.Sqrt(Fp(i.Rn, p), p)); break;
            case ScalarFpOp.Round: SetFp(i.Rd, FloatingPoint.RoundToIntegral(Fp(i.Rn, p), p, form.Rounding)); break;
            case ScalarFpOp.Convert: SetFp(i.Rd, FloatingPoint.Convert(Fp(i.Rn, p), p, form.To)); break;
            case ScalarFpOp.Compare: Cpu.Nzcv = FloatingPoint.Compare(Fp(i.Rn, p), Fp(i.Rm, p), p); break;
            case ScalarFpOp.CompareZero: Cpu.Nzcv = FloatingPoint.Compare(Fp(i.Rn, p), 0, p); break;
            case ScalarFpOp.MoveImmediate: SetFp(i.Rd, FloatingPoint.FromDouble(BitConverter.Int64BitsToDouble(i.Imm), p)); break;
            case ScalarFpOp.Select: SetFp(i.Rd, Alu.ConditionHolds((int)i.Cond, Cpu.Nzcv) ? Fp(i.Rn, p) : Fp(i.Rm, p)); break;
            case ScalarFpOp.ConditionalCompare:
                Cpu.Nzcv = Alu.ConditionHolds((int)i.Cond, Cpu.Nzcv) ? FloatingPoint.Compare(Fp(i.Rn, p), Fp(i.Rm, p), p) : (uint)(i.Imm2 & 15) << 28;
                break;
            case ScalarFpOp.MulAdd:
            {
                ulong addend = Fp(i.Ra, p), n = Fp(i.Rn, p);
                if (form.NegateAddend) addend = FloatingPoint.Negate(addend, p);
                if (form.NegateProduct) n = FloatingPoint.Negate(n, p);
                SetFp(i.Rd, FloatingPoint.MulAdd(addend, n, Fp(i.Rm, p), p));
                break;
            }
            case ScalarFpOp.ToInteger: SetX(i, FloatingPoint.ToInteger(Fp(i.Rn, p), p, form.Rounding, form.Signed, form.X), form.X); break;
            case ScalarFpOp.FromInteger:
            {
                ulong x = Cpu.X[i.Rn];
                ulong value = form.X ? x : form.Signed ? (ulong)(long)(int)x : (uint)x;
                SetFp(i.Rd, FloatingPoint.FromInteger(value, form.Signed, p));
                break;
            }
            case ScalarFpOp.ToGeneral: SetX(i, Fp(i.Rn, p), form.X); break;
            case ScalarFpOp.FromGeneral: SetFp(i.Rd, Cpu.X[i.Rn] & SizeMask(p)); break;
            default: ExecuteCrypto(ref i); break;   // groups past every FP form: nothing earlier pays for them
        }
    }

    private static ulong SizeMask(FpSize p) => p == FpSize.D ? ulong.MaxValue : (1UL << (8 * (int)p)) - 1;

    /// <summary>The low <paramref name="p"/> bytes of Vn: an H, S or D register.</summary>
    private ulong Fp(int n, FpSize p) => Cpu.VRegs[2 * n] & SizeMask(p);

    /// <summary>A scalar FP result: the rest of the 128-bit register is zeroed.</summary>
    private void SetFp(int d, ulong bits) => Cpu.SetV(d, bits, 0);
}
