using A64Asm.Assembler.Layout;
using A64Asm.Assembler.Tests.Layout;

namespace A64Asm.Assembler.Tests.Listing;

/// <summary>The -a / --listing text: gas -al columns, final (fixed-up) bytes, origins of expanded lines.</summary>
public class ListingTests
{
    static string ListingOf(string source, long maxSectionSize = AssemblerOptions.DefaultMaxSectionSize)
    {
        var writer = new ListingWriter();
        Asm.Object(source, options: new AssemblerOptions { Listing = writer, MaxSectionSize = maxSectionSize });
        return writer.ToString();
    }

    [Fact]
    public void Lists_labels_instructions_late_branches_data_pools_and_macro_lines()
    {
        string source =
            ".macro twice reg\n" +
            "\tadd \\reg, \\reg, \\reg\n" +
            "\tadd \\reg, \\reg, \\reg\n" +
            ".endm\n" +
            "start:\n" +
            "\tb later\n" +
            "\tldr x0, =0x1122334455667788\n" +
            "\ttwice x1\n" +
            "later: ret\n" +
            "\t.ltorg\n" +
            "\t.quad 0x0102030405060708, 9\n";
        Assert.Equal(
            "   5              \tstart:\n" +
            "   6 0000 04000014 \t\tb later\n" +
            "   7 0004 A0000058 \t\tldr x0, =0x1122334455667788\n" +
            "   8 0008 2100018B \ttest.s:2+ \tadd x1, x1, x1\n" +
            "   8 000c 2100018B \ttest.s:3+ \tadd x1, x1, x1\n" +
            "   9 0010 C0035FD6 \tlater: ret\n" +
            "  10 0014 00000000 \t\t.ltorg\n" +
            "  10      88776655 \n" +
            "  10      44332211 \n" +
            "  11 0020 08070605 \t\t.quad 0x0102030405060708, 9\n" +
            "  11      04030201 \n" +
            "  11      09000000 \n" +
            "  11      00000000 \n",
            ListingOf(source));
    }

    [Fact]
    public void Subsection_lines_show_their_joined_offsets_and_a_switch_shows_no_bytes()
    {
        // As gas -al lists it: the add of subsection 1 after subsection 0's two words.
        Assert.Equal(
            "   1              \t.text\n" +
            "   2 0000 1F2003D5 \tnop\n" +
            "   3              \t.subsection 1\n" +
            "   4 0008 00040091 \tadd x0, x0, 1\n" +
            "   5              \t.subsection 0\n" +
            "   6 0004 C0035FD6 \tret\n" +
            "   7              \t.data 1\n" +
            "   8 0001 01       \t.byte 1\n" +
            "   9              \t.data\n" +
            "  10 0000 02       \t.byte 2\n",
            ListingOf(".text\nnop\n.subsection 1\nadd x0, x0, 1\n.subsection 0\nret\n.data 1\n.byte 1\n.data\n.byte 2\n"));
    }

    [Fact]
    public void Long_data_stops_after_four_continuation_lines_and_org_fill_is_listed()
    {
        Assert.Equal(
            "   1 0000 01020304 \t.byte 1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22\n" +
            "   1      05060708 \n" +
            "   1      090A0B0C \n" +
            "   1      0D0E0F10 \n" +
            "   1      11121314 \n" +
            "   2 0016 0000     \t.org 0x18\n" +
            "   3              \t.data\n" +
            "   4 0000 01       \t.byte 1\n",
            ListingOf(".byte 1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22\n.org 0x18\n.data\n.byte 1\n"));
    }

    [Fact]
    public void Layout_passes_list_each_line_once_with_its_final_size()
    {
        // The .skip size depends on a later label, so the input is assembled again with layout passes.
        Assert.Equal(
            "   1 0000 00000000 \t.skip end - mid\n" +
            "   2              \tmid: .p2align 2\n" +
            "   3 0004 1F2003D5 \tnop\n" +
            "   4              \tend:\n",
            ListingOf(".skip end - mid\nmid: .p2align 2\nnop\nend:\n"));
    }

    [Fact]
    public void Bss_skip_lists_zeros_without_holding_the_whole_size()
    {
        Assert.Equal(
            "   1              \t.bss\n" +
            "   2 0000 00000000 \t.skip 0x40000000\n" +
            "   2      00000000 \n" +
            "   2      00000000 \n" +
            "   2      00000000 \n" +
            "   2      00000000 \n",
            ListingOf(".bss\n.skip 0x40000000\n", maxSectionSize: 1L << 30));
    }

    [Fact]
    public void Statements_of_one_line_are_listed_once()
    {
        Assert.Equal("   1 0000 1F2003D5 \tnop; nop\n   1      1F2003D5 \n", ListingOf("nop; nop\n"));
    }
}
