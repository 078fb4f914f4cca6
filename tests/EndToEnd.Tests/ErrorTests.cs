namespace A64Asm.EndToEnd.Tests;

/// <summary>Bad input: file:line:col, the line, a caret, status 1, and no output written or clobbered.</summary>
public class ErrorTests
{
    static string GrownSample(string dir)
    {
        // 1024 more instructions before .Lcopy_end push the code past .org KEXEC_CONTROL_PAGE_SIZE.
        string text = File.ReadAllText(Repo.Path("samples/relocate_kernel.S"));
        text = text.Replace(".Lcopy_end:\n", ".rept 1024\nnop\n.endr\n.Lcopy_end:\n");
        string path = Path.Combine(dir, "grown.S");
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Sample_grown_past_the_control_page_fails_with_the_org_overrun_and_leaves_no_output()
    {
        string dir = TempDir.Create();
        string src = GrownSample(dir);
        string outBin = Path.Combine(dir, "reloc.bin");
        var (status, stdout, stderr) = Cli.Run(src, "-I", "samples/include", "-o", outBin);
        Assert.Equal(1, status);
        Assert.Equal("", stdout);
        int orgLine = Array.IndexOf(File.ReadAllLines(src), ".org KEXEC_CONTROL_PAGE_SIZE") + 1;
        Assert.StartsWith($"{src}:{orgLine}:1: error: ", stderr);
        Assert.Contains("240 bytes past 0x1000", stderr); // .Lcopy_end moved from 0xf0 to 0x10f0
        Assert.Contains("\n .org KEXEC_CONTROL_PAGE_SIZE\n ^", stderr.Replace("\r", ""));
        Assert.False(File.Exists(outBin));
    }

    [Fact]
    public void An_error_never_clobbers_an_existing_output()
    {
        string dir = TempDir.Create();
        string outBin = Path.Combine(dir, "reloc.bin");
        File.WriteAllText(outBin, "previous build");
        var (status, _, _) = Cli.Run(GrownSample(dir), "-I", "samples/include", "-o", outBin);
        Assert.Equal(1, status);
        Assert.Equal("previous build", File.ReadAllText(outBin));
        Assert.Empty(Directory.GetFiles(dir, "*.tmp"));
    }

    [Fact]
    public void Missing_include_names_the_include_line_with_a_caret()
    {
        string dir = TempDir.Create();
        string outBin = Path.Combine(dir, "reloc.bin");
        // Without -I the sample's first #include cannot be found.
        var (status, _, stderr) = Cli.Run("samples/relocate_kernel.S", "-o", outBin);
        Assert.Equal(1, status);
        string[] lines = stderr.Replace("\r", "").Split('\n');
        Assert.StartsWith("samples/relocate_kernel.S:12:", lines[0]);
        Assert.Contains("error: 'linux/kexec.h' file not found", lines[0]);
        Assert.Equal(" #include <linux/kexec.h>", lines[1]);
        Assert.Matches(@"^ +\^$", lines[2]);
        Assert.False(File.Exists(outBin));
    }

    [Fact]
    public void Missing_input_file_is_an_error_not_a_stack_trace()
    {
        var (status, _, stderr) = Cli.Run("no/such/file.S", "-o", Path.Combine(TempDir.Create(), "x.bin"));
        Assert.Equal(1, status);
        Assert.Equal("a64asm: error: no/such/file.S: No such file or directory", stderr.Trim());
    }
}
