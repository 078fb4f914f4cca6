using A64Asm.Verifier.Kexec;
using Xunit.Abstractions;

namespace A64Asm.Verifier.Tests;

/// <summary>Each mistake a reviewer would catch must fail verification with its own named finding.</summary>
public class PlantedMistakeTests(ITestOutputHelper output)
{
    private VerifyReport Run(string blob, VerifyOptions? options = null, KexecLayout? layout = null)
    {
        var report = layout is null ? Vectors.Verify(blob, options)
            : KexecVerifier.Verify(Vectors.Blob(blob), layout, options ?? new VerifyOptions());
        output.WriteLine(report.ToText());
        Assert.False(report.Passed);
        return report;
    }

    [Fact]
    public void Off_by_one_copy_loop_leaves_pages_short()
    {
        var report = Run("offbyone-4k");
        var f = Assert.Single(report.Findings, f => f.Id == FindingIds.PageMismatch);
        Assert.Contains("64 of 64 destination pages differ", f.Summary);
        Assert.Contains("+0xfc0", f.Summary);   // the last 64-byte block of each page was never copied
    }

    [Fact]
    public void Missing_ic_ialluis_leaves_the_new_kernel_stale_instructions()
    {
        var report = Run("no-ic-ialluis-4k");
        var f = Assert.Single(report.Findings);
        Assert.Equal(FindingIds.IcacheStale, f.Id);
        Assert.Contains("br", f.Instruction);
    }

    [Fact]
    public void X1_left_nonzero_violates_the_boot_protocol()
    {
        var report = Run("x1-nonzero-4k");
        var f = Assert.Single(report.Findings);
        Assert.Equal(FindingIds.BootProtocol, f.Id);
        Assert.Contains("x1=0x3f", f.Summary);       // the copy loop's line mask
        Assert.Contains("br\tx4", f.Instruction);
    }

    [Fact]
    public void Store_outside_its_page_is_a_stray_store()
    {
        var report = Run("stray-store-4k");
        var f = report.Findings.First(f => f.Id == FindingIds.StrayStore);
        Assert.Contains("stnp", f.Instruction);
        Assert.Contains("past the end", f.Summary);
    }

    [Fact]
    public void Wrong_offset_into_code_is_named_and_fails()
    {
        var report = Run("sample-4k", layout: new KexecLayout(0xd8, 0xe8));
        Assert.Contains(report.Findings, f => f.Id == FindingIds.KimageOffset);
    }

    [Fact]
    public void Swapped_offsets_fail_the_run()
    {
        var report = Run("sample-4k", layout: new KexecLayout(0xe8, 0xe0));
        Assert.Contains(report.Findings, f => f.Id is FindingIds.Fault or FindingIds.WrongEntry or FindingIds.PageMismatch);
    }

    [Fact]
    public void Offset_past_the_blob_is_named()
    {
        var report = Run("sample-4k", layout: new KexecLayout(0xe0, 0x2000));
        Assert.Contains(report.Findings, f => f.Id == FindingIds.KimageOffset);
    }

    [Fact]
    public void Offsets_of_another_build_fail()
    {
        // offbyone-4k has one more instruction, so its slots sit 8 bytes later than the sample's.
        var report = Run("offbyone-4k", layout: Vectors.Layout("sample-4k"));
        Assert.Contains(report.Findings, f => f.Id == FindingIds.KimageOffset);
    }

    [Fact]
    public void Page_size_mismatch_between_blob_and_kimage_fails()
    {
        var report = Run("sample-4k", new VerifyOptions { PageSize = 16384, Pages = 8 });
        Assert.Contains(report.Findings, f => f.Id is FindingIds.PageMismatch or FindingIds.Fault or FindingIds.StrayStore);
    }
}
