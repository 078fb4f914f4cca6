using A64Asm.Linker.Output;
using A64Asm.Linker.Tests.Support;

namespace A64Asm.Linker.Tests.Linking;

/// <summary>The optional `-o x.elf` output: readelf reads it cleanly and objcopy -O binary gives the flat image back.</summary>
public class ElfExecutableWriterTests
{
    private const string Program = """
        .text
        .globl _start
        _start: adrp x0, value
        ldr x0, [x0, :lo12:value]
        bl helper
        .section .rodata
        .quad 0x1122334455667788
        .data
        .globl value
        value: .quad _start
        .bss
        .skip 32
        """;

    [OracleFact]
    public void ReadelfAndObjcopyAgreeWithTheImage()
    {
        var image = LinkCompare.Ours([Program, ".text\n.globl helper\nhelper: ret\n"]);
        using var dir = new TempDir();
        dir.Write("out.elf", ElfExecutableWriter.Write(image));

        var readelf = Gnu.CheckIn(dir.Root, "readelf", ["-a", "-W", "out.elf"]);
        Assert.Equal("", readelf.Stderr);
        Assert.Contains("EXEC (Executable file)", readelf.Stdout);
        Assert.Contains("Entry point address:               0x0", readelf.Stdout);
        Assert.Matches(@"\.data\s+PROGBITS\s+0000000000010018", readelf.Stdout);
        Assert.Matches(@"0000000000010018\s+0 NOTYPE  GLOBAL DEFAULT\s+\d+ value", readelf.Stdout);

        Gnu.CheckIn(dir.Root, "objcopy", ["-O", "binary", "out.elf", "out.bin"]);
        ImageComparison.AssertSame(image.Flat, File.ReadAllBytes(dir.Path("out.bin")));
    }

    [OracleFact]
    public void NonZeroTextStartIsTheEntryWithoutStart()
    {
        var image = LinkCompare.Ours([".text\nnop\nret\n"], new LinkerOptions().WithSectionStart(".text", 0x80000));
        using var dir = new TempDir();
        dir.Write("out.elf", ElfExecutableWriter.Write(image));
        var readelf = Gnu.CheckIn(dir.Root, "readelf", ["-h", "-l", "-W", "out.elf"]);
        Assert.Equal("", readelf.Stderr);
        Assert.Contains("Entry point address:               0x80000", readelf.Stdout);
        Gnu.CheckIn(dir.Root, "objcopy", ["-O", "binary", "out.elf", "out.bin"]);
        Assert.Equal(image.Flat, File.ReadAllBytes(dir.Path("out.bin")));
    }
}
