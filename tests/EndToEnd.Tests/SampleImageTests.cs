namespace A64Asm.EndToEnd.Tests;

/// <summary>Issue 3's main job: the sample becomes the same control-page image as the GNU pipeline makes.</summary>
public class SampleImageTests
{
    [Theory]
    [InlineData(12)]
    [InlineData(14)]
    [InlineData(16)]
    public void Sample_matches_committed_GNU_reference(int pageShift)
    {
        string dir = Repo.TempDir();
        string outBin = Path.Combine(dir, "reloc.bin");
        var (status, stdout, stderr) = Cli.Run("samples/relocate_kernel.S", "-I", "samples/include", $"-DPAGE_SHIFT={pageShift}", "-o", outBin);
        Assert.True(status == 0, stderr);
        Assert.Equal("", stderr);
        byte[] expected = File.ReadAllBytes(Repo.PathOf($"tests/vectors/e2e/relocate_kernel.ps{pageShift}.bin"));
        AssertSameBytes(expected, File.ReadAllBytes(outBin));
        Assert.Contains("arm64_relocate_new_kernel_size", stdout);
    }

    [OracleTheory]
    [InlineData(12)]
    [InlineData(14)]
    [InlineData(16)]
    public void Sample_matches_live_GNU_pipeline(int pageShift)
    {
        if (!Repo.HaveGnuTools())
            return;
        string dir = Repo.TempDir();
        string s = Path.Combine(dir, "g.s"), o = Path.Combine(dir, "g.o"), elf = Path.Combine(dir, "g.elf"), gnuBin = Path.Combine(dir, "g.bin");
        Check(Repo.Run("aarch64-linux-gnu-gcc", "-E", "-D__ASSEMBLY__", $"-DPAGE_SHIFT={pageShift}", "-I", "samples/include", "samples/relocate_kernel.S", "-o", s));
        Check(Repo.Run("aarch64-linux-gnu-as", s, "-o", o));
        Check(Repo.Run("aarch64-linux-gnu-ld", "-Ttext=0", "-e", "0", o, "-o", elf));
        Check(Repo.Run("aarch64-linux-gnu-objcopy", "-O", "binary", elf, gnuBin));

        string ours = Path.Combine(dir, "reloc.bin");
        var (status, _, stderr) = Cli.Run("samples/relocate_kernel.S", "-I", "samples/include", $"-DPAGE_SHIFT={pageShift}", "-o", ours);
        Assert.True(status == 0, stderr);
        AssertSameBytes(File.ReadAllBytes(gnuBin), File.ReadAllBytes(ours));
    }

    [OracleFact]
    public void Object_from_dash_c_links_with_GNU_ld_to_the_same_image()
    {
        if (!Repo.HaveGnuTools())
            return;
        string dir = Repo.TempDir();
        string obj = Path.Combine(dir, "rk.o"), elf = Path.Combine(dir, "rk.elf"), bin = Path.Combine(dir, "rk.bin");
        var (status, _, stderr) = Cli.Run("-c", "samples/relocate_kernel.S", "-I", "samples/include", "-o", obj);
        Assert.True(status == 0, stderr);
        var readelf = Repo.Run("aarch64-linux-gnu-readelf", "-a", "-W", obj);
        Assert.Equal(0, readelf.Status);
        Assert.Equal("", readelf.Stderr);
        Check(Repo.Run("aarch64-linux-gnu-ld", "-Ttext=0", "-e", "0", obj, "-o", elf));
        Check(Repo.Run("aarch64-linux-gnu-objcopy", "-O", "binary", elf, bin));
        AssertSameBytes(File.ReadAllBytes(Repo.PathOf("tests/vectors/e2e/relocate_kernel.ps12.bin")), File.ReadAllBytes(bin));
    }

    [Fact]
    public void Offsets_for_4K_pages_are_reported_and_written()
    {
        string dir = Repo.TempDir();
        string json = Path.Combine(dir, "o.json"), header = Path.Combine(dir, "o.h");
        var (status, stdout, stderr) = Cli.Run("samples/relocate_kernel.S", "-I", "samples/include", "-o", Path.Combine(dir, "r.bin"), "--offsets", json);
        Assert.True(status == 0, stderr);
        Assert.Matches(@"arm64_relocate_new_kernel_size\s+0xf0\b", stdout);
        Assert.Matches(@"arm64_kexec_kimage_start_offset\s+0xe0\b", stdout);
        Assert.Matches(@"arm64_kexec_kimage_head_offset\s+0xe8\b", stdout);
        string text = File.ReadAllText(json);
        Assert.Contains("\"arm64_kexec_kimage_start_offset\"", text);
        Assert.Contains("224", text);
        Assert.Equal(0, Cli.Run("samples/relocate_kernel.S", "-I", "samples/include", "-o", Path.Combine(dir, "r.bin"), "--offsets", header).Status);
        Assert.Contains("0xe8", File.ReadAllText(header));
    }

    static void Check((int Status, string Stdout, string Stderr) r) => Assert.True(r.Status == 0, r.Stderr);

    /// <summary>On a mismatch, names the first differing offset and both words, not just "not equal".</summary>
    internal static void AssertSameBytes(byte[] expected, byte[] actual)
    {
        int n = Math.Min(expected.Length, actual.Length);
        for (int i = 0; i < n; i++)
            if (expected[i] != actual[i])
            {
                int w = i & ~3;
                string Word(byte[] b) => w + 4 <= b.Length ? BitConverter.ToUInt32(b, w).ToString("x8") : "--";
                Assert.Fail($"images differ at 0x{i:x}: word at 0x{w:x} is {Word(actual)} (a64asm), {Word(expected)} (GNU)");
            }
        Assert.True(expected.Length == actual.Length, $"image sizes differ: {actual.Length} (a64asm) vs {expected.Length} (GNU)");
    }
}
