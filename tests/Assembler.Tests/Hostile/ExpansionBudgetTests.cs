using A64Asm.Assembler.Diagnostics;
using static A64Asm.Assembler.Tests.Hostile.Hostile;

namespace A64Asm.Assembler.Tests.Hostile;

/// <summary>Macro expansion is budgeted, each budget with its own message and option (issue 16).</summary>
public class ExpansionBudgetTests
{
    // Calls itself twice per level: 2^41 calls for "m 40" without a budget.
    const string Doubling = ".macro m n\n.if \\n\nm \\n-1\nm \\n-1\n.else\nnop\n.endif\n.endm\n";

    [Fact]
    public void A_macro_that_doubles_per_level_stops_at_the_call_budget()
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        Assert.Equal("h.s:3:1: error: macro expansions exceed the limit of 100000 (use --max-expansions to raise it)",
                     ErrorOf(Doubling + "m 40\n"));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), $"took {watch.Elapsed}");
    }

    [Fact]
    public void The_call_budget_counts_calls_and_can_be_raised()
    {
        // "m 3" makes 15 calls and 8 nops.
        var obj = AsmDriver.AssembleText("h.s", Doubling + "m 3\n", new AssemblerOptions { MaxMacroCalls = 15 }, new CollectingDiagnostics());
        Assert.Equal(32, obj.Sections.Single(s => s.Name == ".text").Data.Length);
        Assert.Equal("h.s:4:1: error: macro expansions exceed the limit of 14 (use --max-expansions to raise it)",
                     ErrorOf(Doubling + "m 3\n", options: new AssemblerOptions { MaxMacroCalls = 14 }));
    }

    [Fact]
    public void An_argument_that_quadruples_per_level_stops_at_the_line_length()
    {
        string source = ".macro q a, n\n.if \\n\nq \"\\a\\a\\a\\a\", \\n-1\n.endif\n.endm\nq x, 40\n";
        Assert.Equal("h.s:3:1: error: line length exceeds the limit of 1048576 characters (use --max-line-length to raise it)",
                     ErrorOf(source));
    }

    [Fact]
    public void A_long_input_line_is_refused_and_the_limit_can_be_raised()
    {
        string line = ".byte " + string.Join(",", Enumerable.Repeat("1", 600_000)) + "\n";
        Assert.Equal("h.s:1:1: error: line length exceeds the limit of 1048576 characters (use --max-line-length to raise it)",
                     ErrorOf(line));
        var obj = AsmDriver.AssembleText("h.s", ".data\n" + line, new AssemblerOptions { MaxLineLength = 2 << 20 }, new CollectingDiagnostics());
        Assert.Equal(600_000, obj.Sections.Single(s => s.Name == ".data").Data.Length);
    }

    [Fact]
    public void Rept_counts_and_expansion_lines_name_their_options()
    {
        Assert.Equal("h.s:1:7: error: .rept count 100000000 exceeds the limit of 1000000 (use --max-rept to raise it)",
                     ErrorOf(".rept 100000000\nnop\n.endr\n"));
        // A .rept of .rept: a million rounds of a million lines each, stopped at the (here lowered) line budget.
        Assert.Equal("h.s:1:1: error: expansion lines exceed the limit of 1000 (use --max-expansion-lines to raise it)",
                     ErrorOf(".rept 1000000\n.rept 1000000\n.byte 0\n.endr\n.endr\n", options: new AssemblerOptions { MaxExpansionLines = 1000 }));
    }

    [Fact]
    public void Recursive_include_names_its_limit()
    {
        var options = new AssemblerOptions { ReadFile = path => path.EndsWith("self.s") ? ".include \"self.s\"\n" : null };
        Assert.Equal("self.s:1:1: error: .include nesting exceeds the limit of 64", ErrorOf(".include \"self.s\"\n", options: options));
    }

    [Fact]
    public void Limits_are_command_line_options()
    {
        Assert.Equal(["--max-section-size", "--max-expansions", "--max-expansion-lines", "--max-rept", "--max-line-length", "--max-errors"],
                     AssemblerLimits.All.Select(l => l.Option));
        var options = new AssemblerOptions();
        AssemblerLimits.Set(options, AssemblerLimits.All[1], "1M");
        AssemblerLimits.Set(options, AssemblerLimits.All[4], "4M");
        Assert.Equal((1L << 20, 4L << 20), (options.MaxMacroCalls, options.MaxLineLength));
    }
}
