using A64Asm.Verifier.Kexec;
using Xunit.Abstractions;

namespace A64Asm.Verifier.Tests;

public class SampleTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("sample-4k", 4096)]
    [InlineData("sample-16k", 16384)]
    [InlineData("sample-64k", 65536)]
    public void Sample_relocates_every_page_and_passes(string blob, int pageSize)
    {
        var report = Vectors.Verify(blob, new VerifyOptions { PageSize = pageSize, Pages = 48, Seed = 7 });
        output.WriteLine(report.ToText());
        Assert.True(report.Passed, report.ToText());
        Assert.Equal(48, report.PagesCopied);
        Assert.True(report.Segments > 1);
        Assert.Equal(48L * pageSize / 64 * 4, report.Stores);
        Assert.Equal(new ulong[] { 0, 0, 0, 0 }, report.EntryRegisters);
    }

    [Fact]
    public void Caches_on_shows_the_reviewers_stale_instruction_cache_concern()
    {
        var report = Vectors.Verify("sample-4k", new VerifyOptions { Caches = true });
        output.WriteLine(report.ToText());
        Assert.False(report.Passed);
        var finding = Assert.Single(report.Findings, f => f.Id == FindingIds.IcacheStale);
        Assert.Contains("SCTLR.I", finding.Summary);
        Assert.NotNull(finding.Pc);
    }

    [Fact]
    public void Report_renders_as_text_and_json()
    {
        var report = Vectors.Verify("x1-nonzero-4k");
        Assert.Contains("verify: FAIL", report.ToText());
        var json = System.Text.Json.JsonDocument.Parse(report.ToJson()).RootElement;
        Assert.False(json.GetProperty("passed").GetBoolean());
        Assert.Equal(FindingIds.BootProtocol, json.GetProperty("findings")[0].GetProperty("id").GetString());
    }
}
