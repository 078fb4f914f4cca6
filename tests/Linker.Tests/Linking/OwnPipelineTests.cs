using A64Asm.Assembler.Elf;
using A64Asm.Linker.Tests.Support;

namespace A64Asm.Linker.Tests.Linking;

/// <summary>Objects from our ElfObjectWriter through our linker, against GNU ld on the same objects.</summary>
public class OwnPipelineTests
{
    [Fact]
    public void WriterOutputLinksLikeGnuLd()
    {
        if (!GnuTools.Require()) return;
        var mine = ElfObjectWriter.Write(ObjectBuilder.Caller());
        using var dir = new TempDir();
        dir.Write("mine.o", mine);
        var ext = GnuTools.Assemble(".text\n.globl ext\next: ret\n", dir, "ext");
        var gnu = GnuTools.LinkFlat(["mine.o", "ext.o"], dir, "-Ttext=0", "-e", "0");
        var image = A64Asm.Linker.Linker.Link([new("mine.o", mine), new("ext.o", ext)], new LinkerOptions());
        LinkCompare.AssertSameBytes(gnu, image.Flat);
        Assert.Equal(0x14ul, image.Symbols["ext"]);
        Assert.Equal(0x94000005u, BitConverter.ToUInt32(image.Flat, 0)); // bl ext: 5 words on
    }
}
