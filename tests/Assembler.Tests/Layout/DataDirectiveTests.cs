namespace A64Asm.Assembler.Tests.Layout;

/// <summary>Exact bytes of data directives; expected values are GNU as 2.40's output for the same text.</summary>
public class DataDirectiveTests
{
    [Fact]
    public void Integers_of_every_size_are_little_endian()
    {
        Assert.Equal("01" + "0200" + "0300" + "0400" + "05000000" + "06000000" + "07000000" + "08000000"
            + "0900000000000000" + "0a00000000000000" + "0b00000000000000",
            Asm.Hex(".data\n.byte 1\n.hword 2\n.short 3\n.2byte 4\n.word 5\n.long 6\n.int 7\n.4byte 8\n.quad 9\n.xword 10\n.8byte 11\n", ".data"));
    }

    [Fact]
    public void Strings_decode_escapes_and_terminate_as_asked()
    {
        Assert.Equal("61620a63" + "6441410" + "0" + "6500",
            Asm.Hex(".data\n.ascii \"ab\\n\", \"c\"\n.asciz \"d\\x41\\101\"\n.string \"e\"\n", ".data"));
    }

    [Fact]
    public void Characters_with_and_without_closing_quote()
    {
        Assert.Equal("61620a", Asm.Hex(".data\n.byte 'a, 'b', '\\n'\n", ".data"));
    }

    [Fact]
    public void Skip_fill_and_zero()
    {
        // .fill items hold the value's low 4 bytes (0x234567 of 0x1234567 for size 3).
        Assert.Equal("222222" + "674523674523" + "0000" + "ffffffff00000000",
            Asm.Hex(".data\n.skip 3, 0x22\n.fill 2, 3, 0x1234567\n.zero 2\n.fill 1, 8, -1\n", ".data"));
    }

    [Fact]
    public void Expressions_follow_GNU_as_operators()
    {
        // == and < give -1, && and || give 1, >> is logical, / and % truncate toward zero, <> is !=, binary ! is or-not.
        var diagnostics = new A64Asm.Assembler.Diagnostics.CollectingDiagnostics();
        var obj = Asm.Object(".data\n.word (1==1), (1<2), (2&&3), (0||5), -7/2, -7%2, 1<>2, 5!1\n.quad -8>>1\n", diagnostics);
        Assert.Equal("ffffffff" + "ffffffff" + "01000000" + "01000000" + "fdffffff" + "ffffffff" + "ffffffff" + "ffffffff"
            + "fcffffffffffff7f",
            Convert.ToHexString(obj.Sections.Single(s => s.Name == ".data").Data).ToLowerInvariant());
    }

    [Fact]
    public void Precedence_puts_bitwise_above_additive_and_shifts_with_multiplication()
    {
        // GNU as: 1 | 2 + 3 = (1|2)+3; 1 + 2 << 3 = 1 + (2<<3); 2 * 3 & 5 = ... & binds looser than *.
        Assert.Equal("06000000" + "11000000" + "04000000" + "01000000" + "00000000",
            Asm.Hex(".data\n.word 1 | 2 + 3, 1 + 2 << 3, 2 * 3 & 5, 1 || 0 && 0, 2 > 1 && 0\n", ".data"));
    }

    [Fact]
    public void A_missing_list_item_is_zero_with_one_warning_each_as_gas()
    {
        // GNU as 2.40 on the same lines: 01 00 02 | 00000000 03000000 | 04.. 00.. | 0100 0000, four warnings.
        var diagnostics = new A64Asm.Assembler.Diagnostics.CollectingDiagnostics();
        var obj = Asm.Object(".data\n.byte 1,,2\n.word ,3\n.quad 4,\n.hword 1, \n.uleb128 1,\n", diagnostics);
        Assert.Equal("010002" + "0000000003000000" + "0400000000000000" + "0000000000000000" + "01000000" + "0100",
            Convert.ToHexString(obj.Sections.Single(s => s.Name == ".data").Data).ToLowerInvariant());
        Assert.Equal(new[] { "test.s:2:9: warning: zero assumed for missing expression", "test.s:3:7: warning: zero assumed for missing expression",
                "test.s:4:9: warning: zero assumed for missing expression", "test.s:5:10: warning: zero assumed for missing expression",
                "test.s:6:12: warning: zero assumed for missing expression" },
            diagnostics.Warnings.Select(w => w.Split('\n')[0]));
    }

    [Fact]
    public void Truncated_value_warns_like_gas()
    {
        var diagnostics = new A64Asm.Assembler.Diagnostics.CollectingDiagnostics();
        Asm.Object(".data\n.byte 0x100\n", diagnostics);
        Assert.Contains(diagnostics.Warnings, w => w.Contains("test.s:2:7: warning: value 0x100 truncated to 0x0"));
    }

    [Fact]
    public void Data_against_a_symbol_becomes_a_relocation()
    {
        var obj = Asm.Object(".data\n.quad ext + 4\n.word local\nlocal:\n");
        var relocs = obj.Sections.Single(s => s.Name == ".data").Relocations;
        Assert.Equal(2, relocs.Count);
        Assert.Equal(("ext", 4L, A64Asm.Isa.Fixups.FixupKind.Abs64), (relocs[0].Symbol!.Name, relocs[0].Addend, relocs[0].Kind));
        Assert.Equal(("local", 0L, 8L), (relocs[1].Symbol!.Name, relocs[1].Addend, relocs[1].Offset));
    }
}
