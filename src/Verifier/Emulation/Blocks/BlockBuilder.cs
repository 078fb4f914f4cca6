using A64Asm.Isa;
using A64Asm.Isa.Decoding;
using A64Asm.Isa.Operands;
using A64Asm.Verifier.Caches;

namespace A64Asm.Verifier.Emulation;

/// <summary>
/// Turns decoded instructions, from a start index up to and including a branch, into a <see cref="Block"/>.
/// Forms with an op of their own are extracted here; every other non-branch instruction becomes an
/// <see cref="OpKind.Interp"/> op that runs the interpreter's handler. A block stops before the stop PC and
/// before what changes control or machine mode outside a branch (exception-generating instructions, ERET, MSR):
/// the interpreter executes those one at a time.
/// </summary>
internal static class BlockBuilder
{
    public const int MaxInstructions = 64;
    private const int MaxGroup = 8;

    public static Block? Build(Instruction[] decoded, int first, ulong pc, ulong stopPc) =>
        Build(decoded, first, pc, stopPc, MaxInstructions);

    private static Block? Build(Instruction[] decoded, int first, ulong pc, ulong stopPc, int limit)
    {
        var ops = new List<Op>();
        var pairs = new List<MemPair>();
        var interp = new List<Instruction>();
        var exit = BlockExit.Fallthrough;
        byte exitReg = 0;
        ulong target = 0;
        Instruction exitBranch = default;
        int count = 0;   // instructions so far
        while (first + count < decoded.Length && count < limit)
        {
            ulong at = pc + 4 * (ulong)count;
            if (at == stopPc && count > 0) break;
            ref Instruction i = ref decoded[first + count];
            if (ExitOf(i, at, ref exitReg, ref target) is { } e)
            {
                exit = e;
                exitBranch = i;
                count++;
                break;
            }
            if (!Allowed(i.Code)) break;
            int group = GroupLength(decoded, first + count, pc, count, stopPc, limit);
            if (group > 1)
            {
                bool load = i.Code is Code.LDP_64_off or Code.LDNP_64;
                long min = long.MaxValue, max = long.MinValue;
                for (int k = 0; k < group; k++)
                {
                    ref Instruction g = ref decoded[first + count + k];
                    pairs.Add(new MemPair(g.Rt, g.Rt2, g.Imm));
                    min = Math.Min(min, g.Imm);
                    max = Math.Max(max, g.Imm);
                }
                var offsets = pairs.Skip(pairs.Count - group).Select(p => p.Offset).Order().ToArray();
                bool tiled = offsets.Select((o, k) => o == min + 16 * k).All(b => b);
                var groupOp = new Op
                {
                    Kind = load ? OpKind.LoadPairs : OpKind.StorePairs, Rn = i.Rn, Amount = (byte)group,
                    Extra = pairs.Count - group, Imm = min, Imm2 = max + 15, Pc = at, Invert = (byte)(tiled ? 1 : 0),
                };
                count += group;
                if (AdvancesBase(decoded, first + count, pc + 4 * (ulong)count, stopPc, count, i.Rn, limit) is { } advance)
                {
                    groupOp.Rd = 1;
                    groupOp.Add = advance;
                    count++;
                }
                ops.Add(groupOp);
                continue;
            }
            ops.Add(OpFor(i, at, interp));
            count++;
        }
        if (count == 0) return null;
        // A branch back into the middle of the block starts a loop there: the block ends before it instead, so
        // the loop is a block of its own that iterates in place (and may run in bulk) from its first iteration.
        if (exit is not (BlockExit.Br or BlockExit.Blr or BlockExit.Fallthrough) && target > pc && target < pc + 4 * (ulong)count)
            return Build(decoded, first, pc, stopPc, (int)((target - pc) / 4));
        Op flags = default;
        if (exit == BlockExit.BCond && ops.Count > 0 && ops[^1].Pc == pc + 4 * (ulong)(count - 2)
            && ops[^1].Kind is OpKind.SubsImm or OpKind.SubsShift or OpKind.AndsImm)
        {
            flags = ops[^1];
            ops.RemoveAt(ops.Count - 1);
            exit = flags.Kind switch { OpKind.SubsImm => BlockExit.SubsImmBCond, OpKind.SubsShift => BlockExit.SubsShiftBCond, _ => BlockExit.AndsImmBCond };
        }
        var block = new Block(pc, ops.ToArray(), pairs.ToArray(), interp.ToArray(), count, exit)
        {
            ExitBranch = exitBranch, ExitReg = exitReg, Target = target, Flags = flags,
        };
        block.Loop = LoopPlan.For(block);
        return block;
    }

    /// <summary>Branches close a block (run by the interpreter's Branch); what the analysis of a loop needs of them.</summary>
    private static BlockExit? ExitOf(in Instruction i, ulong pc, ref byte reg, ref ulong target)
    {
        target = pc + (ulong)i.Imm;
        reg = i.Rt;
        switch (i.Code)
        {
            case Code.B: return BlockExit.B;
            case Code.BL: return BlockExit.BL;
            case Code.B_cond: case Code.BC_cond: return BlockExit.BCond;
            case Code.CBZ_32: case Code.CBZ_64: return BlockExit.Cbz;
            case Code.CBNZ_32: case Code.CBNZ_64: return BlockExit.Cbnz;
            case Code.TBZ: return BlockExit.Tbz;
            case Code.TBNZ: return BlockExit.Tbnz;
            case Code.BR: case Code.RET: reg = i.Rn; return BlockExit.Br;
            case Code.BLR: reg = i.Rn; return BlockExit.Blr;
            default: return null;
        }
    }

    /// <summary>What the interpreter must run on its own: traps and ERET stop the run or change EL, MSR can change SCTLR.</summary>
    private static bool Allowed(Code code) => code is not (Code.SVC or Code.HVC or Code.SMC or Code.BRK or Code.HLT
        or Code.ERET or Code.MSR_reg or Code.MSR_imm or Code.Invalid or Code.UDF);

    /// <summary>How many offset-form 64-bit pair accesses of one kind on one base register start here (base never a loaded register).</summary>
    private static int GroupLength(Instruction[] decoded, int index, ulong pc, int count, ulong stopPc, int limit)
    {
        ref Instruction head = ref decoded[index];
        bool load = head.Code is Code.LDP_64_off or Code.LDNP_64;
        bool store = head.Code is Code.STP_64_off or Code.STNP_64;
        if (!load && !store) return 0;
        int n = 0;
        while (n < MaxGroup && index + n < decoded.Length && count + n < limit)
        {
            ref Instruction g = ref decoded[index + n];
            if (n > 0 && pc + 4 * (ulong)(count + n) == stopPc) break;
            bool same = load ? g.Code is Code.LDP_64_off or Code.LDNP_64 : g.Code is Code.STP_64_off or Code.STNP_64;
            if (!same || g.Rn != head.Rn || g.Rn == 31 || g.Imm % 8 != 0) break;
            if (load && (g.Rt == 31 || g.Rt2 == 31 || g.Rt == g.Rn || g.Rt2 == g.Rn)) break;
            n++;
        }
        return n;
    }

    /// <summary>The immediate of an <c>add base, base, #imm</c> at this index, if that is what is there.</summary>
    private static long? AdvancesBase(Instruction[] decoded, int index, ulong at, ulong stopPc, int count, byte rn, int limit)
    {
        if (index >= decoded.Length || at == stopPc || count >= limit) return null;
        ref Instruction a = ref decoded[index];
        return a.Code == Code.ADD_64_imm && a.Rd == rn && a.Rn == rn && rn != 31 ? a.Imm : null;
    }

    private static Op OpFor(in Instruction i, ulong pc, List<Instruction> interp)
    {
        var op = new Op { Rd = i.Rd, Rn = i.Rn, Rm = i.Rm, Imm = i.Imm, Imm2 = i.Imm2, Pc = pc, Amount = i.Amount };
        op.Aux = (byte)Alu.ShiftIndex(i.Shift);
        bool sp = i.Rd == 31 || i.Rn == 31;
        switch (i.Code)
        {
            case Code.ADD_64_imm when !sp: op.Kind = OpKind.AddImm; return op;
            case Code.SUB_64_imm when !sp: op.Kind = OpKind.SubImm; return op;
            case Code.ADDS_64_imm when i.Rn != 31: op.Kind = OpKind.AddsImm; return op;
            case Code.SUBS_64_imm when i.Rn != 31: op.Kind = OpKind.SubsImm; return op;
            case Code.AND_64_imm when i.Rd != 31: op.Kind = OpKind.AndImm; return op;
            case Code.ORR_64_imm when i.Rd != 31: op.Kind = OpKind.OrrImm; return op;
            case Code.EOR_64_imm when i.Rd != 31: op.Kind = OpKind.EorImm; return op;
            case Code.ANDS_64_imm: op.Kind = OpKind.AndsImm; return op;
            case Code.ADD_64_shift: op.Kind = OpKind.AddShift; return op;
            case Code.SUB_64_shift: op.Kind = OpKind.SubShift; return op;
            case Code.ADDS_64_shift: op.Kind = OpKind.AddsShift; return op;
            case Code.SUBS_64_shift: op.Kind = OpKind.SubsShift; return op;
            case Code.AND_64_shift: case Code.BIC_64_shift: op.Kind = OpKind.AndShift; break;
            case Code.ORR_64_shift: case Code.ORN_64_shift: op.Kind = OpKind.OrrShift; break;
            case Code.EOR_64_shift: case Code.EON_64_shift: op.Kind = OpKind.EorShift; break;
            case Code.ANDS_64_shift: case Code.BICS_64_shift: op.Kind = OpKind.AndsShift; break;
            case Code.MOVZ_64: op.Kind = OpKind.Movz; return op;
            case Code.MOVN_64: op.Kind = OpKind.Movn; return op;
            case Code.MOVK_64: op.Kind = OpKind.Movk; return op;
            case Code.UBFM_64: op.Kind = OpKind.Ubfm; return op;
            case Code.LSLV_64: op.Kind = OpKind.Lslv; return op;

            case Code.LDP_64_off: case Code.LDP_64_pre: case Code.LDP_64_post: case Code.LDNP_64:
                return MemoryOp(op, OpKind.LoadPair, i);
            case Code.STP_64_off: case Code.STP_64_pre: case Code.STP_64_post: case Code.STNP_64:
                return MemoryOp(op, OpKind.StorePair, i);
            case Code.LDR_64_uimm: case Code.LDR_64_pre: case Code.LDR_64_post: case Code.LDUR_64_unscaled:
                return MemoryOp(op, OpKind.Load, i);
            case Code.STR_64_uimm: case Code.STR_64_pre: case Code.STR_64_post: case Code.STUR_64_unscaled:
                return MemoryOp(op, OpKind.Store, i);
            case Code.LDR_64_lit: op.Kind = OpKind.LoadLiteral; op.Rd = i.Rt; return op;

            case Code.SYS when DataCacheOp(i.Sys) is { } dc: op.Kind = OpKind.DataCacheByVa; op.Aux = (byte)dc; op.Rd = i.Rt; return op;
            case Code.SYS: op.Kind = OpKind.Sys; op.Imm = i.Sys; op.Rd = i.Rt; return op;
            case Code.MRS: op.Kind = OpKind.Mrs; op.Imm = i.Sys; op.Rd = i.Rt; return op;
            case Code.DSB: case Code.DSB_nxs: case Code.DMB: case Code.ISB: case Code.SB: op.Kind = OpKind.Barrier; return op;
            case Code.HINT: op.Kind = OpKind.Nop; return op;
            default:
                op.Kind = OpKind.Interp;
                op.Extra = interp.Count;
                interp.Add(i);
                return op;
        }
        op.Invert = (byte)(i.Code is Code.BIC_64_shift or Code.ORN_64_shift or Code.EON_64_shift or Code.BICS_64_shift ? 1 : 0);
        return op;
    }

    private static Op MemoryOp(Op op, OpKind kind, in Instruction i)
    {
        op.Kind = kind;
        op.Rd = i.Rt;
        op.Rm = i.Rt2;
        op.Aux = (byte)i.Mode;
        return op;
    }

    /// <summary>The DC by-VA operations that only maintain (DC ZVA stores, so it stays with the general SYS path).</summary>
    private static DataMaintenance? DataCacheOp(ushort sys)
    {
        int op1 = (sys >> 11) & 7, crn = (sys >> 7) & 15, crm = (sys >> 3) & 15, op2 = sys & 7;
        if (crn != 7) return null;
        return (op1, crm, op2) switch
        {
            (0, 6, 1) => DataMaintenance.InvalidateToPoC,
            (3, 10, 1) => DataMaintenance.CleanToPoC,
            (3, 14, 1) => DataMaintenance.CleanInvalidateToPoC,
            (3, 11, 1) or (3, 12, 1) or (3, 13, 1) => DataMaintenance.CleanToPoU,
            _ => null,
        };
    }
}
