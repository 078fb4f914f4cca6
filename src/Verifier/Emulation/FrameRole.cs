namespace A64Asm.Verifier.Emulation;

/// <summary>What a 4K physical frame holds, so that a store can be judged the moment it lands.</summary>
public enum FrameRole : byte
{
    /// <summary>Ordinary RAM nobody cares about (the emulator's own scratch, a user program's stack).</summary>
    Ram,
    /// <summary>The page the relocation code runs from; it must survive the copy.</summary>
    Control,
    /// <summary>A page of kimage entries.</summary>
    Indirection,
    /// <summary>Where the new kernel's contents wait to be copied.</summary>
    Source,
    /// <summary>Where the new kernel must end up: the only pages the code may write.</summary>
    Destination,
    /// <summary>RAM next to a destination segment: a store here went past the end of its page.</summary>
    Guard,
    /// <summary>What machine_kexec hands over besides the list (a struct kimage, the zero page): read, never written.</summary>
    Handover,
}
