namespace A64Asm.EndToEnd.Tests;

/// <summary><c>a64asm link -Map FILE --defsym NAME=EXPR</c> through the command line.</summary>
public class LinkMapCommandTests
{
    static (string Dir, string Object) Assemble()
    {
        string dir = TempDir.Create();
        string src = Path.Combine(dir, "a.s"), obj = Path.Combine(dir, "a.o");
        File.WriteAllText(src, ".text\n.globl _start\n_start: ldr x0, =limit\nret\n");
        var (status, _, stderr) = Cli.Run("-c", src, "-o", obj);
        Assert.True(status == 0, stderr);
        return (dir, obj);
    }

    [Fact]
    public void The_map_shows_the_defsym_the_file_and_the_section()
    {
        var (dir, obj) = Assemble();
        string map = Path.Combine(dir, "a.map"), bin = Path.Combine(dir, "a.bin");
        var (status, _, stderr) = Cli.Run("link", obj, "-Ttext=0x1000", "--defsym", "limit=_start+0x20", "-Map", map, "-o", bin);
        Assert.True(status == 0, stderr);
        Assert.Equal($"""

            Memory Configuration

            Name             Origin             Length             Attributes
            *default*        0x0000000000000000 0xffffffffffffffff

            Linker script and memory map

            Address of section .text set to 0x1000
                            0x0000000000001020                limit = (_start + 0x20)
            LOAD {obj}

            .text           0x0000000000001000       0x10
             .text          0x0000000000001000       0x10 {obj}
                            0x0000000000001000                _start
            OUTPUT({bin} elf64-littleaarch64)

            """.Replace("\r", ""), File.ReadAllText(map));
        Assert.Equal("2010000000000000", Convert.ToHexString(File.ReadAllBytes(bin).AsSpan(8, 8)));   // the literal holds limit
    }

    [Fact]
    public void A_bad_defsym_is_shown_at_its_column_and_nothing_is_written()
    {
        var (dir, obj) = Assemble();
        string map = Path.Combine(dir, "a.map"), bin = Path.Combine(dir, "a.bin");
        var (status, _, stderr) = Cli.Run("link", obj, "--defsym", "limit=nothere*2", "-Map", map, "-o", bin);
        Assert.Equal(1, status);
        Assert.Equal("--defsym:1:7: error: undefined symbol 'nothere' referenced in expression\n limit=nothere*2\n       ^\n", stderr.Replace("\r", ""));
        Assert.False(File.Exists(map));
        Assert.False(File.Exists(bin));
    }
}
