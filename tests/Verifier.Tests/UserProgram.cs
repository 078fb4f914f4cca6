using A64Asm.Verifier.Emulation;

namespace A64Asm.Verifier.Tests;

/// <summary>A static program run by <see cref="StaticProgram"/> on the CPU model qemu-aarch64 reports.</summary>
internal static class UserProgram
{
    /// <summary>
    /// The IMPLEMENTATION DEFINED ID values qemu-aarch64's default (max) CPU reports, so that reading CTR_EL0 or
    /// DCZID_EL0, and the block DC ZVA zeroes, compare: 64-byte lines, 512-byte DC ZVA blocks.
    /// </summary>
    public const ulong Ctr = 0x8003_8003, Dczid = 7;

    public static (byte[] Stdout, int ExitCode, Machine Machine) Run(byte[] elf, ExecutionEngine engine, long maxSteps = 10_000_000)
    {
        var run = StaticProgram.Run(elf, engine, maxSteps, new CpuModel { ExceptionLevel = 0, Mmu = true, Ctr = Ctr, Dczid = Dczid });
        return (run.Stdout, run.ExitCode, run.Machine);
    }
}
