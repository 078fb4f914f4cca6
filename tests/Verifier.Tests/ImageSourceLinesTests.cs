using A64Asm.Verifier.Kexec;

namespace A64Asm.Verifier.Tests;

public class ImageSourceLinesTests
{
    static readonly SourceRef First = new("k.S", 10, "nop", null), Second = new("k.S", 11, ".quad 0", null), Third = new("k.S", 20, "ret", "in macro 'm' expanded from k.S:30");

    static ImageSourceLines Lines() => new([(0x10, 8, Second), (0, 4, First), (0x20, 4, Third)]);

    [Theory]
    [InlineData(0x0, "k.S:10: nop")]
    [InlineData(0x3, "k.S:10: nop")]
    [InlineData(0x4, null)]
    [InlineData(0x10, "k.S:11: .quad 0")]
    [InlineData(0x17, "k.S:11: .quad 0")]
    [InlineData(0x18, null)]
    [InlineData(0x20, "k.S:20: ret (in macro 'm' expanded from k.S:30)")]
    [InlineData(0x24, null)]
    public void An_offset_is_named_by_the_range_that_holds_it(ulong offset, string? expected)
    {
        Assert.Equal(expected, Lines().At(offset)?.ToString());
    }

    [Fact]
    public void From_a_start_shifts_every_range_and_cuts_the_one_it_falls_in()
    {
        var from = Lines().From(0x14);
        Assert.Equal(2, from.Count);
        Assert.Equal("k.S:11: .quad 0", from.At(0)?.ToString());
        Assert.Equal("k.S:11: .quad 0", from.At(3)?.ToString());
        Assert.Null(from.At(4));
        Assert.Equal("k.S:20: ret (in macro 'm' expanded from k.S:30)", from.At(0xc)?.ToString());
    }
}
