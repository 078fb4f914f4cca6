using A64Asm.Assembler.Tests.Layout;

namespace A64Asm.Assembler.Tests.Encoding;

/// <summary>Literals wider than 64 bits: a q literal-pool slot takes all 128 bits; anywhere else GNU as's "bignum invalid".</summary>
public class BignumTests
{
    [Fact]
    public void A_q_literal_holds_all_128_bits()
    {
        // ldr q0, [pc + 16]; the pool after it, aligned to 16.
        Assert.Equal("8000009c000000000000000000000000efcdab8967452301efcdab8967452301",
            Asm.Hex("ldr q0, =0x0123456789abcdef0123456789abcdef\n"));
    }

    [Theory]
    [InlineData("mov x0, #0x1ffffffffffffffff\n", "test.s:1:10: error: bignum invalid")]
    [InlineData(".quad 0x1ffffffffffffffff\n", "test.s:1:7: error: bignum invalid")]
    [InlineData("ldr x1, =0x1ffffffffffffffff\n", "test.s:1:10: error: bignum invalid")]
    [InlineData("ldr q1, =0x1ffffffffffffffffffffffffffffffff\n", "test.s:1:10: error: invalid number '0x1ffffffffffffffffffffffffffffffff'")]
    public void Elsewhere_a_bignum_is_refused(string source, string error) => Assert.Equal(error, Asm.ErrorLine(source));
}
