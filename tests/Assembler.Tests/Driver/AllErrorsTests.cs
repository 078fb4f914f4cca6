using A64Asm.Assembler.Diagnostics;
using A64Asm.Assembler.Tests.Layout;

namespace A64Asm.Assembler.Tests.Driver;

/// <summary>A run goes on after an error, as GNU as does, and reports every error (issue 18), by line.</summary>
public class AllErrorsTests
{
    // Ten bad statements among good ones: parse errors, encoding errors, a directive error, a redefinition, and
    // two statements that name words the assembler first takes for later symbols (checked at the end).
    const string TenErrors = """
        nop
        add x0, x1
        movz x0, #0x10000
        foo bar baz
        ldr w0, [x0]!
        ic ivau
        .quad 1 +
        add x4, x5, x6, lsl #-3
        msr spsel, #2
        label:
        label:
        ld1 {v0.8b}, [x1, #0]
        nop

        """;

    private static string Error(string source, AssemblerOptions? options = null) =>
        Assert.Throws<AsmError>(() => Asm.Object(source, options: options)).Render();

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Ten_errors_are_reported_in_one_run_in_line_order(int threads)
    {
        Assert.Equal("""
            test.s:2:1: error: comma expected between operands
             add x0, x1
             ^
            test.s:3:10: error: immediate out of range
             movz x0, #0x10000
                      ^
            test.s:4:5: error: unknown directive 'bar' after 'foo'
             foo bar baz
                 ^
            test.s:5:9: error: missing offset in the pre-indexed address
             ldr w0, [x0]!
                     ^
            test.s:6:4: error: missing register
             ic ivau
                ^
            test.s:7:10: error: syntax error: unexpected end of line
             .quad 1 +
                      ^
            test.s:8:17: error: shift amount out of range 0 to 63
             add x4, x5, x6, lsl #-3
                             ^
            test.s:9:12: error: immediate value out of range 0 to 1
             msr spsel, #2
                        ^
            test.s:11:1: error: symbol 'label' is already defined
             label:
             ^
            test.s:12:14: error: invalid addressing mode
             ld1 {v0.8b}, [x1, #0]
                          ^
            """, Error(TenErrors, new AssemblerOptions { Threads = threads }));
    }

    /// <summary>A literal the pool cannot hold is found at the end, with the statements completed there (GNU's
    /// illegal.s had its later errors hidden behind one).</summary>
    [Fact]
    public void A_pool_error_at_the_end_comes_with_the_other_errors_found_there()
    {
        Assert.Equal("""
            test.s:1:10: error: cannot represent a 16-byte relocation for 'one'
             ldr q0, =one
                      ^
            test.s:2:9: error: unknown or missing system register name
             mrs x0, dummy
                     ^
            """, Error("ldr q0, =one\nmrs x0, dummy\none: nop\n"));
    }

    [Fact]
    public void The_run_stops_at_max_errors_and_says_so()
    {
        string rendered = Error(string.Concat(Enumerable.Repeat("add x0, x1\n", 5)), new AssemblerOptions { MaxErrors = 3 });
        var headlines = rendered.Split('\n').Where(l => l.Contains("error:")).ToArray();
        Assert.Equal([
            "test.s:1:1: error: comma expected between operands",
            "test.s:2:1: error: comma expected between operands",
            "test.s:3:1: error: comma expected between operands",
            "a64asm: error: too many errors: stopping at 3 (use --max-errors to raise the limit)",
        ], headlines);
    }
}

/// <summary>What one error may cost: a long line is shown around its column, a long message is cut (campaign seed
/// 5000: a thousand errors on megabyte lines ran out of memory while being printed).</summary>
public class LongLineErrorTests
{
    [Fact]
    public void A_long_line_is_shown_around_the_column_with_the_caret_under_it()
    {
        string line = ".quad " + string.Concat(Enumerable.Repeat("1 + ", 2000)) + "?";
        var error = Assert.Throws<AsmError>(() => Asm.Object(line + "\n"));
        var rendered = error.Render().Split('\n');
        int column = line.Length;   // the '?', 1-based
        Assert.Equal($"test.s:1:{column}: error: unexpected character '?'", rendered[0]);
        Assert.StartsWith(" ...", rendered[1]);
        Assert.Equal(1 + 3 + DiagnosticRenderer.MaxEchoedLine, rendered[1].Length);
        Assert.Equal('?', rendered[1][rendered[2].IndexOf('^')]);
    }

    [Fact]
    public void A_long_message_is_cut()
    {
        var error = new AsmError(null, new string('x', 5000));
        Assert.Equal(AsmError.MaxMessageLength + 3, error.Message.Length);
        Assert.EndsWith("...", error.Message);
    }
}
