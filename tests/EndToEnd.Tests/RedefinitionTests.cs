namespace A64Asm.EndToEnd.Tests;

/// <summary>Redefinitions in real trees' files (issue 12): a label defined twice is an error at the second
/// definition, through the macro that made it, with nothing written; a register alias defined again to another
/// register is GNU as's warning, and the build goes on with the first.</summary>
public class RedefinitionTests
{
    [Fact]
    public void A_label_defined_twice_through_a_cpp_macro_is_an_error_at_the_second_and_nothing_is_written()
    {
        string dir = TempDir.Create();
        string src = Path.Combine(dir, "twice.S");
        File.WriteAllText(src, "#define ENTRY(name) .globl name; .align 4; name:\nENTRY(reloc)\n\tnop\nENTRY(reloc)\n\tret\n");
        string outBin = Path.Combine(dir, "twice.bin");
        File.WriteAllText(outBin, "previous build");
        var (status, stdout, stderr) = Cli.Run(src, "-o", outBin);
        Assert.Equal(1, status);
        Assert.Equal("", stdout);
        Assert.Equal($"{src}:4:7: error: symbol 'reloc' is already defined\n ENTRY(reloc)\n       ^\n", stderr.Replace("\r", ""));
        Assert.Equal("previous build", File.ReadAllText(outBin));
    }

    [Fact]
    public void A_label_defined_twice_by_a_gas_macro_names_the_expansion()
    {
        string dir = TempDir.Create();
        string src = Path.Combine(dir, "twice.s");
        File.WriteAllText(src, "\t.macro lbl n\n\\n:\n\t.endm\n\tlbl foo\n\tnop\n\tlbl foo\n");
        string outBin = Path.Combine(dir, "twice.bin");
        var (status, _, stderr) = Cli.Run(src, "-o", outBin);
        Assert.Equal(1, status);
        Assert.Equal($"{src}:2:1: error: symbol 'foo' is already defined\n \\n:\n ^\nin macro 'lbl' expanded from {src}:6\n", stderr.Replace("\r", ""));
        Assert.False(File.Exists(outBin));
    }

    [Fact]
    public void A_register_alias_redefined_to_another_register_warns_and_keeps_the_first()
    {
        string dir = TempDir.Create();
        string src = Path.Combine(dir, "alias.s");
        File.WriteAllText(src, "lr .req x30\ntmp .req x3\ntmp .req x4\n\tmov tmp, #1\n\tmov x0, lr\n");
        string outBin = Path.Combine(dir, "alias.bin");
        var (status, _, stderr) = Cli.Run(src, "-o", outBin);
        Assert.Equal(0, status);
        Assert.Equal($"{src}:3:1: warning: ignoring redefinition of register alias 'tmp'\n tmp .req x4\n ^\n", stderr.Replace("\r", ""));
        Assert.Equal("230080d2e0031eaa", Convert.ToHexString(File.ReadAllBytes(outBin)).ToLowerInvariant()); // mov x3, #1; mov x0, x30
    }
}
