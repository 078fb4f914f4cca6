namespace A64Asm.Verifier.Kexec;

/// <summary>
/// What the old kernel can leave the CPU in when it jumps to the control page: the exception level and SCTLR_ELx's
/// M, C and I bits, each on or off. HCR_EL2 is what the kernel leaves at EL2 (<see cref="HcrEl2AsTheKernelLeavesIt"/>).
/// </summary>
public sealed record EntryState(int ExceptionLevel, bool Mmu, bool DataCache, bool InstructionCache)
{
    /// <summary>
    /// HCR_EL2 of an arm64 kernel on a non-VHE host, as its EL2 setup writes it: RW (EL1 is AArch64), API and APK (no
    /// pointer-authentication traps). DC, TGE and E2H are 0, so at EL1 with SCTLR_EL1.M off data accesses are Device
    /// memory, and at EL2 SCTLR_EL2 alone decides.
    /// </summary>
    public const ulong HcrEl2AsTheKernelLeavesIt = (1UL << 31) | (1UL << 40) | (1UL << 41);

    /// <summary>The 16 states of the matrix, in the order of its table: EL1 then EL2, and M, C, I each off then on.</summary>
    public static IReadOnlyList<EntryState> All { get; } =
        (from el in new[] { 1, 2 }
         from m in new[] { false, true }
         from c in new[] { false, true }
         from i in new[] { false, true }
         select new EntryState(el, m, c, i)).ToList();

    /// <summary>The state a run's options describe.</summary>
    public static EntryState Of(VerifyOptions options) =>
        new(options.ExceptionLevel, options.MmuOn, options.DataCache, options.InstructionCache);

    /// <summary>The options with this entry state, everything else kept.</summary>
    public VerifyOptions Apply(VerifyOptions options) =>
        options with { ExceptionLevel = ExceptionLevel, MmuOn = Mmu, DataCache = DataCache, InstructionCache = InstructionCache };

    /// <summary>
    /// Why the convention of <paramref name="options"/> never enters the code in this state (then the matrix does not
    /// run it), or null. v5.15's kimage-struct entry is through the kernel's maps with the MMU on, modelled at EL1; a
    /// kernel over the hyp stub enters at EL1 and reaches EL2 only through <c>hvc</c>.
    /// </summary>
    public string? NotAnEntryOf(VerifyOptions options)
    {
        if (options.Convention != KexecConvention.KimageStructure) return null;
        if (options.KernelMapAtEntry && !Mmu)
            return "kimage-struct with --mmu-at-entry on enters with the MMU on (v5.15 on)";
        if (options.KernelMapAtEntry && ExceptionLevel == 2)
            return "kimage-struct with --mmu-at-entry on is entered at EL1 (the EL2 entry of a VHE kernel is not modelled)";
        if (options.HypStub && ExceptionLevel == 2)
            return "--el2-stub: the kernel ran at EL1 over the hyp stub, so the code is entered at EL1 and reaches EL2 through hvc";
        return null;
    }

    /// <summary>"EL2 M=off C=on I=on", as reports name the state.</summary>
    public override string ToString() => $"EL{ExceptionLevel} M={OnOff(Mmu)} C={OnOff(DataCache)} I={OnOff(InstructionCache)}";

    public static string OnOff(bool on) => on ? "on" : "off";
}
