using System.Text;
using A64Asm.Isa.Formatting;

namespace A64Asm.Isa.Tests;

public class HexTests
{
    [Theory]
    [InlineData(0UL, 1, "0")]
    [InlineData(0UL, 8, "00000000")]
    [InlineData(0xfUL, 1, "f")]
    [InlineData(0x10UL, 1, "10")]
    [InlineData(0x10UL, 2, "10")]
    [InlineData(0x5UL, 2, "05")]
    [InlineData(0xd503201fUL, 8, "d503201f")]
    [InlineData(0xffff000010080000UL, 1, "ffff000010080000")]
    [InlineData(ulong.MaxValue, 16, "ffffffffffffffff")]
    public void Appends_lower_case_digits_padded_to_the_minimum(ulong value, int minDigits, string expected)
    {
        var sb = new StringBuilder("#0x");
        Hex.Append(sb, value, minDigits);
        Assert.Equal("#0x" + expected, sb.ToString());
        Assert.Equal(value.ToString("x").Length, Hex.DigitCount(value));
    }
}
