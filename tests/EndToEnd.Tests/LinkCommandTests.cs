namespace A64Asm.EndToEnd.Tests;

/// <summary><c>a64asm link</c>: objects from GNU as and from a64asm, linked as GNU ld + objcopy -O binary link them.</summary>
public class LinkCommandTests
{
    const string Main = """
            .text
            .globl _start
        _start:
            bl helper
            adrp x0, table
            add x0, x0, :lo12:table
            ldr x1, [x0, :lo12:table]
            movz x2, #:abs_g1:table
            movk x2, #:abs_g0_nc:table
            cbz x1, tail
            b tail
            .section .rodata
            .balign 8
        table: .quad helper, tail
            .word helper - .
        """;

    const string Helper = """
            .text
            .globl helper, tail
        helper: ret
        tail: b _start
            .data
            .quad table2
        table2: .word 7
        """;

    static (string Dir, string GnuMain, string GnuHelper, string OurHelper) Objects()
    {
        string dir = TempDir.Create();
        File.WriteAllText(Path.Combine(dir, "main.s"), Main);
        File.WriteAllText(Path.Combine(dir, "helper.s"), Helper);
        foreach (var name in new[] { "main", "helper" })
        {
            Gnu.Check("as", Path.Combine(dir, name + ".s"), "-o", Path.Combine(dir, name + ".gnu.o"));
        }
        string ours = Path.Combine(dir, "helper.ours.o");
        var (status, _, stderr) = Cli.Run("-c", Path.Combine(dir, "helper.s"), "-o", ours);
        Assert.True(status == 0, stderr);
        return (dir, Path.Combine(dir, "main.gnu.o"), Path.Combine(dir, "helper.gnu.o"), ours);
    }

    static byte[] GnuImage(string dir, params string[] args)
    {
        string elf = Path.Combine(dir, "gnu.elf"), bin = Path.Combine(dir, "gnu.bin");
        Gnu.Check("ld", [.. args, "-e", "0", "-o", elf]);
        Gnu.Check("objcopy", "-O", "binary", elf, bin);
        return File.ReadAllBytes(bin);
    }

    [OracleTheory]
    [InlineData(false)]
    [InlineData(true)]
    public void GNU_as_objects_and_mixed_links_give_GNU_ld_s_image(bool ourHelper)
    {
        var (dir, main, gnuHelper, oursHelper) = Objects();
        string helper = ourHelper ? oursHelper : gnuHelper;
        string[] placement = ["-Ttext=0x80000", "--section-start=.rodata=0x81000"];
        string outBin = Path.Combine(dir, "ours.bin");
        var (status, _, stderr) = Cli.Run(["link", main, helper, .. placement, "-o", outBin]);
        Assert.True(status == 0, stderr);
        Assert.Equal(Convert.ToHexString(GnuImage(dir, [.. placement, main, helper])), Convert.ToHexString(File.ReadAllBytes(outBin)));
    }

    [OracleFact]
    public void Only_section_writes_what_objcopy_j_writes()
    {
        var (dir, main, helper, _) = Objects();
        string outBin = Path.Combine(dir, "ours.bin");
        var (status, _, stderr) = Cli.Run("link", main, helper, "-j", ".rodata", "-o", outBin);
        Assert.True(status == 0, stderr);
        string elf = Path.Combine(dir, "gnu.elf"), bin = Path.Combine(dir, "gnu.bin");
        Gnu.Check("ld", "-Ttext=0", "-e", "0", main, helper, "-o", elf);
        Gnu.Check("objcopy", "-O", "binary", "-j", ".rodata", elf, bin);
        Assert.Equal(Convert.ToHexString(File.ReadAllBytes(bin)), Convert.ToHexString(File.ReadAllBytes(outBin)));
    }

    [OracleFact]
    public void Elf_output_reads_clean_and_holds_ld_s_addresses()
    {
        var (dir, main, helper, _) = Objects();
        string outElf = Path.Combine(dir, "ours.elf");
        var (status, _, stderr) = Cli.Run("link", main, helper, "-Ttext=0x80000", "--format", "elf", "-o", outElf);
        Assert.True(status == 0, stderr);
        var readelf = Gnu.Run("readelf", "-a", "-W", outElf);
        Assert.Equal(0, readelf.Status);
        Assert.Equal("", readelf.Stderr);
        string gnuElf = Path.Combine(dir, "gnu.elf");
        Gnu.Check("ld", "-Ttext=0x80000", "-e", "0", main, helper, "-o", gnuElf);
        string Symbol(string elf, string name) => Gnu.Run("nm", elf).Stdout.Split('\n').Single(l => l.EndsWith(" " + name));
        foreach (var name in new[] { "_start", "helper", "tail" })
            Assert.Equal(Symbol(gnuElf, name), Symbol(outElf, name));
    }

    [OracleFact]
    public void Entry_symbol_is_the_ELF_entry_point_as_ld_sets_it()
    {
        var (dir, main, helper, _) = Objects();
        string outElf = Path.Combine(dir, "ours.elf"), gnuElf = Path.Combine(dir, "gnu.elf");
        Assert.Equal(0, Cli.Run("link", main, helper, "-Ttext=0x80000", "-e", "tail", "--format", "elf", "-o", outElf).Status);
        Gnu.Check("ld", "-Ttext=0x80000", "-e", "tail", main, helper, "-o", gnuElf);
        string Entry(string elf) => Gnu.Run("readelf", "-h", elf).Stdout.Split('\n').Single(l => l.Contains("Entry point"));
        Assert.Equal(Entry(gnuElf), Entry(outElf));
        var (status, _, stderr) = Cli.Run("link", main, helper, "-e", "nowhere", "--format", "elf", "-o", Path.Combine(dir, "x.elf"));
        Assert.Equal(1, status);
        Assert.Equal("a64asm: error: -e nowhere: no such symbol in the link", stderr.Replace("\r", "").TrimEnd('\n'));
        Assert.False(File.Exists(Path.Combine(dir, "x.elf")));
    }

    [Fact]
    public void Undefined_references_name_each_site_and_nothing_is_written()
    {
        string dir = TempDir.Create();
        string src = Path.Combine(dir, "a.s"), obj = Path.Combine(dir, "a.o"), outBin = Path.Combine(dir, "a.bin");
        File.WriteAllText(src, "\t.globl _start\n_start:\tbl helper\n\t.quad tail\n");
        Assert.Equal(0, Cli.Run("-c", src, "-o", obj).Status);
        var (status, _, stderr) = Cli.Run("link", obj, "-o", outBin);
        Assert.Equal(1, status);
        Assert.Equal($"a64asm: error: {obj}:(.text+0x0): undefined reference to 'helper'\na64asm: error: {obj}:(.text+0x4): undefined reference to 'tail'\n",
            stderr.Replace("\r", ""));
        Assert.False(File.Exists(outBin));
    }

    [Theory]
    [InlineData("--format", "coff", "a64asm: error: --format: 'coff' is not binary or elf\nTry 'a64asm link --help'")]
    [InlineData("-Ttext=0xzz", null, "a64asm: error: invalid hex number `0xzz' in '-Ttext=0xzz'\nTry 'a64asm link --help'")]
    public void Bad_options_are_one_line_errors(string option, string? value, string message)
    {
        string dir = TempDir.Create();
        string src = Path.Combine(dir, "a.s"), obj = Path.Combine(dir, "a.o"), outBin = Path.Combine(dir, "a.bin");
        File.WriteAllText(src, "nop\n");
        Assert.Equal(0, Cli.Run("-c", src, "-o", obj).Status);
        var (status, _, stderr) = Cli.Run(value is null ? ["link", obj, option, "-o", outBin] : ["link", obj, option, value, "-o", outBin]);
        Assert.Equal(1, status);
        Assert.Equal(message, stderr.Replace("\r", "").TrimEnd('\n'));
        Assert.False(File.Exists(outBin));
    }

    [Fact]
    public void A_file_that_is_not_an_object_is_named()
    {
        string dir = TempDir.Create();
        string bad = Path.Combine(dir, "notes.txt"), outBin = Path.Combine(dir, "a.bin");
        File.WriteAllText(bad, "not an object\n");
        var (status, _, stderr) = Cli.Run("link", bad, "-o", outBin);
        Assert.Equal(1, status);
        Assert.Equal($"a64asm: error: {bad}: file format not recognized", stderr.Replace("\r", "").TrimEnd('\n'));
        Assert.False(File.Exists(outBin));
    }
}
