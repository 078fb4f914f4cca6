using A64Asm.Linker.Tests.Support;

namespace A64Asm.Linker.Tests.Linking;

/// <summary>Link failures and their exact messages (GNU ld's words, straight quotes).</summary>
public class LinkErrorTests
{
    [OracleFact]
    public void UndefinedReferencesAreAllReportedWithObjectSectionAndOffset()
    {
        var error = Assert.Throws<LinkError>(() => LinkCompare.Ours(
            [".text\n.globl _start\n_start: nop\nbl nothere\n.data\n.quad 0, nothere2\n"]));
        Assert.Equal(
            "o0.o:(.text+0x4): undefined reference to 'nothere'\n" +
            "o0.o:(.data+0x8): undefined reference to 'nothere2'",
            error.Message);
        Assert.Equal(2, error.Messages.Count);
    }

    [OracleFact]
    public void MultipleDefinitionNamesBothPlaces()
    {
        var error = Assert.Throws<LinkError>(() => LinkCompare.Ours(
            [".text\n.globl foo\nfoo: ret\n", ".text\nnop\nnop\n.globl foo\nfoo: ret\n"]));
        Assert.Equal("o1.o:(.text+0x8): multiple definition of 'foo'; o0.o:(.text+0x0): first defined here", error.Message);
    }

    [OracleFact]
    public void ConditionalBranchOutOfRange()
    {
        var error = Assert.Throws<LinkError>(() => LinkCompare.Ours(
        [
            ".text\n.globl _start\n_start: b.eq far\ntbz x0, #1, far\nb.eq .Lfar\n.section .text.far,\"ax\"\n.skip 0x100000\n.Lfar: ret\n",
            ".section .text.far,\"ax\"\n.globl far\nfar: ret\n",
        ]));
        Assert.Equal(
            "o0.o:(.text+0x0): relocation truncated to fit: R_AARCH64_CONDBR19 against symbol 'far' defined in .text.far section in o1.o: value 0x100010 is not in [-0x100000, 0xffffc] (a multiple of 4)\n" +
            "o0.o:(.text+0x4): relocation truncated to fit: R_AARCH64_TSTBR14 against symbol 'far' defined in .text.far section in o1.o: value 0x10000c is not in [-0x8000, 0x7ffc] (a multiple of 4)\n" +
            "o0.o:(.text+0x8): relocation truncated to fit: R_AARCH64_CONDBR19 against '.text.far': value 0x100004 is not in [-0x100000, 0xffffc] (a multiple of 4)",
            error.Message);
    }

    [OracleFact]
    public void BranchOutOfRangeAndMisalignedLoad()
    {
        var error = Assert.Throws<LinkError>(() => LinkCompare.Ours(
        [
            ".text\nbl far\nldr x0, [x1, :lo12:odd]\n.data\n.byte 1\n.globl odd\nodd: .quad 0\n",
            ".section .text.z,\"ax\"\n.skip 0x8000000\n.globl far\nfar: ret\n",
        ]));
        Assert.Equal(
            "o0.o:(.text+0x0): relocation truncated to fit: R_AARCH64_CALL26 against symbol 'far' defined in .text.z section in o1.o: value 0x8000008 is not in [-0x8000000, 0x7fffffc] (a multiple of 4)\n" +
            "o0.o:(.text+0x4): relocation truncated to fit: R_AARCH64_LDST64_ABS_LO12_NC against symbol 'odd' defined in .data section in o0.o: value 0x801000d is not a multiple of 8",
            error.Message);
    }

    [OracleFact]
    public void BranchToMisalignedTargetIsAnError()
    {
        var error = Assert.Throws<LinkError>(() => LinkCompare.Ours([".text\nb odd\n.data\n.byte 0\n.globl odd\nodd: .byte 1\n"]));
        Assert.Equal("o0.o:(.text+0x0): branch target not word aligned: R_AARCH64_JUMP26 against symbol 'odd' defined in .data section in o0.o: value 0x10005 is not a multiple of 4", error.Message);
    }

    [Fact]
    public void NotAnElfObject()
    {
        var error = Assert.Throws<LinkError>(() => A64Asm.Linker.Linker.Link([new LinkerInput("junk.o", [1, 2, 3])], new LinkerOptions()));
        Assert.Equal("junk.o: file format not recognized", error.Message);
        Assert.Equal("junk.o: file format not recognized", error.ToString()); // no stack trace in the text
    }

    [Fact]
    public void TruncatedObjectIsALinkErrorNotACrash()
    {
        var whole = A64Asm.Assembler.Elf.ElfObjectWriter.Write(Support.ObjectBuilder.Caller());
        foreach (var length in new[] { 16, 64, 100, whole.Length / 2, whole.Length - 1 })
        {
            var error = Assert.Throws<LinkError>(() =>
                A64Asm.Linker.Linker.Link([new LinkerInput("cut.o", whole[..length])], new LinkerOptions()));
            Assert.StartsWith("cut.o: ", error.Message);
        }
    }

    [OracleTheory]
    [InlineData(".section .note.foo,\"a\",@note\n.word 1\n", "o0.o: section '.note.foo': allocated notes are not supported (GNU ld places them before .text)")]
    [InlineData(".section .init_array,\"aw\"\n.quad 1\n", "o0.o: section '.init_array': .init_array is not supported (GNU ld's RELRO page adjustment is not modelled)")]
    [InlineData(".section .data.rel.ro,\"aw\"\n.quad 1\n", "o0.o: section '.data.rel.ro': .data.rel.ro is not supported (GNU ld's RELRO page adjustment is not modelled)")]
    [InlineData(".section .tdata,\"awT\"\n.quad 1\n", "o0.o: section '.tdata': TLS data is not supported in a flat image")]
    public void SectionsLdWouldPlaceDifferentlyAreRefused(string source, string message)
    {
        var error = Assert.Throws<LinkError>(() => LinkCompare.Ours([".text\nnop\n" + source]));
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void NoInputs() =>
        Assert.Equal("no input files", Assert.Throws<LinkError>(() => A64Asm.Linker.Linker.Link([], new LinkerOptions())).Message);
}
