using A64Asm.Isa.Decoding;

namespace A64Asm.Verifier.Emulation;

/// <summary>
/// What one pre-decoded operation does; most are one instruction, the pair groups several. Each kind names the
/// interpreter's definition it runs (Machine.DataProcessing.cs, Machine.LoadStore.cs) with its operands already
/// extracted; the kind says which form, so the dispatch is one switch over a few cases, and LoopPlan can read it.
/// </summary>
internal enum OpKind : byte
{
    /// <summary>Any other non-branch instruction, through the interpreter's <c>Execute</c>.</summary>
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

/// <summary>What an ALU kind says about its instruction; the block runner and LoopPlan read it here.</summary>
internal static class OpKinds
{
    public static bool Subtracts(this OpKind k) => k is OpKind.SubImm or OpKind.SubsImm or OpKind.SubShift or OpKind.SubsShift;

    public static bool SetsFlags(this OpKind k) =>
        k is OpKind.AddsImm or OpKind.SubsImm or OpKind.AddsShift or OpKind.SubsShift or OpKind.AndsImm or OpKind.AndsShift;

    internal static Machine.LogicOp Logic(this OpKind k) => k switch
    {
        OpKind.OrrImm or OpKind.OrrShift => Machine.LogicOp.Orr,
        OpKind.EorImm or OpKind.EorShift => Machine.LogicOp.Eor,
        _ => Machine.LogicOp.And,
    };

    internal static Machine.MoveWide MoveWideKind(this OpKind k) =>
        k switch { OpKind.Movz => Machine.MoveWide.Z, OpKind.Movn => Machine.MoveWide.N, _ => Machine.MoveWide.K };
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

/// <summary>
/// A basic block in pre-decoded form: its operations and how it exits. The executor adds the instruction count
/// once per block (exact when instruction i faults: i + 1 ran); each op counts its own accesses, as the
/// interpreter's definitions do.
/// </summary>
internal sealed class Block
{
    public Block(ulong start, Op[] ops, MemPair[] pairs, Instruction[] interp, int count, BlockExit exit)
    {
        Start = start;
        Ops = ops;
        Pairs = pairs;
        Interp = interp;
        Count = count;
        Exit = exit;
        Next = start + 4 * (ulong)Count;
        LastPc = Next - 4;
    }

    public readonly ulong Start;
    public readonly Op[] Ops;
    public readonly MemPair[] Pairs;
    public readonly Instruction[] Interp;
    /// <summary>Instructions in the block, the exit branch included.</summary>
    public readonly int Count;
    public readonly BlockExit Exit;
    /// <summary>The address after the block (the fall-through and link address).</summary>
    public readonly ulong Next;
    public readonly ulong LastPc;
    /// <summary>The branch that closes the block, which the interpreter's Branch runs.</summary>
    public Instruction ExitBranch;
    // What LoopPlan reads of that branch: the register it tests (or jumps to), and its target.
    public byte ExitReg;
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
