using System.Diagnostics;
using A64Asm.Verifier.Emulation;

namespace A64Asm.Verifier.Kexec;

/// <summary>
/// Runs a relocate_kernel blob against a generated kimage and checks what kexec depends on: every page in
/// place, nothing else written, the boot protocol registers at the branch, and (when modelled) the caches.
/// </summary>
public static class KexecVerifier
{
    private const long Slice = 4_000_000;

    public static VerifyReport Verify(ReadOnlySpan<byte> image, KexecLayout layout, VerifyOptions options, IProgress<double>? progress = null)
    {
        var findings = new List<Finding>();
        var clock = Stopwatch.StartNew();
        using var memory = new PhysicalMemory();
        PayloadPlacement? placement = null;
        Kimage kimage;
        if (options.Payload is { } payload)
        {
            placement = PayloadKimageBuilder.Build(memory, payload, options);
            kimage = placement.Kimage;
            // The run hands over where the DTB really is, and its step bound scales with the pages really copied.
            options = options with { Pages = kimage.Copies.Length, DtbAddress = placement.DtbAddress ?? options.DtbAddress };
            findings.AddRange(payload.Header.Compare(options.PageSize, options.BigEndian));
        }
        else
        {
            kimage = KimageBuilder.Build(memory, new KimageSpec
            {
                PageSize = options.PageSize,
                Pages = options.Pages,
                Seed = options.Seed,
                Shape = options.Shape,
                Segments = options.Segments,
                EntriesPerIndirection = options.EntriesPerIndirection,
                BigEndian = options.BigEndian,
            });
        }
        var model = CpuModelFor(options);
        var machine = new Machine(memory, model, modelDataCache: options.DataCache) { Engine = options.Engine };
        var entry = new EntrySetup(machine, kimage, options);
        // The entry state is EL1's; the hyp stub below it runs with SCTLR_EL2 as its setup wrote it, M, C and I off.
        if (options.HypStub) machine.Cpu.Sys[SystemRegisters.SCTLR_EL2] &= ~0x1005UL;
        bool patched = options.Convention is KexecConvention.PatchedOffsets or KexecConvention.PatchedGlobals or KexecConvention.SpinTable;
        entry.PlaceBlob(image, icacheInvalidated: !patched);
        string conventionReason = options.ConventionReason;
        if (options.Convention == KexecConvention.SpinTable)
        {
            // The lock word is the one control-page store the boot CPU makes; any other store there is still stray.
            var lockAt = SpinTableLock.Find(image);
            if (lockAt is { } at)
                machine.ExpectStores(options.ControlPageAddress + at, 8);
            string note = lockAt is null ? $"{SpinTableLock.NoLock}; {SpinTableLock.NotModelled}" : SpinTableLock.NotModelled;
            conventionReason = conventionReason.Length > 0 ? $"{conventionReason}; {note}" : note;
        }
        switch (options.Convention)
        {
            case KexecConvention.PatchedOffsets or KexecConvention.PatchedGlobals or KexecConvention.SpinTable: entry.PatchOffsets(image, layout, findings); break;
            case KexecConvention.RegisterArguments: entry.PassInRegisters(withDtb: true); break;
            case KexecConvention.RegisterArgumentsWithoutDtb: entry.PassInRegisters(withDtb: false); break;
            case KexecConvention.KimageStructure: entry.PassKimageStructure(findings); break;
        }
        // The old kernel used the destination memory with caches on: its lines may still be dirty there.
        if (options.DataCache)
            foreach (var copy in kimage.Copies) machine.DataCache!.SeedStaleDirty(copy.Destination, (ulong)options.PageSize);
        var buildTime = clock.Elapsed;

        clock.Restart();
        machine.StopPc = kimage.Start;
        machine.FetchOnlyFrom = FrameRole.Control;
        machine.MaxSteps = options.EffectiveMaxSteps(options.PageSize);
        long expected = Math.Max(1, (long)kimage.Copies.Length * (options.PageSize / 64) * 16);
        StopReason reason;
        bool timedOut = false;
        do
        {
            reason = machine.Run(Slice);
            if (reason == StopReason.Trap && options.HypStub && HypStub.TryRestart(machine)) reason = StopReason.Budget;
            progress?.Report(Math.Min(0.99, (double)machine.Counters.Instructions / expected));
            // Between slices, so a run that will not end stops within one slice (tens of milliseconds) of the limit.
            timedOut = reason == StopReason.Budget && clock.Elapsed >= options.TimeLimit;
        } while (reason == StopReason.Budget && !timedOut);
        var runTime = clock.Elapsed;

        clock.Restart();
        bool dtbInX0 = options.Convention is KexecConvention.RegisterArguments or KexecConvention.KimageStructure
            || patched && layout.DtbOffset is not null;
        var checks = new Checks(machine, kimage, options, findings, dtbInX0);
        if (timedOut)
            checks.TimeLimit(options.TimeLimit!.Value);
        else
            checks.StopReason(reason);
        checks.StrayStores();
        if (reason == StopReason.ReachedStopPc)
        {
            checks.BootProtocol();
            if (dtbInX0 && placement?.DtbAddress is not null) checks.DtbMagicAtX0();
            checks.Pages();
            checks.InstructionCache();
            checks.DataCache();
        }
        checks.StaleFetches();
        progress?.Report(1.0);
        var c = machine.Counters;
        return new VerifyReport
        {
            Passed = findings.Count == 0,
            Convention = ConventionPicker.NameOf(options.Convention),
            ConventionReason = conventionReason,
            Payload = placement is null ? "" : placement.Describe(options.Payload!)
                + (placement.DtbAddress is not null && !dtbInX0 ? $"; x0 not checked against the dtb: the {ConventionPicker.NameOf(options.Convention)} convention hands no DTB to the code (kexec-tools' purgatory passes it to the kernel, and purgatory is not modelled)" : ""),
            Findings = WithSourceLines(findings, options),
            Instructions = c.Instructions,
            Loads = c.Loads,
            Stores = c.Stores,
            CacheMaintenance = c.CacheMaintenance,
            Barriers = c.Barriers,
            PageSize = options.PageSize,
            PagesChecked = kimage.Copies.Length,
            PagesCopied = checks.PagesMatching,
            IndirectionPages = kimage.IndirectionPages.Count,
            Segments = kimage.Segments.Count,
            EntryRegisters = [machine.Cpu.X[0], machine.Cpu.X[1], machine.Cpu.X[2], machine.Cpu.X[3]],
            BuildTime = buildTime,
            RunTime = runTime,
            CheckTime = clock.Elapsed,
        };
    }

    // The control page is placed at ControlPageAddress, identity-mapped when the MMU is on, so a PC there is an offset
    // into the image.
    private static List<Finding> WithSourceLines(List<Finding> findings, VerifyOptions options)
    {
        if (options.SourceLines is not { } lines) return findings;
        return findings.Select(f => f.Pc is { } pc && pc >= options.ControlPageAddress
            && lines.At(pc - options.ControlPageAddress) is { } source ? f with { Source = source } : f).ToList();
    }

    private static CpuModel CpuModelFor(VerifyOptions options)
    {
        var m = options.Cpu ?? new CpuModel();
        var extra = new Dictionary<uint, ulong>(m.Extra);
        extra.TryAdd(SystemRegisters.HCR_EL2, EntryState.HcrEl2AsTheKernelLeavesIt);
        // v5.15 on, machine_kexec enters the code at EL1 from an identity map with the MMU on: the code turns it off.
        bool startsMapped = options.Convention == KexecConvention.KimageStructure && options.KernelMapAtEntry;
        return new CpuModel
        {
            Ctr = m.Ctr, Midr = m.Midr, Mpidr = m.Mpidr, Dczid = m.Dczid,
            IdAa64Pfr0 = m.IdAa64Pfr0, IdAa64Mmfr0 = m.IdAa64Mmfr0, IdAa64Isar0 = m.IdAa64Isar0, Extra = extra,
            ExceptionLevel = startsMapped || options.HypStub ? 1 : options.ExceptionLevel,
            // The review's case: MMU off at EL2, with the D- and I-cache enables left as the bootloader set them.
            Mmu = options.MmuOn || startsMapped,
            DataCache = options.DataCache,
            InstructionCache = options.InstructionCache,
            BigEndian = options.BigEndian,
        };
    }
}
