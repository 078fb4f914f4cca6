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
        if (!GnuTools.Require()) return;
        var image = LinkCompare.Ours([Program, ".text\n.globl helper\nhelper: ret\n"]);
        using var dir = new TempDir();
        dir.Write("out.elf", ElfExecutableWriter.Write(image));

        var readelf = GnuTools.Ok("readelf", ["-a", "-W", "out.elf"], dir.Root);
        Assert.Equal("", readelf.StdErr);
        Assert.Contains("EXEC (Executable file)", readelf.StdOut);
        Assert.Contains("Entry point address:               0x0", readelf.StdOut);
        Assert.Matches(@"\.data\s+PROGBITS\s+0000000000010018", readelf.StdOut);
        Assert.Matches(@"0000000000010018\s+0 NOTYPE  GLOBAL DEFAULT\s+\d+ value", readelf.StdOut);

        GnuTools.Ok("objcopy", ["-O", "binary", "out.elf", "out.bin"], dir.Root);
        LinkCompare.AssertSameBytes(image.Flat, File.ReadAllBytes(dir.Path("out.bin")));
    }

    [OracleFact]
    public void NonZeroTextStartIsTheEntryWithoutStart()
    {
        if (!GnuTools.Require()) return;
        var image = LinkCompare.Ours([".text\nnop\nret\n"], new LinkerOptions().WithSectionStart(".text", 0x80000));
        using var dir = new TempDir();
        dir.Write("out.elf", ElfExecutableWriter.Write(image));
        var readelf = GnuTools.Ok("readelf", ["-h", "-l", "-W", "out.elf"], dir.Root);
        Assert.Equal("", readelf.StdErr);
        Assert.Contains("Entry point address:               0x80000", readelf.StdOut);
        GnuTools.Ok("objcopy", ["-O", "binary", "out.elf", "out.bin"], dir.Root);
        Assert.Equal(image.Flat, File.ReadAllBytes(dir.Path("out.bin")));
    }
}
