using A64Asm.Assembler.Diagnostics;

namespace A64Asm.Assembler.Tests.Layout;

public class AlignmentAndOrgTests
{
    private const string Nop = "1f2003d5";

    [Fact]
    public void Code_alignment_pads_zeros_to_a_word_then_nops()
    {
        // GNU as: .byte 1 at 0x8, .balign 8 → 3 zero bytes, then a NOP at 0xc.
        Assert.Equal(Nop + Nop + "01000000" + Nop, Asm.Hex("nop\nnop\n.byte 1\n.balign 8\n"));
    }

    [Fact]
    public void Data_alignment_pads_zeros_and_honours_fill_and_max()
    {
        Assert.Equal("01000000" + "02aaaaaa" + "03" + "04",
            Asm.Hex(".data\n.byte 1\n.align 2\n.byte 2\n.balign 8, 0xaa\n.byte 3\n.p2align 4,,4\n.byte 4\n", ".data"));
    }

    [Fact]
    public void Align_is_a_power_of_two_and_sets_section_alignment()
    {
        var obj = Asm.Object(".data\n.byte 1\n.align 4\n.byte 2\n");
        var data = obj.Sections.Single(s => s.Name == ".data");
        Assert.Equal(17, data.Data.Length);
        Assert.Equal(16, data.Alignment);
    }

    [Fact]
    public void Instructions_in_code_are_padded_to_four_bytes()
    {
        // GNU as: a .byte leaves the location odd; the next instruction starts at the next word with zero padding.
        Assert.Equal("01000000" + Nop, Asm.Hex(".byte 1\nnop\n"));
    }

    [Fact]
    public void Org_fills_up_to_the_target()
    {
        Assert.Equal(Nop + "3333333333333333" + "0100", Asm.Hex("nop\n.org 12, 0x33\n.hword 1\n"));
    }

    [Fact]
    public void Org_backwards_names_the_line_and_the_overrun()
    {
        string error = Asm.ErrorLine("nop\nnop\nnop\n.org 4\nnop\n");
        Assert.Equal("test.s:4:1: error: .org moves the location counter backwards: code before it ends at 0xc, 8 bytes past 0x4", error);
    }

    [Fact]
    public void Org_overrun_of_the_sample_page_is_reported_on_the_org_line()
    {
        string source = "start:\n .fill 1028, 4, 0\n .quad 0\n .org 4096\n";
        var error = Asm.Error(source);
        Assert.Equal(4, error.Location!.Pos.Line);
        Assert.Equal(2, error.Location.Pos.Column);
        Assert.Contains("code before it ends at 0x1018, 24 bytes past 0x1000", error.Message);
    }

    [Fact]
    public void Label_differences_and_label_dependent_sizes_settle()
    {
        // Forward references: the .quad and the .skip depend on labels defined later (GNU as gives the same bytes).
        string source = """
             .quad .Lend - .Lstart
            .Lstart:
             .skip .Lb - .La, 0x11
            .La: .word 1, 2
            .Lb:
             .byte .Lend - .Lstart
            .Lend:
            """;
        Assert.Equal("1100000000000000" + "1111111111111111" + "0100000002000000" + "11", Asm.Hex(source));
    }
}
