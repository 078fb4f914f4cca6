using A64Asm.Verifier.Caches;
using A64Asm.Verifier.Emulation;

namespace A64Asm.Verifier.Kexec;

/// <summary>The checks after a run, each turning what it sees into reviewer-style findings.</summary>
internal sealed class Checks(Machine machine, Kimage kimage, VerifyOptions options, List<Finding> findings, bool dtbInX0)
{
    private const int MaxListed = 3;

    public int PagesMatching { get; private set; }

    private Finding At(string id, string summary, ulong? pc, string why) =>
        new(id, summary, pc, pc is { } p ? machine.Describe(p) : null, why);

    public void StopReason(Emulation.StopReason reason)
    {
        switch (reason)
        {
            case Emulation.StopReason.Fault:
                var f = machine.LastFault!;
                bool fetch = f.Address == f.Pc && f.Kind is FaultKind.Unmapped or FaultKind.Alignment;
                findings.Add(fetch
                    ? new Finding(FindingIds.WrongEntry, $"the code left the control page: {f.Detail} (kimage_start is 0x{kimage.Start:x})",
                        f.Pc, null, "relocate_kernel must end with a branch to kimage_start; anywhere else runs memory that is not code.")
                    : new Finding(FindingIds.Fault, $"{f.Kind} fault: {f.Detail}", f.Pc, f.Instruction,
                        f.Kind switch
                        {
                            FaultKind.Unmapped when f.Address >> 48 == 0xFFFF && !machine.Cpu.MmuOn =>
                                "with the MMU off addresses are physical: this is a kernel linear-map address (the struct kimage pointer machine_kexec passes, or a page reached through TTBR1) used after the MMU was turned off; v5.15 on loads what it needs before turn_off_mmu.",
                            FaultKind.Alignment => "with the MMU off every access is Device memory, where misaligned accesses fault: the CPU would take an exception with no vector to go to.",
                            FaultKind.Unmapped => "the relocation code touched memory the kimage does not describe: a wrong pointer, offset or entry decoding.",
                            FaultKind.Unimplemented => "the verifier cannot execute this instruction yet, so nothing after it was checked.",
                            FaultKind.Translation => "with the MMU on the code sees only the control page's identity map and, through TTBR1, the linear map: a physical address used as virtual (or the reverse), or an access while TTBR1 points at the zero page.",
                            _ => "the CPU would take an undefined-instruction exception with no handler in place.",
                        }));
                break;
            case Emulation.StopReason.StepLimit:
                string pcs = string.Join(", ", machine.LastPcs.Distinct().Take(12).Select(p => $"0x{p:x}"));
                findings.Add(At(FindingIds.StepLimit,
                    $"no branch to kimage_start after {machine.Counters.Instructions:N0} instructions; last PCs: {pcs}",
                    machine.LastPcs.Count > 0 ? machine.LastPcs[^1] : machine.Cpu.Pc,
                    "a relocation loop that does not terminate never boots the new kernel (an unterminated list walk or a copy loop whose exit test never holds)."));
                break;
            case Emulation.StopReason.Trap:
                var t = machine.LastTrap!.Value;
                findings.Add(At(FindingIds.Trap, $"{t.Kind.ToString().ToLowerInvariant()} #{t.Imm} before reaching kimage_start", t.Pc,
                    "the harness models no exception handler: a call out of the relocation code goes to whatever vectors the old kernel left."));
                break;
        }
    }

    /// <summary>The run was stopped by the wall clock: as with the step bound, nothing after it was checked.</summary>
    public void TimeLimit(TimeSpan limit)
    {
        string pcs = string.Join(", ", machine.LastPcs.Distinct().Take(12).Select(p => $"0x{p:x}"));
        findings.Add(At(FindingIds.Timeout,
            $"no branch to kimage_start within the time limit of {limit.TotalSeconds:0.###} s ({machine.Counters.Instructions:N0} instructions)"
            + (pcs.Length > 0 ? $"; last PCs: {pcs}" : ""),
            machine.LastPcs.Count > 0 ? machine.LastPcs[^1] : machine.Cpu.Pc,
            "the run was stopped before the code finished, so the pages and registers were not checked: a loop that does not end, or a kimage too large for the limit (--timeout raises it)."));
    }

    public void StrayStores()
    {
        foreach (var s in machine.StrayStores.Take(MaxListed))
        {
            string where = s.Role switch
            {
                FrameRole.Guard => "a page next to a destination segment (past the end of the page being copied)",
                FrameRole.Source => "a source page",
                FrameRole.Indirection => "an indirection page (the list being walked)",
                FrameRole.Control => "the control page (the code being run)",
                FrameRole.Handover => "the struct kimage or zero page machine_kexec handed over",
                _ => $"a {s.Role} page",
            };
            findings.Add(At(FindingIds.StrayStore, $"store to 0x{s.Address:x} in {where}, after {s.Step:N0} instructions", s.Pc,
                "relocate_kernel may only write destination pages: everything else is the list it walks, the code it runs, or memory the new kernel does not expect to change."));
        }
        if (machine.StrayStores.Count > MaxListed)
            findings.Add(new Finding(FindingIds.StrayStore, $"{machine.StrayStores.Count - MaxListed} more pages outside the destinations were written",
                null, null, "see the first stores above."));
    }

    public void BootProtocol()
    {
        var x = machine.Cpu.X;
        ulong branch = LastBranchPc();
        var bad = Enumerable.Range(1, 3).Where(r => x[r] != 0).Select(r => $"x{r}=0x{x[r]:x}").ToList();
        if (bad.Count > 0)
            findings.Add(At(FindingIds.BootProtocol, $"x1-x3 nonzero at the branch to kimage_start: {string.Join(", ", bad)}", branch,
                "Documentation/arm64/booting.txt requires x1, x2 and x3 to be zero at kernel entry; the new kernel warns \"x1-x3 nonzero in violation of boot protocol\"."));
        if (dtbInX0 && x[0] != options.DtbAddress)
            findings.Add(At(FindingIds.BootProtocolDtb, $"x0=0x{x[0]:x} at entry, but the DTB is at 0x{options.DtbAddress:x}", branch,
                "the arm64 boot protocol passes the physical address of the device tree in x0."));
        if (machine.Cpu.MmuOn)
            findings.Add(At(FindingIds.MmuOnAtBranch, $"SCTLR_EL{machine.Cpu.El}.M is set at the branch to kimage_start: the new kernel is entered with the MMU on", branch,
                "booting.txt requires the MMU off at kernel entry: the new kernel would run through the old kernel's page tables, which the copy may just have overwritten."));
    }

    /// <summary>What the new kernel finds at x0: the first thing it does with a DTB is check its magic.</summary>
    public void DtbMagicAtX0()
    {
        ulong x0 = machine.Cpu.X[0];
        Span<byte> first = stackalloc byte[4];
        bool readable = machine.Memory.IsMapped(x0) && (x0 & (PhysicalMemory.FrameSize - 1)) <= PhysicalMemory.FrameSize - 4;
        if (readable) machine.Memory.Read(x0, first);
        if (readable && System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(first) == KexecPayload.FdtMagic) return;
        findings.Add(At(FindingIds.DtbMagic,
            readable ? $"the memory at x0=0x{x0:x} begins 0x{System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(first):x8}, not the FDT magic 0xd00dfeed"
                     : $"x0=0x{x0:x} is not memory the kimage placed anything in, so no FDT magic 0xd00dfeed is there",
            LastBranchPc(),
            "the new kernel checks the device tree's magic first and, without it, stops before the console is up: the boot looks like a hang."));
    }

    public unsafe void Pages()
    {
        var copies = kimage.Copies;
        int page = kimage.PageSize;
        var memory = machine.Memory;
        var mismatched = new int[copies.Length];
        int frames = page / PhysicalMemory.FrameSize;
        // Frames never touched hold their generated contents: regenerate rather than materialize (thread safety, memory).
        Parallel.For(0, KimageBuilder.Chunks(copies.Length), chunk =>
        {
            var (from, to) = KimageBuilder.ChunkRange(chunk, copies.Length);
            var srcBuffer = new byte[PhysicalMemory.FrameSize];
            var dstBuffer = new byte[PhysicalMemory.FrameSize];
            for (int i = from; i < to; i++)
                for (int f = 0; f < frames; f++)
                {
                    ulong off = (ulong)f * PhysicalMemory.FrameSize;
                    if (KnownEqual(memory, copies[i].Destination + off, copies[i].Source + off)) continue;
                    var dst = View(memory, copies[i].Destination + off, dstBuffer);
                    var src = View(memory, copies[i].Source + off, srcBuffer);
                    if (!dst.SequenceEqual(src)) { mismatched[i] = 1 + f * PhysicalMemory.FrameSize + FirstDifference(dst, src); break; }
                }
        });
        var bad = Enumerable.Range(0, copies.Length).Where(i => mismatched[i] != 0).ToList();
        PagesMatching = copies.Length - bad.Count;
        if (bad.Count == 0) return;
        var examples = bad.Take(MaxListed).Select(i =>
            $"0x{copies[i].Destination:x} (source 0x{copies[i].Source:x}) first differs at +0x{mismatched[i] - 1:x}");
        findings.Add(new Finding(FindingIds.PageMismatch,
            $"{bad.Count} of {copies.Length} destination pages differ from their source: {string.Join("; ", examples)}", null, null,
            "the new kernel would run from an image that is not the one kexec loaded: a short or long copy loop, a wrong stride, or a misread list entry."));
    }

    // A destination released from memory was compared with its stream then: equal to an untouched source of that stream.
    private static unsafe bool KnownEqual(PhysicalMemory memory, ulong destination, ulong source)
    {
        int d = memory.FrameIndexOf(destination), s = memory.FrameIndexOf(source);
        return memory.PointerIfMaterialized(d) == null && memory.Fill(d) == FrameFill.Stream
            && memory.PointerIfMaterialized(s) == null && memory.Fill(s) == FrameFill.Stream
            && memory.StreamOf(d) == memory.StreamOf(s);
    }

    private static unsafe Span<byte> View(PhysicalMemory memory, ulong address, byte[] buffer)
    {
        int idx = memory.FrameIndexOf(address);
        byte* p = memory.PointerIfMaterialized(idx);
        if (p != null) return new Span<byte>(p, PhysicalMemory.FrameSize);
        memory.Generate(idx, buffer);
        return buffer;
    }

    private static int FirstDifference(Span<byte> a, Span<byte> b) => a.CommonPrefixLength(b);

    public void InstructionCache()
    {
        var memory = machine.Memory;
        int lines = 0;
        ulong first = 0;
        foreach (var copy in kimage.Copies)
            for (ulong off = 0; off < (ulong)kimage.PageSize; off += PhysicalMemory.FrameSize)
            {
                ulong stale = memory.IStaleLines(memory.FrameIndexOf(copy.Destination + off));
                if (stale == 0) continue;
                if (lines == 0) first = copy.Destination + off + 64 * (ulong)System.Numerics.BitOperations.TrailingZeroCount(stale);
                lines += System.Numerics.BitOperations.PopCount(stale);
            }
        if (lines > 0)
            findings.Add(At(FindingIds.IcacheStale,
                $"{lines} destination lines (first at 0x{first:x}) were written after the last instruction-cache invalidation and are fetched by the new kernel",
                LastBranchPc(),
                "booting.txt allows the instruction cache to be on at entry: without an IC IALLU(IS) (or IC IVAU per line) after the copy, the new kernel may execute stale instructions."));
    }

    public void DataCache()
    {
        var dc = machine.DataCache;
        if (dc is null) return;
        int dirty = 0;
        ulong first = 0;
        foreach (var copy in kimage.Copies)
            foreach (var (line, _) in dc.Incoherent(copy.Destination, (ulong)kimage.PageSize))
            {
                if (dirty++ == 0) first = line;
            }
        if (dirty > 0)
            findings.Add(At(FindingIds.DcacheDirtyAtBranch,
                $"{dirty} destination lines (first at 0x{first:x}) are dirty in the D-cache, not cleaned to the PoC, at the branch to kimage_start",
                LastBranchPc(),
                "the new kernel starts with its caches off and reads memory directly: lines still in the cache are not what it sees, and a later eviction can overwrite what it wrote."));
        foreach (var (pc, line) in dc.DiscardedWrites.Take(MaxListed))
            findings.Add(At(FindingIds.DcacheDiscarded, $"line 0x{line:x} held data this code wrote and was invalidated without a clean", pc,
                "DC IVAC on a dirty line throws the written data away."));
    }

    public void StaleFetches()
    {
        foreach (var (pc, line) in machine.StaleFetches.Take(MaxListed))
            findings.Add(At(FindingIds.IcacheStale,
                $"instructions fetched from line 0x{line:x}, written without an instruction-cache invalidation since, with SCTLR.I set", pc,
                "the control page was copied with only a D-cache clean; with the I-cache on the CPU may execute whatever stale lines it held for those addresses (the review: \"there may be stale values in the instruction cache\")."));
    }

    /// <summary>The branch that reached kimage_start: the instruction before the stop, as far as the trace knows.</summary>
    private ulong LastBranchPc() => machine.LastBranchFrom;
}
