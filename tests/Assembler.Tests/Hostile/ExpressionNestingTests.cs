using A64Asm.Assembler.Diagnostics;
using static A64Asm.Assembler.Tests.Hostile.Hostile;

namespace A64Asm.Assembler.Tests.Hostile;

/// <summary>Nesting that would recurse the parser or a tree walk past the stack ends in a located error.</summary>
public class ExpressionNestingTests
{
    const int Deep = 100_000;

    [Theory]
    [InlineData(".quad ", "(", "1", ")", 1007)]
    [InlineData("mov x0, #", "(", "1", ")", 1010)]
    [InlineData(".set a, ", "(", "1", ")", 1009)]
    [InlineData(".if ", "(", "1", ")", 1005)]
    [InlineData("ldr x0, ", "[", "x1", "]", 1009)]
    [InlineData(".quad ", "-", "1", "", 1008)]
    [InlineData("mov x0, #", "~", "1", "", 1010)]
    [InlineData(".quad ", "!", "1", "", 1008)]
    public void Deep_nesting_is_refused_at_the_token_past_the_limit(string head, string open, string inner, string close, int column)
    {
        string source = head + Nested(open, inner, close, Deep) + "\n" + (head == ".if " ? ".endif\n" : "");
        Assert.Equal($"h.s:1:{column}: error: expression nesting exceeds the limit of 1000", ErrorOf(source));
    }

    [Fact]
    public void Prefix_operators_and_brackets_add_up()
    {
        // "-(" is two levels: 501 of them pass the limit at the 1,001st level, the last '('.
        Assert.Equal("h.s:1:1008: error: expression nesting exceeds the limit of 1000",
                     ErrorOf(".quad " + Nested("-(", "1", ")", 501) + "\n"));
    }

    [Fact]
    public void Nesting_up_to_the_limit_assembles()
    {
        string source = ".data\n.quad " + Nested("(", "1", ")", 999) + "\n.quad " + Nested("-", "1", "", 999)
                        + "\n.quad " + Nested("-(", "1", ")", 499) + "\n";
        var obj = AsmDriver.AssembleText("h.s", source, new AssemblerOptions(), new CollectingDiagnostics());
        byte[] expected = [.. BitConverter.GetBytes(1L), .. BitConverter.GetBytes(-1L), .. BitConverter.GetBytes(-1L)];
        Assert.Equal(expected, obj.Sections.Single(s => s.Name == ".data").Data);
    }

    [Fact]
    public void A_long_chain_of_binary_operators_assembles_up_to_its_own_limit()
    {
        string sum = string.Join("+", Enumerable.Repeat("1", 10_000));
        var obj = AsmDriver.AssembleText("h.s", $".data\n.set s, {sum}\n.quad s\n.if {sum} == 10000\n.byte 7\n.endif\n",
                                         new AssemblerOptions(), new CollectingDiagnostics());
        Assert.Equal([.. BitConverter.GetBytes(10_000L), 7], obj.Sections.Single(s => s.Name == ".data").Data);
        Assert.Equal("h.s:1:20008: error: expression has more operators than the limit of 10000",
                     ErrorOf(".quad " + string.Join("+", Enumerable.Repeat("1", 10_002)) + "\n"));
    }

    [Fact]
    public void A_bad_character_after_deep_nesting_still_reports_the_nesting()
    {
        Assert.Equal("h.s:1:1007: error: expression nesting exceeds the limit of 1000",
                     ErrorOf(".quad " + Nested("(", "1", ")", Deep) + " `\n"));
    }

    [Fact]
    public void Preprocessor_conditionals_nest_within_their_own_limit()
    {
        // "1?" × 257: the 257th '?' is at column 4 + 2 × 257.
        Assert.Equal("h.S:1:518: error: #if expression nesting exceeds the limit of 256",
                     ErrorOf("#if " + Nested("1?", "1", ":1", Deep) + "\n#endif\n", "h.S"));
        Assert.Equal("h.S:1:261: error: #if expression nesting exceeds the limit of 256",
                     ErrorOf("#if " + Nested("!", "1", "", Deep) + "\n#endif\n", "h.S"));
    }
}
