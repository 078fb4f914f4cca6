using System.Buffers.Binary;

namespace A64Asm.Verifier.Emulation;

/// <summary>What a static program printed, the status it exited with, and the machine that ran it (its counters).</summary>
public sealed record ProgramRun(byte[] Stdout, int ExitCode, Machine Machine);

/// <summary>
/// Runs a static little-endian AArch64 Linux executable the way qemu-user does: its PT_LOAD segments mapped at their
/// addresses, EL0 with the MMU on, a 64 KiB stack, and the two system calls a test or benchmark program needs
/// (write, to collect its output, and exit / exit_group). The differential tests and the emulator benchmark run
/// their programs here and in qemu-aarch64 and compare what each printed.
/// </summary>
public static class StaticProgram
{
    const ulong StackTop = 0x7F00_0000, StackSize = 0x10000;
    const uint PtLoad = 1;
    const ulong SysWrite = 64, SysExit = 93, SysExitGroup = 94;

    /// <param name="cpu">The CPU model (its ID registers); EL0 with the MMU on, as a user program runs. Null: the default model.</param>
    public static ProgramRun Run(byte[] elf, ExecutionEngine engine, long maxSteps = 10_000_000, CpuModel? cpu = null)
    {
        var memory = new PhysicalMemory();
        cpu ??= new CpuModel { ExceptionLevel = 0, Mmu = true };
        if (cpu.ExceptionLevel != 0 || !cpu.Mmu)
            throw new ArgumentException("a user program runs at EL0 with the MMU on", nameof(cpu));
        var machine = new Machine(memory, cpu) { MaxSteps = maxSteps, Engine = engine };
        machine.Cpu.Pc = Load(elf, memory);
        memory.Map(StackTop - StackSize, StackSize, FrameRole.Ram);
        machine.Cpu.Sp = StackTop - 0x100;
        var stdout = new MemoryStream();
        while (true)
        {
            var reason = machine.Run();
            if (reason != StopReason.Trap || machine.LastTrap!.Value.Kind != TrapKind.Svc)
                throw new InvalidOperationException($"the program stopped: {reason} {machine.LastFault}");
            var x = machine.Cpu.X;
            switch (x[8])
            {
                case SysWrite:
                    var bytes = new byte[checked((int)x[2])];
                    memory.Read(x[1], bytes);
                    stdout.Write(bytes);
                    x[0] = x[2];
                    break;
                case SysExit or SysExitGroup:
                    return new ProgramRun(stdout.ToArray(), (int)x[0], machine);
                default:
                    throw new InvalidOperationException($"unsupported system call {x[8]}");
            }
        }
    }

    /// <summary>Maps and fills the PT_LOAD segments; returns the entry point.</summary>
    static ulong Load(byte[] elf, PhysicalMemory memory)
    {
        var span = elf.AsSpan();
        if (span.Length < 64 || span[0] != 0x7f || span[1] != (byte)'E' || span[2] != (byte)'L' || span[3] != (byte)'F' || span[4] != 2 || span[5] != 1)
            throw new InvalidOperationException("not a little-endian ELF64 program");
        ulong phoff = BinaryPrimitives.ReadUInt64LittleEndian(span[32..]);
        int phentsize = BinaryPrimitives.ReadUInt16LittleEndian(span[54..]);
        int phnum = BinaryPrimitives.ReadUInt16LittleEndian(span[56..]);
        if (phentsize != 56 || phoff > (ulong)span.Length || (ulong)phnum * 56 > (ulong)span.Length - phoff)
            throw new InvalidOperationException("the program header table is not inside the file");
        for (int i = 0; i < phnum; i++)
        {
            var ph = span.Slice((int)phoff + i * phentsize, phentsize);
            if (BinaryPrimitives.ReadUInt32LittleEndian(ph) != PtLoad) continue;
            ulong offset = BinaryPrimitives.ReadUInt64LittleEndian(ph[8..]);
            ulong vaddr = BinaryPrimitives.ReadUInt64LittleEndian(ph[16..]);
            ulong filesz = BinaryPrimitives.ReadUInt64LittleEndian(ph[32..]);
            ulong memsz = BinaryPrimitives.ReadUInt64LittleEndian(ph[40..]);
            if (offset > (ulong)span.Length || filesz > (ulong)span.Length - offset || filesz > memsz)
                throw new InvalidOperationException($"segment {i} is not inside the file");
            memory.Map(vaddr, memsz, FrameRole.Ram);
            memory.Write(vaddr, span.Slice((int)offset, (int)filesz));
        }
        return BinaryPrimitives.ReadUInt64LittleEndian(span[24..]);
    }
}
