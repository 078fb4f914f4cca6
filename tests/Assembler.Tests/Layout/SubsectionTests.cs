namespace A64Asm.Assembler.Tests.Layout;

/// <summary>
/// Subsections (.subsection, .text N, .data N, .pushsection name, N) laid out as GNU as lays them out: each section's
/// subsections by number, each in the order it was filled. Whole objects against GNU as are in
/// tests/vectors/elf/subsection*.s; here, exact bytes and offsets, and what is refused.
/// </summary>
public class SubsectionTests
{
    [Fact]
    public void Increasing_subsections_lay_out_in_order()
    {
        var obj = Asm.Object(".data 1\n.byte 1\n.data 2\n.byte 2\n.text 5\n.data 3\n.byte 3\n");
        Assert.Equal(new byte[] { 1, 2, 3 }, obj.Sections.Single(s => s.Name == ".data").Data);
    }

    [Fact]
    public void Subsections_filled_out_of_order_are_joined_by_number()
    {
        var obj = Asm.Object(".data 2\n.byte 2\n.data\n.byte 0\n.data 1\n.byte 1\n.data 2\n.byte 3\n.data\n.byte 4\n");
        Assert.Equal(new byte[] { 0, 4, 1, 2, 3 }, obj.Sections.Single(s => s.Name == ".data").Data);
    }

    [Fact]
    public void Labels_and_branches_across_subsections_are_resolved_at_their_joined_offsets()
    {
        // Subsection 1 (b early) comes after subsection 0's three words: early = 4, later = 12 (bytes as GNU as's).
        Assert.Equal("1f2003d5" + "02000014" + "08000000" + "feffff17",
            Asm.Hex("nop\n.subsection 1\nlater: b early\n.subsection 0\nearly: b later\n.word later - early\n"));
    }

    [Fact]
    public void Each_subsection_keeps_its_own_literal_pool()
    {
        // The pool of subsection 1 goes at its end (after ret), subsection 0's at the end of subsection 0.
        var bytes = Asm.Bytes("ldr w0, =0x11\n.subsection 1\nldr w1, =0x22\nret\n.subsection 0\nnop\n");
        Assert.Equal("40000018" + "1f2003d5" + "11000000" + "41000018" + "c0035fd6" + "22000000",
            Convert.ToHexString(bytes).ToLowerInvariant());
    }

    [Theory]
    // GNU as pads an instruction to a word only where it follows data: subsection 1's nop, filled after code, stays at
    // the odd offset subsection 0's byte leaves it (as an instruction after a code alignment with a fill does).
    [InlineData("nop\n.subsection 1\nnop\n.subsection 0\n.byte 1\n", "1f2003d5011f2003d5")]
    [InlineData(".subsection 1\nnop\n.subsection 0\n.byte 1\n", "011f2003d5")]
    [InlineData(".byte 1\n.balign 2, 0\nnop\n", "01001f2003d5")]
    [InlineData(".byte 1\nnop\n", "010000001f2003d5")]
    public void Instructions_are_padded_to_a_word_only_after_data(string source, string hex) => Assert.Equal(hex, Asm.Hex(source));

    [Fact]
    public void Entering_the_current_section_again_makes_it_the_previous_one()
    {
        // GNU as: the second .text makes .text the previous section, so .previous stays in .text.
        var obj = Asm.Object(".data\n.text\n.text\n.previous\n.byte 1\n");
        Assert.Equal(new byte[] { 1 }, obj.Sections.Single(s => s.Name == ".text").Data);
        Assert.Empty(obj.Sections.Single(s => s.Name == ".data").Data);
    }

    [Theory]
    [InlineData(".previous\nnop\n", "test.s:1:1: warning: .previous without corresponding .section; ignored")]
    [InlineData(".popsection\nnop\n", "test.s:1:1: warning: .popsection without corresponding .pushsection; ignored")]
    public void Nothing_to_return_to_is_GNUs_warning_and_is_ignored(string source, string warning)
    {
        var diagnostics = new A64Asm.Assembler.Diagnostics.CollectingDiagnostics();
        var obj = Asm.Object(source, diagnostics);
        Assert.Equal(warning, diagnostics.Warnings.Single().Split('\n')[0]);
        Assert.Equal("1f2003d5", Convert.ToHexString(obj.Sections.Single(s => s.Name == ".text").Data).ToLowerInvariant());
    }

    [Theory]
    [InlineData(".subsection 2147483648\n", "test.s:1:13: error: subsection number 2147483648 is outside -2147483648..2147483647")]
    [InlineData(".text -2147483649\n", "test.s:1:7: error: subsection number -2147483649 is outside -2147483648..2147483647")]
    [InlineData(".subsection 1, 2\n", "test.s:1:16: error: .subsection takes one subsection number")]
    [InlineData(".bss 1\n", "test.s:1:6: error: junk at end of line, first unrecognized character is '1'")]
    // GNU as puts subsection -1 before the nop; a64asm has placed that nop at 0 before any subsection was used.
    [InlineData("nop\n.subsection -1\n.word 1\n",
        "test.s:2:1: error: a negative subsection of .text comes before what its subsection 0 got before any other " +
        "subsection was used, and a64asm has laid those out at offset 0")]
    [InlineData("start: .subsection -1\n.word 1\n",
        "test.s:1:8: error: a negative subsection of .text comes before what its subsection 0 got before any other " +
        "subsection was used, and a64asm has laid those out at offset 0")]
    public void What_cannot_match_GNU_is_refused(string source, string expected) => Assert.Equal(expected, Asm.ErrorLine(source));
}
