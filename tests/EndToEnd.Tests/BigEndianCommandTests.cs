namespace A64Asm.EndToEnd.Tests;

/// <summary>-EB, -mbig-endian and -Wa,-EB on the command line build what the GNU pipeline builds for aarch64_be
/// (issue 12): the image's data big-endian, its instructions little-endian, and the object ELFDATA2MSB.</summary>
public class BigEndianCommandTests
{
    const string Source = """
        #ifndef __AARCH64EB__
        #error not big-endian
        #endif
            .globl start
        start:
            ldr x0, =0x1122334455667788
            ldr x1, .Lvalue
            adr x2, table
            ret
            .align 3
        .Lvalue: .quad 0x0102030405060708
        table: .word table - start, 0x11223344
            .hword 0x5566
        """;

    [OracleTheory]
    [InlineData("-EB")]
    [InlineData("-mbig-endian")]
    [InlineData("-Wa,-EB")]
    public void Image_matches_the_GNU_big_endian_pipeline(string flag)
    {
        string dir = TempDir.Create();
        string src = Path.Combine(dir, "be.S");
        File.WriteAllText(src, Source);
        string ours = Path.Combine(dir, "ours.bin");
        var (status, _, stderr) = Cli.Run(src, flag, "-o", ours);
        Assert.True(status == 0, stderr);

        string pre = Path.Combine(dir, "be.s"), obj = Path.Combine(dir, "be.o"), elf = Path.Combine(dir, "be.elf"), gnu = Path.Combine(dir, "gnu.bin");
        Gnu.Check("gcc", "-E", "-mbig-endian", src, "-o", pre);
        Gnu.Check("as", "-EB", pre, "-o", obj);
        Gnu.Check("ld", "-EB", "-Ttext=0", "-e", "0", obj, "-o", elf);
        Gnu.Check("objcopy", "-O", "binary", elf, gnu);
        Assert.Equal(Convert.ToHexString(File.ReadAllBytes(gnu)), Convert.ToHexString(File.ReadAllBytes(ours)));
    }

    [Fact]
    public void Object_is_ELFDATA2MSB()
    {
        string dir = TempDir.Create();
        string src = Path.Combine(dir, "be.S");
        File.WriteAllText(src, Source);
        string obj = Path.Combine(dir, "be.o");
        var (status, _, stderr) = Cli.Run("-c", src, "-EB", "-o", obj);
        Assert.True(status == 0, stderr);
        Assert.Equal(2, File.ReadAllBytes(obj)[5]); // EI_DATA
    }
}
