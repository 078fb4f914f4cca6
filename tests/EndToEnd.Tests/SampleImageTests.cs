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
        string dir = TempDir.Create();
        string outBin = Path.Combine(dir, "reloc.bin");
        var (status, stdout, stderr) = Cli.Run("samples/relocate_kernel.S", "-I", "samples/include", $"-DPAGE_SHIFT={pageShift}", "-o", outBin);
        Assert.True(status == 0, stderr);
        Assert.Equal("", stderr);
        byte[] expected = File.ReadAllBytes(Repo.Path($"tests/vectors/e2e/relocate_kernel.ps{pageShift}.bin"));
        ImageComparison.AssertSame(expected, File.ReadAllBytes(outBin));
        Assert.Contains("arm64_relocate_new_kernel_size", stdout);
    }

    [OracleTheory]
    [InlineData(12)]
    [InlineData(14)]
    [InlineData(16)]
    public void Sample_matches_live_GNU_pipeline(int pageShift)
    {
        using var dir = new TempDir();
        Gnu.PreprocessedObject(Sample.Path, Sample.CppArgs(pageShift), dir, "g");
        byte[] gnu = Gnu.LinkFlat(["g.o"], dir, "-Ttext=0", "-e", "0");

        string ours = dir.Path("reloc.bin");
        var (status, _, stderr) = Cli.Run("samples/relocate_kernel.S", "-I", "samples/include", $"-DPAGE_SHIFT={pageShift}", "-o", ours);
        Assert.True(status == 0, stderr);
        ImageComparison.AssertSame(gnu, File.ReadAllBytes(ours));
    }

    [OracleFact]
    public void Object_from_dash_c_links_with_GNU_ld_to_the_same_image()
    {
        string dir = TempDir.Create();
        string obj = Path.Combine(dir, "rk.o"), elf = Path.Combine(dir, "rk.elf"), bin = Path.Combine(dir, "rk.bin");
        var (status, _, stderr) = Cli.Run("-c", "samples/relocate_kernel.S", "-I", "samples/include", "-o", obj);
        Assert.True(status == 0, stderr);
        var readelf = Gnu.Run("readelf", "-a", "-W", obj);
        Assert.Equal(0, readelf.Status);
        Assert.Equal("", readelf.Stderr);
        Gnu.Check("ld", "-Ttext=0", "-e", "0", obj, "-o", elf);
        Gnu.Check("objcopy", "-O", "binary", elf, bin);
        ImageComparison.AssertSame(File.ReadAllBytes(Repo.Path("tests/vectors/e2e/relocate_kernel.ps12.bin")), File.ReadAllBytes(bin));
    }

    [Fact]
    public void Offsets_for_4K_pages_are_reported_and_written()
    {
        string dir = TempDir.Create();
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


}
