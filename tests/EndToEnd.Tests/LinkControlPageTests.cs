namespace A64Asm.EndToEnd.Tests;

/// <summary><c>a64asm link --control-page</c>: exactly the bytes machine_kexec copies, or a refusal saying by how much they overflow.</summary>
public class LinkControlPageTests
{
    static (string Dir, string Object) Assemble(string source)
    {
        string dir = TempDir.Create();
        string src = Path.Combine(dir, "rk.s"), obj = Path.Combine(dir, "rk.o");
        File.WriteAllText(src, source);
        var (status, _, stderr) = Cli.Run("-c", src, "-o", obj);
        Assert.True(status == 0, stderr);
        return (dir, obj);
    }

    static string SizeQuadSource(int padding) => $"""
        .text
            nop
        .globl arm64_relocate_new_kernel
        arm64_relocate_new_kernel:
            mov x0, #1
            ret
            .skip {padding}
        .Lend:
        .balign 8
        .globl arm64_relocate_new_kernel_size
        arm64_relocate_new_kernel_size: .quad .Lend - arm64_relocate_new_kernel
        """;

    [Fact]
    public void Writes_the_bytes_between_the_entry_and_its_size()
    {
        var (dir, obj) = Assemble(SizeQuadSource(8));
        string page = Path.Combine(dir, "page.bin"), whole = Path.Combine(dir, "whole.bin");
        Assert.Equal(0, Cli.Run("link", obj, "-o", whole).Status);
        var (status, _, stderr) = Cli.Run("link", obj, "--control-page", "-o", page);
        Assert.True(status == 0, stderr);
        // mov, ret, 8 bytes of .skip: 16 bytes from offset 4 of the whole image.
        Assert.Equal(Convert.ToHexString(File.ReadAllBytes(whole).AsSpan(4, 16)), Convert.ToHexString(File.ReadAllBytes(page)));
        Assert.Equal("200080D2C0035FD60000000000000000", Convert.ToHexString(File.ReadAllBytes(page)));
    }

    [Theory]
    [InlineData(4096 - 8, null)]
    [InlineData(4096 - 7, "the control code marked by arm64_relocate_new_kernel_size is 4097 bytes, 1 bytes more than KEXEC_CONTROL_PAGE_SIZE (4096)")]
    [InlineData(5000, "the control code marked by arm64_relocate_new_kernel_size is 5008 bytes, 912 bytes more than KEXEC_CONTROL_PAGE_SIZE (4096)")]
    public void Refuses_code_past_the_control_page_saying_by_how_much(int padding, string? problem)
    {
        var (dir, obj) = Assemble(SizeQuadSource(padding));
        string page = Path.Combine(dir, "page.bin");
        var (status, _, stderr) = Cli.Run("link", obj, "--control-page", "-o", page);
        if (problem is null)
        {
            Assert.True(status == 0, stderr);
            Assert.Equal(4096, new FileInfo(page).Length);
            return;
        }
        Assert.Equal(1, status);
        Assert.Equal($"a64asm: error: --control-page: {problem}\n", stderr.Replace("\r", ""));
        Assert.False(File.Exists(page));
    }

    [Fact]
    public void Takes_the_kexec_relocate_text_section_when_nothing_else_marks_the_code()
    {
        var (dir, obj) = Assemble(".text\nnop\n.section .kexec_relocate.text,\"ax\"\nmov x1, #2\nret\n");
        string page = Path.Combine(dir, "page.bin");
        Assert.Equal(0, Cli.Run("link", obj, "--control-page", "-o", page).Status);
        Assert.Equal("410080D2C0035FD6", Convert.ToHexString(File.ReadAllBytes(page)));
    }

    [Fact]
    public void Refuses_an_image_without_control_code()
    {
        var (dir, obj) = Assemble(".text\nnop\n");
        string page = Path.Combine(dir, "page.bin");
        var (status, _, stderr) = Cli.Run("link", obj, "--control-page", "-o", page);
        Assert.Equal(1, status);
        Assert.Equal("a64asm: error: --control-page: the image marks no control code (no __relocate_new_kernel_start/__relocate_new_kernel_end, "
            + "no arm64_relocate_new_kernel with arm64_relocate_new_kernel_size, no .kexec_relocate.text section)\n", stderr.Replace("\r", ""));
        Assert.False(File.Exists(page));
    }
}
