using System.Buffers.Binary;

namespace A64Asm.EndToEnd.Tests;

/// <summary>Issue 14 through the command line: <c>verify --kernel Image [--dtb FILE.dtb] [--initrd FILE]</c>.</summary>
public class VerifyKernelPayloadTests
{
    /// <summary>The sample built for 4K pages, and its offsets file.</summary>
    private static (string Dir, string Bin, string Offsets) BuildSample()
    {
        string dir = TempDir.Create();
        string bin = Path.Combine(dir, "reloc.bin"), offsets = Path.Combine(dir, "o.json");
        var build = Cli.Run("samples/relocate_kernel.S", "-I", "samples/include", "-o", bin, "--offsets", offsets);
        Assert.True(build.Status == 0, build.Stderr);
        return (dir, bin, offsets);
    }

    private static string WriteImage(string dir, ulong flags, string name = "Image") => KernelPayloadFiles.WriteImage(dir, flags, name);

    private static string WriteDtb(string dir) => KernelPayloadFiles.WriteDtb(dir);

    [Fact]
    public void Sample_relocates_a_kernel_initrd_and_dtb_and_passes()
    {
        var (dir, bin, offsets) = BuildSample();
        string initrd = Path.Combine(dir, "initrd.img");
        File.WriteAllBytes(initrd, Enumerable.Range(0, 5000).Select(i => (byte)i).ToArray());
        var (status, stdout, stderr) = Cli.Run("verify", bin, "--offsets", offsets, "--kernel", WriteImage(dir, 1 << 1), "--dtb", WriteDtb(dir), "--initrd", initrd);
        Assert.True(status == 0, stdout + stderr);
        stdout = stdout.Replace("\r", "");
        Assert.StartsWith("verify: PASS\n", stdout);
        Assert.Contains("\n  payload: kernel Image at 0x80280000 (text_offset 0x80000, image_size 0x30000), initrd at 0x802b1000 (0x1388 bytes), dtb at 0x802b4000 (0x40 bytes); x0 not checked against the dtb:", stdout);
        Assert.Contains("\n  kimage: 51 pages of 4K in 3 segments, 1 indirection pages\n", stdout);
    }

    [Fact]
    public void A_64K_Image_against_the_4K_sample_is_the_page_size_finding()
    {
        var (dir, bin, offsets) = BuildSample();
        var (status, stdout, _) = Cli.Run("verify", bin, "--offsets", offsets, "--kernel", WriteImage(dir, 3 << 1));
        Assert.Equal(1, status);
        Assert.StartsWith("verify: FAIL\n", stdout.Replace("\r", ""));
        Assert.Contains("\n[image-page-size]: the Image header says 64K pages (flags 0x6), the control page was built for 4K pages\n", stdout.Replace("\r", ""));
    }

    [Fact]
    public void A_missing_kernel_file_is_named_with_its_option()
    {
        var (dir, bin, offsets) = BuildSample();
        string missing = Path.Combine(dir, "no-Image");
        var (status, stdout, stderr) = Cli.Run("verify", bin, "--offsets", offsets, "--kernel", missing);
        Assert.Equal(1, status);
        Assert.Equal("", stdout);
        Assert.Equal($"a64asm: error: --kernel: {missing}: No such file or directory\n", stderr.Replace("\r", ""));
    }

    [Fact]
    public void A_file_without_the_Image_magic_is_the_exact_error()
    {
        var (dir, bin, offsets) = BuildSample();
        string notImage = Path.Combine(dir, "vmlinux");
        File.WriteAllBytes(notImage, [0x7f, (byte)'E', (byte)'L', (byte)'F', .. new byte[120]]);
        var (status, stdout, stderr) = Cli.Run("verify", bin, "--offsets", offsets, "--kernel", notImage);
        Assert.Equal(1, status);
        Assert.Equal("", stdout);
        Assert.Equal($"a64asm: error: Image: {notImage}: no arm64 Image magic \"ARM\\x64\" at offset 56 (found 00000000): not a kernel Image (a vmlinux ELF or a compressed Image.gz is not loadable as is)\n",
            stderr.Replace("\r", ""));
    }

    [Fact]
    public void A_dtb_without_a_kernel_is_a_usage_error()
    {
        var (dir, bin, offsets) = BuildSample();
        var (status, _, stderr) = Cli.Run("verify", bin, "--offsets", offsets, "--dtb", WriteDtb(dir));
        Assert.NotEqual(0, status);
        Assert.Equal("a64asm: error: verify: --dtb needs --kernel Image\nTry 'a64asm verify --help'\n", stderr.Replace("\r", ""));
    }
}
