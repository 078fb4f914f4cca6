using System.Reflection;
using System.Reflection.Emit;
using A64Asm.Isa;
using A64Asm.Isa.Decoding;
using A64Asm.Isa.Operands;

namespace A64Asm.Verifier.Emulation;

/// <summary>A translated basic block: runs its instructions and returns the next PC.</summary>
internal delegate ulong BlockFn(Machine m, ulong[] x);

/// <summary>
/// Turns a run of decoded instructions (up to and including a branch) into a DynamicMethod that calls one
/// <see cref="BlockOps"/> operation per instruction with the operands as IL constants. Forms it does not know,
/// SP-relative forms and the stop PC end the block; the interpreter executes those.
/// </summary>
internal static class BlockTranslator
{
    public const int MaxInstructions = 64;

    private readonly record struct Call(MethodInfo Method, object[] Constants, bool EndsBlock);

    public static BlockFn? Translate(Instruction[] decoded, int first, ulong pc, ulong? stopPc, out int length)
    {
        length = 0;
        var calls = new List<Call>();
        ulong at = pc;
        for (int i = first; i < decoded.Length && calls.Count < MaxInstructions; i++, at += 4)
        {
            if (at == stopPc && calls.Count > 0) break;
            if (Map(decoded[i], at) is not { } call) break;
            calls.Add(call);
            if (call.EndsBlock) break;
        }
        if (calls.Count == 0) return null;
        length = calls.Count;
        ulong next = pc + 4 * (ulong)calls.Count;

        var dm = new DynamicMethod($"block_{pc:x}", typeof(ulong), [typeof(Machine), typeof(ulong[])], typeof(Machine).Module, skipVisibility: true);
        var il = dm.GetILGenerator();
        Emit(il, new Call(Op(nameof(BlockOps.Enter)), [pc, calls.Count], false));
        for (int k = 0; k < calls.Count; k++)
        {
            // The last instruction's PC is what a stop after this block reports (the branch to kimage_start).
            if (k == calls.Count - 1) Emit(il, new Call(Op(nameof(BlockOps.Leave)), [pc + 4 * (ulong)k], false));
            Emit(il, calls[k]);
        }
        if (!calls[^1].EndsBlock) il.Emit(OpCodes.Ldc_I8, (long)next);
        il.Emit(OpCodes.Ret);
        return dm.CreateDelegate<BlockFn>();
    }

    private static void Emit(ILGenerator il, Call call)
    {
        int k = 0;
        foreach (var p in call.Method.GetParameters())
        {
            if (p.ParameterType == typeof(Machine)) il.Emit(OpCodes.Ldarg_0);
            else if (p.ParameterType == typeof(ulong[])) il.Emit(OpCodes.Ldarg_1);
            else if (p.ParameterType == typeof(int)) il.Emit(OpCodes.Ldc_I4, Convert.ToInt32(call.Constants[k++]));
            else il.Emit(OpCodes.Ldc_I8, call.Constants[k++] switch { ulong u => (long)u, var o => Convert.ToInt64(o) });
        }
        il.Emit(OpCodes.Call, call.Method);
    }

    private static MethodInfo Op(string name) => typeof(BlockOps).GetMethod(name, BindingFlags.Public | BindingFlags.Static)!;

    private static Call C(string name, params object[] constants) => new(Op(name), constants, false);
    private static Call B(string name, params object[] constants) => new(Op(name), constants, true);

    private static int ShiftKindIndex(ShiftKind s) => s switch { ShiftKind.Lsr => 1, ShiftKind.Asr => 2, ShiftKind.Ror => 3, _ => 0 };

    /// <summary>The operation for one instruction, or null when the interpreter must take it.</summary>
    private static Call? Map(in Instruction i, ulong pc)
    {
        int rd = i.Rd, rn = i.Rn, rm = i.Rm, rt = i.Rt;
        int kind = ShiftKindIndex(i.Shift), amount = i.Amount & 63, mode = (int)i.Mode;
        bool spForm = rd == 31 || rn == 31;
        switch (i.Code)
        {
            case Code.ADD_64_imm when !spForm: return C(nameof(BlockOps.AddImm), rd, rn, i.Imm);
            case Code.SUB_64_imm when !spForm: return C(nameof(BlockOps.SubImm), rd, rn, i.Imm);
            case Code.ADDS_64_imm when rn != 31: return C(nameof(BlockOps.AddsImm), rd, rn, i.Imm);
            case Code.SUBS_64_imm when rn != 31: return C(nameof(BlockOps.SubsImm), rd, rn, i.Imm);
            case Code.AND_64_imm when rd != 31: return C(nameof(BlockOps.AndImm), rd, rn, i.Imm);
            case Code.ORR_64_imm when rd != 31: return C(nameof(BlockOps.OrrImm), rd, rn, i.Imm);
            case Code.EOR_64_imm when rd != 31: return C(nameof(BlockOps.EorImm), rd, rn, i.Imm);
            case Code.ANDS_64_imm: return C(nameof(BlockOps.AndsImm), rd, rn, i.Imm);
            case Code.ADD_64_shift: return C(nameof(BlockOps.AddShift), rd, rn, rm, kind, amount);
            case Code.SUB_64_shift: return C(nameof(BlockOps.SubShift), rd, rn, rm, kind, amount);
            case Code.ADDS_64_shift: return C(nameof(BlockOps.AddsShift), rd, rn, rm, kind, amount);
            case Code.SUBS_64_shift: return C(nameof(BlockOps.SubsShift), rd, rn, rm, kind, amount);
            case Code.AND_64_shift: return C(nameof(BlockOps.AndShift), rd, rn, rm, kind, amount, 0);
            case Code.BIC_64_shift: return C(nameof(BlockOps.AndShift), rd, rn, rm, kind, amount, 1);
            case Code.ORR_64_shift: return C(nameof(BlockOps.OrrShift), rd, rn, rm, kind, amount, 0);
            case Code.ORN_64_shift: return C(nameof(BlockOps.OrrShift), rd, rn, rm, kind, amount, 1);
            case Code.EOR_64_shift: return C(nameof(BlockOps.EorShift), rd, rn, rm, kind, amount, 0);
            case Code.EON_64_shift: return C(nameof(BlockOps.EorShift), rd, rn, rm, kind, amount, 1);
            case Code.ANDS_64_shift: return C(nameof(BlockOps.AndsShift), rd, rn, rm, kind, amount, 0);
            case Code.BICS_64_shift: return C(nameof(BlockOps.AndsShift), rd, rn, rm, kind, amount, 1);
            case Code.MOVZ_64: return C(nameof(BlockOps.Movz), rd, i.Imm & 0xFFFF, (int)i.Amount);
            case Code.MOVN_64: return C(nameof(BlockOps.Movn), rd, i.Imm & 0xFFFF, (int)i.Amount);
            case Code.MOVK_64: return C(nameof(BlockOps.Movk), rd, i.Imm & 0xFFFF, (int)i.Amount);
            case Code.UBFM_64: return C(nameof(BlockOps.Ubfm), rd, rn, (int)i.Imm, (int)i.Imm2);
            case Code.LSLV_64: return C(nameof(BlockOps.Lslv), rd, rn, rm);

            case Code.LDP_64_off: case Code.LDP_64_pre: case Code.LDP_64_post: case Code.LDNP_64:
                return C(nameof(BlockOps.LoadPair), pc, rt, (int)i.Rt2, rn, i.Imm, mode);
            case Code.STP_64_off: case Code.STP_64_pre: case Code.STP_64_post: case Code.STNP_64:
                return C(nameof(BlockOps.StorePair), pc, rt, (int)i.Rt2, rn, i.Imm, mode);
            case Code.LDR_64_uimm: case Code.LDR_64_pre: case Code.LDR_64_post: case Code.LDUR_64_unscaled:
                return C(nameof(BlockOps.Load), pc, rt, rn, i.Imm, mode);
            case Code.STR_64_uimm: case Code.STR_64_pre: case Code.STR_64_post: case Code.STUR_64_unscaled:
                return C(nameof(BlockOps.Store), pc, rt, rn, i.Imm, mode);
            case Code.LDR_64_lit: return C(nameof(BlockOps.LoadLiteral), pc, rt, i.Imm);

            case Code.SYS: return C(nameof(BlockOps.Sys), pc, (int)i.Sys, rt);
            case Code.MRS: return C(nameof(BlockOps.Mrs), pc, (int)i.Sys, rt);
            case Code.DSB: case Code.DMB: case Code.ISB: return C(nameof(BlockOps.Barrier));
            case Code.HINT: return C(nameof(BlockOps.Nop));

            case Code.B: return B(nameof(BlockOps.Branch), pc + (ulong)i.Imm);
            case Code.BL: return B(nameof(BlockOps.BranchLink), pc + (ulong)i.Imm, pc + 4);
            case Code.B_cond: return B(nameof(BlockOps.BCond), (int)i.Cond, pc + (ulong)i.Imm, pc + 4);
            case Code.CBZ_64: return B(nameof(BlockOps.Cbz), rt, 1, pc + (ulong)i.Imm, pc + 4);
            case Code.CBZ_32: return B(nameof(BlockOps.Cbz), rt, 0, pc + (ulong)i.Imm, pc + 4);
            case Code.CBNZ_64: return B(nameof(BlockOps.Cbnz), rt, 1, pc + (ulong)i.Imm, pc + 4);
            case Code.CBNZ_32: return B(nameof(BlockOps.Cbnz), rt, 0, pc + (ulong)i.Imm, pc + 4);
            case Code.TBZ: return B(nameof(BlockOps.Tbz), rt, (int)i.Imm2, pc + (ulong)i.Imm, pc + 4);
            case Code.TBNZ: return B(nameof(BlockOps.Tbnz), rt, (int)i.Imm2, pc + (ulong)i.Imm, pc + 4);
            case Code.BR: case Code.RET: return B(nameof(BlockOps.BranchRegister), rn);
            default: return null;
        }
    }

}
