using System.Runtime.CompilerServices;
using A64Asm.Isa.Operands;
using A64Asm.Verifier.Caches;

namespace A64Asm.Verifier.Emulation;

/// <summary>
/// The pre-decoded block executor: the fast path that needs no dynamic code, so the Native AOT CLI runs it too.
/// Every op runs the interpreter's own definition of its instruction (AddSub, Logical, LoadPair, Branch, ... with the
/// operands extracted once); what changes is the bookkeeping: the instruction count added per block, blocks in one frame chained
/// (a loop that is one block never returns to the dispatcher, and runs whole iterations at once when its
/// <see cref="LoopPlan"/> allows: Machine.Loops.cs), and a pair group's accesses checked as one range. A block
/// runs only when all of it fits under the step bound, so the bound stops where it always did.
/// </summary>
public sealed unsafe partial class Machine
{
    // The block being executed, for exact counters when one of its instructions faults.
    private Block? _block;
    // Bumped whenever a store rewrites decoded code, so a block that did it stops before its stale next instruction.
    private long _codeVersion;

    // The hot methods skip tiered compilation: at tier 0 the first gigabyte ran several times slower.
    private const MethodImplOptions Hot = MethodImplOptions.AggressiveOptimization;

    /// <summary>Runs <paramref name="block"/> and the blocks it chains to; returns the next PC for the dispatcher.</summary>
    [MethodImpl(Hot)]
    private ulong RunBlocks(Block block, FrameCode code, ulong frameBase, long end, ulong stop)
    {
        var b = block;
        while (true)
        {
            _block = b;
            ulong next = Execute(b, end, out bool cut);
            _block = null;
            if (cut) return next;
            _pc = b.LastPc;
            if (next == stop) return next;
            Block? n = next == b.Start ? b : b.Link0?.Start == next ? b.Link0 : b.Link1?.Start == next ? b.Link1 : null;
            if (n is null)
            {
                if ((next & ~(ulong)Offset) != frameBase || (next & 3) != 0) return next;
                int index = (int)((next & Offset) >> 2);
                n = code.Fast[index];
                if (n is null)
                {
                    if (code.NoFast[index]) return next;
                    n = code.Fast[index] = BlockBuilder.Build(code.Decoded, index, next, stop);
                    code.NoFast[index] = n is null;
                    if (n is null) return next;
                }
                if (b.Link0 is null) b.Link0 = n; else b.Link1 = n;
            }
            if (n.Dead || Counters.Instructions + n.Count > end) return next;
            b = n;
        }
    }

    /// <summary>
    /// The instruction count of a block cut short at instruction <paramref name="index"/>, which faulted or rewrote
    /// code: it and those before it ran (their accesses counted themselves, a faulting one not).
    /// </summary>
    private void CountPartial(Block b, int index) => Counters.Instructions += index + 1;

    /// <summary>After a fault inside a block: count what ran, up to and including the faulting instruction at _pc.</summary>
    private void CountFaultedBlock()
    {
        if (_block is not { } b) return;
        CountPartial(b, (int)((_pc - b.Start) / 4));
        _block = null;
    }

    /// <summary>Runs the block once, or while it branches back to itself and the next iteration fits under <paramref name="end"/>.</summary>
    [MethodImpl(Hot)]
    private ulong Execute(Block b, long end, out bool cut)
    {
        var ops = b.Ops;
        long version = _codeVersion;
        bool selfLoop = b.SelfLoop;
        var plan = b.Loop;
        cut = false;
        // The bulk path is tried again only after a normal iteration, which resolves whatever stopped it last time.
        bool bulk = plan is not null;
    again:
        if (bulk)
        {
            bulk = false;
            if (RunLoop(b, plan!, end, out bool exited) > 0)
            {
                if (exited) return b.Next;
                if (Counters.Instructions + b.Count <= end) goto again;
                return b.Target;
            }
        }
        for (int k = 0; k < ops.Length; k++)
        {
            ref Op op = ref ops[k];
            switch (op.Kind)
            {
                case OpKind.LoadPairs:
                    LoadPairs(b, op);
                    if (op.Rd != 0) AddSub(op.Rn, op.Rn, (ulong)op.Add, true, false, false, true);
                    break;
                case OpKind.StorePairs:
                    if (!StorePairs(b, op, version, out int done)) { cut = true; CountPartial(b, (int)((op.Pc - b.Start) / 4) + done); return op.Pc + 4 * (ulong)(done + 1); }
                    if (op.Rd != 0) AddSub(op.Rn, op.Rn, (ulong)op.Add, true, false, false, true);
                    break;
                case OpKind.LoadPair: _pc = op.Pc; LoadPair(op.Rd, op.Rm, op.Rn, op.Imm, (AddrMode)op.Aux, 8, false); break;
                case OpKind.StorePair:
                    _pc = op.Pc;
                    StorePair(op.Rd, op.Rm, op.Rn, op.Imm, (AddrMode)op.Aux, 8);
                    if (_codeVersion != version) return Cut(b, op, out cut);
                    break;
                case OpKind.Load: _pc = op.Pc; LoadInt(op.Rd, ImmAddress(op.Rn, op.Imm, (AddrMode)op.Aux), 8, false, true); break;
                case OpKind.Store:
                    _pc = op.Pc;
                    StoreImm(op.Rd, op.Rn, op.Imm, (AddrMode)op.Aux, 8);
                    if (_codeVersion != version) return Cut(b, op, out cut);
                    break;
                case OpKind.LoadLiteral: _pc = op.Pc; LoadInt(op.Rd, op.Pc + (ulong)op.Imm, 8, false, true); break;

                case OpKind.DataCacheByVa: _pc = op.Pc; MaintainDataCache((DataMaintenance)op.Aux, Cpu.Xzr(op.Rd)); break;
                case OpKind.Sys: _pc = op.Pc; Sys((ushort)op.Imm, op.Rd); break;
                case OpKind.Mrs: _pc = op.Pc; Mrs((ushort)op.Imm, op.Rd); break;
                case OpKind.Barrier: Barrier(); break;
                case OpKind.Nop: break;
                case OpKind.Interp:
                    _pc = op.Pc;
                    Execute(ref b.Interp[op.Extra], op.Pc);
                    if (_codeVersion != version) return Cut(b, op, out cut);
                    break;
                default: Compute(op); break;
            }
        }
        Counters.Instructions += b.Count;
        if (b.Exit == BlockExit.Fallthrough) return b.Next;
        if (b.Exit is BlockExit.SubsImmBCond or BlockExit.SubsShiftBCond or BlockExit.AndsImmBCond) Compute(b.Flags);
        ulong next = Branch(b.ExitBranch, b.LastPc);
        if (selfLoop && next == b.Start && Counters.Instructions + b.Count <= end)
        {
            bulk = plan is not null;
            goto again;
        }
        return next;
    }

    /// <summary>
    /// The register-only ops: each family runs the interpreter's definition of its 64-bit forms, with what the
    /// kind says (subtract, set flags, which logical operation) read from <see cref="OpKinds"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Compute(in Op op)
    {
        var k = op.Kind;
        switch (k)
        {
            case OpKind.AddImm or OpKind.SubImm or OpKind.AddsImm or OpKind.SubsImm:
                AddSub(op.Rd, op.Rn, (ulong)op.Imm, true, k.Subtracts(), k.SetsFlags(), spForm: true);
                break;
            case OpKind.AddShift or OpKind.SubShift or OpKind.AddsShift or OpKind.SubsShift:
                AddSub(op.Rd, op.Rn, ShiftedRm(op.Rm, op.Aux, op.Amount, true), true, k.Subtracts(), k.SetsFlags(), spForm: false);
                break;
            // AND/ORR/EOR (immediate) may write SP; ANDS may not.
            case OpKind.AndImm or OpKind.OrrImm or OpKind.EorImm or OpKind.AndsImm:
                Logical(op.Rd, op.Rn, (ulong)op.Imm, true, k.Logic(), false, k.SetsFlags(), rdIsSp: !k.SetsFlags());
                break;
            case OpKind.AndShift or OpKind.OrrShift or OpKind.EorShift or OpKind.AndsShift:
                Logical(op.Rd, op.Rn, ShiftedRm(op.Rm, op.Aux, op.Amount, true), true, k.Logic(), op.Invert != 0, k.SetsFlags(), rdIsSp: false);
                break;
            case OpKind.Movz or OpKind.Movn or OpKind.Movk: MoveWideImm(op.Rd, op.Imm, op.Amount, true, k.MoveWideKind()); break;
            case OpKind.Ubfm: BitfieldMove(op.Rd, op.Rn, (int)op.Imm, (int)op.Imm2, true, false, true); break;
            case OpKind.Lslv: ShiftVariable(op.Rd, op.Rn, op.Rm, true, 0); break;
            default: NoDefinition(k); break;
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void NoDefinition(OpKind kind) => throw new InvalidOperationException($"the block runner has no definition for {kind}");

    /// <summary>The instruction at op.Pc rewrote code: the block ends after it, and the dispatcher fetches what is there now.</summary>
    private ulong Cut(Block b, in Op op, out bool cut)
    {
        cut = true;
        CountPartial(b, (int)((op.Pc - b.Start) / 4));
        return op.Pc + 4;
    }

    /// <summary>
    /// The TLB slot that covers a whole pair group's range [Imm, Imm2] from <paramref name="bse"/>, or -1: then, or
    /// when alignment is enforced and the base is not aligned, or data is big-endian, the pairs run one by one.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int GroupSlot(ulong[] tags, ulong bse, in Op op)
    {
        if ((_strictAlignment && (bse & 7) != 0) || _bigEndianData) return -1;
        return TlbHit(tags, bse + (ulong)op.Imm, (int)(op.Imm2 - op.Imm + 1));
    }

    /// <summary>
    /// A group of LDPs: when the whole range lies in one frame the read TLB holds (and alignment holds), no access
    /// can fault, so they run straight from the frame; otherwise pair by pair, each the interpreter's LDP at its own PC.
    /// </summary>
    [MethodImpl(Hot)]
    private void LoadPairs(Block b, in Op op)
    {
        var pairs = b.Pairs.AsSpan(op.Extra, op.Amount);
        ulong bse = Cpu.Xzr(op.Rn);
        int slot = GroupSlot(_readTag, bse, op);
        if (slot >= 0)
        {
            byte* frame = (byte*)_readPtr[slot];
            foreach (var p in pairs)
            {
                byte* at = frame + ((bse + (ulong)p.Offset) & Offset);
                Cpu.SetXzr(p.Rt, *(ulong*)at);
                Cpu.SetXzr(p.Rt2, *(ulong*)(at + 8));
            }
            CountAccesses(true, pairs.Length, 16 * pairs.Length);
            return;
        }
        for (int j = 0; j < pairs.Length; j++)
        {
            _pc = op.Pc + 4 * (ulong)j;
            LoadPair(pairs[j].Rt, pairs[j].Rt2, op.Rn, pairs[j].Offset, AddrMode.Offset, 8, false);
        }
    }

    /// <summary>The lines the 8-byte stores of a tiled group start in: every line from lo to the last store at hi - 7.</summary>
    private static ulong LineRange(ulong lo, ulong hi) => LineBits(lo, hi - 7);

    private static ulong LinesOf(ulong bse, ReadOnlySpan<MemPair> pairs)
    {
        ulong lines = 0;
        foreach (var p in pairs)
        {
            ulong a = bse + (ulong)p.Offset;
            lines |= LineBit(a) | LineBit(a + 8);
        }
        return lines;
    }

    /// <summary>
    /// A group of STPs, on the same terms as <see cref="LoadPairs"/>; the I-cache staleness bits are those each
    /// 8-byte store would set. Returns false when a store rewrote code: <paramref name="done"/> is the pair that did.
    /// </summary>
    [MethodImpl(Hot)]
    private bool StorePairs(Block b, in Op op, long version, out int done)
    {
        var pairs = b.Pairs.AsSpan(op.Extra, op.Amount);
        ulong bse = Cpu.Xzr(op.Rn);
        int slot = GroupSlot(_writeTag, bse, op);
        done = 0;
        if (slot >= 0)
        {
            byte* frame = (byte*)_writePtr[slot];
            foreach (var p in pairs)
            {
                byte* at = frame + ((bse + (ulong)p.Offset) & Offset);
                *(ulong*)at = Cpu.Xzr(p.Rt);
                *(ulong*)(at + 8) = Cpu.Xzr(p.Rt2);
            }
            _istale[_writeFrame[slot]] |= op.Invert != 0 ? LineRange(bse + (ulong)op.Imm, bse + (ulong)op.Imm2) : LinesOf(bse, pairs);
            CountAccesses(false, pairs.Length, 16 * pairs.Length);
            return true;
        }
        for (int j = 0; j < pairs.Length; j++)
        {
            _pc = op.Pc + 4 * (ulong)j;
            StorePair(pairs[j].Rt, pairs[j].Rt2, op.Rn, pairs[j].Offset, AddrMode.Offset, 8);
            if (_codeVersion != version) { done = j; return false; }
        }
        return true;
    }
}
