using A64Asm.Isa;
using A64Asm.Isa.Decoding;
using A64Asm.Isa.Formatting;

namespace A64Asm.Verifier.Emulation;

/// <summary>
/// The interpreter loop: fetch from a per-frame cache of decoded instructions (each word is decoded once by
/// src/Isa's decoder), then one handler per <see cref="Code"/>. Nothing here allocates per step.
/// </summary>
public sealed partial class Machine
{
    private readonly Dictionary<int, FrameCode> _decodedFrames = new();

    /// <summary>Decoded instructions of one 4K frame, and the pre-decoded blocks starting in it.</summary>
    private sealed class FrameCode(Instruction[] decoded)
    {
        public readonly Instruction[] Decoded = decoded;
        public readonly Block?[] Fast = new Block?[decoded.Length];
        public readonly bool[] NoFast = new bool[decoded.Length];

        public void Invalidate()
        {
            foreach (var b in Fast) if (b is not null) b.Dead = true;
            Array.Clear(Fast);
            Array.Clear(NoFast);
        }
    }

    /// <summary>How straight-line code runs; every engine leaves the same state, counters and faults.</summary>
    public ExecutionEngine Engine { get; set; } = ExecutionEngine.Blocks;

    private bool PreDecode => Engine != ExecutionEngine.Interpreter;

    /// <summary>The count of instructions up to and including the one at _pc (blocks add theirs at one go).</summary>
    private long CurrentStep() =>
        _block is { } b ? Counters.Instructions + (long)((_pc - b.Start) / 4) + 1 : Counters.Instructions;

    private readonly List<(ulong Pc, ulong Line)> _staleFetches = new();
    private readonly HashSet<ulong> _staleFetchLines = new();

    /// <summary>Fetches, with SCTLR.I set, from lines written since their last I-cache invalidation: (pc, line).</summary>
    public IReadOnlyList<(ulong Pc, ulong Line)> StaleFetches => _staleFetches;

    /// <summary>The PC of the last instruction executed (at a stop on <see cref="StopPc"/>, the branch that got there).</summary>
    public ulong LastBranchFrom => _pc;

    private sealed class StopException(StopReason reason) : Exception
    {
        public StopReason Reason { get; } = reason;
    }

    /// <summary>Runs at most <paramref name="budget"/> instructions (and never past <see cref="MaxSteps"/>).</summary>
    public StopReason Run(long budget = long.MaxValue)
    {
        _istale = Memory.IStaleArray;
        long end = Math.Min(MaxSteps, Counters.Instructions > long.MaxValue - budget ? long.MaxValue : Counters.Instructions + budget);
        try
        {
            var reason = Loop(end);
            if (reason == StopReason.Budget && Counters.Instructions >= MaxSteps) return StepLimitReached();
            return reason;
        }
        catch (FaultException e)
        {
            CountFaultedBlock();
            LastFault = e.Fault;
            Cpu.Pc = _pc;
            return StopReason.Fault;
        }
        catch (StopException e)
        {
            CountFaultedBlock();
            return e.Reason;
        }
    }

    private StopReason Loop(long end)
    {
        var cpu = Cpu;
        ulong stop = StopPc ?? ulong.MaxValue;
        FrameCode? code = null;
        Instruction[] frame = Array.Empty<Instruction>();
        ulong frameBase = ulong.MaxValue;
        ulong[] x = cpu.X;
        bool fast = PreDecode;
        while (true)
        {
            ulong pc = cpu.Pc;
            if (pc == stop) return StopReason.ReachedStopPc;
            if (Counters.Instructions >= end) return StopReason.Budget;
            if ((pc & ~(ulong)Offset) != frameBase)
            {
                _pc = pc;
                code = DecodedFrame(pc);
                frame = code.Decoded;
                frameBase = pc & ~(ulong)Offset;
            }
            int index = (int)((pc & Offset) >> 2);
            if (fast)
            {
                var block = code!.Fast[index];
                if (block is null && !code.NoFast[index])
                {
                    block = code.Fast[index] = BlockBuilder.Build(frame, index, pc, stop);
                    code.NoFast[index] = block is null;
                }
                if (block is not null && Counters.Instructions + block.Count <= end)
                {
                    cpu.Pc = RunBlocks(block, code, frameBase, end, stop);
                    continue;
                }
            }
            ref Instruction ins = ref frame[index];
            _pc = pc;
            Counters.Instructions++;
            cpu.Pc = Execute(ref ins, pc);
        }
    }

    private FrameCode DecodedFrame(ulong pc)
    {
        if ((pc & 3) != 0) Fault(FaultKind.Alignment, pc, $"branch to misaligned address 0x{pc:x}");
        int idx = Memory.FrameIndexOf(pc);
        if (idx == 0) Fault(FaultKind.Unmapped, pc, $"instruction fetch from unmapped address 0x{pc:x}");
        if (FetchOnlyFrom is { } role && Memory.Role(idx) != role)
            Fault(FaultKind.Unmapped, pc, $"instruction fetch from a {Memory.Role(idx)} page at 0x{pc:x}, outside the {role} page");
        if (Cpu.InstructionCacheOn && (_istale[idx] & LineBit(pc)) != 0 && _staleFetchLines.Add(pc >> 6))
            _staleFetches.Add((pc, pc & ~63UL));
        if (_decodedFrames.TryGetValue(idx, out var code)) return code;
        var words = Memory.Frame(pc);
        var decoded = new Instruction[PhysicalMemory.FrameSize / 4];
        for (int i = 0; i < decoded.Length; i++)
            decoded[i] = A64Decoder.Decode(BitConverter.ToUInt32(words.Slice(i * 4, 4)));
        _decodedFrames[idx] = code = new FrameCode(decoded);
        // Stores to this frame must now go the slow way, which re-decodes what they change.
        Array.Clear(_writeTag);
        return code;
    }

    /// <summary>The instruction at <paramref name="pc"/> as the disassembler prints it (for findings and faults).</summary>
    public string Describe(ulong pc)
    {
        if (!Memory.IsMapped(pc) || (pc & 3) != 0) return "<no instruction>";
        uint word = BitConverter.ToUInt32(Memory.Frame(pc).Slice((int)(pc & Offset), 4));
        var ins = A64Decoder.Decode(word);
        return A64Formatter.Format(in ins, pc);
    }

    private StopReason StepLimitReached()
    {
        // Record where the code is spinning: a few more steps, traced, cost nothing the run has not lost already.
        var pcs = new List<ulong>();
        long saved = MaxSteps;
        var engine = Engine;
        Engine = ExecutionEngine.Interpreter;   // one instruction at a time, so every PC shows
        try
        {
            for (int i = 0; i < 32 && LastFault is null; i++)
            {
                pcs.Add(Cpu.Pc);
                MaxSteps = Counters.Instructions + 1;
                var r = Loop(Counters.Instructions + 1);
                if (r != StopReason.Budget) break;
            }
        }
        catch (FaultException) { }
        catch (StopException) { }
        MaxSteps = saved;
        Engine = engine;
        LastPcs = pcs;
        return StopReason.StepLimit;
    }

    private void Unimplemented(in Instruction ins) =>
        Fault(FaultKind.Unimplemented, _pc, $"{ins.Code} is decoded but not executed by this emulator yet");

    private void Undefined(in Instruction ins) =>
        Fault(FaultKind.Undefined, _pc, $"undefined instruction 0x{ins.Word:x8}");

    private void Trap(TrapKind kind, long imm, ulong pc)
    {
        LastTrap = (kind, (ushort)imm, pc);
        Cpu.Pc = pc + 4;
        throw new StopException(StopReason.Trap);
    }
}
