using A64Asm.Isa;
using A64Asm.Isa.Decoding;

namespace A64Asm.Verifier.Emulation;

/// <summary>Dispatch, continued: carry arithmetic, multiply, 1-source, conditional select/compare, exclusives.</summary>
public sealed partial class Machine
{
    private void ExecuteMore(ref Instruction i, ulong pc)
    {
        var x = Cpu.X;
        switch (i.Code)
        {
            case Code.ADC_32: AddSubCarry(i, false, false, false); break;
            case Code.ADC_64: AddSubCarry(i, true, false, false); break;
            case Code.ADCS_32: AddSubCarry(i, false, false, true); break;
            case Code.ADCS_64: AddSubCarry(i, true, false, true); break;
            case Code.SBC_32: AddSubCarry(i, false, true, false); break;
            case Code.SBC_64: AddSubCarry(i, true, true, false); break;
            case Code.SBCS_32: AddSubCarry(i, false, true, true); break;
            case Code.SBCS_64: AddSubCarry(i, true, true, true); break;

            case Code.MADD_32: MultiplyAdd(i, false, false); break;
            case Code.MADD_64: MultiplyAdd(i, true, false); break;
            case Code.MSUB_32: MultiplyAdd(i, false, true); break;
            case Code.MSUB_64: MultiplyAdd(i, true, true); break;
            case Code.SMADDL: MultiplyAddLong(i, true, false); break;
            case Code.SMSUBL: MultiplyAddLong(i, true, true); break;
            case Code.UMADDL: MultiplyAddLong(i, false, false); break;
            case Code.UMSUBL: MultiplyAddLong(i, false, true); break;
            case Code.SMULH: Cpu.SetXzr(i.Rd, Alu.SignedMulHigh(x[i.Rn], x[i.Rm])); break;
            case Code.UMULH: Cpu.SetXzr(i.Rd, Alu.UnsignedMulHigh(x[i.Rn], x[i.Rm])); break;

            case Code.RBIT_32: SetX(i, Alu.ReverseBits(x[i.Rn], 32), false); break;
            case Code.RBIT_64: SetX(i, Alu.ReverseBits(x[i.Rn], 64), true); break;
            case Code.REV16_32: SetX(i, Alu.ReverseBytes(x[i.Rn], 2, 32), false); break;
            case Code.REV16_64: SetX(i, Alu.ReverseBytes(x[i.Rn], 2, 64), true); break;
            case Code.REV_32: SetX(i, Alu.ReverseBytes(x[i.Rn], 4, 32), false); break;
            case Code.REV32_64: SetX(i, Alu.ReverseBytes(x[i.Rn], 4, 64), true); break;
            case Code.REV_64: SetX(i, Alu.ReverseBytes(x[i.Rn], 8, 64), true); break;
            case Code.CLZ_32: SetX(i, (ulong)Alu.CountLeadingZeros(x[i.Rn], 32), false); break;
            case Code.CLZ_64: SetX(i, (ulong)Alu.CountLeadingZeros(x[i.Rn], 64), true); break;
            case Code.CLS_32: SetX(i, (ulong)Alu.CountLeadingSign(x[i.Rn], 32), false); break;
            case Code.CLS_64: SetX(i, (ulong)Alu.CountLeadingSign(x[i.Rn], 64), true); break;

            case Code.CSEL_32: ConditionalSelect(i, false, SelectOp.Csel); break;
            case Code.CSEL_64: ConditionalSelect(i, true, SelectOp.Csel); break;
            case Code.CSINC_32: ConditionalSelect(i, false, SelectOp.Csinc); break;
            case Code.CSINC_64: ConditionalSelect(i, true, SelectOp.Csinc); break;
            case Code.CSINV_32: ConditionalSelect(i, false, SelectOp.Csinv); break;
            case Code.CSINV_64: ConditionalSelect(i, true, SelectOp.Csinv); break;
            case Code.CSNEG_32: ConditionalSelect(i, false, SelectOp.Csneg); break;
            case Code.CSNEG_64: ConditionalSelect(i, true, SelectOp.Csneg); break;
            case Code.CCMN_32_reg: ConditionalCompare(i, false, true, x[i.Rm]); break;
            case Code.CCMN_64_reg: ConditionalCompare(i, true, true, x[i.Rm]); break;
            case Code.CCMP_32_reg: ConditionalCompare(i, false, false, x[i.Rm]); break;
            case Code.CCMP_64_reg: ConditionalCompare(i, true, false, x[i.Rm]); break;
            case Code.CCMN_32_imm: ConditionalCompare(i, false, true, (ulong)i.Imm); break;
            case Code.CCMN_64_imm: ConditionalCompare(i, true, true, (ulong)i.Imm); break;
            case Code.CCMP_32_imm: ConditionalCompare(i, false, false, (ulong)i.Imm); break;
            case Code.CCMP_64_imm: ConditionalCompare(i, true, false, (ulong)i.Imm); break;

            // Exclusives and acquire/release: one PE, so ordering holds trivially; the monitor is one address.
            case Code.LDXRB: case Code.LDAXRB: LoadExclusive(i, 1); break;
            case Code.LDXRH: case Code.LDAXRH: LoadExclusive(i, 2); break;
            case Code.LDXR_32: case Code.LDAXR_32: LoadExclusive(i, 4); break;
            case Code.LDXR_64: case Code.LDAXR_64: LoadExclusive(i, 8); break;
            case Code.STXRB: case Code.STLXRB: StoreExclusive(i, 1); break;
            case Code.STXRH: case Code.STLXRH: StoreExclusive(i, 2); break;
            case Code.STXR_32: case Code.STLXR_32: StoreExclusive(i, 4); break;
            case Code.STXR_64: case Code.STLXR_64: StoreExclusive(i, 8); break;
            case Code.LDXP_32: case Code.LDAXP_32: LoadExclusivePair(i, 4); break;
            case Code.LDXP_64: case Code.LDAXP_64: LoadExclusivePair(i, 8); break;
            case Code.STXP_32: case Code.STLXP_32: StoreExclusivePair(i, 4); break;
            case Code.STXP_64: case Code.STLXP_64: StoreExclusivePair(i, 8); break;
            case Code.LDARB: case Code.LDLARB: case Code.LDAPRB: LoadAcquire(i, 1); break;
            case Code.LDARH: case Code.LDLARH: case Code.LDAPRH: LoadAcquire(i, 2); break;
            case Code.LDAR_32: case Code.LDLAR_32: case Code.LDAPR_32: LoadAcquire(i, 4); break;
            case Code.LDAR_64: case Code.LDLAR_64: case Code.LDAPR_64: LoadAcquire(i, 8); break;
            case Code.STLRB: case Code.STLLRB: StoreRelease(i, 1); break;
            case Code.STLRH: case Code.STLLRH: StoreRelease(i, 2); break;
            case Code.STLR_32: case Code.STLLR_32: StoreRelease(i, 4); break;
            case Code.STLR_64: case Code.STLLR_64: StoreRelease(i, 8); break;

            // PSTATE writes (DAIF masks, SPSel, PAN...): no interrupts or translation regimes to affect here.
            case Code.MSR_imm: break;
            default: ExecuteExtension(ref i, pc); break;
        }
    }
}
