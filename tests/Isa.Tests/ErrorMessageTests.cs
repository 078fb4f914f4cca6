using A64Asm.Isa.Encoding;
using A64Asm.Isa.Tests.Support;

namespace A64Asm.Isa.Tests;

/// <summary>Each failure names what was wrong in GNU as's words, from the candidate form GNU as would report:
/// the most severe kind of error, then the furthest operand (A64Encoder.TryRow, EncodeError.Rank).</summary>
public class ErrorMessageTests
{
    [Theory]
    [InlineData("ldp x0, x1, [x2, #4097]", "immediate offset out of range -512 to 504")]
    [InlineData("ldp w0, w1, [x2, #3]", "immediate value must be a multiple of 4")]
    [InlineData("br w0", "operand mismatch")]
    [InlineData("and x0, x1, #5", "invalid bitmask immediate 0x5")]
    [InlineData("foo x0", "unknown mnemonic `foo'")]
    [InlineData("ldp x0, [x1]", "operand 2 must be an integer register")]
    [InlineData("nop x0", "unexpected characters following instruction")]
    [InlineData("fadd s0, s1, s2, s3", "unexpected characters following instruction")]
    [InlineData("smstop #1", "unexpected characters following instruction")]
    [InlineData("mrs x0, foo_el1", "unknown or missing system register name")]
    [InlineData("dc foo, x0", "unknown or missing operation name")]
    [InlineData("dsb foo", "constant expression required")]
    [InlineData("add x0, x1, #4097", "immediate value out of range 0 to 4095")]
    [InlineData("tbz w0, #32, .+8", "immediate value out of range 0 to 31")]
    [InlineData("ubfx x0, x1, #60, #8", "immediate value out of range 1 to 4")]
    [InlineData("mov x0, #0x1234567", "immediate cannot be moved by a single instruction")]
    [InlineData("ldr x0, [x1, #32768]", "immediate offset out of range 0 to 32760")]
    public void Reports_the_closest_forms_error(string source, string message)
    {
        var (mnemonic, operands) = ProductParser.Parse(source);
        Assert.False(A64Encoder.TryEncode(mnemonic, operands, out _, out var error));
        Assert.Equal(message, error);
    }

    [Theory]
    [InlineData("add x0, x1, #4097", 2)]
    [InlineData("ldp x0, x1, [x2, #4097]", 2)]
    [InlineData("br w0", 0)]
    [InlineData("and x0, x1, #5", 2)]
    [InlineData("dsb foo", 0)]
    [InlineData("mrs x0, foo_el1", 1)]
    [InlineData("ubfx x0, x1, #60, #8", 3)]
    [InlineData("ldp x0, [x1]", 1)]           // GNU reads the address as the second register
    [InlineData("nop x0", -1)]                // a surplus operand: the statement as a whole
    [InlineData("foo x0", -1)]
    public void Names_the_operand_the_error_is_about(string source, int operand)
    {
        var (mnemonic, operands) = ProductParser.Parse(source);
        Assert.False(A64Encoder.TryEncode(mnemonic, operands, 0, out _, out _, out int errorOperand));
        Assert.Equal(operand, errorOperand);
    }
}
