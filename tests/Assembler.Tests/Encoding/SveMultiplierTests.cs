using A64Asm.Assembler.Diagnostics;
using A64Asm.Assembler.Tests.Layout;
using A64Asm.TestSupport;

namespace A64Asm.Assembler.Tests.Encoding;

/// <summary>
/// SVE's multiplier ("mul vl") in an A64 statement is refused in GNU's words, by the full parse and the direct
/// encoder alike (the direct one once read it as a shift and wrote ldur). Kept out of tests/vectors: the grammar's
/// lexer does not read "mul vl" as one token, as the hand lexer does for SVE operands (VectorLexingTests).
/// </summary>
public class SveMultiplierTests
{
    [Theory]
    [InlineData("ldr x0,[x1,#1,mul vl]", 15, "']' expected")]
    [InlineData("ldr x0,[x1,x2,mul vl]", 15, "invalid use of 'MUL'")]
    [InlineData("ldr x0,[x1,mul vl]", 12, "']' expected")]
    [InlineData("add x0,x1,#1,mul vl", 14, "invalid use of 'MUL'")]
    [InlineData("ldp x0,x1,[x2,#16,mul vl]", 19, "']' expected")]
    public void Refused_in_gnus_words(string statement, int column, string message)
    {
        var error = Assert.Throws<AsmError>(() => Asm.Object(statement + "\n"));
        Assert.Equal($"test.s:1:{column}: error: {message}\n {statement}\n{new string(' ', column)}^", error.Render());
    }

    [OracleTheory(Oracle.GnuBinutils)]
    [InlineData("ldr x0,[x1,#1,mul vl]", "']' expected at operand 2")]
    [InlineData("ldr x0,[x1,x2,mul vl]", "invalid use of 'MUL' at operand 2")]
    [InlineData("ldr x0,[x1,mul vl]", "']' expected at operand 2")]
    [InlineData("add x0,x1,#1,mul vl", "invalid use of 'MUL' at operand 3")]
    [InlineData("ldp x0,x1,[x2,#16,mul vl]", "']' expected at operand 3")]
    public void Gnu_as_says_so(string statement, string gnu)
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.Path("t.s"), statement + "\n");
        var run = Gnu.Run("as", "-march=all", dir.Path("t.s"), "-o", dir.Path("t.o"));
        Assert.Contains($"t.s:1: Error: {gnu}", run.Stderr);
    }
}
