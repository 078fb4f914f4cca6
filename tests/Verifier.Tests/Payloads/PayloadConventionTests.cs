using A64Asm.Verifier.Kexec;
using A64Asm.Verifier.Tests.Conventions;
using Xunit.Abstractions;

namespace A64Asm.Verifier.Tests.Payloads;

/// <summary>The built payload under the v5.15 hand-off and with the caches on: the checks of the generated kimage apply to it unchanged.</summary>
public class PayloadConventionTests(ITestOutputHelper output)
{
    private static KexecPayload Payload() =>
        KexecPayload.Load(TestPayloads.Image(TestPayloads.PageSizeFlag(4096)), "Image", TestPayloads.Dtb(), "board.dtb", TestPayloads.Initrd(), "initrd.img");

    [Fact]
    public void Kimage_struct_routine_entered_with_the_mmu_on_hands_over_the_placed_dtb()
    {
        var built = Built.From(Programs.KimageStruct(), Programs.KimageHeader);
        var report = KexecVerifier.Verify(built.ControlCode, new KexecLayout(0, 0), new VerifyOptions
        {
            Convention = KexecConvention.KimageStructure, KimageFields = ConventionTests.Fields(), KernelMapAtEntry = true, Payload = Payload(),
        });
        output.WriteLine(report.ToText());
        Assert.True(report.Passed, report.ToText());
        Assert.Equal(53, report.PagesCopied);
        Assert.Equal(new ulong[] { 0x802b6000, 0, 0, 0 }, report.EntryRegisters);
    }

    [Fact]
    public void Caches_on_the_sample_still_shows_the_reviewers_stale_icache_with_a_real_payload()
    {
        var report = Vectors.Verify("sample-4k", new VerifyOptions { Caches = true, Payload = Payload() });
        output.WriteLine(report.ToText());
        Assert.False(report.Passed);
        Assert.Contains(report.Findings, f => f.Id == FindingIds.IcacheStale);
        Assert.DoesNotContain(report.Findings, f => f.Id is FindingIds.PageMismatch or FindingIds.StrayStore);
    }
}
