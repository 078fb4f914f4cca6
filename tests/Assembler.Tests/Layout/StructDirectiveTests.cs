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
}
