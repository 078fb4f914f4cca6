namespace A64Asm.Assembler.Tests.Preprocessing;

public class IfExpressionTests
{
    static string Eval(string expr, string defines = "") =>
        PpTestKit.Output($"{defines}#if {expr}\nyes\n#else\nno\n#endif\n");

    [Theory]
    [InlineData("1 + 2 * 3 == 7", "yes")]
    [InlineData("(1 + 2) * 3 == 9", "yes")]
    [InlineData("10 / 3 == 3 && 10 % 3 == 1 && -7 / 2 == -3 && -7 % 2 == -1", "yes")]
    [InlineData("1 << 4 == 16 && 256 >> 4 == 16 && -1 >> 1 == -1", "yes")]
    [InlineData("1 << -1", "no")]
    [InlineData("(3 & 5) == 1 && (3 | 5) == 7 && (3 ^ 5) == 6 && ~0 == -1", "yes")]
    [InlineData("!0 && !!7 == 1 && -(-3) == 3 && +4 == 4", "yes")]
    [InlineData("1 < 2 && 2 <= 2 && 3 > 2 && 3 >= 3 && 1 != 2", "yes")]
    [InlineData("-1 > 0u", "yes")]
    [InlineData("-1 < 0", "yes")]
    [InlineData("0xFFFFFFFFFFFFFFFF == -1", "yes")]
    [InlineData("0xFFFFFFFFFFFFFFFF > 0", "yes")]
    [InlineData("18446744073709551615 > 0", "yes")]
    [InlineData("1UL + 1ull + 1LL + 1lu + 1u + 1L == 6", "yes")]
    [InlineData("010 == 8 && 0x10 == 16 && 0b101 == 5", "yes")]
    [InlineData("'a' == 97 && '\\n' == 10 && '\\x41' == 65 && '\\101' == 65 && '\\0' == 0", "yes")]
    [InlineData("'\\377' > 0", "yes")]
    [InlineData("0 && 1 / 0", "no")]
    [InlineData("1 || 1 / 0", "yes")]
    [InlineData("1 ? 2 : 1 / 0", "yes")]
    [InlineData("0 ? 1 / 0 : 0", "no")]
    [InlineData("(2 || 1 / 0) + 3, 0", "no")]
    [InlineData("1 ? -1 : 0u", "yes")]
    [InlineData("(1 ? -1 : 0u) > 0", "yes")]
    [InlineData("UNKNOWN == 0 && !UNKNOWN", "yes")]
    [InlineData("defined __ASSEMBLER__ && defined(__aarch64__) && !defined NOPE && !defined(NOPE)", "yes")]
    [InlineData("X * 2 == 14", "yes")]
    [InlineData("F(3) == 9", "yes")]
    [InlineData("IS_DEF", "yes")]
    [InlineData("1 << 63 >> 63 == -1", "yes")]
    [InlineData("0x8000000000000000 >> 63 == 1", "yes")]
    // A count of -2^63 (campaign seed 4000: it turned each shift into the other, round and round, to a stack overflow).
    [InlineData("(1 << (-0x7fffffffffffffff - 1)) == 0 && (-8 >> (-0x7fffffffffffffff - 1)) == 0", "yes")]
    public void Evaluates(string expr, string expected) =>
        Assert.Equal(expected, Eval(expr, "#define X 7\n#define F(n) n * n\n#define IS_DEF defined(X)\n"));

    [Theory]
    [InlineData("1 +", "t.S:1:8: operator '+' has no right operand")]
    [InlineData("* 2", "t.S:1:5: operator '*' has no left operand")]
    [InlineData("(1", "t.S:1:5: missing ')' in expression")]
    [InlineData("1)", "t.S:1:6: missing '(' in expression")]
    [InlineData("1 2", "t.S:1:7: missing binary operator before token \"2\"")]
    [InlineData("X(", "t.S:1:6: missing binary operator before token \"(\"")]
    [InlineData("1 = 2", "t.S:1:7: token \"=\" is not valid in preprocessor expressions")]
    [InlineData("\"s\"", "t.S:1:5: token \"\"s\"\" is not valid in preprocessor expressions")]
    [InlineData("1/0", "t.S:1:6: division by zero in #if")]
    [InlineData("1 % (2 - 2)", "t.S:1:7: division by zero in #if")]
    [InlineData("1 ? 2", "t.S:1:10: '?' without following ':'")]
    [InlineData("1 : 2", "t.S:1:7: ':' without preceding '?'")]
    [InlineData("()", "t.S:1:6: missing expression between '(' and ')'")]
    [InlineData("", "t.S:1:4: #if with no expression")]
    [InlineData("defined", "t.S:1:12: operator \"defined\" requires an identifier")]
    [InlineData("defined(", "t.S:1:13: operator \"defined\" requires an identifier")]
    [InlineData("defined(X", "t.S:1:14: missing ')' after \"defined\"")]
    [InlineData("1.0", "t.S:1:5: floating constant in preprocessor expression")]
    [InlineData("1e3", "t.S:1:5: floating constant in preprocessor expression")]
    [InlineData("1x", "t.S:1:5: invalid suffix \"x\" on integer constant")]
    [InlineData("0x", "t.S:1:5: invalid suffix \"x\" on integer constant")]
    [InlineData("1uu", "t.S:1:5: invalid suffix \"uu\" on integer constant")]
    [InlineData("09", "t.S:1:5: invalid digit \"9\" in octal constant")]
    [InlineData("''", "t.S:1:5: empty character constant")]
    public void Errors(string expr, string expected) =>
        Assert.Equal(expected, PpTestKit.ErrorOf($"#if {expr}\n#endif\n"));

    [Fact]
    public void ElifIsNotEvaluatedOnceAGroupWasTaken() =>
        Assert.Equal("a", PpTestKit.Output("#if 1\na\n#elif 1/0\nb\n#endif\n"));

    [Fact]
    public void ElifWithNoExpression() =>
        Assert.Equal("t.S:2:6: #elif with no expression", PpTestKit.ErrorOf("#if 0\n#elif\n#endif\n"));

    [Fact]
    public void SkippedGroupsAreNotEvaluated() =>
        Assert.Equal("", PpTestKit.Output("#if 0\n#if 1/0\n#elif (\n#endif\n#endif\n"));

    [Fact]
    public void OverflowAndLargeConstantsWarn()
    {
        var kit = new PpTestKit().With("t.S", "#if 0x7fffffffffffffff + 1 < 0 && 18446744073709551615 && 'ab'\n#endif\n");
        kit.Run();
        Assert.Equal(["t.S:1:24: warning: integer overflow in preprocessor expression",
                      "t.S:1:35: warning: integer constant is so large that it is unsigned",
                      "t.S:1:59: warning: multi-character character constant"],
                     kit.Diagnostics.Warnings.Select(w => w.Split('\n')[0]));
    }

    [Fact]
    public void DeepParenthesesHitTheNestingLimit() =>
        Assert.Equal("t.S:1:261: #if expression nesting exceeds the limit of 256",
                     PpTestKit.ErrorOf("#if " + new string('(', 300) + "1" + new string(')', 300) + "\n#endif\n"));
}
