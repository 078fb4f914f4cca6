using A64Asm.Assembler.Diagnostics;
using A64Asm.Assembler.Tests.Driver;
using static A64Asm.Assembler.Tests.Hostile.Hostile;

namespace A64Asm.Assembler.Tests.Hostile;

/// <summary>.set chains resolve as gas resolves them; a real loop is named with its symbols (issue 16).</summary>
public class EquateChainTests
{
    static string Chain(int length, bool useFirst, int first = 0) =>
        ".data\n" + (useFirst ? $".quad s{first}\n" : "") +
        string.Concat(Enumerable.Range(first, length).Select(i => $".set s{i}, s{i + 1}+1\n")) +
        $".set s{first + length}, 7\n" + (useFirst ? "" : $".quad s{first}\n");

    static byte[] DataOf(string source) =>
        AsmDriver.AssembleText("h.s", source, new AssemblerOptions(), new CollectingDiagnostics()).Sections.Single(s => s.Name == ".data").Data;

    [Theory]
    [InlineData(100, true)]
    [InlineData(100, false)]
    [InlineData(1000, true)]
    public void A_chain_of_set_definitions_resolves(int length, bool useFirst) =>
        Assert.Equal(BitConverter.GetBytes(7L + length), DataOf(Chain(length, useFirst)));

    [OracleFact]
    public void A_chain_of_100_set_definitions_matches_gnu_as()
    {
        string source = Chain(100, useFirst: true, first: 65);
        Assert.Equal(Gnu.SectionBytes(source, ".data"), DataOf(source));
    }

    [Fact]
    public void A_loop_is_reported_with_the_symbols_in_it()
    {
        Assert.Equal("h.s:3:9: error: symbol definition loop encountered at 'a': a -> b -> c -> a",
                     ErrorOf(".data\n.quad a\n.set a, b+1\n.set b, c+1\n.set c, a+1\n"));
    }

    [Fact]
    public void A_chain_longer_than_the_limit_is_refused_not_a_stack_overflow()
    {
        Assert.Equal("h.s:1003:13: error: chain of symbol definitions exceeds the limit of 1000 at 's1000'",
                     ErrorOf(Chain(100_000, useFirst: true)));
    }

    [Fact]
    public void Walking_pending_chains_stops_at_its_step_limit()
    {
        // Campaign seed 6000: each repetition re-sets a chain of 600 symbols that name the next, so every .set walks
        // the rest of the chain; without the limit such inputs ran for minutes.
        string chain = string.Concat(Enumerable.Range(0, 600).Select(i => $".set c{i}, c{i + 1}+1\n"));
        string error = ErrorOf(".rept 100\n" + chain + ".endr\n");
        Assert.StartsWith("h.s:", error);
        Assert.Contains($"error: evaluating symbols defined by expressions exceeds the limit of {A64Asm.Assembler.Layout.EquateChains.MaxSteps} steps (at 'c", error);
    }

    [Fact]
    public void A_loop_nothing_uses_is_still_an_error_at_the_end()
    {
        // GNU as finds it when it writes its symbol table ("symbol definition loop encountered at `a'").
        Assert.Equal("h.s:1:9: error: symbol definition loop encountered at 'a': a -> b -> a",
                     ErrorOf(".set a, b+1\n.set b, a+1\nnop\n"));
    }
}
