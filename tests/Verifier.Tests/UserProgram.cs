using System.Buffers.Binary;
using A64Asm.Verifier.Emulation;

namespace A64Asm.Verifier.Tests;

/// <summary>
/// Runs a static aarch64 Linux executable in the emulator the way qemu-user does: PT_LOAD segments mapped at
/// their addresses, EL0 with the MMU on, and the two syscalls a test program needs (write to stdout, exit).
/// </summary>
internal static class UserProgram
{
    /// <summary>
    /// The IMPLEMENTATION DEFINED ID values qemu-aarch64's default (max) CPU reports, so that reading CTR_EL0 or
    /// DCZID_EL0, and the block DC ZVA zeroes, compare: 64-byte lines, 512-byte DC ZVA blocks.
    /// </summary>
    public const ulong Ctr = 0x8003_8003, Dczid = 7;

    public static (byte[] Stdout, int ExitCode, Machine Machine) Run(byte[] elf, ExecutionEngine engine, long maxSteps = 10_000_000)
    {
        var memory = new PhysicalMemory();
        var model = new CpuModel { ExceptionLevel = 0, Mmu = true, Ctr = Ctr, Dczid = Dczid };
        var machine = new Machine(memory, model) { MaxSteps = maxSteps, Engine = engine };
        LoadSegments(elf, memory);
        machine.Cpu.Pc = BinaryPrimitives.ReadUInt64LittleEndian(elf.AsSpan(24));
        const ulong stackTop = 0x7F00_0000;
        memory.Map(stackTop - 0x10000, 0x10000, FrameRole.Ram);
        machine.Cpu.Sp = stackTop - 0x100;
        var stdout = new MemoryStream();
        while (true)
        {
            var reason = machine.Run();
            if (reason != StopReason.Trap || machine.LastTrap!.Value.Kind != TrapKind.Svc)
                throw new InvalidOperationException($"user program stopped: {reason} {machine.LastFault}");
            var x = machine.Cpu.X;
            switch (x[8])
            {
                case 64:
                    var bytes = new byte[x[2]];
                    memory.Read(x[1], bytes);
                    stdout.Write(bytes);
                    x[0] = x[2];
                    break;
                case 93: case 94:
                    return (stdout.ToArray(), (int)x[0], machine);
                default:
                    throw new InvalidOperationException($"unsupported syscall {x[8]}");
            }
        }
    }

    private static void LoadSegments(byte[] elf, PhysicalMemory memory)
    {
        var span = elf.AsSpan();
        if (span[0] != 0x7f || span[1] != (byte)'E' || span[2] != (byte)'L' || span[3] != (byte)'F' || span[4] != 2)
            throw new InvalidOperationException("not an ELF64 file");
        ulong phoff = BinaryPrimitives.ReadUInt64LittleEndian(span[32..]);
        int phentsize = BinaryPrimitives.ReadUInt16LittleEndian(span[54..]);
        int phnum = BinaryPrimitives.ReadUInt16LittleEndian(span[56..]);
        for (int i = 0; i < phnum; i++)
        {
            var ph = span[((int)phoff + i * phentsize)..];
            if (BinaryPrimitives.ReadUInt32LittleEndian(ph) != 1) continue;   // PT_LOAD
            ulong offset = BinaryPrimitives.ReadUInt64LittleEndian(ph[8..]);
            ulong vaddr = BinaryPrimitives.ReadUInt64LittleEndian(ph[16..]);
            ulong filesz = BinaryPrimitives.ReadUInt64LittleEndian(ph[32..]);
            ulong memsz = BinaryPrimitives.ReadUInt64LittleEndian(ph[40..]);
            memory.Map(vaddr, memsz, FrameRole.Ram);
            memory.Write(vaddr, span.Slice((int)offset, (int)filesz));
        }
    }
}
