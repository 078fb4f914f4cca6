namespace A64Asm.Assembler.Tests.Layout;

/// <summary>Data in NOBITS sections (.bss, .tbss): zero reserves room, anything else is GNU as's error.</summary>
public class NoBitsDataTests
{
    [Fact]
    public void Zero_data_reserves_room_in_bss()
    {
        var obj = Asm.Object(".bss\n.quad 0\n.byte 0\n.word 0\n");
        Assert.Equal(13, obj.Sections.Single(s => s.Name == ".bss").Size);
    }

    [Theory]
    [InlineData(".bss\n.quad 5\n", "test.s:2:7: error: attempt to store non-zero value in section '.bss'")]
    [InlineData(".bss\n.quad sym\n", "test.s:2:7: error: attempt to store non-zero value in section '.bss'")]
    [InlineData(".bss\n.byte 0\n.hword . - 1\n", "test.s:3:8: error: attempt to store non-zero value in section '.bss'")]
    [InlineData(".section .tbss,\"awT\",%nobits\n.word 3\n", "test.s:2:7: error: attempt to store non-zero value in section '.tbss'")]
    public void A_value_in_a_nobits_section_is_gnu_as_error(string source, string error) =>
        Assert.Equal(error, Asm.ErrorLine(source));
}
