using A64Asm.Verifier.Caches;
using A64Asm.Verifier.Emulation;
using A64Asm.Verifier.Kexec;

namespace A64Asm.Verifier.Tests;

public class EmulationTests
{
    private static Machine MachineWith(uint[] code, bool mmu, int el = 2)
    {
        var memory = new PhysicalMemory();
        memory.Map(0x1000, 0x1000, FrameRole.Control);
        memory.Map(0x10000, 0x1000, FrameRole.Ram);
        memory.Write(0x1000, code.SelectMany(BitConverter.GetBytes).ToArray());
        var m = new Machine(memory, new CpuModel { Mmu = mmu, ExceptionLevel = el }) { MaxSteps = 10_000 };
        m.Cpu.Pc = 0x1000;
        return m;
    }

    [Theory]
    [InlineData(false, StopReason.Fault)]
    [InlineData(true, StopReason.Trap)]
    public void Misaligned_load_faults_only_with_the_mmu_off(bool mmu, StopReason expected)
    {
        // ldr x1, [x0] ; brk #0
        var m = MachineWith([0xF9400001, 0xD4200000], mmu);
        m.Cpu.X[0] = 0x10004;
        Assert.Equal(expected, m.Run());
        if (!mmu)
        {
            Assert.Equal(FaultKind.Alignment, m.LastFault!.Kind);
            Assert.Equal(0x1000UL, m.LastFault.Pc);
            Assert.Equal(0x10004UL, m.LastFault.Address);
            Assert.Contains("ldr", m.LastFault.Instruction);
        }
    }

    [Fact]
    public void Unmapped_store_reports_pc_instruction_and_address()
    {
        var m = MachineWith([0xF9000001], mmu: false);   // str x1, [x0]
        m.Cpu.X[0] = 0xDEAD0000;
        Assert.Equal(StopReason.Fault, m.Run());
        Assert.Equal(FaultKind.Unmapped, m.LastFault!.Kind);
        Assert.Equal(0xDEAD0000UL, m.LastFault.Address);
        Assert.Contains("str", m.LastFault.Instruction);
    }

    [Theory]
    [InlineData(ExecutionEngine.Interpreter)]
    [InlineData(ExecutionEngine.Blocks)]
    public void Step_limit_reports_the_loop(ExecutionEngine engine)
    {
        var m = MachineWith([0x91000400, 0x17FFFFFF], mmu: false);   // 1: add x0, x0, #1 ; b 1b
        m.Engine = engine;
        Assert.Equal(StopReason.StepLimit, m.Run());
        Assert.Contains(0x1000UL, m.LastPcs);
        Assert.Contains(0x1004UL, m.LastPcs);
    }

    [Fact]
    public void Hvc_is_a_trap_the_harness_sees()
    {
        var m = MachineWith([0xD4000042], mmu: false);   // hvc #2
        Assert.Equal(StopReason.Trap, m.Run());
        Assert.Equal((TrapKind.Hvc, (ushort)2, 0x1000UL), m.LastTrap);
    }

    [Fact]
    public void Sctlr_el2_is_not_accessible_from_el1()
    {
        var m = MachineWith([0xD53C1000], mmu: false, el: 1);   // mrs x0, sctlr_el2
        Assert.Equal(StopReason.Fault, m.Run());
        Assert.Equal(FaultKind.Undefined, m.LastFault!.Kind);
    }

    [Fact]
    public void Udf_is_an_undefined_instruction_not_a_gap_in_the_emulator()
    {
        var m = MachineWith([0x00001234], mmu: false);   // udf #0x1234
        Assert.Equal(StopReason.Fault, m.Run());
        Assert.Equal(FaultKind.Undefined, m.LastFault!.Kind);
        Assert.Equal("undefined instruction 0x00001234", m.LastFault.Detail);
    }

    [Fact]
    public void Ctr_el0_comes_from_the_cpu_model()
    {
        var m = MachineWith([0xD53B0020, 0xD4200000], mmu: false);   // mrs x0, ctr_el0 ; brk #0
        m.Run();
        Assert.Equal(new CpuModel().Ctr, m.Cpu.X[0]);
    }

    [Fact]
    public void Data_cache_model_tracks_dirty_and_cleaned_lines()
    {
        var dc = new DataCacheModel(64) { Cacheable = true };
        dc.OnStore(0x1000, 16);
        Assert.Equal(LineState.Dirty, dc[0x1000]);
        Assert.Single(dc.Incoherent(0x1000, 0x1000));
        dc.Maintain(DataMaintenance.CleanToPoC, 0x1008, 0);
        Assert.Empty(dc.Incoherent(0x1000, 0x1000));
        dc.OnStore(0x1040, 8);
        dc.Maintain(DataMaintenance.InvalidateToPoC, 0x1040, 0x99);
        Assert.Equal((0x99UL, 0x1040UL), Assert.Single(dc.DiscardedWrites));
    }

    [Fact]
    public void Copy_with_mmu_and_caches_on_leaves_dirty_lines_at_the_branch()
    {
        var report = Vectors.Verify("sample-4k", new VerifyOptions { Caches = true, MmuOn = true, Pages = 8 });
        var f = Assert.Single(report.Findings, f => f.Id == FindingIds.DcacheDirtyAtBranch);
        Assert.Contains("512 destination lines", f.Summary);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Register_convention_expects_the_dtb_in_x0(bool passesDtb)
    {
        // A minimal entry for the head/start/DTB-in-registers convention, with an empty list:
        // mov x4, x1 ; mov x0, x2 (or xzr) ; mov x1, xzr ; mov x2, xzr ; mov x3, xzr ; br x4
        uint[] code = [0xAA0103E4, passesDtb ? 0xAA0203E0 : 0xAA1F03E0, 0xAA1F03E1, 0xAA1F03E2, 0xAA1F03E3, 0xD61F0080];
        var blob = code.SelectMany(BitConverter.GetBytes).ToArray();
        var report = KexecVerifier.Verify(blob, new KexecLayout(0, 0),
            new VerifyOptions { Convention = KexecConvention.RegisterArguments, Shape = KimageShape.Empty });
        Assert.Equal(passesDtb, report.Passed);
        if (!passesDtb) Assert.Equal(FindingIds.BootProtocolDtb, Assert.Single(report.Findings).Id);
    }
}
