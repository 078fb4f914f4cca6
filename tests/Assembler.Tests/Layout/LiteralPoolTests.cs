namespace A64Asm.Assembler.Tests.Layout;

public class LiteralPoolTests
{
    [Fact]
    public void Ltorg_places_pools_by_size_and_shares_equal_values()
    {
        // The GNU as 2.40 bytes of this text (objcopy -O binary -j .text).
        string source = """
             .quad .Lend - .Lstart
            .Lstart:
             .skip .Lb - .La, 0x11
            .La: .word 1, 2
            .Lb:
             .byte .Lend - .Lstart
             ldr x0, =0x1122334455667788
             ldr w1, =7
             ldr x2, =0x1122334455667788
             b 1f
            1: b 1b
             .ltorg
             ldr x3, =.Lstart
             adr x4, .
             b . + 8
            .Lend:
             .word 0
            """;
        Assert.Equal(
            "4400000000000000111111111111111101000000020000004400000" +
            "0e000005881000018a2000058010000140000001407000000000000008877665544332211830000580400001002000014000000000000000000000000",
            Asm.Hex(source));
    }

    [Fact]
    public void Pool_at_section_end_and_its_relocation()
    {
        var obj = Asm.Object(" ldr x3, =.Lstart\n.Lstart:\n ret\n");
        var text = obj.Sections.Single(s => s.Name == ".text");
        Assert.Equal(16, text.Data.Length);
        var reloc = Assert.Single(text.Relocations);
        Assert.Equal((8L, 4L), (reloc.Offset, reloc.Addend + reloc.Symbol!.Value));
    }

    [Fact]
    public void Literal_for_w_register_is_four_bytes_and_x_is_eight()
    {
        // GNU as: the 4-byte pool first, then the 8-byte pool aligned to 8.
        byte[] text = Asm.Bytes(" ldr w0, =5\n ldr x1, =6\n");
        Assert.Equal(24, text.Length);
        Assert.Equal(5, BitConverter.ToInt32(text, 8));
        Assert.Equal(0, BitConverter.ToInt32(text, 12));
        Assert.Equal(6, BitConverter.ToInt64(text, 16));
    }
}
