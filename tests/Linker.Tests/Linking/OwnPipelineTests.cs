using A64Asm.Isa.Fixups;
using A64Asm.Assembler.Elf;
using A64Asm.Linker.Tests.Support;

namespace A64Asm.Linker.Tests.Linking;

/// <summary>Objects from our ElfObjectWriter through our linker, against GNU ld on the same objects.</summary>
public class OwnPipelineTests
{
    [OracleFact]
    public void WriterOutputLinksLikeGnuLd()
    {
        var mine = ElfObjectWriter.Write(ObjectBuilder.Caller());
        using var dir = new TempDir();
        dir.Write("mine.o", mine);
        var ext = Gnu.Object(".text\n.globl ext\next: ret\n", dir, "ext");
        var gnu = Gnu.LinkFlat(["mine.o", "ext.o"], dir, "-Ttext=0", "-e", "0");
        var image = A64Asm.Linker.Linker.Link([new("mine.o", mine), new("ext.o", ext)], new LinkerOptions());
        ImageComparison.AssertSame(gnu, image.Flat);
        Assert.Equal(0x14ul, image.Symbols["ext"]);
        Assert.Equal(0x94000005u, BitConverter.ToUInt32(image.Flat, 0)); // bl ext: 5 words on
    }
}

/// <summary>PC-relative data (".word sym - .") from our assembler, linked by our linker and by GNU ld.</summary>
public class PcRelativeDataLinkTests
{
    [OracleFact]
    public void Prel16_32_64_link_like_GNU_ld()
    {
        const string source = ".text\nnop\n.word ext - .\n.quad ext - . + 8\n.hword ext - .\n.balign 4\nnop\n";
        var obj = A64Asm.Assembler.AsmDriver.AssembleText("prel.s", source, new A64Asm.Assembler.AssemblerOptions(),
            new A64Asm.Assembler.Diagnostics.CollectingDiagnostics());
        Assert.Equal([FixupKind.Prel32, FixupKind.Prel64, FixupKind.Prel16],
            obj.Sections.Single(s => s.Name == ".text").Relocations.Select(r => r.Kind));
        var mine = ElfObjectWriter.Write(obj);
        using var dir = new TempDir();
        dir.Write("mine.o", mine);
        var ext = Gnu.Object(".text\n.globl ext\nnop\next: ret\n", dir, "ext");
        var gnu = Gnu.LinkFlat(["mine.o", "ext.o"], dir, "-Ttext=0", "-e", "0");
        var image = A64Asm.Linker.Linker.Link([new("mine.o", mine), new("ext.o", ext)], new LinkerOptions());
        ImageComparison.AssertSame(gnu, image.Flat);
        ulong target = image.Symbols["ext"];
        Assert.Equal((uint)(target - 4), BitConverter.ToUInt32(image.Flat, 4));
        Assert.Equal((long)target - 8 + 8, BitConverter.ToInt64(image.Flat, 8));
        Assert.Equal((ushort)(target - 16), BitConverter.ToUInt16(image.Flat, 16));
    }
}
