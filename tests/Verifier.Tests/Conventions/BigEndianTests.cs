using A64Asm.Verifier.Emulation;
using A64Asm.Verifier.Kexec;
using Xunit.Abstractions;

namespace A64Asm.Verifier.Tests.Conventions;

/// <summary>A big-endian kernel: SCTLR.EE makes data accesses big-endian; what machine_kexec stores is big-endian too.</summary>
public class BigEndianTests(ITestOutputHelper output)
{
    [Fact]
    public void Data_accesses_with_ee_set_are_big_endian()
    {
        using var memory = new PhysicalMemory();
        memory.Map(0x1000, 0x1000, FrameRole.Ram);
        var machine = new Machine(memory, new CpuModel { BigEndian = true });
        machine.Store64(0x1000, 0x1122334455667788);
        var bytes = new byte[8];
        memory.Read(0x1000, bytes);
        Assert.Equal(new byte[] { 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88 }, bytes);
        Assert.Equal(0x1122334455667788UL, machine.Load64(0x1000));
        Assert.Equal(0x11223344u, machine.Load32(0x1000));
        Assert.Equal((ushort)0x5566, machine.Load16(0x1004));
    }

    VerifyReport Run(Built built, KexecConvention convention, KexecLayout layout, bool bigEndian)
    {
        var report = KexecVerifier.Verify(built.ControlCode, layout,
            new VerifyOptions { Convention = convention, Pages = 12, Seed = 9, BigEndian = bigEndian });
        output.WriteLine(report.ToText());
        return report;
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Register_and_patched_routines_relocate_in_either_byte_order(bool bigEndian)
    {
        var regs = Built.From(Programs.RegsDtb());
        Assert.True(Run(regs, KexecConvention.RegisterArguments, new KexecLayout(0, 0), bigEndian).Passed);
        var globals = Built.From(Programs.PatchedGlobals());
        var report = Run(globals, KexecConvention.PatchedGlobals, globals.GlobalsLayout(), bigEndian);
        Assert.True(report.Passed, report.ToText());
        Assert.Equal(12, report.PagesCopied);
    }

    [Fact]
    public void The_2015_sample_relocates_as_a_big_endian_kernel()
    {
        var report = KexecVerifier.Verify(Vectors.Blob("sample-4k"), Vectors.Layout("sample-4k"), new VerifyOptions { Pages = 12, BigEndian = true });
        Assert.True(report.Passed, report.ToText());
    }

    [Fact]
    public void A_32_bit_load_of_a_64_bit_slot_works_little_endian_only()
    {
        // The low half of a quad is at its address only in little-endian: a big-endian kernel reads the high half.
        var built = Built.From(Programs.PatchedGlobals().Replace("ldr     x18, kexec_dtb_addr", "ldr     w18, kexec_dtb_addr"));
        Assert.True(Run(built, KexecConvention.PatchedGlobals, built.GlobalsLayout(), bigEndian: false).Passed);
        var f = Assert.Single(Run(built, KexecConvention.PatchedGlobals, built.GlobalsLayout(), bigEndian: true).Findings);
        Assert.Equal(FindingIds.BootProtocolDtb, f.Id);
        Assert.Equal("x0=0x0 at entry, but the DTB is at 0x7fe00000", f.Summary);
    }
}
