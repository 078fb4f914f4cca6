using System.Runtime.CompilerServices;
using A64Asm.Isa;
using A64Asm.Isa.Decoding;

namespace A64Asm.Verifier.Emulation;

/// <summary>The dispatch: one case per <see cref="Code"/>, each a line that names its semantics. Returns the next PC.</summary>
public sealed partial class Machine
{
    private ulong Execute(ref Instruction i, ulong pc)
    {
        switch (i.Code)
        {
            case Code.B: case Code.BL: case Code.B_cond: case Code.BC_cond: case Code.CBZ_32: case Code.CBZ_64: case Code.CBNZ_32: case Code.CBNZ_64:
            case Code.TBZ: case Code.TBNZ: case Code.BR: case Code.BLR: case Code.RET:
                return Branch(i, pc);
            case Code.ERET: return ExceptionReturn();

            // Add/subtract (immediate): SP allowed as Rn, and as Rd when flags are not set
            case Code.ADD_64_imm: AddSub(i.Rd, i.Rn, (ulong)i.Imm, true, false, false, true); break;
            case Code.ADD_32_imm: AddSub(i.Rd, i.Rn, (ulong)i.Imm, false, false, false, true); break;
            case Code.SUB_64_imm: AddSub(i.Rd, i.Rn, (ulong)i.Imm, true, true, false, true); break;
            case Code.SUB_32_imm: AddSub(i.Rd, i.Rn, (ulong)i.Imm, false, true, false, true); break;
            case Code.ADDS_64_imm: AddSub(i.Rd, i.Rn, (ulong)i.Imm, true, false, true, true); break;
            case Code.ADDS_32_imm: AddSub(i.Rd, i.Rn, (ulong)i.Imm, false, false, true, true); break;
            case Code.SUBS_64_imm: AddSub(i.Rd, i.Rn, (ulong)i.Imm, true, true, true, true); break;
            case Code.SUBS_32_imm: AddSub(i.Rd, i.Rn, (ulong)i.Imm, false, true, true, true); break;

            // Logical (immediate): Rd may be SP except for ANDS
            case Code.AND_64_imm: Logical(i.Rd, i.Rn, (ulong)i.Imm, true, LogicOp.And, false, false, true); break;
            case Code.AND_32_imm: Logical(i.Rd, i.Rn, (ulong)i.Imm, false, LogicOp.And, false, false, true); break;
            case Code.ORR_64_imm: Logical(i.Rd, i.Rn, (ulong)i.Imm, true, LogicOp.Orr, false, false, true); break;
            case Code.ORR_32_imm: Logical(i.Rd, i.Rn, (ulong)i.Imm, false, LogicOp.Orr, false, false, true); break;
            case Code.EOR_64_imm: Logical(i.Rd, i.Rn, (ulong)i.Imm, true, LogicOp.Eor, false, false, true); break;
            case Code.EOR_32_imm: Logical(i.Rd, i.Rn, (ulong)i.Imm, false, LogicOp.Eor, false, false, true); break;
            case Code.ANDS_64_imm: Logical(i.Rd, i.Rn, (ulong)i.Imm, true, LogicOp.And, false, true, false); break;
            case Code.ANDS_32_imm: Logical(i.Rd, i.Rn, (ulong)i.Imm, false, LogicOp.And, false, true, false); break;

            // Move wide, PC-relative
            case Code.MOVN_32: MoveWideImm(i.Rd, i.Imm, i.Amount, false, MoveWide.N); break;
            case Code.MOVN_64: MoveWideImm(i.Rd, i.Imm, i.Amount, true, MoveWide.N); break;
            case Code.MOVZ_32: MoveWideImm(i.Rd, i.Imm, i.Amount, false, MoveWide.Z); break;
            case Code.MOVZ_64: MoveWideImm(i.Rd, i.Imm, i.Amount, true, MoveWide.Z); break;
            case Code.MOVK_32: MoveWideImm(i.Rd, i.Imm, i.Amount, false, MoveWide.K); break;
            case Code.MOVK_64: MoveWideImm(i.Rd, i.Imm, i.Amount, true, MoveWide.K); break;
            case Code.ADR: Cpu.SetXzr(i.Rd, pc + (ulong)i.Imm); break;
            case Code.ADRP: Cpu.SetXzr(i.Rd, (pc & ~0xFFFUL) + (ulong)i.Imm); break;

            // Bitfield, extract
            case Code.SBFM_32: BitfieldMove(i.Rd, i.Rn, (int)i.Imm, (int)i.Imm2, false, true, true); break;
            case Code.SBFM_64: BitfieldMove(i.Rd, i.Rn, (int)i.Imm, (int)i.Imm2, true, true, true); break;
            case Code.BFM_32: BitfieldMove(i.Rd, i.Rn, (int)i.Imm, (int)i.Imm2, false, false, false); break;
            case Code.BFM_64: BitfieldMove(i.Rd, i.Rn, (int)i.Imm, (int)i.Imm2, true, false, false); break;
            case Code.UBFM_32: BitfieldMove(i.Rd, i.Rn, (int)i.Imm, (int)i.Imm2, false, false, true); break;
            case Code.UBFM_64: BitfieldMove(i.Rd, i.Rn, (int)i.Imm, (int)i.Imm2, true, false, true); break;
            case Code.EXTR_32: Extract(i, false); break;
            case Code.EXTR_64: Extract(i, true); break;

            // Add/subtract (shifted register, extended register)
            case Code.ADD_32_shift: AddSub(i.Rd, i.Rn, ShiftedRm(i, false), false, false, false, false); break;
            case Code.ADD_64_shift: AddSub(i.Rd, i.Rn, ShiftedRm(i, true), true, false, false, false); break;
            case Code.ADDS_32_shift: AddSub(i.Rd, i.Rn, ShiftedRm(i, false), false, false, true, false); break;
            case Code.ADDS_64_shift: AddSub(i.Rd, i.Rn, ShiftedRm(i, true), true, false, true, false); break;
            case Code.SUB_32_shift: AddSub(i.Rd, i.Rn, ShiftedRm(i, false), false, true, false, false); break;
            case Code.SUB_64_shift: AddSub(i.Rd, i.Rn, ShiftedRm(i, true), true, true, false, false); break;
            case Code.SUBS_32_shift: AddSub(i.Rd, i.Rn, ShiftedRm(i, false), false, true, true, false); break;
            case Code.SUBS_64_shift: AddSub(i.Rd, i.Rn, ShiftedRm(i, true), true, true, true, false); break;
            case Code.ADD_32_ext: AddSub(i.Rd, i.Rn, ExtendedRm(i, false), false, false, false, true); break;
            case Code.ADD_64_ext: AddSub(i.Rd, i.Rn, ExtendedRm(i, true), true, false, false, true); break;
            case Code.ADDS_32_ext: AddSub(i.Rd, i.Rn, ExtendedRm(i, false), false, false, true, true); break;
            case Code.ADDS_64_ext: AddSub(i.Rd, i.Rn, ExtendedRm(i, true), true, false, true, true); break;
            case Code.SUB_32_ext: AddSub(i.Rd, i.Rn, ExtendedRm(i, false), false, true, false, true); break;
            case Code.SUB_64_ext: AddSub(i.Rd, i.Rn, ExtendedRm(i, true), true, true, false, true); break;
            case Code.SUBS_32_ext: AddSub(i.Rd, i.Rn, ExtendedRm(i, false), false, true, true, true); break;
            case Code.SUBS_64_ext: AddSub(i.Rd, i.Rn, ExtendedRm(i, true), true, true, true, true); break;

            // Logical (shifted register)
            case Code.AND_32_shift: Logical(i.Rd, i.Rn, ShiftedRm(i, false), false, LogicOp.And, false, false, false); break;
            case Code.AND_64_shift: Logical(i.Rd, i.Rn, ShiftedRm(i, true), true, LogicOp.And, false, false, false); break;
            case Code.BIC_32_shift: Logical(i.Rd, i.Rn, ShiftedRm(i, false), false, LogicOp.And, true, false, false); break;
            case Code.BIC_64_shift: Logical(i.Rd, i.Rn, ShiftedRm(i, true), true, LogicOp.And, true, false, false); break;
            case Code.ORR_32_shift: Logical(i.Rd, i.Rn, ShiftedRm(i, false), false, LogicOp.Orr, false, false, false); break;
            case Code.ORR_64_shift: Logical(i.Rd, i.Rn, ShiftedRm(i, true), true, LogicOp.Orr, false, false, false); break;
            case Code.ORN_32_shift: Logical(i.Rd, i.Rn, ShiftedRm(i, false), false, LogicOp.Orr, true, false, false); break;
            case Code.ORN_64_shift: Logical(i.Rd, i.Rn, ShiftedRm(i, true), true, LogicOp.Orr, true, false, false); break;
            case Code.EOR_32_shift: Logical(i.Rd, i.Rn, ShiftedRm(i, false), false, LogicOp.Eor, false, false, false); break;
            case Code.EOR_64_shift: Logical(i.Rd, i.Rn, ShiftedRm(i, true), true, LogicOp.Eor, false, false, false); break;
            case Code.EON_32_shift: Logical(i.Rd, i.Rn, ShiftedRm(i, false), false, LogicOp.Eor, true, false, false); break;
            case Code.EON_64_shift: Logical(i.Rd, i.Rn, ShiftedRm(i, true), true, LogicOp.Eor, true, false, false); break;
            case Code.ANDS_32_shift: Logical(i.Rd, i.Rn, ShiftedRm(i, false), false, LogicOp.And, false, true, false); break;
            case Code.ANDS_64_shift: Logical(i.Rd, i.Rn, ShiftedRm(i, true), true, LogicOp.And, false, true, false); break;
            case Code.BICS_32_shift: Logical(i.Rd, i.Rn, ShiftedRm(i, false), false, LogicOp.And, true, true, false); break;
            case Code.BICS_64_shift: Logical(i.Rd, i.Rn, ShiftedRm(i, true), true, LogicOp.And, true, true, false); break;

            // Data processing (2 source)
            case Code.UDIV_32: Divide(i, false, false); break;
            case Code.UDIV_64: Divide(i, true, false); break;
            case Code.SDIV_32: Divide(i, false, true); break;
            case Code.SDIV_64: Divide(i, true, true); break;
            case Code.LSLV_32: ShiftVariable(i.Rd, i.Rn, i.Rm, false, 0); break;
            case Code.LSLV_64: ShiftVariable(i.Rd, i.Rn, i.Rm, true, 0); break;
            case Code.LSRV_32: ShiftVariable(i.Rd, i.Rn, i.Rm, false, 1); break;
            case Code.LSRV_64: ShiftVariable(i.Rd, i.Rn, i.Rm, true, 1); break;
            case Code.ASRV_32: ShiftVariable(i.Rd, i.Rn, i.Rm, false, 2); break;
            case Code.ASRV_64: ShiftVariable(i.Rd, i.Rn, i.Rm, true, 2); break;
            case Code.RORV_32: ShiftVariable(i.Rd, i.Rn, i.Rm, false, 3); break;
            case Code.RORV_64: ShiftVariable(i.Rd, i.Rn, i.Rm, true, 3); break;

            // The hot pair forms of the copy loop, then every other load/store
            case Code.LDP_64_off: case Code.LDP_64_pre: case Code.LDP_64_post: case Code.LDNP_64: LoadPair(i.Rt, i.Rt2, i.Rn, i.Imm, i.Mode, 8, false); break;
            case Code.STP_64_off: case Code.STP_64_pre: case Code.STP_64_post: case Code.STNP_64: StorePair(i.Rt, i.Rt2, i.Rn, i.Imm, i.Mode, 8); break;
            case Code.LDP_32_off: case Code.LDP_32_pre: case Code.LDP_32_post: case Code.LDNP_32: LoadPair(i.Rt, i.Rt2, i.Rn, i.Imm, i.Mode, 4, false); break;
            case Code.LDPSW_off: case Code.LDPSW_pre: case Code.LDPSW_post: LoadPair(i.Rt, i.Rt2, i.Rn, i.Imm, i.Mode, 4, true); break;
            case Code.STP_32_off: case Code.STP_32_pre: case Code.STP_32_post: case Code.STNP_32: StorePair(i.Rt, i.Rt2, i.Rn, i.Imm, i.Mode, 4); break;
            default: return ExecuteLoadStoreOrSystem(ref i, pc);
        }
        return pc + 4;
    }

    /// <summary>
    /// The branches: the next PC, and the link register for BL/BLR. The block runner closes its blocks with this
    /// same call, so a branch's effect is written here only.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ulong Branch(in Instruction i, ulong pc)
    {
        ulong next = pc + 4;
        switch (i.Code)
        {
            case Code.B: return pc + (ulong)i.Imm;
            case Code.BL: Cpu.SetXzr(30, next); return pc + (ulong)i.Imm;
            case Code.BR: case Code.RET: return Cpu.Xzr(i.Rn);
            case Code.BLR: { ulong target = Cpu.Xzr(i.Rn); Cpu.SetXzr(30, next); return target; }
            default: return Taken(i, Cpu.Xzr(i.Rt), Cpu.Nzcv) ? pc + (ulong)i.Imm : next;
        }
    }

    /// <summary>
    /// Whether a conditional branch (B.cond, CBZ/CBNZ, TBZ/TBNZ) is taken, given the register it tests and the
    /// flags; the bulk loops ask it of iterations to come.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool Taken(in Instruction i, ulong tested, uint nzcv) => i.Code switch
    {
        Code.B_cond or Code.BC_cond => Alu.ConditionHolds((int)i.Cond, nzcv),   // BC: the same branch, with a hint
        Code.CBZ_32 => Alu.IsZero(tested, false),
        Code.CBZ_64 => Alu.IsZero(tested, true),
        Code.CBNZ_32 => !Alu.IsZero(tested, false),
        Code.CBNZ_64 => !Alu.IsZero(tested, true),
        Code.TBZ => !Alu.BitSet(tested, (int)i.Imm2),
        Code.TBNZ => Alu.BitSet(tested, (int)i.Imm2),
        _ => throw new InvalidOperationException($"{i.Code} is not a conditional branch"),
    };
}
