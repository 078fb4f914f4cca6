using A64Asm.Isa;
using A64Asm.Isa.Decoding;
using A64Asm.Isa.Model;
using A64Asm.Verifier.Emulation;

namespace A64Asm.Verifier.Tests.Differential;

/// <summary>
/// Which forms the differential must run. The emulator is asked, not a hand list: every form of the table is
/// executed once in a probe machine, and a form the interpreter does not dispatch stops with
/// <see cref="FaultKind.Unimplemented"/>. Of the implemented forms, the ones a straight-line user program cannot
/// run in place are named here with the reason; a class with any other implemented form is a group the
/// differential covers whole, except the forms listed as known gaps.
/// </summary>
internal static class EmulatorScope
{
    /// <summary>Forms a sequence at EL0 cannot run and continue with the next instruction.</summary>
    public static readonly IReadOnlyDictionary<Code, string> OutOfSequence = new Dictionary<Code, string>
    {
        [Code.BR] = "branches to a register value, leaving the sequence",
        [Code.BLR] = "branches to a register value, leaving the sequence",
        [Code.RET] = "branches to a register value, leaving the sequence",
        [Code.ERET] = "undefined at EL0",
        [Code.SVC] = "a system call: the program's own exit to the kernel",
        [Code.HVC] = "undefined at EL0",
        [Code.SMC] = "undefined at EL0",
        [Code.BRK] = "a debug trap (SIGTRAP)",
        [Code.HLT] = "a debug halt (SIGILL under Linux)",
        [Code.UDF] = "permanently undefined",
        [Code.SYSL] = "no operation at EL0",
        [Code.MSR_imm] = "PSTATE.DAIF/SPSel/PAN writes: undefined at EL0 under Linux",
        [Code.MSR_s0] = "the unallocated op0 = 0 system space",
        [Code.DCPS1] = "enters debug state: undefined at EL0 outside halting debug",
        [Code.DCPS2] = "enters debug state: undefined at EL0 outside halting debug",
        [Code.DCPS3] = "enters debug state: undefined at EL0 outside halting debug",
        [Code.DRPS] = "leaves debug state: undefined outside it",
        [Code.MSR_svcr] = "smstart/smstop: SME's streaming mode and ZA storage, state the emulator does not model",
        [Code.DSB_nxs] = "FEAT_XS (Armv8.7-A): qemu-aarch64 7.2, the oracle, does not decode it",
        [Code.BC_cond] = Qemu72Lacks("FEAT_HBC (Armv8.8-A)"),
        [Code.WFET] = Qemu72Lacks("FEAT_WFxT (Armv8.7-A)"),
        [Code.WFIT] = Qemu72Lacks("FEAT_WFxT (Armv8.7-A)"),
        [Code.FCVTZS_H_fix] = "qemu-aarch64 7.2 writes this 16-bit result sign-extended to 32 bits (the Arm ARM zeroes V[d] above the element); executed and unit-tested",
        [Code.ABS_32] = Cssc,
        [Code.ABS_64] = Cssc,
        [Code.CNT_32] = Cssc,
        [Code.CNT_64] = Cssc,
        [Code.CTZ_32] = Cssc,
        [Code.CTZ_64] = Cssc,
        [Code.SMAX_32_reg] = Cssc,
        [Code.UMAX_32_reg] = Cssc,
        [Code.SMIN_32_reg] = Cssc,
        [Code.UMIN_32_reg] = Cssc,
        [Code.SMAX_64_reg] = Cssc,
        [Code.UMAX_64_reg] = Cssc,
        [Code.SMIN_64_reg] = Cssc,
        [Code.UMIN_64_reg] = Cssc,
        [Code.SMAX_32_imm] = Cssc,
        [Code.UMAX_32_imm] = Cssc,
        [Code.SMIN_32_imm] = Cssc,
        [Code.UMIN_32_imm] = Cssc,
        [Code.SMAX_64_imm] = Cssc,
        [Code.UMAX_64_imm] = Cssc,
        [Code.SMIN_64_imm] = Cssc,
        [Code.UMIN_64_imm] = Cssc,
    };

    // Executed and unit-tested (ExtensionExecutionTests), but the oracle cannot run them.
    private static string Qemu72Lacks(string feature) => $"{feature}: qemu-aarch64 7.2, the oracle, does not decode it";

    private const string Cssc = "FEAT_CSSC (Armv8.9-A): qemu-aarch64 7.2, the oracle, does not decode it";

    /// <summary>
    /// Forms of a covered class that the emulator does not execute. The coverage test fails when this list and
    /// the probe disagree, so a form implemented later must leave the list and is then covered.
    /// </summary>
    public static readonly IReadOnlySet<Code> KnownGaps = new HashSet<Code>
    {
        // None: every form of a covered group is executed.
    };

    /// <summary>
    /// The table's classes of which the emulator executes nothing a sequence could run. Checked against the probe
    /// like <see cref="KnownGaps"/>: a class that gains an implemented form leaves this list and is drawn whole.
    /// </summary>
    public static readonly IReadOnlySet<string> NotExecutedGroups = new HashSet<string>
    {
        "pauth",
        // Extension rows of issue 18, not emulated yet.
        "ls64", "mops", "mte", "tme",
    };

    private static readonly Lazy<IReadOnlyDictionary<Code, uint>> Probed = new(Probe);

    /// <summary>A word of every form the emulator executes (Code to the word it ran).</summary>
    public static IReadOnlyDictionary<Code, uint> Implemented => Probed.Value;

    /// <summary>The classes with at least one implemented form a sequence can run: the groups to cover.</summary>
    public static IReadOnlyList<(string Class, Code[] Forms)> CoveredGroups() =>
        InstructionClasses.Groups().Where(g => g.Forms.Any(c => Implemented.ContainsKey(c) && !OutOfSequence.ContainsKey(c))).ToList();

    /// <summary>The forms the generator draws from: the covered groups, less what cannot run in place and the gaps.</summary>
    public static IReadOnlyList<Code> Drawable() =>
        CoveredGroups().SelectMany(g => g.Forms).Where(c => !OutOfSequence.ContainsKey(c) && !KnownGaps.Contains(c)).ToList();

    /// <summary>Forms of the covered groups that the probe found unimplemented (must equal <see cref="KnownGaps"/>).</summary>
    public static IReadOnlyList<Code> UnimplementedInCoveredGroups() =>
        CoveredGroups().SelectMany(g => g.Forms).Where(c => !Implemented.ContainsKey(c) && !OutOfSequence.ContainsKey(c)).ToList();

    /// <summary>The classes of which the emulator executes nothing (besides forms that cannot run in place).</summary>
    public static IReadOnlyList<(string Class, Code[] Forms)> UnimplementedGroups()
    {
        var covered = CoveredGroups().Select(g => g.Class).ToHashSet();
        return InstructionClasses.Groups().Where(g => !covered.Contains(g.Class)
            && g.Forms.Any(c => !OutOfSequence.ContainsKey(c))).ToList();
    }

    private const ulong CodeBase = 0x100_0000, DataBase = 0x80_0000;

    private static IReadOnlyDictionary<Code, uint> Probe()
    {
        using var memory = new PhysicalMemory();
        memory.Map(DataBase, 0x10000, FrameRole.Ram);
        var rng = new Random(1);
        var implemented = new Dictionary<Code, uint>();
        foreach (var code in InstructionClasses.AllForms)
        {
            // A frame of its own per form: the machine caches decoded frames.
            ulong frame = CodeBase + (ulong)code * PhysicalMemory.FrameSize;
            memory.Map(frame, PhysicalMemory.FrameSize, FrameRole.Ram);
            // Another word only while the form is refused for its operands (SYS runs some operations, not others).
            for (int i = 0; i < Tries; i++)
            {
                uint? word = AnyWordOf(FormTable.Rows[(int)code], rng, fixedBitsFirst: i == 0);
                if (word is null) throw new InvalidOperationException($"no word decodes as {code}: the probe cannot ask the emulator about it");
                ulong pc = frame + (ulong)i * 4;
                memory.Write(pc, BitConverter.GetBytes(word.Value));
                var fault = Run(memory, pc);
                if (fault?.Kind != FaultKind.Unimplemented) { implemented[code] = word.Value; break; }
                if (fault.Detail.EndsWith(NotExecuted, StringComparison.Ordinal)) break;   // the form itself is not dispatched
            }
        }
        return implemented;
    }

    private const int Tries = 64;

    /// <summary>The end of the interpreter's message for a form it has no case for (Machine.Unimplemented).</summary>
    private const string NotExecuted = "is decoded but not executed by this emulator yet";

    /// <summary>One step of the word at <paramref name="pc"/>: the fault it stopped on, if any.</summary>
    private static EmulationFault? Run(PhysicalMemory memory, ulong pc)
    {
        var machine = new Machine(memory, new CpuModel { ExceptionLevel = 1 }) { Engine = ExecutionEngine.Interpreter, MaxSteps = 1 };
        for (int r = 0; r < 31; r++) machine.Cpu.X[r] = DataBase + 0x8000;   // any base or index lands in mapped memory
        machine.Cpu.Sp = DataBase + 0x8000;
        machine.Cpu.Pc = pc;
        machine.Run(1);
        return machine.LastFault;
    }

    /// <summary>The row's fixed bits with random operand fields, until the decoder gives this row's Code back.</summary>
    private static uint? AnyWordOf(FormInfo row, Random rng, bool fixedBitsFirst)
    {
        for (int i = 0; i < 4000; i++)
        {
            uint w = row.Value | ((uint)rng.NextInt64() & ~row.Mask);
            if (i == 0 && fixedBitsFirst) w = row.Value;
            if (A64Decoder.Decode(w).Code == row.Code) return w;
        }
        return null;
    }
}
