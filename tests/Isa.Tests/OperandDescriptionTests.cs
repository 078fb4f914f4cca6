

namespace A64Asm.Isa.Tests;

/// <summary>Operand descriptions reach error messages and explain whole: '#' inside a quoted description is not a comment.</summary>
public class OperandDescriptionTests
{
    [Fact]
    public void Descriptions_keep_their_hash_syntax()
    {
        Assert.Equal("a barrier option or #imm", OperandKinds.Describe(OperandKind.Barrier));
        Assert.Equal("a memory operand [Xn|SP{, #imm}] with an unsigned scaled offset", OperandKinds.Describe(OperandKind.MemOff12));
    }
}
