namespace A64Asm.EndToEnd.Tests;

/// <summary>Issue 5 through the command line: build, then verify, in two steps and in one.</summary>
public class VerifyCommandTests
{
    [Theory]
    [InlineData(12, "4K")]
    [InlineData(14, "16K")]
    [InlineData(16, "64K")]
    public void Sample_built_for_each_page_size_verifies(int pageShift, string pageSize)
    {
        string dir = TempDir.Create();
        string bin = Path.Combine(dir, "reloc.bin"), offsets = Path.Combine(dir, "o.json");
        var build = Cli.Run("samples/relocate_kernel.S", "-I", "samples/include", $"-DPAGE_SHIFT={pageShift}", "-o", bin, "--offsets", offsets);
        Assert.True(build.Status == 0, build.Stderr);
        var (status, stdout, stderr) = Cli.Run("verify", bin, "--offsets", offsets, "--page-size", pageSize);
        Assert.True(status == 0, stdout + stderr);
        Assert.StartsWith("verify: PASS\n", stdout.Replace("\r", ""));
        Assert.Contains($"64 pages of {pageSize}", stdout);
        Assert.Contains("at entry: x0=0x0 x1=0x0 x2=0x0 x3=0x0", stdout);
    }

    [Fact]
    public void Verify_flag_does_it_in_one_step_with_the_page_size_of_PAGE_SHIFT()
    {
        string dir = TempDir.Create();
        var (status, stdout, stderr) = Cli.Run("samples/relocate_kernel.S", "-I", "samples/include", "-DPAGE_SHIFT=14", "-o", Path.Combine(dir, "r.bin"), "--verify");
        Assert.True(status == 0, stdout + stderr);
        Assert.Contains("verify: PASS", stdout);
        Assert.Contains("64 pages of 16K", stdout);
    }

    [Fact]
    public void Caches_on_raises_the_reviewers_icache_finding_and_fails()
    {
        string dir = TempDir.Create();
        var (status, stdout, _) = Cli.Run("samples/relocate_kernel.S", "-I", "samples/include", "-o", Path.Combine(dir, "r.bin"), "--verify", "--caches", "on");
        Assert.Equal(1, status);
        Assert.Contains("verify: FAIL", stdout);
        Assert.Contains("[icache-stale] at 0x", stdout);
    }

    [Fact]
    public void Wrong_offsets_fail_verification()
    {
        string dir = TempDir.Create();
        string bin = Path.Combine(dir, "reloc.bin"), offsets = Path.Combine(dir, "o.json");
        Assert.Equal(0, Cli.Run("samples/relocate_kernel.S", "-I", "samples/include", "-o", bin).Status);
        // start and head swapped: the code reads the entry point as the list head.
        File.WriteAllText(offsets, "{ \"arm64_kexec_kimage_start_offset\": 232, \"arm64_kexec_kimage_head_offset\": 224 }");
        var (status, stdout, _) = Cli.Run("verify", bin, "--offsets", offsets, "--json");
        Assert.Equal(1, status);
        Assert.Contains("\"passed\": false", stdout);
    }

    [Fact]
    public void Bad_verify_arguments_are_errors()
    {
        string dir = TempDir.Create();
        string bin = Path.Combine(dir, "reloc.bin"), offsets = Path.Combine(dir, "o.json");
        Assert.Equal(0, Cli.Run("samples/relocate_kernel.S", "-I", "samples/include", "-o", bin, "--offsets", offsets).Status);
        var (status, _, stderr) = Cli.Run("verify", bin, "--offsets", offsets, "--page-size", "8K");
        Assert.Equal(1, status);
        Assert.Equal("a64asm: error: --page-size: '8K' is not 4K, 16K or 64K\nTry 'a64asm verify --help'", stderr.Replace("\r", "").Trim());
        (status, _, stderr) = Cli.Run("verify", bin, "--offsets", Path.Combine(dir, "none.json"));
        Assert.Equal(1, status);
        Assert.EndsWith("none.json: No such file or directory", stderr.Trim());
    }
}
