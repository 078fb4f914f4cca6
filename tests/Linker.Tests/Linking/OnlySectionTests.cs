using A64Asm.Assembler;
using A64Asm.Assembler.Diagnostics;
using A64Asm.Assembler.Elf;
using A64Asm.Linker.Kexec;
using A64Asm.Linker.Output;
using A64Asm.Linker.Tests.Support;

namespace A64Asm.Linker.Tests.Linking;

/// <summary>-j NAME: our link cut down to sections, against ld -Ttext=0 + objcopy -O binary -j NAME on the same object.</summary>
public class OnlySectionTests
{
    // .text first, the kexec code pushed into its own section (an orphan ld places after .text), more code after it,
    // and data in the next 64K page: a cut has to know where each section landed.
    const string Source = """
        .text
        .globl _start
        _start: nop
            b 1f
        1:  ret
        .pushsection ".kexec_relocate.text", "ax"
        .globl reloc
        reloc: mov x0, #1
            adr x1, _start
            .quad reloc
            ret
        .popsection
        .data
        .quad 0x1122334455667788
        .section .other, "ax"
            nop
            nop

        """;

    static byte[] OurObject() =>
        ElfObjectWriter.Write(AsmDriver.AssembleText("cut.s", Source, new AssemblerOptions(), new CollectingDiagnostics()));

    [OracleTheory]
    [InlineData(".kexec_relocate.text")]
    [InlineData(".kexec_relocate.text", ".other")]
    [InlineData(".other", ".text")]
    [InlineData(".text", ".data")]
    public void Cut_is_what_objcopy_j_writes(params string[] sections)
    {
        using var dir = new TempDir();
        dir.Write("cut.o", OurObject());
        Gnu.CheckIn(dir.Root, "ld", ["-Ttext=0", "-e", "0", "cut.o", "-o", "cut.elf"]);
        Gnu.CheckIn(dir.Root, "objcopy", ["-O", "binary", .. sections.SelectMany(s => new[] { "-j", s }), "cut.elf", "cut.bin"]);
        var gnu = File.ReadAllBytes(dir.Path("cut.bin"));

        var image = SectionSelection.Only(A64Asm.Linker.Linker.Link([new("cut.o", OurObject())], new LinkerOptions()), sections);
        ImageComparison.AssertSame(gnu, image.Flat);
    }

    [Fact]
    public void Kexec_section_lands_after_text_and_holds_only_its_bytes()
    {
        var image = SectionSelection.Only(A64Asm.Linker.Linker.Link([new("cut.o", OurObject())], new LinkerOptions()), [".kexec_relocate.text"]);
        Assert.Equal(0xcUL, image.BaseAddress);
        Assert.Equal(20, image.Flat.Length);
        Assert.Equal(0xd2800020u, BitConverter.ToUInt32(image.Flat, 0));          // mov x0, #1
        Assert.Equal(0x10ffff81u, BitConverter.ToUInt32(image.Flat, 4));          // adr x1, _start: 0x10 back
        Assert.Equal(0xcUL, BitConverter.ToUInt64(image.Flat, 8));                // .quad reloc, its linked address
        Assert.Equal(0xcUL, image.Symbols["reloc"]);
    }

    [Fact]
    public void Unknown_section_is_an_error_naming_the_ones_there()
    {
        var linked = A64Asm.Linker.Linker.Link([new("cut.o", OurObject())], new LinkerOptions());
        var e = Assert.Throws<LinkError>(() => SectionSelection.Only(linked, [".nothere"]));
        Assert.Equal("-j .nothere: the image has no section '.nothere' (it has .text, .kexec_relocate.text, .other, .data)", e.Message);
    }
}
