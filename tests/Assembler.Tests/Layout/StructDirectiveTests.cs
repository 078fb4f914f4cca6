namespace A64Asm.Assembler.Tests.Layout;

/// <summary>.struct; whole objects against GNU as in tests/vectors/elf/struct.s.</summary>
public class StructDirectiveTests
{
    [Fact]
    public void Struct_labels_are_absolute_offsets()
    {
        var obj = Asm.Object(".struct 8\na: .skip 4\nb: .space 8\nc:\n.data\n.word c - a, b\n");
        Assert.Equal("0c0000000c000000", Convert.ToHexString(obj.Sections.Single(s => s.Name == ".data").Data).ToLowerInvariant());
        Assert.All(obj.Symbols.Where(s => s.Name is "a" or "b" or "c"), s => Assert.True(s.IsAbsolute));
        Assert.DoesNotContain(obj.Sections, s => s.Name == "*ABS*");
    }

    [Theory]
    // Fuzz seed 9100 input 65771 (asm-mutate): a symbol's value stored in the absolute section crashed the object writer.
    [InlineData(".struct 0\n.word start\n", "test.s:2:7: error: attempt to store value in absolute section")]
    [InlineData(".struct 0\n.word 0\n.byte 1\n", "test.s:3:7: error: attempt to store value in absolute section")]
    [InlineData(".struct 0\n.quad . + 4\n", "test.s:2:7: error: attempt to store value in absolute section")]
    public void Storing_a_value_in_the_absolute_section_is_gnu_as_error(string source, string error) =>
        Assert.Equal(error, Asm.ErrorLine(source));
}
