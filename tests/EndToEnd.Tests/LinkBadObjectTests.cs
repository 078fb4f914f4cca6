namespace A64Asm.EndToEnd.Tests;

/// <summary><c>a64asm link</c> on an object it cannot link: one line naming the file and the problem, status 1, no output.</summary>
public class LinkBadObjectTests
{
    [Theory]
    [InlineData(18, 62, "object for machine EM_X86_64 (62), not AArch64 (EM_AARCH64, 183)")]
    [InlineData(4, 1, "ELFCLASS32 object: a64asm links ELF64 AArch64 objects (elf64-littleaarch64, elf64-bigaarch64)")]
    [InlineData(16, 3, "not a relocatable object (e_type ET_DYN, a shared object)")]
    public void A_spoiled_header_is_one_line_and_the_output_is_left_alone(int at, byte value, string problem)
    {
        string dir = TempDir.Create();
        string source = Path.Combine(dir, "a.s"), obj = Path.Combine(dir, "a.o"), image = Path.Combine(dir, "a.bin");
        File.WriteAllText(source, "nop\n");
        Assert.Equal(0, Cli.Run("-c", source, "-o", obj).Status);
        byte[] bytes = File.ReadAllBytes(obj);
        bytes[at] = value;
        File.WriteAllBytes(obj, bytes);
        File.WriteAllText(image, "before");
        var (status, stdout, stderr) = Cli.Run("link", obj, "-o", image);
        Assert.Equal(1, status);
        Assert.Equal("", stdout);
        Assert.Equal($"a64asm: error: {obj}: {problem}\n", stderr.Replace("\r", ""));
        Assert.Equal("before", File.ReadAllText(image));
    }

    [Fact]
    public void A_truncated_object_names_its_length()
    {
        string dir = TempDir.Create();
        string obj = Path.Combine(dir, "cut.o"), image = Path.Combine(dir, "cut.bin");
        File.WriteAllBytes(obj, [0x7f, (byte)'E', (byte)'L', (byte)'F', 2, 1, 1]);
        var (status, _, stderr) = Cli.Run("link", obj, "-o", image);
        Assert.Equal(1, status);
        Assert.Equal($"a64asm: error: {obj}: file truncated (7 bytes, shorter than the 64-byte ELF64 header)\n", stderr.Replace("\r", ""));
        Assert.False(File.Exists(image));
    }

    [Fact]
    public void Each_extra_definition_is_an_error_line_of_its_own_naming_both_sites()
    {
        string dir = TempDir.Create();
        var objects = new List<string>();
        foreach (var (name, source) in new[] { ("a", ".globl foo\nfoo: ret\n"), ("b", "nop\n.globl foo\nfoo: ret\n"), ("c", ".section .text.c,\"ax\"\n.globl foo\nfoo: ret\n") })
        {
            string src = Path.Combine(dir, name + ".s"), obj = Path.Combine(dir, name + ".o");
            File.WriteAllText(src, source);
            Assert.Equal(0, Cli.Run("-c", src, "-o", obj).Status);
            objects.Add(obj);
        }
        var (status, _, stderr) = Cli.Run(["link", .. objects, "-o", Path.Combine(dir, "x.bin")]);
        Assert.Equal(1, status);
        Assert.Equal(
            $"a64asm: error: {objects[1]}:(.text+0x4): multiple definition of 'foo'; {objects[0]}:(.text+0x0): first defined here\n" +
            $"a64asm: error: {objects[2]}:(.text.c+0x0): multiple definition of 'foo'; {objects[0]}:(.text+0x0): first defined here\n",
            stderr.Replace("\r", ""));
        Assert.False(File.Exists(Path.Combine(dir, "x.bin")));
    }
}
