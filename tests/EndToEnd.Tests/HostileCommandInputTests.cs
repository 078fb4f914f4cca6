namespace A64Asm.EndToEnd.Tests;

/// <summary>Hostile inputs to verify, disasm and link (issue 16): a located one-line error and status 1, never a
/// stack trace, a hang on a device, or an offset that wraps past a bounds check.</summary>
public class HostileCommandInputTests
{
    static (string Dir, string Image, string Offsets) Sample()
    {
        string dir = TempDir.Create();
        string image = Path.Combine(dir, "r.bin"), offsets = Path.Combine(dir, "o.json");
        var (status, _, stderr) = Cli.Run("samples/relocate_kernel.S", "-I", "samples/include", "-o", image, "--offsets", offsets);
        Assert.True(status == 0, stderr);
        return (dir, image, offsets);
    }

    [Theory]
    [InlineData("verify")]
    [InlineData("disasm")]
    [InlineData("link")]
    public void A_device_is_refused_by_name(string command)
    {
        var (_, _, offsets) = Sample();
        string[] args = command == "verify" ? [command, "/dev/zero", "--offsets", offsets] : [command, "/dev/zero"];
        var (status, _, stderr) = Cli.Run(args);
        Assert.Equal(1, status);
        Assert.Equal("a64asm: error: '/dev/zero' is not a regular file", stderr.Replace("\r", "").TrimEnd('\n'));
    }

    [Fact]
    public void An_offsets_file_with_a_string_value_names_the_key()
    {
        var (dir, image, _) = Sample();
        string bad = Path.Combine(dir, "bad.json");
        File.WriteAllText(bad, "{\"arm64_kexec_kimage_start_offset\": \"x\", \"arm64_kexec_kimage_head_offset\": 232, \"arm64_relocate_new_kernel_size\": 240}");
        var (status, _, stderr) = Cli.Run("verify", image, "--offsets", bad);
        Assert.Equal(1, status);
        Assert.Equal($"a64asm: error: {bad}: not an offsets file: 'arm64_kexec_kimage_start_offset' is \"x\", not an unsigned 64-bit number",
            stderr.Replace("\r", "").TrimEnd('\n'));
    }

    [Theory]
    [InlineData("o.h", "#define ARM64_KEXEC_KIMAGE_START_OFFSET 0xfffffffffffffff8\n#define ARM64_KEXEC_KIMAGE_HEAD_OFFSET 0xe8\n#define ARM64_RELOCATE_NEW_KERNEL_SIZE 0xf0\n")]
    [InlineData("o.json", "{\"arm64_kexec_kimage_start_offset\": 18446744073709551608, \"arm64_kexec_kimage_head_offset\": 232, \"arm64_relocate_new_kernel_size\": 240}")]
    public void An_offset_that_wraps_past_the_image_is_a_finding_not_a_crash(string name, string text)
    {
        var (dir, image, _) = Sample();
        string offsets = Path.Combine(dir, name);
        File.WriteAllText(offsets, text);
        var (status, stdout, stderr) = Cli.Run("verify", image, "--offsets", offsets);
        Assert.Equal(1, status);
        Assert.Equal("", stderr);
        Assert.Contains("the kimage_start offset 0xfffffffffffffff8 is not an aligned 8-byte slot inside the 4120-byte blob", stdout);
    }

    [Fact]
    public void A_looping_image_with_the_largest_step_budget_stops_at_the_timeout()
    {
        string image = Path.Combine(TempDir.Create(), "loop.bin");
        File.WriteAllBytes(image, [0x00, 0x00, 0x00, 0x14]); // b .
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var (status, stdout, stderr) = Cli.Run("verify", image, "--convention", "regs", "--max-steps", "1000000000", "--timeout", "1");
        Assert.InRange(clock.Elapsed.TotalSeconds, 1, 15);
        Assert.Equal(1, status);
        Assert.Equal("", stderr);
        Assert.Contains("[timeout] at 0x7ff00000 (b\t0x7ff00000): no branch to kimage_start within the time limit of 1 s (", stdout.Replace("\r", ""));
    }
}
