namespace A64Asm.EndToEnd.Tests;

/// <summary><c>a64asm link --gc-sections -e SYMBOL</c> through the command line, against ld.</summary>
public class LinkGcSectionsCommandTests
{
    [OracleFact]
    public void Unreached_sections_are_dropped_as_ld_drops_them()
    {
        string dir = TempDir.Create();
        string src = Path.Combine(dir, "a.s"), obj = Path.Combine(dir, "a.o");
        File.WriteAllText(src, ".section .text.entry,\"ax\"\n.globl entry\nentry: bl used\n.section .text.used,\"ax\"\nused: ret\n.section .text.dead,\"ax\"\ndead: nop\nnop\n");
        Gnu.Check("as", src, "-o", obj);
        string elf = Path.Combine(dir, "ref.elf"), reference = Path.Combine(dir, "ref.bin"), ours = Path.Combine(dir, "ours.bin");
        Gnu.Check("ld", "-Ttext=0x1000", "--gc-sections", "-e", "entry", obj, "-o", elf);
        Gnu.Check("objcopy", "-O", "binary", elf, reference);
        var (status, _, stderr) = Cli.Run("link", "-Ttext=0x1000", "--gc-sections", "-e", "entry", obj, "-o", ours);
        Assert.True(status == 0, stderr);
        Assert.Equal(Convert.ToHexString(File.ReadAllBytes(reference)), Convert.ToHexString(File.ReadAllBytes(ours)));
        Assert.Equal(8, File.ReadAllBytes(ours).Length);
    }
}
