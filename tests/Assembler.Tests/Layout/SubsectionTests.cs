namespace A64Asm.Assembler.Tests.Layout;

/// <summary>
/// Subsections (.subsection, .text N, .data N, .pushsection name, N). a64asm lays them out in the order they are
/// filled, which is GNU's numeric order as long as none is filled after a higher one of its section: whole objects
/// against GNU as in tests/vectors/elf/subsections.s; what a64asm cannot lay out as GNU does is refused, here.
/// </summary>
public class SubsectionTests
{
    [Fact]
    public void Increasing_subsections_lay_out_in_order()
    {
        var obj = Asm.Object(".data 1\n.byte 1\n.data 2\n.byte 2\n.text 5\n.data 3\n.byte 3\n");
        Assert.Equal(new byte[] { 1, 2, 3 }, obj.Sections.Single(s => s.Name == ".data").Data);
    }

    [Theory]
    // GNU as would put the nop of subsection 0 before subsection 1's.
    [InlineData("nop\n.subsection 1\nnop\n.subsection 0\nnop\n",
        "test.s:4:1: error: subsection 0 of .text is filled after subsection 1: a64asm lays subsections out in the order they are filled and cannot put it before")]
    [InlineData(".text 2\nnop\n.text 1\nl: .text 3\n",
        "test.s:3:1: error: subsection 1 of .text is filled after subsection 2: a64asm lays subsections out in the order they are filled and cannot put it before")]
    [InlineData(".data\n.subsection 1\n.subsection 0\n.byte 1\n",
        "test.s:3:1: error: subsection 0 of .data is filled after subsection 1: a64asm lays subsections out in the order they are filled and cannot put it before")]
    [InlineData("ldr x0, =0x1234567887654321\n.subsection 1\nnop\n",
        "test.s:2:1: error: literals of subsection 0 of .text are still pending: use .ltorg before another subsection of the section is filled")]
    // GNU as adds a $x at 4 when it writes the object (after the $d at 8); a64asm does not follow that.
    [InlineData("nop\n.subsection 1\nnop\n.word 1\n",
        "test.s:4:1: error: .text changes between code and data after a subsection of it began without a mapping symbol: a64asm does not place mapping symbols there as GNU as does")]
    [InlineData(".subsection 2147483648\n", "test.s:1:13: error: subsection number 2147483648 is outside -2147483648..2147483647")]
    [InlineData(".text -2147483649\n", "test.s:1:7: error: subsection number -2147483649 is outside -2147483648..2147483647")]
    [InlineData(".subsection 1, 2\n", "test.s:1:16: error: .subsection takes one subsection number")]
    [InlineData(".bss 1\n", "test.s:1:6: error: junk at end of line, first unrecognized character is '1'")]
    public void What_cannot_match_GNU_is_refused(string source, string expected) => Assert.Equal(expected, Asm.ErrorLine(source));
}
