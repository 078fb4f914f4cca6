using A64Asm.Isa;
using A64Asm.Isa.Decoding;

namespace A64Asm.Verifier.Emulation;

/// <summary>
/// Dispatch, continued: scalar floating point (fp_dp) — arithmetic, square root, rounding to integral, compares,
/// selects, conversions between sizes and to and from integers, and moves — on <see cref="FloatingPoint"/>.
/// </summary>
public sealed partial class Machine
{
    private void ExecuteFp(ref Instruction i)
    {
        switch (i.Code)
        {
            case Code.FMUL_S: FpBinary(i, FloatingPoint.Binary.Mul, FpSize.S); break;
            case Code.FDIV_S: FpBinary(i, FloatingPoint.Binary.Div, FpSize.S); break;
            case Code.FADD_S: FpBinary(i, FloatingPoint.Binary.Add, FpSize.S); break;
            case Code.FSUB_S: FpBinary(i, FloatingPoint.Binary.Sub, FpSize.S); break;
            case Code.FMAX_S: FpBinary(i, FloatingPoint.Binary.Max, FpSize.S); break;
            case Code.FMIN_S: FpBinary(i, FloatingPoint.Binary.Min, FpSize.S); break;
            case Code.FMAXNM_S: FpBinary(i, FloatingPoint.Binary.MaxNum, FpSize.S); break;
            case Code.FMINNM_S: FpBinary(i, FloatingPoint.Binary.MinNum, FpSize.S); break;
            case Code.FNMUL_S: SetFp(i.Rd, FloatingPoint.Negate(FloatingPoint.Apply(FloatingPoint.Binary.Mul, Fp(i.Rn, FpSize.S), Fp(i.Rm, FpSize.S), FpSize.S), FpSize.S)); break;
            case Code.FMOV_S_reg: SetFp(i.Rd, Fp(i.Rn, FpSize.S)); break;
            case Code.FABS_S_reg: SetFp(i.Rd, FloatingPoint.Abs(Fp(i.Rn, FpSize.S), FpSize.S)); break;
            case Code.FNEG_S_reg: SetFp(i.Rd, FloatingPoint.Negate(Fp(i.Rn, FpSize.S), FpSize.S)); break;
            case Code.FSQRT_S_reg: SetFp(i.Rd, FloatingPoint.Sqrt(Fp(i.Rn, FpSize.S), FpSize.S)); break;
            case Code.FRINTN_S_reg: SetFp(i.Rd, FloatingPoint.RoundToIntegral(Fp(i.Rn, FpSize.S), FpSize.S, FpRounding.TiesToEven)); break;
            case Code.FRINTP_S_reg: SetFp(i.Rd, FloatingPoint.RoundToIntegral(Fp(i.Rn, FpSize.S), FpSize.S, FpRounding.PlusInfinity)); break;
            case Code.FRINTM_S_reg: SetFp(i.Rd, FloatingPoint.RoundToIntegral(Fp(i.Rn, FpSize.S), FpSize.S, FpRounding.MinusInfinity)); break;
            case Code.FRINTZ_S_reg: SetFp(i.Rd, FloatingPoint.RoundToIntegral(Fp(i.Rn, FpSize.S), FpSize.S, FpRounding.Zero)); break;
            case Code.FRINTA_S_reg: SetFp(i.Rd, FloatingPoint.RoundToIntegral(Fp(i.Rn, FpSize.S), FpSize.S, FpRounding.TiesAway)); break;
            case Code.FRINTX_S_reg: SetFp(i.Rd, FloatingPoint.RoundToIntegral(Fp(i.Rn, FpSize.S), FpSize.S, FpRounding.TiesToEven)); break;
            case Code.FRINTI_S_reg: SetFp(i.Rd, FloatingPoint.RoundToIntegral(Fp(i.Rn, FpSize.S), FpSize.S, FpRounding.TiesToEven)); break;
            case Code.FCVT_DS: SetFp(i.Rd, FloatingPoint.Convert(Fp(i.Rn, FpSize.S), FpSize.S, FpSize.D)); break;
            case Code.FCVT_HS: SetFp(i.Rd, FloatingPoint.Convert(Fp(i.Rn, FpSize.S), FpSize.S, FpSize.H)); break;
            case Code.FCMP_S_reg: Cpu.Nzcv = FloatingPoint.Compare(Fp(i.Rn, FpSize.S), Fp(i.Rm, FpSize.S), FpSize.S); break;
            case Code.FCMP_S_zero: Cpu.Nzcv = FloatingPoint.Compare(Fp(i.Rn, FpSize.S), 0, FpSize.S); break;
            case Code.FCMPE_S_reg: Cpu.Nzcv = FloatingPoint.Compare(Fp(i.Rn, FpSize.S), Fp(i.Rm, FpSize.S), FpSize.S); break;
            case Code.FCMPE_S_zero: Cpu.Nzcv = FloatingPoint.Compare(Fp(i.Rn, FpSize.S), 0, FpSize.S); break;
            case Code.FMOV_S_imm: SetFp(i.Rd, FloatingPoint.FromDouble(BitConverter.Int64BitsToDouble(i.Imm), FpSize.S)); break;
            case Code.FCSEL_S: SetFp(i.Rd, Alu.ConditionHolds((int)i.Cond, Cpu.Nzcv) ? Fp(i.Rn, FpSize.S) : Fp(i.Rm, FpSize.S)); break;
            case Code.FCCMP_S: Cpu.Nzcv = Alu.ConditionHolds((int)i.Cond, Cpu.Nzcv) ? FloatingPoint.Compare(Fp(i.Rn, FpSize.S), Fp(i.Rm, FpSize.S), FpSize.S) : (uint)(i.Imm2 & 15) << 28; break;
            case Code.FCCMPE_S: Cpu.Nzcv = Alu.ConditionHolds((int)i.Cond, Cpu.Nzcv) ? FloatingPoint.Compare(Fp(i.Rn, FpSize.S), Fp(i.Rm, FpSize.S), FpSize.S) : (uint)(i.Imm2 & 15) << 28; break;
            case Code.FMADD_S: SetFp(i.Rd, FloatingPoint.MulAdd(Fp(i.Ra, FpSize.S), Fp(i.Rn, FpSize.S), Fp(i.Rm, FpSize.S), FpSize.S)); break;
            case Code.FMSUB_S: SetFp(i.Rd, FloatingPoint.MulAdd(Fp(i.Ra, FpSize.S), FloatingPoint.Negate(Fp(i.Rn, FpSize.S), FpSize.S), Fp(i.Rm, FpSize.S), FpSize.S)); break;
            case Code.FNMADD_S: SetFp(i.Rd, FloatingPoint.MulAdd(FloatingPoint.Negate(Fp(i.Ra, FpSize.S), FpSize.S), FloatingPoint.Negate(Fp(i.Rn, FpSize.S), FpSize.S), Fp(i.Rm, FpSize.S), FpSize.S)); break;
            case Code.FNMSUB_S: SetFp(i.Rd, FloatingPoint.MulAdd(FloatingPoint.Negate(Fp(i.Ra, FpSize.S), FpSize.S), Fp(i.Rn, FpSize.S), Fp(i.Rm, FpSize.S), FpSize.S)); break;
            case Code.FCVTNS_WS: SetX(i, FloatingPoint.ToInteger(Fp(i.Rn, FpSize.S), FpSize.S, FpRounding.TiesToEven, true, false), false); break;
            case Code.FCVTNU_WS: SetX(i, FloatingPoint.ToInteger(Fp(i.Rn, FpSize.S), FpSize.S, FpRounding.TiesToEven, false, false), false); break;
            case Code.FCVTAS_WS: SetX(i, FloatingPoint.ToInteger(Fp(i.Rn, FpSize.S), FpSize.S, FpRounding.TiesAway, true, false), false); break;
            case Code.FCVTAU_WS: SetX(i, FloatingPoint.ToInteger(Fp(i.Rn, FpSize.S), FpSize.S, FpRounding.TiesAway, false, false), false); break;
            case Code.FCVTPS_WS: SetX(i, FloatingPoint.ToInteger(Fp(i.Rn, FpSize.S), FpSize.S, FpRounding.PlusInfinity, true, false), false); break;
            case Code.FCVTPU_WS: SetX(i, FloatingPoint.ToInteger(Fp(i.Rn, FpSize.S), FpSize.S, FpRounding.PlusInfinity, false, false), false); break;
            case Code.FCVTMS_WS: SetX(i, FloatingPoint.ToInteger(Fp(i.Rn, FpSize.S), FpSize.S, FpRounding.MinusInfinity, true, false), false); break;
            case Code.FCVTMU_WS: SetX(i, FloatingPoint.ToInteger(Fp(i.Rn, FpSize.S), FpSize.S, FpRounding.MinusInfinity, false, false), false); break;
            case Code.FCVTZS_WS: SetX(i, FloatingPoint.ToInteger(Fp(i.Rn, FpSize.S), FpSize.S, FpRounding.Zero, true, false), false); break;
            case Code.FCVTZU_WS: SetX(i, FloatingPoint.ToInteger(Fp(i.Rn, FpSize.S), FpSize.S, FpRounding.Zero, false, false), false); break;
            case Code.SCVTF_SW: SetFp(i.Rd, FloatingPoint.FromInteger((ulong)(long)(int)Cpu.X[i.Rn], true, FpSize.S)); break;
            case Code.UCVTF_SW: SetFp(i.Rd, FloatingPoint.FromInteger((ulong)(uint)Cpu.X[i.Rn], false, FpSize.S)); break;
            case Code.FCVTNS_XS: SetX(i, FloatingPoint.ToInteger(Fp(i.Rn, FpSize.S), FpSize.S, FpRounding.TiesToEven, true, true), true); break;
            case Code.FCVTNU_XS: SetX(i, FloatingPoint.ToInteger(Fp(i.Rn, FpSize.S), FpSize.S, FpRounding.TiesToEven, false, true), true); break;
            case Code.FCVTAS_XS: SetX(i, FloatingPoint.ToInteger(Fp(i.Rn, FpSize.S), FpSize.S, FpRounding.TiesAway, true, true), true); break;
            case Code.FCVTAU_XS: SetX(i, FloatingPoint.ToInteger(Fp(i.Rn, FpSize.S), FpSize.S, FpRounding.TiesAway, false, true), true); break;
            case Code.FCVTPS_XS: SetX(i, FloatingPoint.ToInteger(Fp(i.Rn, FpSize.S), FpSize.S, FpRounding.PlusInfinity, true, true), true); break;
            case Code.FCVTPU_XS: SetX(i, FloatingPoint.ToInteger(Fp(i.Rn, FpSize.S), FpSize.S, FpRounding.PlusInfinity, false, true), true); break;
            case Code.FCVTMS_XS: SetX(i, FloatingPoint.ToInteger(Fp(i.Rn, FpSize.S), FpSize.S, FpRounding.MinusInfinity, true, true), true); break;
            case Code.FCVTMU_XS: SetX(i, FloatingPoint.ToInteger(Fp(i.Rn, FpSize.S), FpSize.S, FpRounding.MinusInfinity, false, true), true); break;
            case Code.FCVTZS_XS: SetX(i, FloatingPoint.ToInteger(Fp(i.Rn, FpSize.S), FpSize.S, FpRounding.Zero, true, true), true); break;
            case Code.FCVTZU_XS: SetX(i, FloatingPoint.ToInteger(Fp(i.Rn, FpSize.S), FpSize.S, FpRounding.Zero, false, true), true); break;
            case Code.SCVTF_SX: SetFp(i.Rd, FloatingPoint.FromInteger(Cpu.X[i.Rn], true, FpSize.S)); break;
            case Code.UCVTF_SX: SetFp(i.Rd, FloatingPoint.FromInteger(Cpu.X[i.Rn], false, FpSize.S)); break;
            case Code.FMUL_D: FpBinary(i, FloatingPoint.Binary.Mul, FpSize.D); break;
            case Code.FDIV_D: FpBinary(i, FloatingPoint.Binary.Div, FpSize.D); break;
            case Code.FADD_D: FpBinary(i, FloatingPoint.Binary.Add, FpSize.D); break;
            case Code.FSUB_D: FpBinary(i, FloatingPoint.Binary.Sub, FpSize.D); break;
            case Code.FMAX_D: FpBinary(i, FloatingPoint.Binary.Max, FpSize.D); break;
            case Code.FMIN_D: FpBinary(i, FloatingPoint.Binary.Min, FpSize.D); break;
            case Code.FMAXNM_D: FpBinary(i, FloatingPoint.Binary.MaxNum, FpSize.D); break;
            case Code.FMINNM_D: FpBinary(i, FloatingPoint.Binary.MinNum, FpSize.D); break;
            case Code.FNMUL_D: SetFp(i.Rd, FloatingPoint.Negate(FloatingPoint.Apply(FloatingPoint.Binary.Mul, Fp(i.Rn, FpSize.D), Fp(i.Rm, FpSize.D), FpSize.D), FpSize.D)); break;
            case Code.FMOV_D_reg: SetFp(i.Rd, Fp(i.Rn, FpSize.D)); break;
            case Code.FABS_D_reg: SetFp(i.Rd, FloatingPoint.Abs(Fp(i.Rn, FpSize.D), FpSize.D)); break;
            case Code.FNEG_D_reg: SetFp(i.Rd, FloatingPoint.Negate(Fp(i.Rn, FpSize.D), FpSize.D)); break;
            case Code.FSQRT_D_reg: SetFp(i.Rd, FloatingPoint.Sqrt(Fp(i.Rn, FpSize.D), FpSize.D)); break;
            case Code.FRINTN_D_reg: SetFp(i.Rd, FloatingPoint.RoundToIntegral(Fp(i.Rn, FpSize.D), FpSize.D, FpRounding.TiesToEven)); break;
            case Code.FRINTP_D_reg: SetFp(i.Rd, FloatingPoint.RoundToIntegral(Fp(i.Rn, FpSize.D), FpSize.D, FpRounding.PlusInfinity)); break;
            case Code.FRINTM_D_reg: SetFp(i.Rd, FloatingPoint.RoundToIntegral(Fp(i.Rn, FpSize.D), FpSize.D, FpRounding.MinusInfinity)); break;
            case Code.FRINTZ_D_reg: SetFp(i.Rd, FloatingPoint.RoundToIntegral(Fp(i.Rn, FpSize.D), FpSize.D, FpRounding.Zero)); break;
            case Code.FRINTA_D_reg: SetFp(i.Rd, FloatingPoint.RoundToIntegral(Fp(i.Rn, FpSize.D), FpSize.D, FpRounding.TiesAway)); break;
            case Code.FRINTX_D_reg: SetFp(i.Rd, FloatingPoint.RoundToIntegral(Fp(i.Rn, FpSize.D), FpSize.D, FpRounding.TiesToEven)); break;
            case Code.FRINTI_D_reg: SetFp(i.Rd, FloatingPoint.RoundToIntegral(Fp(i.Rn, FpSize.D), FpSize.D, FpRounding.TiesToEven)); break;
            case Code.FCVT_SD: SetFp(i.Rd, FloatingPoint.Convert(Fp(i.Rn, FpSize.D), FpSize.D, FpSize.S)); break;
            case Code.FCVT_HD: SetFp(i.Rd, FloatingPoint.Convert(Fp(i.Rn, FpSize.D), FpSize.D, FpSize.H)); break;
            case Code.FCMP_D_reg: Cpu.Nzcv = FloatingPoint.Compare(Fp(i.Rn, FpSize.D), Fp(i.Rm, FpSize.D), FpSize.D); break;
            case Code.FCMP_D_zero: Cpu.Nzcv = FloatingPoint.Compare(Fp(i.Rn, FpSize.D), 0, FpSize.D); break;
            case Code.FCMPE_D_reg: Cpu.Nzcv = FloatingPoint.Compare(Fp(i.Rn, FpSize.D), Fp(i.Rm, FpSize.D), FpSize.D); break;
            case Code.FCMPE_D_zero: Cpu.Nzcv = FloatingPoint.Compare(Fp(i.Rn, FpSize.D), 0, FpSize.D); break;
            case Code.FMOV_D_imm: SetFp(i.Rd, FloatingPoint.FromDouble(BitConverter.Int64BitsToDouble(i.Imm), FpSize.D)); break;
            case Code.FCSEL_D: SetFp(i.Rd, Alu.ConditionHolds((int)i.Cond, Cpu.Nzcv) ? Fp(i.Rn, FpSize.D) : Fp(i.Rm, FpSize.D)); break;
            case Code.FCCMP_D: Cpu.Nzcv = Alu.ConditionHolds((int)i.Cond, Cpu.Nzcv) ? FloatingPoint.Compare(Fp(i.Rn, FpSize.D), Fp(i.Rm, FpSize.D), FpSize.D) : (uint)(i.Imm2 & 15) << 28; break;
            case Code.FCCMPE_D: Cpu.Nzcv = Alu.ConditionHolds((int)i.Cond, Cpu.Nzcv) ? FloatingPoint.Compare(Fp(i.Rn, FpSize.D), Fp(i.Rm, FpSize.D), FpSize.D) : (uint)(i.Imm2 & 15) << 28; break;
            case Code.FMADD_D: SetFp(i.Rd, FloatingPoint.MulAdd(Fp(i.Ra, FpSize.D), Fp(i.Rn, FpSize.D), Fp(i.Rm, FpSize.D), FpSize.D)); break;
            case Code.FMSUB_D: SetFp(i.Rd, FloatingPoint.MulAdd(Fp(i.Ra, FpSize.D), FloatingPoint.Negate(Fp(i.Rn, FpSize.D), FpSize.D), Fp(i.Rm, FpSize.D), FpSize.D)); break;
            case Code.FNMADD_D: SetFp(i.Rd, FloatingPoint.MulAdd(FloatingPoint.Negate(Fp(i.Ra, FpSize.D), FpSize.D), FloatingPoint.Negate(Fp(i.Rn, FpSize.D), FpSize.D), Fp(i.Rm, FpSize.D), FpSize.D)); break;
            case Code.FNMSUB_D: SetFp(i.Rd, FloatingPoint.MulAdd(FloatingPoint.Negate(Fp(i.Ra, FpSize.D), FpSize.D), Fp(i.Rn, FpSize.D), Fp(i.Rm, FpSize.D), FpSize.D)); break;
            case Code.FCVTNS_WD: SetX(i, FloatingPoint.ToInteger(Fp(i.Rn, FpSize.D), FpSize.D, FpRounding.TiesToEven, true, false), false); break;
            case Code.FCVTNU_WD: SetX(i, FloatingPoint.ToInteger(Fp(i.Rn, FpSize.D), FpSize.D, FpRounding.TiesToEven, false, false), false); break;
            case Code.FCVTAS_WD: SetX(i, FloatingPoint.ToInteger(Fp(i.Rn, FpSize.D), FpSize.D, FpRounding.TiesAway, true, false), false); break;
            case Code.FCVTAU_WD: SetX(i, FloatingPoint.ToInteger(Fp(i.Rn, FpSize.D), FpSize.D, FpRounding.TiesAway, false, false), false); break;
            case Code.FCVTPS_WD: SetX(i, FloatingPoint.ToInteger(Fp(i.Rn, FpSize.D), FpSize.D, FpRounding.PlusInfinity, true, false), false); break;
            case Code.FCVTPU_WD: SetX(i, FloatingPoint.ToInteger(Fp(i.Rn, FpSize.D), FpSize.D, FpRounding.PlusInfinity, false, false), false); break;
            case Code.FCVTMS_WD: SetX(i, FloatingPoint.ToInteger(Fp(i.Rn, FpSize.D), FpSize.D, FpRounding.MinusInfinity, true, false), false); break;
            case Code.FCVTMU_WD: SetX(i, FloatingPoint.ToInteger(Fp(i.Rn, FpSize.D), FpSize.D, FpRounding.MinusInfinity, false, false), false); break;
            case Code.FCVTZS_WD: SetX(i, FloatingPoint.ToInteger(Fp(i.Rn, FpSize.D), FpSize.D, FpRounding.Zero, true, false), false); break;
            case Code.FCVTZU_WD: SetX(i, FloatingPoint.ToInteger(Fp(i.Rn, FpSize.D), FpSize.D, FpRounding.Zero, false, false), false); break;
            case Code.SCVTF_DW: SetFp(i.Rd, FloatingPoint.FromInteger((ulong)(long)(int)Cpu.X[i.Rn], true, FpSize.D)); break;
            case Code.UCVTF_DW: SetFp(i.Rd, FloatingPoint.FromInteger((ulong)(uint)Cpu.X[i.Rn], false, FpSize.D)); break;
            case Code.FCVTNS_XD: SetX(i, FloatingPoint.ToInteger(Fp(i.Rn, FpSize.D), FpSize.D, FpRounding.TiesToEven, true, true), true); break;
            case Code.FCVTNU_XD: SetX(i, FloatingPoint.ToInteger(Fp(i.Rn, FpSize.D), FpSize.D, FpRounding.TiesToEven, false, true), true); break;
            case Code.FCVTAS_XD: SetX(i, FloatingPoint.ToInteger(Fp(i.Rn, FpSize.D), FpSize.D, FpRounding.TiesAway, true, true), true); break;
            case Code.FCVTAU_XD: SetX(i, FloatingPoint.ToInteger(Fp(i.Rn, FpSize.D), FpSize.D, FpRounding.TiesAway, false, true), true); break;
            case Code.FCVTPS_XD: SetX(i, FloatingPoint.ToInteger(Fp(i.Rn, FpSize.D), FpSize.D, FpRounding.PlusInfinity, true, true), true); break;
            case Code.FCVTPU_XD: SetX(i, FloatingPoint.ToInteger(Fp(i.Rn, FpSize.D), FpSize.D, FpRounding.PlusInfinity, false, true), true); break;
            case Code.FCVTMS_XD: SetX(i, FloatingPoint.ToInteger(Fp(i.Rn, FpSize.D), FpSize.D, FpRounding.MinusInfinity, true, true), true); break;
            case Code.FCVTMU_XD: SetX(i, FloatingPoint.ToInteger(Fp(i.Rn, FpSize.D), FpSize.D, FpRounding.MinusInfinity, false, true), true); break;
            case Code.FCVTZS_XD: SetX(i, FloatingPoint.ToInteger(Fp(i.Rn, FpSize.D), FpSize.D, FpRounding.Zero, true, true), true); break;
            case Code.FCVTZU_XD: SetX(i, FloatingPoint.ToInteger(Fp(i.Rn, FpSize.D), FpSize.D, FpRounding.Zero, false, true), true); break;
            case Code.SCVTF_DX: SetFp(i.Rd, FloatingPoint.FromInteger(Cpu.X[i.Rn], true, FpSize.D)); break;
            case Code.UCVTF_DX: SetFp(i.Rd, FloatingPoint.FromInteger(Cpu.X[i.Rn], false, FpSize.D)); break;
            case Code.FMUL_H: FpBinary(i, FloatingPoint.Binary.Mul, FpSize.H); break;
            case Code.FDIV_H: FpBinary(i, FloatingPoint.Binary.Div, FpSize.H); break;
            case Code.FADD_H: FpBinary(i, FloatingPoint.Binary.Add, FpSize.H); break;
            case Code.FSUB_H: FpBinary(i, FloatingPoint.Binary.Sub, FpSize.H); break;
            case Code.FMAX_H: FpBinary(i, FloatingPoint.Binary.Max, FpSize.H); break;
            case Code.FMIN_H: FpBinary(i, FloatingPoint.Binary.Min, FpSize.H); break;
            case Code.FMAXNM_H: FpBinary(i, FloatingPoint.Binary.MaxNum, FpSize.H); break;
            case Code.FMINNM_H: FpBinary(i, FloatingPoint.Binary.MinNum, FpSize.H); break;
            case Code.FNMUL_H: SetFp(i.Rd, FloatingPoint.Negate(FloatingPoint.Apply(FloatingPoint.Binary.Mul, Fp(i.Rn, FpSize.H), Fp(i.Rm, FpSize.H), FpSize.H), FpSize.H)); break;
            case Code.FMOV_H_reg: SetFp(i.Rd, Fp(i.Rn, FpSize.H)); break;
            case Code.FABS_H_reg: SetFp(i.Rd, FloatingPoint.Abs(Fp(i.Rn, FpSize.H), FpSize.H)); break;
            case Code.FNEG_H_reg: SetFp(i.Rd, FloatingPoint.Negate(Fp(i.Rn, FpSize.H), FpSize.H)); break;
            case Code.FSQRT_H_reg: SetFp(i.Rd, FloatingPoint.Sqrt(Fp(i.Rn, FpSize.H), FpSize.H)); break;
            case Code.FRINTN_H_reg: SetFp(i.Rd, FloatingPoint.RoundToIntegral(Fp(i.Rn, FpSize.H), FpSize.H, FpRounding.TiesToEven)); break;
            case Code.FRINTP_H_reg: SetFp(i.Rd, FloatingPoint.RoundToIntegral(Fp(i.Rn, FpSize.H), FpSize.H, FpRounding.PlusInfinity)); break;
            case Code.FRINTM_H_reg: SetFp(i.Rd, FloatingPoint.RoundToIntegral(Fp(i.Rn, FpSize.H), FpSize.H, FpRounding.MinusInfinity)); break;
            case Code.FRINTZ_H_reg: SetFp(i.Rd, FloatingPoint.RoundToIntegral(Fp(i.Rn, FpSize.H), FpSize.H, FpRounding.Zero)); break;
            case Code.FRINTA_H_reg: SetFp(i.Rd, FloatingPoint.RoundToIntegral(Fp(i.Rn, FpSize.H), FpSize.H, FpRounding.TiesAway)); break;
            case Code.FRINTX_H_reg: SetFp(i.Rd, FloatingPoint.RoundToIntegral(Fp(i.Rn, FpSize.H), FpSize.H, FpRounding.TiesToEven)); break;
            case Code.FRINTI_H_reg: SetFp(i.Rd, FloatingPoint.RoundToIntegral(Fp(i.Rn, FpSize.H), FpSize.H, FpRounding.TiesToEven)); break;
            case Code.FCVT_SH: SetFp(i.Rd, FloatingPoint.Convert(Fp(i.Rn, FpSize.H), FpSize.H, FpSize.S)); break;
            case Code.FCVT_DH: SetFp(i.Rd, FloatingPoint.Convert(Fp(i.Rn, FpSize.H), FpSize.H, FpSize.D)); break;
            case Code.FCMP_H_reg: Cpu.Nzcv = FloatingPoint.Compare(Fp(i.Rn, FpSize.H), Fp(i.Rm, FpSize.H), FpSize.H); break;
            case Code.FCMP_H_zero: Cpu.Nzcv = FloatingPoint.Compare(Fp(i.Rn, FpSize.H), 0, FpSize.H); break;
            case Code.FCMPE_H_reg: Cpu.Nzcv = FloatingPoint.Compare(Fp(i.Rn, FpSize.H), Fp(i.Rm, FpSize.H), FpSize.H); break;
            case Code.FCMPE_H_zero: Cpu.Nzcv = FloatingPoint.Compare(Fp(i.Rn, FpSize.H), 0, FpSize.H); break;
            case Code.FMOV_H_imm: SetFp(i.Rd, FloatingPoint.FromDouble(BitConverter.Int64BitsToDouble(i.Imm), FpSize.H)); break;
            case Code.FCSEL_H: SetFp(i.Rd, Alu.ConditionHolds((int)i.Cond, Cpu.Nzcv) ? Fp(i.Rn, FpSize.H) : Fp(i.Rm, FpSize.H)); break;
            case Code.FCCMP_H: Cpu.Nzcv = Alu.ConditionHolds((int)i.Cond, Cpu.Nzcv) ? FloatingPoint.Compare(Fp(i.Rn, FpSize.H), Fp(i.Rm, FpSize.H), FpSize.H) : (uint)(i.Imm2 & 15) << 28; break;
            case Code.FCCMPE_H: Cpu.Nzcv = Alu.ConditionHolds((int)i.Cond, Cpu.Nzcv) ? FloatingPoint.Compare(Fp(i.Rn, FpSize.H), Fp(i.Rm, FpSize.H), FpSize.H) : (uint)(i.Imm2 & 15) << 28; break;
            case Code.FCVTNS_WH: SetX(i, FloatingPoint.ToInteger(Fp(i.Rn, FpSize.H), FpSize.H, FpRounding.TiesToEven, true, false), false); break;
            case Code.FCVTNU_WH: SetX(i, FloatingPoint.ToInteger(Fp(i.Rn, FpSize.H), FpSize.H, FpRounding.TiesToEven, false, false), false); break;
            case Code.FCVTAS_WH: SetX(i, FloatingPoint.ToInteger(Fp(i.Rn, FpSize.H), FpSize.H, FpRounding.TiesAway, true, false), false); break;
            case Code.FCVTAU_WH: SetX(i, FloatingPoint.ToInteger(Fp(i.Rn, FpSize.H), FpSize.H, FpRounding.TiesAway, false, false), false); break;
            case Code.FCVTPS_WH: SetX(i, FloatingPoint.ToInteger(Fp(i.Rn, FpSize.H), FpSize.H, FpRounding.PlusInfinity, true, false), false); break;
            case Code.FCVTPU_WH: SetX(i, FloatingPoint.ToInteger(Fp(i.Rn, FpSize.H), FpSize.H, FpRounding.PlusInfinity, false, false), false); break;
            case Code.FCVTMS_WH: SetX(i, FloatingPoint.ToInteger(Fp(i.Rn, FpSize.H), FpSize.H, FpRounding.MinusInfinity, true, false), false); break;
            case Code.FCVTMU_WH: SetX(i, FloatingPoint.ToInteger(Fp(i.Rn, FpSize.H), FpSize.H, FpRounding.MinusInfinity, false, false), false); break;
            case Code.FCVTZS_WH: SetX(i, FloatingPoint.ToInteger(Fp(i.Rn, FpSize.H), FpSize.H, FpRounding.Zero, true, false), false); break;
            case Code.FCVTZU_WH: SetX(i, FloatingPoint.ToInteger(Fp(i.Rn, FpSize.H), FpSize.H, FpRounding.Zero, false, false), false); break;
            case Code.SCVTF_HW: SetFp(i.Rd, FloatingPoint.FromInteger((ulong)(long)(int)Cpu.X[i.Rn], true, FpSize.H)); break;
            case Code.UCVTF_HW: SetFp(i.Rd, FloatingPoint.FromInteger((ulong)(uint)Cpu.X[i.Rn], false, FpSize.H)); break;
            case Code.FCVTNS_XH: SetX(i, FloatingPoint.ToInteger(Fp(i.Rn, FpSize.H), FpSize.H, FpRounding.TiesToEven, true, true), true); break;
            case Code.FCVTNU_XH: SetX(i, FloatingPoint.ToInteger(Fp(i.Rn, FpSize.H), FpSize.H, FpRounding.TiesToEven, false, true), true); break;
            case Code.FCVTAS_XH: SetX(i, FloatingPoint.ToInteger(Fp(i.Rn, FpSize.H), FpSize.H, FpRounding.TiesAway, true, true), true); break;
            case Code.FCVTAU_XH: SetX(i, FloatingPoint.ToInteger(Fp(i.Rn, FpSize.H), FpSize.H, FpRounding.TiesAway, false, true), true); break;
            case Code.FCVTPS_XH: SetX(i, FloatingPoint.ToInteger(Fp(i.Rn, FpSize.H), FpSize.H, FpRounding.PlusInfinity, true, true), true); break;
            case Code.FCVTPU_XH: SetX(i, FloatingPoint.ToInteger(Fp(i.Rn, FpSize.H), FpSize.H, FpRounding.PlusInfinity, false, true), true); break;
            case Code.FCVTMS_XH: SetX(i, FloatingPoint.ToInteger(Fp(i.Rn, FpSize.H), FpSize.H, FpRounding.MinusInfinity, true, true), true); break;
            case Code.FCVTMU_XH: SetX(i, FloatingPoint.ToInteger(Fp(i.Rn, FpSize.H), FpSize.H, FpRounding.MinusInfinity, false, true), true); break;
            case Code.FCVTZS_XH: SetX(i, FloatingPoint.ToInteger(Fp(i.Rn, FpSize.H), FpSize.H, FpRounding.Zero, true, true), true); break;
            case Code.FCVTZU_XH: SetX(i, FloatingPoint.ToInteger(Fp(i.Rn, FpSize.H), FpSize.H, FpRounding.Zero, false, true), true); break;
            case Code.SCVTF_HX: SetFp(i.Rd, FloatingPoint.FromInteger(Cpu.X[i.Rn], true, FpSize.H)); break;
            case Code.UCVTF_HX: SetFp(i.Rd, FloatingPoint.FromInteger(Cpu.X[i.Rn], false, FpSize.H)); break;
            case Code.FMOV_WS: SetX(i, Fp(i.Rn, FpSize.S), false); break;
            case Code.FMOV_SW: SetFp(i.Rd, (uint)Cpu.X[i.Rn]); break;
            case Code.FMOV_XD: SetX(i, Fp(i.Rn, FpSize.D), true); break;
            case Code.FMOV_DX: SetFp(i.Rd, Cpu.X[i.Rn]); break;
            case Code.FMOV_WH: SetX(i, Fp(i.Rn, FpSize.H), false); break;
            case Code.FMOV_HW: SetFp(i.Rd, (ushort)Cpu.X[i.Rn]); break;
            case Code.FMOV_XH: SetX(i, Fp(i.Rn, FpSize.H), true); break;
            case Code.FMOV_HX: SetFp(i.Rd, (ushort)Cpu.X[i.Rn]); break;
            default: Unimplemented(i); break;
        }
    }

    /// <summary>The low <paramref name="p"/> bytes of Vn: an H, S or D register.</summary>
    private ulong Fp(int n, FpSize p) => p == FpSize.D ? Cpu.VRegs[2 * n] : Cpu.VRegs[2 * n] & ((1UL << (8 * (int)p)) - 1);

    /// <summary>A scalar FP result: the rest of the 128-bit register is zeroed.</summary>
    private void SetFp(int d, ulong bits) => Cpu.SetV(d, bits, 0);

    private void FpBinary(in Instruction i, FloatingPoint.Binary op, FpSize p) =>
        SetFp(i.Rd, FloatingPoint.Apply(op, Fp(i.Rn, p), Fp(i.Rm, p), p));
}
