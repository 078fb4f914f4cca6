namespace A64Asm.Verifier.Emulation;

public enum FaultKind
{
    /// <summary>A load, store or fetch at an address no memory is mapped at.</summary>
    Unmapped,
    /// <summary>An access the architecture faults for misalignment (any misaligned access with the MMU off).</summary>
    Alignment,
    /// <summary>A word the decoder does not allocate, or a form the architecture makes UNDEFINED here.</summary>
    Undefined,
    /// <summary>A form the decoder knows but this emulator does not execute yet.</summary>
    Unimplemented,
    /// <summary>With the MMU on, an address the translation tables in force do not map.</summary>
    Translation,
}

/// <summary>Why a run stopped on a fault: what, where (PC and instruction text), and the address involved.</summary>
public sealed record EmulationFault(FaultKind Kind, ulong Pc, string Instruction, ulong Address, string Detail)
{
    public override string ToString() => $"{Kind} at pc 0x{Pc:x} ({Instruction}): {Detail}";
}
