using A64Asm.Isa;
using A64Asm.Isa.Decoding;

namespace A64Asm.Verifier.Emulation;

/// <summary>Dispatch, continued: single-register loads/stores of every addressing mode, and system instructions.</summary>
public sealed partial class Machine
{
    private ulong ExecuteLoadStoreOrSystem(ref Instruction i, ulong pc)
    {
        switch (i.Code)
        {
            // Literal: PC-relative, never written back
            case Code.LDR_32_lit: LoadInt(i.Rt, pc + (ulong)i.Imm, 4, false, false); break;
            case Code.LDR_64_lit: LoadInt(i.Rt, pc + (ulong)i.Imm, 8, false, true); break;
            case Code.LDRSW_lit: LoadInt(i.Rt, pc + (ulong)i.Imm, 4, true, true); break;
            case Code.PRFM_lit: case Code.PRFM_uimm: case Code.PRFUM_unscaled: case Code.PRFM_reg: break;

            // Immediate offset (scaled, unscaled, unprivileged), pre- and post-index: ImmAddress reads Mode
            case Code.STRB_uimm: case Code.STURB_unscaled: case Code.STTRB_unpriv: case Code.STRB_post: case Code.STRB_pre: StoreImm(i.Rt, i.Rn, i.Imm, i.Mode, 1); break;
            case Code.STRH_uimm: case Code.STURH_unscaled: case Code.STTRH_unpriv: case Code.STRH_post: case Code.STRH_pre: StoreImm(i.Rt, i.Rn, i.Imm, i.Mode, 2); break;
            case Code.STR_32_uimm: case Code.STUR_32_unscaled: case Code.STTR_32_unpriv: case Code.STR_32_post: case Code.STR_32_pre: StoreImm(i.Rt, i.Rn, i.Imm, i.Mode, 4); break;
            case Code.STR_64_uimm: case Code.STUR_64_unscaled: case Code.STTR_64_unpriv: case Code.STR_64_post: case Code.STR_64_pre: StoreImm(i.Rt, i.Rn, i.Imm, i.Mode, 8); break;

            case Code.LDRB_uimm: case Code.LDURB_unscaled: case Code.LDTRB_unpriv: case Code.LDRB_post: case Code.LDRB_pre: LoadInt(i.Rt, ImmAddress(i), 1, false, false); break;
            case Code.LDRH_uimm: case Code.LDURH_unscaled: case Code.LDTRH_unpriv: case Code.LDRH_post: case Code.LDRH_pre: LoadInt(i.Rt, ImmAddress(i), 2, false, false); break;
            case Code.LDR_32_uimm: case Code.LDUR_32_unscaled: case Code.LDTR_32_unpriv: case Code.LDR_32_post: case Code.LDR_32_pre: LoadInt(i.Rt, ImmAddress(i), 4, false, false); break;
            case Code.LDR_64_uimm: case Code.LDUR_64_unscaled: case Code.LDTR_64_unpriv: case Code.LDR_64_post: case Code.LDR_64_pre: LoadInt(i.Rt, ImmAddress(i), 8, false, true); break;
            case Code.LDRSB_32_uimm: case Code.LDURSB_32_unscaled: case Code.LDTRSB_32_unpriv: case Code.LDRSB_32_post: case Code.LDRSB_32_pre: LoadInt(i.Rt, ImmAddress(i), 1, true, false); break;
            case Code.LDRSB_64_uimm: case Code.LDURSB_64_unscaled: case Code.LDTRSB_64_unpriv: case Code.LDRSB_64_post: case Code.LDRSB_64_pre: LoadInt(i.Rt, ImmAddress(i), 1, true, true); break;
            case Code.LDRSH_32_uimm: case Code.LDURSH_32_unscaled: case Code.LDTRSH_32_unpriv: case Code.LDRSH_32_post: case Code.LDRSH_32_pre: LoadInt(i.Rt, ImmAddress(i), 2, true, false); break;
            case Code.LDRSH_64_uimm: case Code.LDURSH_64_unscaled: case Code.LDTRSH_64_unpriv: case Code.LDRSH_64_post: case Code.LDRSH_64_pre: LoadInt(i.Rt, ImmAddress(i), 2, true, true); break;
            case Code.LDRSW_uimm: case Code.LDURSW_unscaled: case Code.LDTRSW_unpriv: case Code.LDRSW_post: case Code.LDRSW_pre: LoadInt(i.Rt, ImmAddress(i), 4, true, true); break;

            // Register offset
            case Code.STRB_reg: StoreReg(i, 1); break;
            case Code.STRH_reg: StoreReg(i, 2); break;
            case Code.STR_32_reg: StoreReg(i, 4); break;
            case Code.STR_64_reg: StoreReg(i, 8); break;
            case Code.LDRB_reg: LoadInt(i.Rt, RegAddress(i), 1, false, false); break;
            case Code.LDRH_reg: LoadInt(i.Rt, RegAddress(i), 2, false, false); break;
            case Code.LDR_32_reg: LoadInt(i.Rt, RegAddress(i), 4, false, false); break;
            case Code.LDR_64_reg: LoadInt(i.Rt, RegAddress(i), 8, false, true); break;
            case Code.LDRSB_32_reg: LoadInt(i.Rt, RegAddress(i), 1, true, false); break;
            case Code.LDRSB_64_reg: LoadInt(i.Rt, RegAddress(i), 1, true, true); break;
            case Code.LDRSH_32_reg: LoadInt(i.Rt, RegAddress(i), 2, true, false); break;
            case Code.LDRSH_64_reg: LoadInt(i.Rt, RegAddress(i), 2, true, true); break;
            case Code.LDRSW_reg: LoadInt(i.Rt, RegAddress(i), 4, true, true); break;

            // System
            case Code.MRS: Mrs(i); break;
            case Code.MSR_reg: Msr(i); break;
            case Code.SYS: Sys(i); break;
            case Code.SYSL: Cpu.SetXzr(i.Rt, 0); break;
            case Code.CLREX: _exclusiveAddress = null; break;
            case Code.DSB: case Code.DSB_nxs: case Code.DMB: case Code.ISB: case Code.SB: Barrier(); break;
            case Code.HINT: break;   // nop, yield, wfe, wfi, sev, sevl: no other PE to wait for
            case Code.SVC: Trap(TrapKind.Svc, i.Imm, pc); break;
            case Code.HVC: Trap(TrapKind.Hvc, i.Imm, pc); break;
            case Code.SMC: Trap(TrapKind.Smc, i.Imm, pc); break;
            case Code.BRK: Trap(TrapKind.Brk, i.Imm, pc); break;
            case Code.HLT: Trap(TrapKind.Hlt, i.Imm, pc); break;

            case Code.Invalid: case Code.UDF: Undefined(i); break;
            default: ExecuteMore(ref i, pc); break;
        }
        return pc + 4;
    }
}
