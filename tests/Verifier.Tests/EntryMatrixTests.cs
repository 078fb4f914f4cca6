using A64Asm.Verifier.Caches;
using A64Asm.Verifier.Emulation;
using A64Asm.Verifier.Kexec;
using A64Asm.Verifier.Tests.Conventions;
using Xunit.Abstractions;

namespace A64Asm.Verifier.Tests;

/// <summary>Issue 14's entry-state matrix: SCTLR.M, C and I each on or off, at EL1 or EL2, and the table of them.</summary>
public class EntryMatrixTests(ITestOutputHelper output)
{

    /// <summary>The sample's table rows, kept as a vector file both the in-process and the command-line tests read.</summary>
    static string SampleRows => string.Concat(File.ReadAllLines(Repo.Path("tests/vectors/verify/sample-4k.matrix")).Select(l => "  " + l + "\n"));
    private static Machine StoreAndFetch(bool mmu, bool dcache, bool icache, int el)
    {
        // str x1, [x0] ; brk #0, run from a control page whose lines are all stale in the I-cache.
        var memory = new PhysicalMemory();
        memory.Map(0x1000, 0x1000, FrameRole.Control);
        memory.Map(0x10000, 0x1000, FrameRole.Ram);
        memory.Write(0x1000, new uint[] { 0xF9000001, 0xD4200000 }.SelectMany(BitConverter.GetBytes).ToArray());
        var m = new Machine(memory, new CpuModel { Mmu = mmu, DataCache = dcache, InstructionCache = icache, ExceptionLevel = el }, modelDataCache: true);
        memory.IStaleLines(memory.FrameIndexOf(0x1000)) = ~0UL;
        m.Cpu.Pc = 0x1000;
        m.Cpu.X[0] = 0x10000;
        Assert.Equal(StopReason.Trap, m.Run());
        return m;
    }

    [Theory]
    [InlineData(false, false, LineState.Invalid)]
    [InlineData(false, true, LineState.Invalid)]    // C without M: Device memory, the store goes past the cache
    [InlineData(true, false, LineState.Invalid)]
    [InlineData(true, true, LineState.Dirty)]
    public void A_store_is_cacheable_only_with_both_m_and_c(bool mmu, bool dcache, LineState expected)
    {
        foreach (int el in new[] { 1, 2 })
            Assert.Equal(expected, StoreAndFetch(mmu, dcache, icache: false, el).DataCache![0x10000]);
    }

    [Theory]
    [InlineData(false, false, 0)]
    [InlineData(false, true, 1)]                    // I without M: fetches are still cacheable
    [InlineData(true, false, 0)]
    [InlineData(true, true, 1)]
    public void Fetches_hit_stale_lines_whenever_i_is_set(bool mmu, bool icache, int staleFetches)
    {
        foreach (int el in new[] { 1, 2 })
            Assert.Equal(staleFetches, StoreAndFetch(mmu, dcache: false, icache, el).StaleFetches.Count);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Hcr_el2_reads_as_the_kernel_leaves_it(int el)
    {
        // mov x4, x1 ; mrs x0, hcr_el2 ; mov x1..x3, xzr ; br x4: HCR_EL2 reaches the report as x0 at the branch.
        uint[] code = [0xAA0103E4, 0xD53C1100, 0xAA1F03E1, 0xAA1F03E2, 0xAA1F03E3, 0xD61F0080];
        var blob = code.SelectMany(BitConverter.GetBytes).ToArray();
        var report = KexecVerifier.Verify(blob, new KexecLayout(0, 0), new VerifyOptions
        {
            Convention = KexecConvention.RegisterArgumentsWithoutDtb, Pages = 1, ExceptionLevel = el,
        });
        output.WriteLine(report.ToText());
        if (el == 2)
        {
            Assert.Equal(EntryState.HcrEl2AsTheKernelLeavesIt, report.EntryRegisters[0]);
            Assert.Equal(0x300_8000_0000UL, EntryState.HcrEl2AsTheKernelLeavesIt);   // RW, API, APK; DC, TGE, E2H clear
        }
        else
        {
            var f = Assert.Single(report.Findings);
            Assert.Equal(FindingIds.Fault, f.Id);
            Assert.Equal("Undefined fault: mrs of s3_4_c1_c1_0 at EL1", f.Summary);
        }
    }

    [Fact]
    public void The_matrix_has_sixteen_states_in_table_order()
    {
        Assert.Equal(16, EntryState.All.Count);
        Assert.Equal(16, EntryState.All.Distinct().Count());
        Assert.Equal("EL1 M=off C=off I=off", EntryState.All[0].ToString());
        Assert.Equal("EL1 M=off C=off I=on", EntryState.All[1].ToString());
        Assert.Equal("EL1 M=on C=off I=off", EntryState.All[4].ToString());
        Assert.Equal("EL2 M=on C=on I=on", EntryState.All[15].ToString());
    }

    [Fact]
    public void Each_row_of_the_sample_matrix_is_the_run_of_its_state()
    {
        var options = new VerifyOptions { Pages = 16, Seed = 3 };
        var matrix = EntryMatrix.Verify(Vectors.Blob("sample-4k"), Vectors.Layout("sample-4k"), options);
        output.WriteLine(matrix.ToText());
        foreach (var row in matrix.Rows)
        {
            var single = Vectors.Verify("sample-4k", row.State.Apply(options));
            Assert.Equal(single.Findings.Select(f => f.ToString()), row.Report!.Findings.Select(f => f.ToString()));
            Assert.Equal(single.Instructions, row.Report.Instructions);
        }
    }

    [Fact]
    public void Sample_matrix_fails_where_the_review_said_and_passes_with_the_caches_and_mmu_off()
    {
        var matrix = EntryMatrix.Verify(Vectors.Blob("sample-4k"), Vectors.Layout("sample-4k"), new VerifyOptions());
        output.WriteLine(matrix.ToText());
        Assert.Equal("""
            verify --matrix: FAIL (12 of 16 entry states)
              convention: patched-quads
              kimage: 64 pages of 4K in 4 segments, 1 indirection pages

            """.Replace("\r", "") + SampleRows, matrix.ToText().Replace("\r", ""));
        Assert.False(matrix.Passed);
    }

    [Fact]
    public void Kimage_struct_through_the_hyp_stub_runs_only_its_el1_mmu_on_states()
    {
        var built = Built.From(Programs.KimageStruct(), Programs.KimageHeader, ".kexec_relocate.text");
        var matrix = EntryMatrix.Verify(built.ControlCode, new KexecLayout(0, 0), new VerifyOptions
        {
            Convention = KexecConvention.KimageStructure, KimageFields = ConventionTests.Fields(), KernelMapAtEntry = true, HypStub = true, Pages = 8, Seed = 5,
        });
        output.WriteLine(matrix.ToText());
        Assert.Equal(4, matrix.StatesRun);
        Assert.All(matrix.Rows.Where(r => r.Report is not null), r => Assert.True(r.State is { ExceptionLevel: 1, Mmu: true }));
        // Every state it is entered in passes: machine_kexec invalidated the I-cache, the routine turns the MMU off and cleans what it wrote.
        Assert.True(matrix.Passed, matrix.ToText());
        var text = matrix.ToText().Replace("\r", "");
        Assert.Contains("\n  EL1  off  off  off  n/a\n", text);
        Assert.Contains("\n  EL1  on   on   on   pass\n", text);
        Assert.Contains("\n  EL2  on   on   on   n/a\n", text);
        Assert.EndsWith("""
              n/a: kimage-struct with --mmu-at-entry on enters with the MMU on (v5.15 on)
              n/a: kimage-struct with --mmu-at-entry on is entered at EL1 (the EL2 entry of a VHE kernel is not modelled)

            """.Replace("\r", ""), text);
    }

    [Fact]
    public void Kimage_struct_entered_with_the_mmu_off_runs_at_el2_too_and_keeps_its_el2_stub_at_el1()
    {
        var built = Built.From(Programs.KimageStruct(), Programs.KimageHeader, ".kexec_relocate.text");
        var options = new VerifyOptions { Convention = KexecConvention.KimageStructure, KimageFields = ConventionTests.Fields(), HypStub = true, Pages = 8, Seed = 5 };
        var matrix = EntryMatrix.Verify(built.ControlCode, new KexecLayout(0, 0), options);
        output.WriteLine(matrix.ToText());
        Assert.Equal(8, matrix.StatesRun);
        Assert.All(matrix.Rows, r => Assert.Equal(r.State.ExceptionLevel == 2, r.Report is null));
        Assert.Equal("--el2-stub: the kernel ran at EL1 over the hyp stub, so the code is entered at EL1 and reaches EL2 through hvc",
            Assert.Single(matrix.Rows.Select(r => r.NotRun).OfType<string>().Distinct()));
    }

    [Fact]
    public void Matrix_json_lists_every_state_with_its_finding_ids()
    {
        var matrix = EntryMatrix.Verify(Vectors.Blob("sample-4k"), Vectors.Layout("sample-4k"), new VerifyOptions { Pages = 8 });
        var json = System.Text.Json.JsonDocument.Parse(matrix.ToJson()).RootElement;
        Assert.False(json.GetProperty("passed").GetBoolean());
        var states = json.GetProperty("states");
        Assert.Equal(16, states.GetArrayLength());
        for (int i = 0; i < 16; i++)
        {
            var s = states[i];
            var row = matrix.Rows[i];
            Assert.Equal(row.State.ExceptionLevel, s.GetProperty("el").GetInt32());
            Assert.Equal(row.State.Mmu, s.GetProperty("mmu").GetBoolean());
            Assert.Equal(row.State.DataCache, s.GetProperty("dcache").GetBoolean());
            Assert.Equal(row.State.InstructionCache, s.GetProperty("icache").GetBoolean());
            Assert.Equal(row.Passed, s.GetProperty("passed").GetBoolean());
            Assert.Equal(row.Report!.Findings.Select(f => f.Id).Distinct(), s.GetProperty("findings").EnumerateArray().Select(e => e.GetString()));
        }
    }
}
