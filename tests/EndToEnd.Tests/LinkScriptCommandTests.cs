namespace A64Asm.EndToEnd.Tests;

/// <summary><c>a64asm link -T script.ld</c> and archives through the command line, against ld -T + objcopy.</summary>
public class LinkScriptCommandTests
{
    const string Script = """
        SECTIONS
        {
            . = 0x40000;
            .text : { *(.text*) }
            .rodata : { *(.rodata*) }
            . = ALIGN(0x1000);
            .data : { *(.data) }
            image_end = .;
        }
        """;

    static string Objects(string dir)
    {
        File.WriteAllText(Path.Combine(dir, "main.s"), ".text\n.globl _start\n_start: bl helper\nldr x0, =image_end\n.data\n.quad helper\n");
        File.WriteAllText(Path.Combine(dir, "helper.s"), ".text\n.globl helper\nhelper: adr x1, msg\nret\n.section .rodata\nmsg: .asciz \"hi\"\n");
        File.WriteAllText(Path.Combine(dir, "s.ld"), Script);
        Gnu.Check("as", Path.Combine(dir, "main.s"), "-o", Path.Combine(dir, "main.o"));
        Gnu.Check("as", Path.Combine(dir, "helper.s"), "-o", Path.Combine(dir, "helper.o"));
        Tool.Check(Gnu.Prefix + "ar", "rcs", Path.Combine(dir, "libh.a"), Path.Combine(dir, "helper.o"));
        return dir;
    }

    [OracleTheory]
    [InlineData("-T")]
    [InlineData("-T=glued")]
    public void A_script_and_an_archive_give_ld_s_image(string spelling)
    {
        string dir = Objects(TempDir.Create());
        string script = Path.Combine(dir, "s.ld"), main = Path.Combine(dir, "main.o"), lib = Path.Combine(dir, "libh.a");
        string elf = Path.Combine(dir, "ref.elf"), reference = Path.Combine(dir, "ref.bin"), ours = Path.Combine(dir, "ours.bin");
        Gnu.Check("ld", "-T", script, "-e", "0", main, lib, "-o", elf);
        Gnu.Check("objcopy", "-O", "binary", elf, reference);
        string[] scriptArgs = spelling == "-T" ? ["-T", script] : ["-T" + script];
        var (status, _, stderr) = Cli.Run(["link", .. scriptArgs, main, lib, "-o", ours]);
        Assert.True(status == 0, stderr);
        Assert.Equal(Convert.ToHexString(File.ReadAllBytes(reference)), Convert.ToHexString(File.ReadAllBytes(ours)));
    }

    [Fact]
    public void A_script_mistake_is_shown_at_its_line_and_nothing_is_written()
    {
        string dir = TempDir.Create();
        string source = Path.Combine(dir, "a.s"), obj = Path.Combine(dir, "a.o"), script = Path.Combine(dir, "bad.ld"), image = Path.Combine(dir, "a.bin");
        File.WriteAllText(source, "nop\n");
        Assert.Equal(0, Cli.Run("-c", source, "-o", obj).Status);
        File.WriteAllText(script, "SECTIONS {\n  .text : { *(.text) }\n  . = ;\n}\n");
        File.WriteAllText(image, "before");
        var (status, stdout, stderr) = Cli.Run("link", "-T", script, obj, "-o", image);
        Assert.Equal(1, status);
        Assert.Equal("", stdout);
        Assert.Equal($"{script}:3:7: error: expected an expression, found ';'\n   . = ;\n       ^\n", stderr.Replace("\r", ""));
        Assert.Equal("before", File.ReadAllText(image));
    }

    [Fact]
    public void A_missing_script_is_named()
    {
        string dir = TempDir.Create();
        string source = Path.Combine(dir, "a.s"), obj = Path.Combine(dir, "a.o");
        File.WriteAllText(source, "nop\n");
        Assert.Equal(0, Cli.Run("-c", source, "-o", obj).Status);
        var (status, _, stderr) = Cli.Run("link", "-T", Path.Combine(dir, "none.ld"), obj, "-o", Path.Combine(dir, "a.bin"));
        Assert.Equal(1, status);
        Assert.Equal($"a64asm: error: {Path.Combine(dir, "none.ld")}: No such file or directory\n", stderr.Replace("\r", ""));
    }
}
