namespace A64Asm.Verifier.Emulation;

/// <summary>What a run executed, as the report states it.</summary>
public struct Counters
{
    public long Instructions;
    public long Loads;
    public long Stores;
    public long CacheMaintenance;
    public long Barriers;
    public long BytesLoaded;
    public long BytesStored;
}

/// <summary>Why <see cref="Machine.Run"/> returned.</summary>
public enum StopReason
{
    /// <summary>The PC reached the stop address (kimage_start for the kexec harness).</summary>
    ReachedStopPc,
    /// <summary>The step budget of this call ran out; the run can continue.</summary>
    Budget,
    /// <summary>The overall step bound was hit: the code probably does not terminate.</summary>
    StepLimit,
    Fault,
    /// <summary>svc, hvc, smc, brk or hlt: the harness decides what it means.</summary>
    Trap,
}

public enum TrapKind { Svc, Hvc, Smc, Brk, Hlt }

/// <summary>The first store to a frame that is not a destination (or plain RAM): who did it and where.</summary>
public sealed record StrayStore(ulong Pc, ulong Address, FrameRole Role, long Step);

/// <summary>What executes the guest code. Both give the same registers, memory, counters and faults.</summary>
public enum ExecutionEngine
{
    /// <summary>One decoded instruction at a time: the reference.</summary>
    Interpreter,
    /// <summary>Pre-decoded basic blocks, chained within a frame; needs no dynamic code (the Native AOT CLI runs it).</summary>
    Blocks,
}
