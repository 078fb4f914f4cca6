using A64Asm.Verifier.Caches;

namespace A64Asm.Verifier.Emulation;

/// <summary>
/// One PE with its physical memory: the interpreter's state between runs. The harness maps memory, sets
/// registers, then calls <see cref="Run"/> in slices (for progress) until it stops for a reason other than
/// <see cref="StopReason.Budget"/>.
/// </summary>
public sealed partial class Machine
{
    public Machine(PhysicalMemory memory, CpuModel model, bool modelDataCache = false)
    {
        Memory = memory;
        Model = model;
        Cpu.Reset(model);
        if (modelDataCache) DataCache = new DataCacheModel(model.DataLineSize);
        memory.Evicted += DropTlbEntries;
        FlushTlb();
    }

    public CpuState Cpu { get; } = new();
    public PhysicalMemory Memory { get; }
    public CpuModel Model { get; }
    /// <summary>The D-cache line model, when the run asked for one.</summary>
    public DataCacheModel? DataCache { get; }
    public Counters Counters;

    /// <summary>The run stops when the PC reaches this address (before fetching there).</summary>
    public ulong? StopPc { get; set; }
    /// <summary>Total instruction bound; reaching it stops with <see cref="StopReason.StepLimit"/>.</summary>
    public long MaxSteps { get; set; } = 100_000_000;
    /// <summary>When set, fetching from a frame of any other role faults (the relocation code must stay on its page).</summary>
    public FrameRole? FetchOnlyFrom { get; set; }

    public EmulationFault? LastFault { get; private set; }
    public (TrapKind Kind, ushort Imm, ulong Pc)? LastTrap { get; private set; }
    /// <summary>The PCs executed just before the step limit, oldest first.</summary>
    public IReadOnlyList<ulong> LastPcs { get; private set; } = Array.Empty<ulong>();

    // The PC of the instruction being executed, for faults and store attribution.
    internal ulong _pc;

    private sealed class FaultException(EmulationFault fault) : Exception(fault.Detail)
    {
        public EmulationFault Fault { get; } = fault;
    }

    private void Fault(FaultKind kind, ulong address, string detail) =>
        throw new FaultException(new EmulationFault(kind, _pc, Describe(_pc), address, detail));
}
