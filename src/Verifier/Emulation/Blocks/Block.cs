using A64Asm.Isa.Decoding;

namespace A64Asm.Verifier.Emulation;

/// <summary>What one pre-decoded operation does; most are one instruction, the pair groups several.</summary>
internal enum OpKind : byte
{
    /// <summary>Any other non-branch instruction, through the interpreter's <c>Execute</c> (it counts its own accesses).</summary>
    Interp,
    AddImm, SubImm, AddsImm, SubsImm, AndImm, OrrImm, EorImm, AndsImm,
    AddShift, SubShift, AddsShift, SubsShift, AndShift, OrrShift, EorShift, AndsShift,
    Movz, Movn, Movk, Ubfm, Lslv,
    LoadPair, StorePair, Load, Store, LoadLiteral,
    /// <summary>Consecutive LDP/LDNP (offset form) on one base register, run as one range check when it holds.</summary>
    LoadPairs,
    /// <summary>Consecutive STP/STNP (offset form) on one base register.</summary>
    StorePairs,
    DataCacheByVa, Sys, Mrs, Barrier, Nop,
}

/// <summary>
/// How a block ends: the branch that closes it, or falling through to the next instruction. The last three are a
/// B.cond whose flags come from the instruction just before it (CMP/SUBS immediate or register, TST/ANDS
/// immediate), held in <see cref="Block.Flags"/> and run as part of the exit: one dispatch less per loop iteration.
/// </summary>
internal enum BlockExit : byte { Fallthrough, B, BL, BCond, Cbz, Cbnz, Tbz, Tbnz, Br, Blr, SubsImmBCond, SubsShiftBCond, AndsImmBCond }

/// <summary>
/// One pre-decoded operation: operands extracted once, so the executor reads fields instead of re-deriving
/// them. Rd is Rt for memory forms, Rm is Rt2 for pairs; Aux is the shift kind, addressing mode, condition or
/// cache operation; Amount is the shift amount or a group's pair count. A group whose pairs tile its range
/// has Invert set (its I-cache line mask is then a range); a group followed by ADD of an immediate to its base
/// register takes that instruction in as Add (Rd = 1), the usual pointer advance of a copy loop.
/// </summary>
internal struct Op
{
    public OpKind Kind;
    public byte Rd, Rn, Rm;
    public byte Aux, Amount, Invert;
    /// <summary>Index into <see cref="Block.Pairs"/> (groups) or <see cref="Block.Interp"/>.</summary>
    public int Extra;
    public long Imm, Imm2;
    public ulong Pc;
    public long Add;
}

/// <summary>One pair of a <see cref="OpKind.LoadPairs"/> or <see cref="OpKind.StorePairs"/> group.</summary>
internal readonly record struct MemPair(byte Rt, byte Rt2, long Offset);

/// <summary>Accesses the block counts itself (the interpreter-run ones count on their own).</summary>
internal struct Tally
{
    public long Loads, Stores, BytesLoaded, BytesStored;
}

/// <summary>
/// A basic block in pre-decoded form: its operations, how it exits, and per-block totals so the executor adds
/// counters once per block instead of once per instruction. <see cref="Prefix"/>[i] holds what instructions
/// [0, i) counted, to make the counters exact when instruction i faults.
/// </summary>
internal sealed class Block
{
    public Block(ulong start, Op[] ops, MemPair[] pairs, Instruction[] interp, Tally[] prefix, BlockExit exit)
    {
        Start = start;
        Ops = ops;
        Pairs = pairs;
        Interp = interp;
        Prefix = prefix;
        Count = prefix.Length - 1;
        Total = prefix[Count];
        Exit = exit;
        Next = start + 4 * (ulong)Count;
        LastPc = Next - 4;
    }

    public readonly ulong Start;
    public readonly Op[] Ops;
    public readonly MemPair[] Pairs;
    public readonly Instruction[] Interp;
    public readonly Tally[] Prefix;
    /// <summary>Instructions in the block, the exit branch included.</summary>
    public readonly int Count;
    public readonly Tally Total;
    public readonly BlockExit Exit;
    /// <summary>The address after the block (the fall-through and link address).</summary>
    public readonly ulong Next;
    public readonly ulong LastPc;
    public byte ExitReg, ExitCond, ExitBit;
    public bool Exit64;
    public ulong Target;
    /// <summary>The flag-setting instruction of a *BCond exit.</summary>
    public Op Flags;
    /// <summary>A conditional branch back to its own start: the executor iterates without leaving.</summary>
    public bool SelfLoop => Exit is not (BlockExit.Fallthrough or BlockExit.B or BlockExit.BL or BlockExit.Br or BlockExit.Blr) && Target == Start;

    /// <summary>Set for a self-loop whose iterations can run in bulk.</summary>
    public LoopPlan? Loop;

    // Successors already looked up, so a chain of blocks in one frame runs without going back to the dispatcher.
    public Block? Link0, Link1;
    /// <summary>Set when the code under the block was overwritten: links to it must not be followed.</summary>
    public bool Dead;
}
