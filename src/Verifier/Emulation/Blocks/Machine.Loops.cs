using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using A64Asm.Isa.Operands;

namespace A64Asm.Verifier.Emulation;

/// <summary>
/// Whole iterations of a <see cref="LoopPlan"/> loop at once. The stretch is bounded so that the per-instruction
/// path would do nothing in it besides moving data and counting: every access stays in one mapped frame and is
/// aligned where alignment is enforced (no fault), stores go only to frames that are not decoded code, with no
/// cache model, and that are already written or may be (no re-decode, cache-model event or stray store to
/// record), the step bound is not crossed, and the exit is taken only at the last iteration, if at all. Anything
/// not proven runs the normal way, which then faults or records exactly where it always did.
/// </summary>
public sealed unsafe partial class Machine
{
    private const int MaxLoopSteps = 32;

    /// <summary>Iterations run in bulk so far (tests check that the loops they mean to cover took this path).</summary>
    internal long BulkIterations;

    /// <summary>Runs n ≥ 1 whole iterations of <paramref name="b"/> in bulk, or returns 0 having changed nothing.</summary>
    [MethodImpl(Hot), SkipLocalsInit]
    private long RunLoop(Block b, LoopPlan plan, long end, out bool exited)
    {
        exited = false;
        var steps = plan.Steps;
        // Bulk iterations find frames by address: under a kernel map addresses are virtual, so step instead.
        // Big-endian data: values would need swapping on the way; step instead.
        if (steps.Length > MaxLoopSteps || KernelMap is not null || _bigEndianData) return 0;
        ref ulong x = ref MemoryMarshal.GetArrayDataReference(Cpu.X);

        // One iteration on the side: each step's base value in this iteration, each Add step's amount, and
        // (from the difference) how far every register moves per iteration.
        ulong* t = stackalloc ulong[32];
        ulong* at = stackalloc ulong[MaxLoopSteps];
        for (int r = 0; r < 32; r++) t[r] = Unsafe.Add(ref x, r);
        for (int k = 0; k < steps.Length; k++)
        {
            ref readonly LoopStep s = ref steps[k];
            switch (s.Kind)
            {
                case LoopStepKind.Add: at[k] = (ulong)s.Imm; t[s.Reg] += at[k]; break;
                case LoopStepKind.AddReg:
                {
                    ulong v = Alu.ShiftOperand(t[s.Src], s.Shift, s.Amount, true);
                    at[k] = s.Negate ? 0 - v : v;
                    t[s.Reg] += at[k];
                    break;
                }
                default: at[k] = t[s.Reg]; break;
            }
        }
        ref readonly Op f = ref b.Flags;
        ulong flagRn = t[f.Rn], flagRm = t[f.Rm];   // the exit test's operands in the first iteration
        ulong flagsStep = 0;
        if (plan.FlagsUpdate)
        {
            flagsStep = b.Exit == BlockExit.SubsImmBCond ? 0 - (ulong)f.Imm : 0 - Alu.ShiftOperand(t[f.Rm], f.Aux, f.Amount, true);
            t[f.Rd] += flagsStep;
        }

        long n = (end - Counters.Instructions) / b.Count;
        if (n <= 0) return 0;
        int* frame = stackalloc int[MaxLoopSteps];
        ulong maintained = _maintainedFrame;
        for (int k = 0; k < steps.Length && n > 0; k++)
        {
            ref readonly LoopStep s = ref steps[k];
            if (s.Kind is LoopStepKind.Add or LoopStepKind.AddReg or LoopStepKind.Barrier) continue;
            long stride = (long)(t[s.Reg] - Unsafe.Add(ref x, s.Reg));
            ulong lo = at[k] + (ulong)s.Lo, hi = at[k] + (ulong)s.Hi;
            if (lo > hi || (lo >> PhysicalMemory.FrameShift) != (hi >> PhysicalMemory.FrameShift)) return 0;
            n = Math.Min(n, IterationsInFrame(lo, hi, stride));
            if (s.Kind == LoopStepKind.Dc)
            {
                // Without a cache model, DC by VA to a mapped frame only counts (the frame is remembered as mapped).
                if (DataCache is not null) return 0;
                if ((lo >> PhysicalMemory.FrameShift) != maintained && !Memory.IsMapped(lo)) return 0;
                maintained = lo >> PhysicalMemory.FrameShift;
                continue;
            }
            int idx = Memory.FrameIndexOf(lo);
            if (idx == 0 || !Aligned(plan, s, at[k], stride)) return 0;
            // A store here must leave nothing for the slow path to do beyond marking the frame written and its lines
            // stale: no cache model to tell, no decoded code to refresh, no stray store to record first.
            if (s.Kind == LoopStepKind.Store && (DataCache is not null || _decodedFrames.ContainsKey(idx)
                || !(Memory.WasWritten(idx) || Memory.Role(idx) is FrameRole.Destination or FrameRole.Ram))) return 0;
            frame[k] = idx;
        }
        if (n <= 0) return 0;
        n = IterationsToExit(b, ref x, t, n, flagRn, flagRm, out exited, out uint nzcv);

        if (plan.Accesses && !(plan.CopyShape && TryCopy(plan, ref x, t, at, frame, n)))
        {
            byte** host = stackalloc byte*[MaxLoopSteps];
            if (!Resolve(plan, at, frame, host)) return 0;
            Iterate(plan, ref x, at, host, frame, n, plan.FlagsUpdate ? f.Rd : 31, flagsStep);
        }
        else if (!plan.Accesses) Advance(plan, ref x, t, n);
        _maintainedFrame = maintained;
        if (b.Exit is BlockExit.SubsImmBCond or BlockExit.SubsShiftBCond or BlockExit.AndsImmBCond) Cpu.Nzcv = nzcv;

        Counters.Instructions += n * b.Count;
        ref readonly AccessTally per = ref plan.PerIteration;
        CountAccesses(true, n * per.Loads, n * per.BytesLoaded);
        CountAccesses(false, n * per.Stores, n * per.BytesStored);
        Counters.CacheMaintenance += n * plan.DcCount;
        Counters.Barriers += n * plan.Barriers;
        BulkIterations += n;
        return n;
    }

    /// <summary>A loop without loads or stores only moves its induction registers.</summary>
    private static void Advance(LoopPlan plan, ref ulong x, ulong* t, long n)
    {
        foreach (var r in plan.Induction) Unsafe.Add(ref x, r) += (ulong)n * (t[r] - Unsafe.Add(ref x, r));
    }

    /// <summary>How many iterations keep [lo, hi] (moving by stride each) inside the frame it starts in.</summary>
    private static long IterationsInFrame(ulong lo, ulong hi, long stride)
    {
        if (stride == 0) return long.MaxValue;
        if (stride >= PhysicalMemory.FrameSize || stride <= -PhysicalMemory.FrameSize) return 1;
        ulong first = lo & ~Offset, last = first + Offset;
        return stride > 0 ? (long)((last - hi) / (ulong)stride) + 1 : (long)((lo - first) / (ulong)(-stride)) + 1;
    }

    /// <summary>Where alignment is enforced, only a stretch in which every 8-byte slot is aligned runs in bulk.</summary>
    private bool Aligned(LoopPlan plan, in LoopStep s, ulong bse, long stride)
    {
        if (!_strictAlignment) return true;
        ulong bits = bse | (ulong)stride;
        for (int j = s.First; j < s.First + s.Count; j++) bits |= (ulong)plan.Slots[j].Offset;
        return (bits & 7) == 0;
    }

    /// <summary>
    /// Up to <paramref name="limit"/> iterations, stopping at the first whose exit is not taken; the flags that
    /// test leaves. The operands of iteration i are affine in i, so this steps them without touching memory; the
    /// usual conditions (equality, unsigned order: <see cref="UnsignedConditions"/>, a TST for zero) compare directly
    /// and make the flags once.
    /// </summary>
    private long IterationsToExit(Block b, ref ulong x, ulong* t, long limit, ulong rn, ulong rm, out bool exited, out uint nzcv)
    {
        ref readonly Op f = ref b.Flags;
        ulong rnStep = t[f.Rn] - Unsafe.Add(ref x, f.Rn), rmStep = t[f.Rm] - Unsafe.Add(ref x, f.Rm);
        nzcv = 0;
        long i = 1;
        var cond = b.ExitBranch.Cond;
        switch (b.Exit)
        {
            case BlockExit.AndsImmBCond when cond is Cond.Ne or Cond.Eq:
            {
                ulong m = (ulong)f.Imm;
                i = UnsignedConditions.Search(cond, ref rn, m, 0, rnStep, i, limit);
                nzcv = Alu.LogicFlags64(rn & m);
                break;
            }
            case BlockExit.SubsImmBCond or BlockExit.SubsShiftBCond when UnsignedConditions.Covers(cond):
            {
                bool imm = b.Exit == BlockExit.SubsImmBCond;
                ulong op2 = imm ? (ulong)f.Imm : Alu.ShiftOperand(rm, f.Aux, f.Amount, true);
                if (imm || rmStep == 0) i = UnsignedConditions.Search(cond, ref rn, ulong.MaxValue, op2, rnStep, i, limit);
                else
                {
                    while (i < limit && Alu.ConditionHolds((int)cond, Flags(rn, op2)))
                    {
                        rn += rnStep; rm += rmStep; i++;
                        op2 = Alu.ShiftOperand(rm, f.Aux, f.Amount, true);
                    }
                }
                nzcv = Flags(rn, op2);
                break;
            }
            default:
                return IterationsToExitGeneral(b, limit, rn, rm, rnStep, rmStep, t[b.ExitReg], t[b.ExitReg] - Unsafe.Add(ref x, b.ExitReg), out exited, out nzcv);
        }
        exited = !Taken(b.ExitBranch, 0, nzcv);
        return i;
    }

    /// <summary>The flags of SUBS/CMP, which the exit tests.</summary>
    private static uint Flags(ulong rn, ulong op2)
    {
        Alu.AddSub(rn, op2, true, sub: true, out uint nzcv);
        return nzcv;
    }

    private static long IterationsToExitGeneral(Block b, long limit, ulong rn, ulong rm, ulong rnStep, ulong rmStep, ulong reg, ulong regStep,
        out bool exited, out uint nzcv)
    {
        ref readonly Op f = ref b.Flags;
        exited = false;
        nzcv = 0;
        for (long i = 1; i <= limit; i++)
        {
            switch (b.Exit)
            {
                case BlockExit.SubsImmBCond: nzcv = Flags(rn, (ulong)f.Imm); break;
                case BlockExit.SubsShiftBCond: nzcv = Flags(rn, Alu.ShiftOperand(rm, f.Aux, f.Amount, true)); break;
                case BlockExit.AndsImmBCond: nzcv = Alu.LogicFlags64(rn & (ulong)f.Imm); break;
            }
            if (!Taken(b.ExitBranch, reg, nzcv)) { exited = true; return i; }
            if (i == limit) break;
            rn += rnStep;
            rm += rmStep;
            reg += regStep;
        }
        return limit;
    }

    /// <summary>
    /// The host address of each access's base in the first iteration, materializing frames as their first touch
    /// would; false when materializing one pushed another out of its ring (then the normal path runs instead).
    /// </summary>
    private bool Resolve(LoopPlan plan, ulong* at, int* frame, byte** host)
    {
        var steps = plan.Steps;
        for (int k = 0; k < steps.Length; k++)
            if (steps[k].Kind is LoopStepKind.Load or LoopStepKind.Store) Memory.FramePointer(frame[k]);
        for (int k = 0; k < steps.Length; k++)
        {
            ref readonly LoopStep s = ref steps[k];
            if (s.Kind is not (LoopStepKind.Load or LoopStepKind.Store)) continue;
            byte* p = Memory.PointerIfMaterialized(frame[k]);
            if (p == null) return false;
            host[k] = p + ((at[k] + (ulong)s.Lo) & Offset) - s.Lo;
        }
        for (int k = 0; k < steps.Length; k++)
            if (steps[k].Kind == LoopStepKind.Store) Memory.MarkWritten(frame[k]);
        if (_istale.Length <= Memory.FrameCount) _istale = Memory.IStaleArray;
        return true;
    }

    /// <summary>The general bulk path: the iterations one after another, on host pointers resolved once.</summary>
    [SkipLocalsInit]
    private void Iterate(LoopPlan plan, ref ulong x, ulong* at, byte** host, int* frame, long n, int flagsReg, ulong flagsStep)
    {
        var steps = plan.Steps;
        var slots = plan.Slots;
        ulong* r = stackalloc ulong[32];
        for (int k = 0; k < 32; k++) r[k] = Unsafe.Add(ref x, k);
        ulong* lines = stackalloc ulong[MaxLoopSteps];
        for (int k = 0; k < steps.Length; k++) lines[k] = 0;
        for (long i = 0; i < n; i++)
        {
            for (int k = 0; k < steps.Length; k++)
            {
                ref readonly LoopStep s = ref steps[k];
                switch (s.Kind)
                {
                    case LoopStepKind.Load:
                    {
                        byte* p = host[k] + (long)(r[s.Reg] - at[k]);
                        for (int j = s.First; j < s.First + s.Count; j++) r[slots[j].Reg] = *(ulong*)(p + slots[j].Offset);
                        break;
                    }
                    case LoopStepKind.Store:
                    {
                        ulong a = r[s.Reg];
                        byte* p = host[k] + (long)(a - at[k]);
                        for (int j = s.First; j < s.First + s.Count; j++)
                        {
                            *(ulong*)(p + slots[j].Offset) = r[slots[j].Reg];
                            lines[k] |= LineBit(a + (ulong)slots[j].Offset);
                        }
                        break;
                    }
                    case LoopStepKind.Add: r[s.Reg] += at[k]; break;
                    case LoopStepKind.AddReg: r[s.Reg] += at[k]; break;
                }
            }
            r[flagsReg] += flagsStep;   // r[31] is scratch here: it is not written back
        }
        for (int k = 0; k < steps.Length; k++)
            if (steps[k].Kind == LoopStepKind.Store) _istale[frame[k]] |= lines[k];
        for (int k = 0; k < 31; k++) Unsafe.Add(ref x, k) = r[k];
    }

    /// <summary>
    /// The copy shape as one block copy, when at run time the loads tile a block the size of the per-iteration
    /// advance, the stores put each register at one fixed distance from where it was loaded, both sides stay in
    /// one frame each and the two ranges do not overlap (so every load sees memory as it was before the loop).
    /// A whole frame copied from an untouched stream frame only takes on its stream.
    /// </summary>
    [SkipLocalsInit]
    private bool TryCopy(LoopPlan plan, ref ulong x, ulong* t, ulong* at, int* frame, long n)
    {
        var steps = plan.Steps;
        var slots = plan.Slots;
        int m = plan.Loaded.Length;
        if (m > 64) return false;
        ulong* from = stackalloc ulong[32];
        ulong srcMin = ulong.MaxValue, delta = 0;
        int srcStep = -1, dstStep = -1;
        bool first = true;
        for (int k = 0; k < steps.Length; k++)
        {
            ref readonly LoopStep s = ref steps[k];
            if (s.Kind is not (LoopStepKind.Load or LoopStepKind.Store)) continue;
            bool load = s.Kind == LoopStepKind.Load;
            ref int side = ref load ? ref srcStep : ref dstStep;
            if (side >= 0 && frame[side] != frame[k]) return false;
            side = k;
            for (int j = s.First; j < s.First + s.Count; j++)
            {
                ulong a = at[k] + (ulong)slots[j].Offset;
                if (load) { from[slots[j].Reg] = a; srcMin = Math.Min(srcMin, a); }
                else if (first) { delta = a - from[slots[j].Reg]; first = false; }
                else if (a - from[slots[j].Reg] != delta) return false;
            }
        }
        byte srcReg = steps[srcStep].Reg, dstReg = steps[dstStep].Reg;
        ulong block = 8 * (ulong)m;
        if (t[srcReg] - Unsafe.Add(ref x, srcReg) != block || t[dstReg] - Unsafe.Add(ref x, dstReg) != block) return false;
        ulong tiles = 0;
        foreach (var r in plan.Loaded)
        {
            ulong d = from[r] - srcMin;
            if (d >= block || (d & 7) != 0) return false;
            tiles |= 1UL << (int)(d >> 3);
        }
        if (tiles != (m == 64 ? ulong.MaxValue : (1UL << m) - 1)) return false;
        ulong bytes = (ulong)n * block, dstMin = srcMin + delta;
        int si = frame[srcStep], di = frame[dstStep];
        if (si == di && (dstMin - srcMin < bytes || srcMin - dstMin < bytes)) return false;

        if (bytes == PhysicalMemory.FrameSize && (srcMin & Offset) == 0 && (dstMin & Offset) == 0 && Memory.TryShareStream(di, si))
        {
            var lanes = Memory.StreamLanes(si);
            foreach (var r in plan.Loaded) Unsafe.Add(ref x, r) = Xorshift.WordAt(lanes, (int)(from[r] - srcMin + bytes - block));
        }
        else
        {
            Memory.FramePointer(si);
            Memory.FramePointer(di);
            byte* sp = Memory.PointerIfMaterialized(si), dp = Memory.PointerIfMaterialized(di);
            if (sp == null || dp == null) return false;
            byte* src = sp + (srcMin & Offset);
            Buffer.MemoryCopy(src, dp + (dstMin & Offset), (long)bytes, (long)bytes);
            foreach (var r in plan.Loaded) Unsafe.Add(ref x, r) = *(ulong*)(src + (from[r] - srcMin) + bytes - block);
        }
        Memory.MarkWritten(di);
        if (_istale.Length <= Memory.FrameCount) _istale = Memory.IStaleArray;
        _istale[di] |= LineRange(dstMin, dstMin + bytes - 1);
        foreach (var r in plan.Induction) Unsafe.Add(ref x, r) += (ulong)n * (t[r] - Unsafe.Add(ref x, r));
        return true;
    }
}
