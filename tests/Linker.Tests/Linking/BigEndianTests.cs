using A64Asm.Assembler;
using A64Asm.Assembler.Diagnostics;
using A64Asm.Assembler.Elf;
using A64Asm.Linker.Tests.Support;

namespace A64Asm.Linker.Tests.Linking;

/// <summary>Big-endian (aarch64_be, -EB) objects, ours and GNU as's, linked by us and by GNU ld -EB: data relocations
/// are stored big-endian, instruction fields in their little-endian words (issue 12).</summary>
public class BigEndianTests
{
    private const string Main = """
        .text
        .globl _start
        _start:
            bl helper
            adrp x0, table
            add x0, x0, :lo12:table
            ldr x1, =table + 16
            ldr w2, =0x11223344
            movz x3, #:abs_g1:table
        .section .rodata
        .balign 8
        table: .quad helper, 0x1122334455667788
        .word helper - .
        .word helper
        .hword 0x1234, table - . + 0x100
        """;

    private const string Helper = """
        .text
        .globl helper
        helper:
            ret
        .data
        .quad _start
        """;

    [OracleTheory]
    [InlineData(false)]
    [InlineData(true)]
    public void Objects_link_as_GNU_ld_links_GNU_as_s(bool ourObjects)
    {
        using var dir = new TempDir();
        var inputs = new List<LinkerInput>();
        foreach (var (name, source) in new[] { ("main", Main), ("helper", Helper) })
        {
            File.WriteAllText(dir.Path(name + ".s"), source);
            Gnu.CheckIn(dir.Root, "as", ["-EB", name + ".s", "-o", name + ".o"]);
            inputs.Add(new LinkerInput(name + ".o", ourObjects
                ? ElfObjectWriter.Write(AsmDriver.AssembleText(name + ".s", source, new AssemblerOptions { BigEndian = true }, new CollectingDiagnostics()))
                : File.ReadAllBytes(dir.Path(name + ".o"))));
        }
        var expected = Gnu.LinkFlat(["main.o", "helper.o"], dir, "-EB", "-e", "0", "-Ttext=0");
        var image = A64Asm.Linker.Linker.Link(inputs, new LinkerOptions());
        Assert.True(image.BigEndian);
        ImageComparison.AssertSame(expected, image.Flat);
    }

    [Fact]
    public void Mixing_byte_orders_is_an_error_naming_the_object()
    {
        var big = ElfObjectWriter.Write(AsmDriver.AssembleText("b.s", "nop\n", new AssemblerOptions { BigEndian = true }, new CollectingDiagnostics()));
        var little = ElfObjectWriter.Write(AsmDriver.AssembleText("l.s", "nop\n", new AssemblerOptions(), new CollectingDiagnostics()));
        var error = Assert.Throws<LinkError>(() => A64Asm.Linker.Linker.Link([new("l.o", little), new("b.o", big)], new LinkerOptions()));
        Assert.Equal("b.o: compiled for a big endian system and target is little endian", error.Message);
    }
}
