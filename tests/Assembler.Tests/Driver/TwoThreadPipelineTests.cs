using A64Asm.Assembler.Diagnostics;

namespace A64Asm.Assembler.Tests.Driver;

/// <summary>The two-thread front end (the default on two cores or more) must give the same bytes and errors as one thread.</summary>
public class TwoThreadPipelineTests
{
    const string Source = """
        .macro twice op, a, b
        \op \a, \a, \b
        \op \a, \a, \b
        .endm
        .set n, 3
        1: twice add, x1, #4
        .if n == 3
        .rept n
        ldr x2, [x3], #8
        .endr
        .else
        nop
        .endif
        .ifdef n
        b 1b
        .endif
        ldr x0, =0x123456789
        .quad 2f - 1b
        2: ret
        """;

    [Fact]
    public void Parallel_and_sequential_front_ends_agree()
    {
        byte[] Assemble(bool parallel) =>
            AsmDriver.AssembleText("p.s", Source, new AssemblerOptions { Threads = parallel ? 2 : 1 }, new CollectingDiagnostics())
                .Sections.Single(s => s.Name == ".text").Data;

        byte[] sequential = Assemble(false);
        Assert.Equal(48, sequential.Length); // 10 instructions, a .quad and the 8-byte pool entry
        Assert.Equal(Convert.ToHexString(sequential), Convert.ToHexString(Assemble(true)));
    }

    private static string ErrorOnTwoThreads(string source) =>
        Assert.Throws<AsmError>(() => AsmDriver.AssembleText("p.s", source, new AssemblerOptions { Threads = 2 }, new CollectingDiagnostics())).Render();

    [Theory]
    // A line left unparsed for the assembling thread (no label, no local reference) that the direct encoder
    // declines is parsed there: its error, and the first of two errors, are the ones a sequential run reports.
    [InlineData("nop\nadd x0, x1, #5000\n", "p.s:2:13: error: immediate value out of range 0 to 4095\n add x0, x1, #5000\n             ^")]
    [InlineData("nop\nadd x0, x1, x2,, x3\n1: add x0, x1, #5000\n", "p.s:2:")]
    [InlineData("nop\nldr x0, [x1], #1000\n", "p.s:2:15: error: immediate offset out of range -256 to 255\n ldr x0, [x1], #1000\n               ^")]
    [InlineData("nop\nldr x0, [x1, #1000]!\n", "p.s:2:9: error: immediate offset out of range -256 to 255")] // a pre-index: the address
    [InlineData("nop\n1: add x0, x1, #5000\nadd x0, x1, x2,, x3\n", "p.s:2:")]
    public void Errors_come_in_line_order(string source, string expectedStart)
    {
        string sequential = Assert.Throws<AsmError>(() => AsmDriver.AssembleText("p.s", source, new AssemblerOptions { Threads = 1 }, new CollectingDiagnostics())).Render();
        Assert.StartsWith(expectedStart, sequential);
        Assert.Equal(sequential, ErrorOnTwoThreads(source));
    }
}

public class ParsesWithoutLineOrderTests
{
    [Theory]
    [InlineData("add x0, x1, #1", true)]
    [InlineData("\tldp\tx21, x3, [x28, #-464]", true)]
    [InlineData("dc cvac, x21", true)]
    [InlineData("sub x0, x1, #0xfe", true)]                 // b and f after a letter, not a digit
    [InlineData("1: add x0, x1, #1", false)]                // a label definition
    [InlineData("foo: nop", false)]
    [InlineData("b.ne 1b", false)]                          // a local reference
    [InlineData("tbz x5, #35, 2F", false)]
    [InlineData("and x0, x1, #0x1f", false)]                 // conservative: reads like "1f"
    [InlineData("nop; nop", false)]                         // two statements
    [InlineData("add x0, x1, :lo12:sym", false)]            // conservative: any ':'
    public void Says_whether_a_line_needs_the_parsing_threads_state(string text, bool expected)
    {
        Assert.Equal(expected, A64Asm.Assembler.Parsing.StatementParser.ParsesWithoutLineOrder(text));
    }
}
