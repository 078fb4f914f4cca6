using A64Asm.Verifier.Kexec;

namespace A64Asm.EndToEnd.Tests.Generations;

/// <summary>
/// Issue 12, "each verifies with its convention": every generation sample (and big-endian variant), for each page
/// size it supports, built by a64asm from its .S with its sample.conf flags and verified in the same run
/// (<c>--offsets o.json --verify</c>, plus the conf's <c>verify_flags</c>) passes, and the report names the convention
/// the conf says its era used, picked from the image alone (no <c>--convention</c>).
/// </summary>
public class GenerationVerifyTests
{
    public static TheoryData<string> Cases => new(GenerationCase.All.Select(c => c.Id));

    [Theory]
    [MemberData(nameof(Cases))]
    public void Sample_built_by_a64asm_verifies_with_the_convention_of_its_era(string id)
    {
        var c = GenerationCase.ById(id);
        using var scratch = new TempDir();
        string image = Path.Combine(scratch.Root, "reloc.bin"), offsets = Path.Combine(scratch.Root, "o.json");
        var (status, stdout, stderr) = Cli.Run([.. c.A64AsmFromSource(image), "--offsets", offsets, "--verify", .. c.Sample.VerifyFlags]);
        string report = stdout.Replace("\r", "");
        var lines = report.Split('\n');

        Assert.True(status == 0, $"{c.Describe}: exit status {status}\n{report}{stderr}");
        Assert.Contains("verify: PASS", lines);
        string convention = Assert.Single(lines, l => l.StartsWith("  convention: ", StringComparison.Ordinal));
        Assert.StartsWith($"  convention: {c.Sample.Convention}; ", convention);
        // What the conf says about the era shows in the reason the verifier gives for its pick.
        if (c.Sample.MmuOnAtEntry)
            Assert.Contains("entered with the MMU on", convention);
        if (c.Sample.Convention == "spin-table")
            Assert.EndsWith("; " + SpinTableLock.NotModelled, convention);
        Assert.Contains(lines, l => l.StartsWith($"  kimage: 64 pages of {1 << (c.PageShift - 10)}K in ", StringComparison.Ordinal));
    }

    /// <summary>The two steps a user takes with a saved image: `verify IMAGE --offsets FILE` picks the same convention.</summary>
    [Theory]
    [InlineData("2014-spin-table.ps16")]
    [InlineData("v6-be.ps14")]
    public void Verify_command_on_the_written_image_and_offsets_picks_the_same_convention(string id)
    {
        var c = GenerationCase.ById(id);
        using var scratch = new TempDir();
        string image = Path.Combine(scratch.Root, "reloc.bin"), offsets = Path.Combine(scratch.Root, "o.json");
        var build = Cli.Run([.. c.A64AsmFromSource(image), "--offsets", offsets]);
        Assert.True(build.Status == 0, build.Stderr);
        var (status, stdout, stderr) = Cli.Run(["verify", image, "--offsets", offsets, "--page-size", $"{1 << (c.PageShift - 10)}K", .. c.Sample.VerifyFlags]);
        Assert.True(status == 0, stdout + stderr);
        Assert.StartsWith("verify: PASS\n", stdout.Replace("\r", ""));
        Assert.Contains($"  convention: {c.Sample.Convention}; ", stdout);
    }

    [Fact]
    public void Every_convention_the_verifier_knows_is_some_samples_convention()
    {
        var used = GenerationSample.All.Select(s => s.Convention).ToHashSet();
        Assert.Equal(GenerationSample.KnownConventions.Order(StringComparer.Ordinal), used.Order(StringComparer.Ordinal));
    }
}
