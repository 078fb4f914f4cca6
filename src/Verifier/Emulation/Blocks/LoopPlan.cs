using A64Asm.Isa.Operands;

namespace A64Asm.Verifier.Emulation;

internal enum LoopStepKind : byte { Load, Store, Add, AddReg, Dc, Barrier }

/// <summary>
/// One step of a <see cref="LoopPlan"/>. Accesses are runs of 8-byte slots at base + offset ([Lo, Hi] the bytes
/// they span); Add is Reg += Imm; AddReg is Reg += (or -=) a shifted register the loop never writes.
/// </summary>
internal readonly record struct LoopStep(LoopStepKind Kind, byte Reg, long Imm = 0, long Lo = 0, long Hi = 0, int First = 0, int Count = 0,
    byte Src = 0, byte Shift = 0, byte Amount = 0, bool Negate = false);

/// <summary>What one iteration's accesses add to the counters: the instructions, and the bytes they move (8 a slot).</summary>
internal struct AccessTally
{
    public int Loads, Stores, BytesLoaded, BytesStored;
}

/// <summary>One 8-byte load or store of a loop access: the register and its offset from the base.</summary>
internal readonly record struct LoopSlot(byte Reg, long Offset);

/// <summary>
/// A self-looping block whose iterations can be run in bulk: every address and the exit test depend only on
/// registers the loop advances by the same amount each iteration (or never writes), never on loaded data. Then
/// how many iterations run before the exit, before the step bound and before an access leaves its frame is
/// known up front, and so is whether any access in that stretch could fault or needs the slow path's bookkeeping
/// (see <c>Machine.RunLoop</c>). Built from the decoded block, so any loop of this shape qualifies.
/// </summary>
internal sealed class LoopPlan
{
    public required LoopStep[] Steps;
    public required LoopSlot[] Slots;
    /// <summary>Registers the loop advances (the exit test's own SUBS update included).</summary>
    public required byte[] Induction;
    /// <summary>Registers the loop loads: written back from the last iteration.</summary>
    public required byte[] Loaded;
    /// <summary>The exit's SUBS writes its first operand (subs xN, xN, ...): an induction update after the body.</summary>
    public bool FlagsUpdate;
    /// <summary>Loads on one base, then stores of exactly the loaded registers on another: a candidate for one block copy.</summary>
    public bool CopyShape;
    public int DcCount, Barriers;
    public AccessTally PerIteration;
    /// <summary>The loop loads or stores (else only its registers move).</summary>
    public bool Accesses;

    public static LoopPlan? For(Block b)
    {
        if (!b.SelfLoop) return null;
        var steps = new List<LoopStep>();
        var slots = new List<LoopSlot>();
        var written = new bool[32];   // by an add (induction)
        var loaded = new bool[32];
        var read = new List<byte>();  // registers the addresses and the exit depend on
        int dc = 0, barriers = 0;
        var tally = new AccessTally();

        void Access(bool load, byte rn, ReadOnlySpan<LoopSlot> s, int instructions)
        {
            if (load) { tally.Loads += instructions; tally.BytesLoaded += 8 * s.Length; }
            else { tally.Stores += instructions; tally.BytesStored += 8 * s.Length; }
            long lo = long.MaxValue, hi = long.MinValue;
            foreach (var x in s) { lo = Math.Min(lo, x.Offset); hi = Math.Max(hi, x.Offset + 7); }
            steps.Add(new LoopStep(load ? LoopStepKind.Load : LoopStepKind.Store, rn, Lo: lo, Hi: hi, First: slots.Count, Count: s.Length));
            slots.AddRange(s.ToArray());
            read.Add(rn);
            if (load) foreach (var x in s) loaded[x.Reg] = true;
        }
        void AddConst(byte r, long imm)
        {
            steps.Add(new LoopStep(LoopStepKind.Add, r, Imm: imm));
            written[r] = true;
        }

        foreach (var op in b.Ops)
        {
            switch (op.Kind)
            {
                case OpKind.LoadPairs or OpKind.StorePairs:
                {
                    var group = new LoopSlot[2 * op.Amount];
                    for (int j = 0; j < op.Amount; j++)
                    {
                        var p = b.Pairs[op.Extra + j];
                        group[2 * j] = new LoopSlot(p.Rt, p.Offset);
                        group[2 * j + 1] = new LoopSlot(p.Rt2, p.Offset + 8);
                    }
                    Access(op.Kind == OpKind.LoadPairs, op.Rn, group, op.Amount);
                    if (op.Rd != 0) AddConst(op.Rn, op.Add);
                    break;
                }
                case OpKind.LoadPair or OpKind.StorePair or OpKind.Load or OpKind.Store:
                {
                    bool load = op.Kind is OpKind.LoadPair or OpKind.Load;
                    bool pair = op.Kind is OpKind.LoadPair or OpKind.StorePair;
                    var mode = (AddrMode)op.Aux;
                    if (op.Rn == 31) return null;
                    // Loads into XZR would clobber the zero the register file keeps; a writeback store of its own
                    // base stores the old value, which the step order here would not.
                    if (load && (op.Rd == 31 || (pair && op.Rm == 31))) return null;
                    if (mode != AddrMode.Offset && (op.Rd == op.Rn || (pair && op.Rm == op.Rn))) return null;
                    var (before, offset, after) = Machine.AddressParts(mode, op.Imm);
                    if (mode == AddrMode.PreIndex) AddConst(op.Rn, before);
                    Access(load, op.Rn, pair ? [new LoopSlot(op.Rd, offset), new LoopSlot(op.Rm, offset + 8)] : [new LoopSlot(op.Rd, offset)], 1);
                    if (mode == AddrMode.PostIndex) AddConst(op.Rn, after);
                    break;
                }
                case OpKind.AddImm or OpKind.SubImm:
                    if (op.Rd != op.Rn) return null;
                    AddConst(op.Rd, op.Kind.Subtracts() ? -op.Imm : op.Imm);
                    break;
                case OpKind.AddShift or OpKind.SubShift:
                    if (op.Rd != op.Rn || op.Rd == 31 || op.Rm == op.Rd) return null;
                    steps.Add(new LoopStep(LoopStepKind.AddReg, op.Rd, Src: op.Rm, Shift: op.Aux, Amount: op.Amount, Negate: op.Kind.Subtracts()));
                    written[op.Rd] = true;
                    read.Add(op.Rm);
                    break;
                case OpKind.DataCacheByVa:
                    steps.Add(new LoopStep(LoopStepKind.Dc, op.Rd));
                    read.Add(op.Rd);
                    dc++;
                    break;
                case OpKind.Barrier: barriers++; break;
                case OpKind.Nop: break;
                default: return null;
            }
        }

        bool flagsUpdate = false;
        switch (b.Exit)
        {
            case BlockExit.SubsImmBCond or BlockExit.SubsShiftBCond:
                read.Add(b.Flags.Rn);
                if (b.Exit == BlockExit.SubsShiftBCond) read.Add(b.Flags.Rm);
                if (b.Flags.Rd == b.Flags.Rn && b.Flags.Rd != 31 && !(b.Exit == BlockExit.SubsShiftBCond && b.Flags.Rm == b.Flags.Rd))
                {
                    flagsUpdate = true;
                    written[b.Flags.Rd] = true;
                }
                else if (b.Flags.Rd != 31) return null;
                break;
            case BlockExit.AndsImmBCond:
                if (b.Flags.Rd != 31) return null;
                read.Add(b.Flags.Rn);
                break;
            case BlockExit.Cbz or BlockExit.Cbnz or BlockExit.Tbz or BlockExit.Tbnz:
                read.Add(b.ExitReg);
                break;
            default: return null;
        }

        // Addresses and the exit must not depend on loaded data, and no register may be both loaded and advanced.
        for (int r = 0; r < 32; r++) if (written[r] && loaded[r]) return null;
        foreach (var r in read) if (loaded[r]) return null;
        foreach (var s in steps)
            if (s.Kind == LoopStepKind.AddReg && written[s.Src]) return null;

        var plan = new LoopPlan
        {
            Steps = steps.ToArray(),
            Slots = slots.ToArray(),
            Induction = Enumerable.Range(0, 31).Where(r => written[r]).Select(r => (byte)r).ToArray(),
            Loaded = Enumerable.Range(0, 31).Where(r => loaded[r]).Select(r => (byte)r).ToArray(),
            FlagsUpdate = flagsUpdate,
            DcCount = dc,
            Barriers = barriers,
            PerIteration = tally,
            Accesses = slots.Count > 0,
        };
        plan.CopyShape = IsCopyShape(plan);
        return plan;
    }

    /// <summary>
    /// Every load on one base register comes before every store on another, and the stores write each loaded
    /// register exactly once, each loaded exactly once: then, when the ranges do not overlap at run time, the
    /// iterations are one block copy.
    /// </summary>
    private static bool IsCopyShape(LoopPlan plan)
    {
        int src = -1, dst = -1;
        bool storing = false;
        var loads = new Dictionary<byte, int>();
        var stores = new Dictionary<byte, int>();
        foreach (var s in plan.Steps)
        {
            if (s.Kind is LoopStepKind.Dc or LoopStepKind.AddReg) return false;
            if (s.Kind is not (LoopStepKind.Load or LoopStepKind.Store)) continue;
            bool load = s.Kind == LoopStepKind.Load;
            if (load && storing) return false;
            storing |= !load;
            ref int bse = ref load ? ref src : ref dst;
            if (bse >= 0 && bse != s.Reg) return false;
            bse = s.Reg;
            var seen = load ? loads : stores;
            for (int j = s.First; j < s.First + s.Count; j++)
                if (!seen.TryAdd(plan.Slots[j].Reg, 1)) return false;
        }
        return src >= 0 && dst >= 0 && src != dst && loads.Count == stores.Count && loads.Keys.All(stores.ContainsKey);
    }
}
