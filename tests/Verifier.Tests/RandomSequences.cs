using A64Asm.Isa;
using A64Asm.Isa.Decoding;
using A64Asm.Isa.Model;
using A64Asm.Isa.Operands;
using A64Asm.Verifier.Emulation;
using A64Asm.Verifier.Tests.Differential;

namespace A64Asm.Verifier.Tests;

/// <summary>
/// Random user-mode instruction sequences drawn from the instruction table: a row is picked, its operand
/// fields are filled at random within what the sequence can run (registers, a memory operand inside the scratch
/// buffer, a branch over exactly the next instruction), and the decoder must give the row's Code back.
/// SP is a data register here (seeded, dumped); memory operands never use it as their base.
/// x28 is the buffer's moving base (immediate offsets, writeback) and x27 its fixed, aligned base (the forms
/// with no offset, which must be aligned); neither is ever written otherwise, and the generator tracks where x28
/// points so every access stays inside the buffer.
/// </summary>
internal sealed class RandomSequences
{
    public const int Base = 28;
    public const int AlignedBase = 27;
    /// <summary>The buffer's size; both bases start at its middle.</summary>
    public const int BufferBytes = 2048;
    private const int Half = BufferBytes / 2;
    /// <summary>How far writeback may move x28 from the middle, so every later access still has room.</summary>
    private const int MaxDrift = 640;

    private readonly Random _rng;
    private readonly FormInfo[] _rows;
    private readonly Dictionary<int, FormInfo[]> _storeExclusiveByKind;
    private long _offset;   // x28 - (buffer + Half)

    public RandomSequences(int seed, IEnumerable<Code> drawable)
    {
        _rng = new Random(seed);
        _rows = drawable.Select(c => FormTable.Rows[(int)c]).ToArray();
        _storeExclusiveByKind = _rows.Where(r => IsStoreExclusive(r.Code)).GroupBy(r => ExclusiveKind(r.Code)).ToDictionary(g => g.Key, g => g.ToArray());
    }

    /// <summary>Draws from every form the differential covers (<see cref="EmulatorScope.Drawable"/>).</summary>
    public RandomSequences(int seed) : this(seed, EmulatorScope.Drawable()) { }

    /// <summary>How many words of each form the generator has produced (a load-exclusive's store counts too).</summary>
    public Dictionary<Code, int> Drawn { get; } = new();

    /// <summary>The forms drawn for the last <see cref="Sequence"/>, in order.</summary>
    public List<Code> SequenceForms { get; } = new();

    public ulong Value() => _rng.Next(7) switch
    {
        6 => FloatingPointEdges(),
        0 => 0,
        1 => ulong.MaxValue,
        2 => 0x8000_0000_0000_0000UL >> (_rng.Next(2) * 32),
        3 => (ulong)_rng.Next(256),
        4 => 0x7FFF_FFFF_FFFF_FFFFUL >> (_rng.Next(2) * 32),
        _ => (ulong)_rng.NextInt64() ^ ((ulong)_rng.Next() << 63),
    };

    /// <summary>
    /// 64 bits of H, S or D lanes each an FP edge value: zeros, infinities, quiet and signalling NaNs (either sign),
    /// the largest finite, the smallest normal, the largest and smallest denormals, one, and one ulp either side of one.
    /// </summary>
    private ulong FloatingPointEdges()
    {
        int bits = 16 << _rng.Next(3);
        int fraction = bits switch { 16 => 10, 32 => 23, _ => 52 };
        ulong sign = 1UL << (bits - 1), exponent = (sign - 1) & ~((1UL << fraction) - 1), one = (exponent >> 1) & exponent;
        ulong quiet = 1UL << (fraction - 1), fractionMask = (1UL << fraction) - 1;
        ulong[] edges =
        [
            0, exponent, exponent | quiet, exponent | 1, exponent | quiet | 1, exponent - 1, 1UL << fraction,
            fractionMask, 1, one, one + 1, one - 1,
        ];
        ulong v = 0;
        for (int at = 0; at < 64; at += bits)
        {
            ulong lane = edges[_rng.Next(edges.Length)] | (_rng.Next(2) == 0 ? 0 : sign);
            v |= lane << at;
        }
        return v;
    }

    public uint Nzcv() => (uint)_rng.Next(16) << 28;

    /// <summary>
    /// At least <paramref name="length"/> words starting with x28 at the buffer's middle. A conditional branch
    /// skips exactly the next instruction, so what follows a branch is one word that leaves x28 where it was.
    /// </summary>
    public List<uint> Sequence(int length)
    {
        _offset = 0;
        SequenceForms.Clear();
        var words = new List<uint>();
        bool afterBranch = false;
        int failures = 0;
        while (words.Count < length)
        {
            // From the deck while it fits; a row that keeps failing here (after a branch) gives way to any row.
            bool fromDeck = failures < 8;
            var row = fromDeck ? _rows[NextInDeck()] : _rows[_rng.Next(_rows.Length)];
            if (!TryUnit(row, afterBranch, out var unit))
            {
                if (fromDeck) { failures++; SwapTop(); }
                continue;
            }
            if (fromDeck) _deck.RemoveAt(_deck.Count - 1);
            failures = 0;
            words.AddRange(unit);
            afterBranch = IsBranch(row.Code);
        }
        return words;
    }

    /// <summary>
    /// Row indices in shuffled passes: every row comes once a pass, so a program of more words than rows draws every
    /// form whatever the seed (a plain random pick left a form out now and then as the covered forms grew).
    /// </summary>
    private readonly List<int> _deck = new();

    private int NextInDeck()
    {
        if (_deck.Count == 0)
        {
            _deck.AddRange(Enumerable.Range(0, _rows.Length));
            for (int k = _deck.Count - 1; k > 0; k--)
            {
                int j = _rng.Next(k + 1);
                (_deck[k], _deck[j]) = (_deck[j], _deck[k]);
            }
        }
        return _deck[^1];
    }

    /// <summary>Puts the top row somewhere else in the pass, so another row comes next.</summary>
    private void SwapTop()
    {
        int j = _rng.Next(_deck.Count);
        (_deck[j], _deck[^1]) = (_deck[^1], _deck[j]);
    }

    /// <summary>
    /// One word on its own, for code that places words itself (the engine-equivalence loops): no index setup and
    /// no load-exclusive pairing, and its memory operand inside the buffer as x28 stood at the start.
    /// </summary>
    public uint Next()
    {
        while (true)
        {
            _offset = 0;
            var row = _rows[_rng.Next(_rows.Length)];
            if (IsLoadExclusive(row.Code) || Draft(row) is not { Setup.Count: 0 } d) continue;
            Count(row.Code);
            return d.Word;
        }
    }

    /// <summary>One drawn word, with the words that set up its index register before it, or a load-exclusive and its store.</summary>
    private bool TryUnit(FormInfo row, bool afterBranch, out List<uint> unit)
    {
        unit = new List<uint>();
        if (afterBranch && IsLoadExclusive(row.Code)) return false;
        for (int attempt = 0; attempt < 256; attempt++)
        {
            var draft = Draft(row);
            if (draft is not { } d) continue;
            if (afterBranch && (d.Setup.Count > 0 || d.NewOffset != _offset)) continue;
            unit.AddRange(d.Setup);
            unit.Add(d.Word);
            Count(row.Code);
            _offset = d.NewOffset;
            if (IsLoadExclusive(row.Code)) unit.Add(StoreExclusiveAfter(row.Code, d.Word));
            return true;
        }
        return false;
    }

    private void Count(Code code)
    {
        Drawn[code] = Drawn.GetValueOrDefault(code) + 1;
        SequenceForms.Add(code);
    }

    private readonly record struct Candidate(uint Word, List<uint> Setup, long NewOffset);

    /// <summary>The row with random operand fields fitted to the sequence; null when this draw does not fit.</summary>
    private Candidate? Draft(FormInfo row)
    {
        uint w = row.Value | ((uint)_rng.NextInt64() & ~row.Mask & OperandBits(row));
        foreach (var op in row.Operands) w = FitOperand(op, w);
        if (row.Code == Code.SYS) w = UserCacheOp(row, w);
        var ins = A64Decoder.Decode(w);
        if (ins.Code != row.Code) return null;
        if (row.Code != Code.SYS && !RegistersAllowed(ins, VectorTransfer(row))) return null;   // SYS reads its Xt, a base
        var mem = row.Operands.FirstOrDefault(o => IsMemory(o.Kind));
        if (mem is null) return new Candidate(w, [], _offset);
        if (mem.Kind == OperandKind.MemBase) return new Candidate(w, [], _offset);   // x27, aligned for any size
        if (mem.Kind == OperandKind.MemPostList) return PostIndexedList(w, ins, mem);
        int bytes = mem.Param * (IsPair(row) ? 2 : 1);
        if (mem.Kind == OperandKind.MemReg) return RegisterOffset(w, ins, bytes);
        var (before, offset, after) = Machine.AddressParts(ins.Mode, ins.Imm);
        if (!Inside(_offset + before + offset, bytes)) return null;
        // RCpc2's unscaled forms are single-copy atomic: aligned, without FEAT_LSE2 (neither qemu 7.2 nor the model has it).
        if (InstructionClasses.Of(row.Code) == "rcpc2" && (_offset + before + offset) % bytes != 0) return null;
        long moved = _offset + before + after;
        return Math.Abs(moved) <= MaxDrift ? new Candidate(w, [], moved) : null;
    }

    /// <summary>
    /// The bits the row's operands own. The rest of the open bits are the table's x (FMLAL's bit 22: objdump ignores it,
    /// the architecture has it 0 and qemu refuses a 1), drawn as 0.
    /// </summary>
    private static uint OperandBits(FormInfo row) => row.Operands.SelectMany(o => o.Fields).Aggregate(0u, (m, f) => m | f.Mask);

    private static bool Inside(long at, int bytes) => at >= -Half && at + bytes <= Half;

    /// <summary>Puts the fields a random draw cannot be left with: register numbers, the base, branch and literal offsets.</summary>
    private uint FitOperand(OperandSpec op, uint w)
    {
        switch (op.Kind)
        {
            case OperandKind.W: case OperandKind.X: case OperandKind.TbReg:
            case OperandKind.Wsp: case OperandKind.Xsp:   // 31 is SP for these: seeded and dumped like the others, never a base
                return op.F0.Insert(w, Reg());
            case OperandKind.Pair:   // CASP's even-odd pairs: never one that reaches x27 or x28
                return op.F0.Insert(w, (uint)_rng.Next(13) * 2);
            case OperandKind.MemBase:
                return op.F0.Insert(w, AlignedBase);
            case OperandKind.MemPostList:   // x28, then the transfer size (Rm = 31) or an Xm set just before (PostIndexedList)
                return op.F1.Insert(op.F0.Insert(w, Base), _rng.Next(2) == 0 ? 31 : Reg());
            case OperandKind.MemReg:   // the index is set just before the access (RegisterOffset)
                return op.F1.Insert(op.F0.Insert(w, Base), Reg());
            case OperandKind.MemOff12: case OperandKind.MemOff9: case OperandKind.MemPre9: case OperandKind.MemPost9:
            case OperandKind.MemOff7: case OperandKind.MemPre7: case OperandKind.MemPost7:
                return op.F0.Insert(w, Base);
            case OperandKind.Label26: case OperandKind.CallLabel26: case OperandKind.Label19: case OperandKind.Label14:
                return op.F0.Insert(w, 2);   // over the next instruction
            case OperandKind.LitLabel19:   // the code just before: the text segment, the same bytes in both runs
                return op.F0.Insert(w, (uint)-_rng.Next(64));
            case OperandKind.SysReg:   // the EL0 registers whose value both runs define
            {
                var regs = (w & (1u << 21)) != 0 ? ReadableSysRegs : WritableSysRegs;
                uint[] f = regs[_rng.Next(regs.Length)];
                for (int i = 0; i < 5; i++) w = op.Fields[i].Insert(w, f[i]);
                return w;
            }
            case OperandKind.UImmX when op.Fields.Length == 2:   // hint CRm:op2: the ones qemu's max CPU gives meaning to are not nops here
            {
                uint h;
                do h = (uint)_rng.Next(128); while (!NopHint(h));
                return op.F1.Insert(op.F0.Insert(w, h >> 3), h & 7);
            }
            default:
                return w;
        }
    }

    // o0:op1:CRn:CRm:op2 (o0 = op0 - 2). MRS: NZCV, TPIDR_EL0, TPIDRRO_EL0, CTR_EL0, DCZID_EL0; MSR: NZCV, TPIDR_EL0.
    private static readonly uint[][] ReadableSysRegs = [[1, 3, 4, 2, 0], [1, 3, 13, 0, 2], [1, 3, 13, 0, 3], [1, 3, 0, 0, 1], [1, 3, 0, 0, 7]];
    private static readonly uint[][] WritableSysRegs = [[1, 3, 4, 2, 0], [1, 3, 13, 0, 2]];

    /// <summary>
    /// The SYS operations Linux lets EL0 run (SCTLR_EL1.UCI, DZE), as op1:CRm:op2 with CRn = 7: DC ZVA, CVAU,
    /// CVAC, CIVAC and IC IVAU (qemu 7.2's user mode refuses DC CVAP and CVADP). Their address is a base
    /// register, so it is inside the buffer.
    /// </summary>
    private static readonly uint[][] UserCacheOps = [[3, 4, 1], [3, 11, 1], [3, 10, 1], [3, 14, 1], [3, 5, 1]];

    private uint UserCacheOp(FormInfo row, uint w)
    {
        uint[] op = UserCacheOps[_rng.Next(UserCacheOps.Length)];
        uint[] fields = [op[0], 7, op[1], op[2], _rng.Next(2) == 0 ? (uint)Base : AlignedBase];
        for (int i = 0; i < 5; i++) w = row.Operands[i].F0.Insert(w, fields[i]);
        return w;
    }

    /// <summary>
    /// Hints the emulator's Cortex-A53 model runs as NOP and qemu's user-mode max CPU does too. The pointer
    /// authentication hints sign and check x30/x17 under qemu (FEAT_PAuth), which the A53 does not have.
    /// </summary>
    private static bool NopHint(uint h) => h is not (7 or 8 or 10 or 12 or 14) && h is not (>= 0x18 and <= 0x1f);

    /// <summary>Sets the index register so the register-offset address is inside the buffer: movz/movk before the access.</summary>
    private Candidate? RegisterOffset(uint w, Instruction ins, int bytes)
    {
        if (ins.Rm == 31)   // xzr: no index to set
            return Inside(_offset, bytes) ? new Candidate(w, [], _offset) : null;
        int scale = ins.Amount;
        long lo = (-Half - _offset + (1 << scale) - 1) >> scale, hi = (Half - bytes - _offset) >> scale;
        if (ins.Shift == ShiftKind.Uxtw) lo = Math.Max(lo, 0);   // a zero-extended index cannot point below the base
        if (lo > hi) return null;
        long k = _rng.NextInt64(lo, hi + 1);
        ulong junk = (ulong)_rng.NextInt64() << 32;   // a 32-bit index ignores the upper half
        ulong index = ins.Shift switch
        {
            ShiftKind.Uxtw => junk | (uint)k,
            ShiftKind.Sxtw => junk | (uint)(int)k,
            _ => (ulong)k,
        };
        return new Candidate(w, MoveConstant(ins.Rm, index), _offset);
    }

    /// <summary>
    /// A structure load/store post-indexed on x28: the transfer (the size the immediate form adds) inside the buffer,
    /// then x28 moved by that size or by an Xm set just before to keep it within the drift.
    /// </summary>
    private Candidate? PostIndexedList(uint w, Instruction ins, OperandSpec mem)
    {
        long bytes = A64Decoder.Decode(mem.F1.Insert(w, 31)).Imm;
        if (!Inside(_offset, (int)bytes)) return null;
        if (ins.Rm == 31) return Math.Abs(_offset + bytes) <= MaxDrift ? new Candidate(w, [], _offset + bytes) : null;
        long step = _rng.NextInt64(-MaxDrift - _offset, MaxDrift - _offset + 1);
        return new Candidate(w, MoveConstant(ins.Rm, (ulong)step), _offset + step);
    }

    /// <summary>movn for a small negative value, else movz and a movk per non-zero halfword.</summary>
    private static List<uint> MoveConstant(int rd, ulong value)
    {
        if (value >> 16 == 0xFFFF_FFFF_FFFFUL) return [0x9280_0000u | (uint)(~value & 0xFFFF) << 5 | (uint)rd];
        var words = new List<uint> { 0xD280_0000u | (uint)(value & 0xFFFF) << 5 | (uint)rd };
        for (int hw = 1; hw < 4; hw++)
        {
            uint half = (uint)(value >> (16 * hw)) & 0xFFFF;
            if (half != 0) words.Add(0xF280_0000u | (uint)hw << 21 | half << 5 | (uint)rd);
        }
        return words;
    }

    /// <summary>
    /// A register the sequence may name, the zero register or SP as the form has it: never a base. Written or
    /// read alike, so a load never writes back into its own base and an index is never a base.
    /// </summary>
    private uint Reg()
    {
        if (_rng.Next(5) == 0) return 31;   // the SP/ZR cases are where forms differ: one draw in five
        while (true)
        {
            uint r = (uint)_rng.Next(32);
            if (r != Base && r != AlignedBase) return r;
        }
    }

    /// <summary>The overlaps the architecture makes CONSTRAINED UNPREDICTABLE: a load pair into one register, a store-exclusive status over its data.</summary>
    private static bool RegistersAllowed(in Instruction ins, bool vectorTransfer)
    {
        // A safety net under FitOperand: the bases are never written (Rt and Rt2 of an FP/SIMD transfer are V registers).
        foreach (int r in vectorTransfer ? new[] { ins.Rd, ins.Rs } : new[] { ins.Rd, ins.Rt, ins.Rt2, ins.Rs })
            if (r is Base or AlignedBase) return false;
        string name = ins.Code.ToString();
        bool loadPair = name.StartsWith("LDP", StringComparison.Ordinal) || name.StartsWith("LDNP", StringComparison.Ordinal)
            || name.StartsWith("LDXP", StringComparison.Ordinal) || name.StartsWith("LDAXP", StringComparison.Ordinal);
        if (loadPair && ins.Rt == ins.Rt2) return false;
        if (IsStoreExclusive(ins.Code) && (ins.Rs == ins.Rt || (IsExclusivePair(ins.Code) && ins.Rs == ins.Rt2))) return false;
        return true;
    }

    /// <summary>
    /// A store-exclusive of the same size at the same address, straight after the load: the monitor is then
    /// open only between the two, so whether the store succeeds is defined (the architecture leaves it to the
    /// implementation after other stores, other addresses or other sizes).
    /// </summary>
    private uint StoreExclusiveAfter(Code load, uint loadWord)
    {
        var rows = _storeExclusiveByKind[ExclusiveKind(load)];
        while (true)
        {
            var row = rows[_rng.Next(rows.Length)];
            var d = Draft(row);
            if (d is null) continue;
            Count(row.Code);
            return d.Value.Word;
        }
    }

    /// <summary>A load or store whose Rt is a V register (FP/SIMD loads and stores, structure lists).</summary>
    private static bool VectorTransfer(FormInfo row) => row.Operands.Any(o => o.Slots.Contains(Slot.Rt)
        && o.Kind is OperandKind.Fp or OperandKind.VList or OperandKind.VStruct or OperandKind.VLane);

    private static bool IsMemory(OperandKind k) => k is OperandKind.MemBase or OperandKind.MemPostList or OperandKind.MemReg or OperandKind.MemOff12
        or OperandKind.MemOff9 or OperandKind.MemPre9 or OperandKind.MemPost9 or OperandKind.MemOff7 or OperandKind.MemPre7 or OperandKind.MemPost7;

    private static bool IsPair(FormInfo row) => row.Operands.Count(o => o.Slots.Contains(Slot.Rt2)) > 0;

    private static bool IsBranch(Code c) => InstructionClasses.Of(c) == "branch";

    private static bool IsLoadExclusive(Code c) => c.ToString() is var n && (n.StartsWith("LDXR", StringComparison.Ordinal)
        || n.StartsWith("LDAXR", StringComparison.Ordinal) || n.StartsWith("LDXP", StringComparison.Ordinal) || n.StartsWith("LDAXP", StringComparison.Ordinal));

    private static bool IsStoreExclusive(Code c) => c.ToString() is var n && (n.StartsWith("STXR", StringComparison.Ordinal)
        || n.StartsWith("STLXR", StringComparison.Ordinal) || n.StartsWith("STXP", StringComparison.Ordinal) || n.StartsWith("STLXP", StringComparison.Ordinal));

    private static bool IsExclusivePair(Code c) => c.ToString() is var n && (n.Contains("XP_", StringComparison.Ordinal));

    /// <summary>What a store-exclusive must match of its load: the element size, and one register or two.</summary>
    private static int ExclusiveKind(Code c) => AccessSize(c) + (IsExclusivePair(c) ? 100 : 0);

    /// <summary>The access size of the no-offset forms, from the form's name (B, H, _32, _64).</summary>
    private static int AccessSize(Code c) => c.ToString() switch
    {
        var n when n.EndsWith('B') => 1,
        var n when n.EndsWith('H') => 2,
        var n when n.EndsWith("_32", StringComparison.Ordinal) => 4,
        _ => 8,
    };
}
