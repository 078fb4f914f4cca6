using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using A64Asm.Isa.Operands;
using A64Asm.Verifier.Caches;

namespace A64Asm.Verifier.Emulation;

/// <summary>
/// The pre-decoded block executor: the fast path that needs no dynamic code, so the Native AOT CLI runs it too.
/// Semantics are the interpreter's instruction for instruction (Alu, the TLB, the slow paths that fault); what
/// changes is the bookkeeping: operands pre-extracted, counters added per block, blocks in one frame chained
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
    /// Counters for a block cut short at instruction <paramref name="index"/>, which faulted (its access does not
    /// count) or <paramref name="ran"/> (a store that rewrote code: its access counts).
    /// </summary>
    private void CountPartial(Block b, int index, bool ran = false)
    {
        ref readonly Tally t = ref b.Prefix[ran ? index + 1 : index];
        Counters.Instructions += index + 1;
        Counters.Loads += t.Loads;
        Counters.Stores += t.Stores;
        Counters.BytesLoaded += t.BytesLoaded;
        Counters.BytesStored += t.BytesStored;
    }

    /// <summary>After a fault inside a block: count what ran, up to and including the faulting instruction at _pc.</summary>
    private void CountFaultedBlock()
    {
        if (_block is not { } b) return;
        CountPartial(b, (int)((_pc - b.Start) / 4));
        _block = null;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Set(ref ulong x, int r, ulong v) { if (r != 31) Unsafe.Add(ref x, r) = v; }

    /// <summary>The tail of a flag-setting compare fused into its b.cond: flags and result written, branch decided.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool FusedCompare(ref ulong x, int rd, ulong result, uint flags, int cond)
    {
        Cpu.Nzcv = flags;
        Set(ref x, rd, result);
        return Holds(cond, flags);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ulong Base(ref ulong x, int rn) => rn == 31 ? Cpu.Sp : Unsafe.Add(ref x, rn);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ulong Address(ref ulong x, in Op op)
    {
        ulong b = Base(ref x, op.Rn);
        if (op.Aux == (byte)AddrMode.Offset) return b + (ulong)op.Imm;
        ulong updated = b + (ulong)op.Imm;
        if (op.Rn == 31) Cpu.Sp = updated; else Unsafe.Add(ref x, op.Rn) = updated;
        return op.Aux == (byte)AddrMode.PreIndex ? updated : b;
    }

    // Per condition, a bit per NZCV value saying whether it holds: one lookup instead of a switch per branch.
    private static readonly ushort[] ConditionMask = Enumerable.Range(0, 16)
        .Select(c => (ushort)Enumerable.Range(0, 16).Sum(f => Alu.ConditionHolds(c, (uint)f << 28) ? 1 << f : 0)).ToArray();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Holds(int cond, uint nzcv) => ((ConditionMask[cond] >> (int)(nzcv >> 28)) & 1) != 0;

    /// <summary>Runs the block once, or while it branches back to itself and the next iteration fits under <paramref name="end"/>.</summary>
    [MethodImpl(Hot)]
    private ulong Execute(Block b, long end, out bool cut)
    {
        ref ulong x = ref MemoryMarshal.GetArrayDataReference(Cpu.X);
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
                case OpKind.AddImm: Unsafe.Add(ref x, op.Rd) = Unsafe.Add(ref x, op.Rn) + (ulong)op.Imm; break;
                case OpKind.SubImm: Unsafe.Add(ref x, op.Rd) = Unsafe.Add(ref x, op.Rn) - (ulong)op.Imm; break;
                case OpKind.AddsImm: { ulong r = Alu.Add64(Unsafe.Add(ref x, op.Rn), (ulong)op.Imm, 0, out uint f); Cpu.Nzcv = f; Set(ref x, op.Rd, r); break; }
                case OpKind.SubsImm: { ulong r = Alu.Add64(Unsafe.Add(ref x, op.Rn), ~(ulong)op.Imm, 1, out uint f); Cpu.Nzcv = f; Set(ref x, op.Rd, r); break; }
                case OpKind.AndImm: Unsafe.Add(ref x, op.Rd) = Unsafe.Add(ref x, op.Rn) & (ulong)op.Imm; break;
                case OpKind.OrrImm: Unsafe.Add(ref x, op.Rd) = Unsafe.Add(ref x, op.Rn) | (ulong)op.Imm; break;
                case OpKind.EorImm: Unsafe.Add(ref x, op.Rd) = Unsafe.Add(ref x, op.Rn) ^ (ulong)op.Imm; break;
                case OpKind.AndsImm: { ulong r = Unsafe.Add(ref x, op.Rn) & (ulong)op.Imm; Cpu.Nzcv = Alu.LogicFlags64(r); Set(ref x, op.Rd, r); break; }
                case OpKind.AddShift: Set(ref x, op.Rd, Unsafe.Add(ref x, op.Rn) + Shifted(ref x, op)); break;
                case OpKind.SubShift: Set(ref x, op.Rd, Unsafe.Add(ref x, op.Rn) - Shifted(ref x, op)); break;
                case OpKind.AddsShift: { ulong r = Alu.Add64(Unsafe.Add(ref x, op.Rn), Shifted(ref x, op), 0, out uint f); Cpu.Nzcv = f; Set(ref x, op.Rd, r); break; }
                case OpKind.SubsShift: { ulong r = Alu.Add64(Unsafe.Add(ref x, op.Rn), ~Shifted(ref x, op), 1, out uint f); Cpu.Nzcv = f; Set(ref x, op.Rd, r); break; }
                case OpKind.AndShift: Set(ref x, op.Rd, Unsafe.Add(ref x, op.Rn) & Logical(ref x, op)); break;
                case OpKind.OrrShift: Set(ref x, op.Rd, Unsafe.Add(ref x, op.Rn) | Logical(ref x, op)); break;
                case OpKind.EorShift: Set(ref x, op.Rd, Unsafe.Add(ref x, op.Rn) ^ Logical(ref x, op)); break;
                case OpKind.AndsShift: { ulong r = Unsafe.Add(ref x, op.Rn) & Logical(ref x, op); Cpu.Nzcv = Alu.LogicFlags64(r); Set(ref x, op.Rd, r); break; }
                case OpKind.Movz: Set(ref x, op.Rd, (ulong)op.Imm << op.Amount); break;
                case OpKind.Movn: Set(ref x, op.Rd, ~((ulong)op.Imm << op.Amount)); break;
                case OpKind.Movk: Set(ref x, op.Rd, (Unsafe.Add(ref x, op.Rd) & ~(0xFFFFUL << op.Amount)) | ((ulong)op.Imm << op.Amount)); break;
                case OpKind.Ubfm: Set(ref x, op.Rd, Alu.Bitfield(0, Unsafe.Add(ref x, op.Rn), (int)op.Imm, (int)op.Imm2, 64, false, true)); break;
                case OpKind.Lslv: Set(ref x, op.Rd, Unsafe.Add(ref x, op.Rn) << (int)(Unsafe.Add(ref x, op.Rm) & 63)); break;

                case OpKind.LoadPairs:
                    LoadPairs(ref x, b, op);
                    if (op.Rd != 0) Unsafe.Add(ref x, op.Rn) += (ulong)op.Add;
                    break;
                case OpKind.StorePairs:
                    if (!StorePairs(ref x, b, op, version, out int done)) { cut = true; CountPartial(b, (int)((op.Pc - b.Start) / 4) + done, ran: true); return op.Pc + 4 * (ulong)(done + 1); }
                    if (op.Rd != 0) Unsafe.Add(ref x, op.Rn) += (ulong)op.Add;
                    break;
                case OpKind.LoadPair:
                {
                    _pc = op.Pc;
                    ulong a = Address(ref x, op);
                    ulong v1 = Load64(a), v2 = Load64(a + 8);
                    Set(ref x, op.Rd, v1);
                    Set(ref x, op.Rm, v2);
                    break;
                }
                case OpKind.StorePair:
                {
                    _pc = op.Pc;
                    ulong v1 = Unsafe.Add(ref x, op.Rd), v2 = Unsafe.Add(ref x, op.Rm);
                    ulong a = Address(ref x, op);
                    Store64(a, v1);
                    Store64(a + 8, v2);
                    if (_codeVersion != version) return Cut(b, op, out cut);
                    break;
                }
                case OpKind.Load:
                {
                    _pc = op.Pc;
                    ulong v = Load64(Address(ref x, op));
                    Set(ref x, op.Rd, v);
                    break;
                }
                case OpKind.Store:
                {
                    _pc = op.Pc;
                    ulong v = Unsafe.Add(ref x, op.Rd);
                    Store64(Address(ref x, op), v);
                    if (_codeVersion != version) return Cut(b, op, out cut);
                    break;
                }
                case OpKind.LoadLiteral: _pc = op.Pc; Set(ref x, op.Rd, Load64(op.Pc + (ulong)op.Imm)); break;

                case OpKind.DataCacheByVa:
                {
                    // Without a cache model, maintenance of a frame already found mapped only counts.
                    ulong a = Unsafe.Add(ref x, op.Rd);
                    if (DataCache is null && (a >> PhysicalMemory.FrameShift) == _maintainedFrame) Counters.CacheMaintenance++;
                    else { _pc = op.Pc; MaintainDataCache((DataMaintenance)op.Aux, a); }
                    break;
                }
                case OpKind.Sys: _pc = op.Pc; Sys((ushort)op.Imm, op.Rd); break;
                case OpKind.Mrs: _pc = op.Pc; Mrs((ushort)op.Imm, op.Rd); break;
                case OpKind.Barrier: Counters.Barriers++; break;
                case OpKind.Nop: break;
                default:
                    _pc = op.Pc;
                    Execute(ref b.Interp[op.Extra], op.Pc);
                    if (_codeVersion != version) return Cut(b, op, out cut);
                    break;
            }
        }
        ref readonly Tally t = ref b.Total;
        Counters.Instructions += b.Count;
        Counters.Loads += t.Loads;
        Counters.Stores += t.Stores;
        Counters.BytesLoaded += t.BytesLoaded;
        Counters.BytesStored += t.BytesStored;
        ulong reg = Unsafe.Add(ref x, b.ExitReg);
        bool taken;
        switch (b.Exit)
        {
            case BlockExit.Fallthrough: return b.Next;
            case BlockExit.B: return b.Target;
            case BlockExit.BL: Unsafe.Add(ref x, 30) = b.Next; return b.Target;
            case BlockExit.Br: return reg;
            case BlockExit.Blr: Unsafe.Add(ref x, 30) = b.Next; return reg;
            case BlockExit.BCond: taken = Holds(b.ExitCond, Cpu.Nzcv); break;
            case BlockExit.SubsImmBCond:
            {
                ref readonly Op f = ref b.Flags;
                ulong r = Alu.Add64(Unsafe.Add(ref x, f.Rn), ~(ulong)f.Imm, 1, out uint flags);
                taken = FusedCompare(ref x, f.Rd, r, flags, b.ExitCond);
                break;
            }
            case BlockExit.SubsShiftBCond:
            {
                ref readonly Op f = ref b.Flags;
                ulong r = Alu.Add64(Unsafe.Add(ref x, f.Rn), ~Shifted(ref x, f), 1, out uint flags);
                taken = FusedCompare(ref x, f.Rd, r, flags, b.ExitCond);
                break;
            }
            case BlockExit.AndsImmBCond:
            {
                ref readonly Op f = ref b.Flags;
                ulong r = Unsafe.Add(ref x, f.Rn) & (ulong)f.Imm;
                taken = FusedCompare(ref x, f.Rd, r, Alu.LogicFlags64(r), b.ExitCond);
                break;
            }
            case BlockExit.Cbz: taken = (b.Exit64 ? reg : (uint)reg) == 0; break;
            case BlockExit.Cbnz: taken = (b.Exit64 ? reg : (uint)reg) != 0; break;
            case BlockExit.Tbz: taken = ((reg >> b.ExitBit) & 1) == 0; break;
            default: taken = ((reg >> b.ExitBit) & 1) != 0; break;
        }
        if (!taken) return b.Next;
        if (selfLoop && Counters.Instructions + b.Count <= end)
        {
            bulk = plan is not null;
            goto again;
        }
        return b.Target;
    }

    /// <summary>The instruction at op.Pc rewrote code: the block ends after it, and the dispatcher fetches what is there now.</summary>
    private ulong Cut(Block b, in Op op, out bool cut)
    {
        cut = true;
        CountPartial(b, (int)((op.Pc - b.Start) / 4), ran: true);
        return op.Pc + 4;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Shifted(ref ulong x, in Op op) => Alu.Shift64(Unsafe.Add(ref x, op.Rm), op.Aux, op.Amount);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Logical(ref ulong x, in Op op)
    {
        ulong v = Alu.Shift64(Unsafe.Add(ref x, op.Rm), op.Aux, op.Amount);
        return op.Invert != 0 ? ~v : v;
    }

    /// <summary>
    /// A group of LDPs: when the whole range lies in one frame the read TLB holds (and alignment holds), no access
    /// can fault, so they run straight from the frame; otherwise pair by pair, each able to fault at its own PC.
    /// </summary>
    [MethodImpl(Hot)]
    private void LoadPairs(ref ulong x, Block b, in Op op)
    {
        var pairs = b.Pairs.AsSpan(op.Extra, op.Amount);
        ulong bse = Unsafe.Add(ref x, op.Rn);
        ulong lo = bse + (ulong)op.Imm, hi = bse + (ulong)op.Imm2;
        ulong tag = (lo >> PhysicalMemory.FrameShift) + 1;
        int slot = (int)(tag & (TlbSize - 1));
        if ((lo >> PhysicalMemory.FrameShift) == (hi >> PhysicalMemory.FrameShift) && lo <= hi
            && !(_strictAlignment && (bse & 7) != 0) && !_bigEndianData && _readTag[slot] == tag)
        {
            byte* frame = (byte*)_readPtr[slot];
            foreach (var p in pairs)
            {
                byte* at = frame + ((bse + (ulong)p.Offset) & Offset);
                Unsafe.Add(ref x, p.Rt) = *(ulong*)at;
                Unsafe.Add(ref x, p.Rt2) = *(ulong*)(at + 8);
            }
            return;
        }
        for (int j = 0; j < pairs.Length; j++)
        {
            _pc = op.Pc + 4 * (ulong)j;
            ulong a = bse + (ulong)pairs[j].Offset;
            ulong v1 = Load64(a), v2 = Load64(a + 8);
            Unsafe.Add(ref x, pairs[j].Rt) = v1;
            Unsafe.Add(ref x, pairs[j].Rt2) = v2;
        }
    }

    /// <summary>The lines the 8-byte stores of a tiled group start in: every line from lo to the last store at hi - 7.</summary>
    private static ulong LineRange(ulong lo, ulong hi)
    {
        int first = (int)((lo >> 6) & 63), last = (int)(((hi - 7) >> 6) & 63);
        return (ulong.MaxValue >> (63 - last)) & (ulong.MaxValue << first);
    }

    private static ulong LinesOf(ulong bse, ReadOnlySpan<MemPair> pairs)
    {
        ulong lines = 0;
        foreach (var p in pairs)
        {
            ulong a = bse + (ulong)p.Offset;
            lines |= (1UL << (int)((a >> 6) & 63)) | (1UL << (int)(((a + 8) >> 6) & 63));
        }
        return lines;
    }

    /// <summary>
    /// A group of STPs, on the same terms as <see cref="LoadPairs"/>; the I-cache staleness bits are those each
    /// 8-byte store would set. Returns false when a store rewrote code: <paramref name="done"/> is the pair that did.
    /// </summary>
    [MethodImpl(Hot)]
    private bool StorePairs(ref ulong x, Block b, in Op op, long version, out int done)
    {
        var pairs = b.Pairs.AsSpan(op.Extra, op.Amount);
        ulong bse = Unsafe.Add(ref x, op.Rn);
        ulong lo = bse + (ulong)op.Imm, hi = bse + (ulong)op.Imm2;
        ulong tag = (lo >> PhysicalMemory.FrameShift) + 1;
        int slot = (int)(tag & (TlbSize - 1));
        done = 0;
        if ((lo >> PhysicalMemory.FrameShift) == (hi >> PhysicalMemory.FrameShift) && lo <= hi
            && !(_strictAlignment && (bse & 7) != 0) && !_bigEndianData && _writeTag[slot] == tag)
        {
            byte* frame = (byte*)_writePtr[slot];
            foreach (var p in pairs)
            {
                byte* at = frame + ((bse + (ulong)p.Offset) & Offset);
                *(ulong*)at = Unsafe.Add(ref x, p.Rt);
                *(ulong*)(at + 8) = Unsafe.Add(ref x, p.Rt2);
            }
            _istale[_writeFrame[slot]] |= op.Invert != 0 ? LineRange(lo, hi) : LinesOf(bse, pairs);
            return true;
        }
        for (int j = 0; j < pairs.Length; j++)
        {
            _pc = op.Pc + 4 * (ulong)j;
            ulong a = bse + (ulong)pairs[j].Offset;
            ulong v1 = Unsafe.Add(ref x, pairs[j].Rt), v2 = Unsafe.Add(ref x, pairs[j].Rt2);
            Store64(a, v1);
            Store64(a + 8, v2);
            if (_codeVersion != version) { done = j; return false; }
        }
        return true;
    }
}
