using A64Asm.Verifier.Emulation;

namespace A64Asm.Verifier.Kexec;

/// <summary>
/// The EL2 hyp stub a kernel at EL1 leaves in place (KIMAGE_ARCH_EL2_VECTORS non-zero): the relocation code ends with
/// <c>hvc #0</c>, x0 = HVC_SOFT_RESTART, x1 = entry, x2..x4 = the new kernel's x0..x2. The stub branches to the entry
/// at EL2 with x0 = x2, x1 = x3, x2 = x4 (x3 as it was), which is what the boot checks then see.
/// </summary>
internal static class HypStub
{
    /// <summary>HVC_SOFT_RESTART of asm/virt.h.</summary>
    public const ulong SoftRestart = 1;

    /// <summary>True when the run stopped at the stub's soft restart from EL1; the machine is then at the entry, at EL2.</summary>
    public static bool TryRestart(Machine machine)
    {
        var cpu = machine.Cpu;
        if (machine.LastTrap is not { Kind: TrapKind.Hvc, Imm: 0 } || cpu.X[0] != SoftRestart || cpu.El != 1) return false;
        var x = cpu.X;
        ulong entry = x[1];
        (x[0], x[1], x[2]) = (x[2], x[3], x[4]);
        cpu.El = 2;
        cpu.Pc = entry;
        machine.FlushTlb();
        return true;
    }
}
