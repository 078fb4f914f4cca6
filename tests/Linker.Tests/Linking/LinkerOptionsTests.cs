namespace A64Asm.Linker.Tests.Linking;

public class LinkerOptionsTests
{
    [Theory]
    [InlineData("-Ttext=0x80000", null, ".text", 0x80000ul, false)]
    [InlineData("-Ttext=1000", null, ".text", 0x1000ul, false)]
    [InlineData("-Tdata=0x2000", null, ".data", 0x2000ul, false)]
    [InlineData("--section-start=.text=0x40000000", null, ".text", 0x40000000ul, false)]
    [InlineData("--section-start", ".rodata=0x9000", ".rodata", 0x9000ul, true)]
    public void ParsesLdFlags(string flag, string? next, string section, ulong address, bool consumes)
    {
        var options = new LinkerOptions();
        Assert.True(options.TryParseFlag(flag, next, out var consumed));
        Assert.Equal(consumes, consumed);
        Assert.Equal(address, options.SectionStarts[section]);
    }

    [Fact]
    public void DefaultsAndOtherFlags()
    {
        var options = new LinkerOptions();
        Assert.Equal(0ul, options.TextStart);
        Assert.False(options.TryParseFlag("-o", "x", out _));
        Assert.Equal("invalid hex number `0xzz' in '-Ttext=0xzz'",
            Assert.Throws<LinkError>(() => options.TryParseFlag("-Ttext=0xzz", null, out _)).Message);
        Assert.Throws<LinkError>(() => options.TryParseFlag("--section-start", ".text", out _));
    }
}
