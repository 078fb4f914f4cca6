using A64Asm.Assembler.Diagnostics;
using A64Asm.Assembler.Preprocessing;

namespace A64Asm.Assembler.Tests.Preprocessing;

/// <summary>
/// The pipeline must beat GNU as on huge plain files, so a plain line may cost no more than the objects the
/// output needs. Allocation is counted rather than time, which a busy machine would make flaky.
/// </summary>
public class FastPathTests
{
    const int Lines = 100_000;

    static long AllocatedBytes(string text, PreprocessorOptions options)
    {
        var diagnostics = new CollectingDiagnostics();
        Preprocessor.RunText("warmup.S", "x\n#define W 1\nW\n", options, diagnostics);
        long before = GC.GetAllocatedBytesForCurrentThread();
        var result = Preprocessor.RunText("big.S", text, options, diagnostics);
        long after = GC.GetAllocatedBytesForCurrentThread();
        Assert.Equal(Lines, result.Count);
        return after - before;
    }

    static string PlainFile(string line) => string.Concat(Enumerable.Repeat(line + "\n", Lines));

    [Fact]
    public void PlainLinesAllocateOnlyTheSplitLineAndItsOutputRecords()
    {
        const string line = "\tldp x22, x23, [x21, #16]";
        var options = new PreprocessorOptions();
        options.Defines.Add(new("PAGE_SIZE", "4096"));
        options.Defines.Add(new("x2", "oops")); // a macro name that is a prefix of words on the line
        long perLine = AllocatedBytes(PlainFile(line), options) / Lines;
        // The line's string (~24 + 2 per char), SourceLine, SourceLocation, list and split-array slots.
        long budget = 24 + 2 * line.Length + 48 + 48 + 16 + 16;
        Assert.True(perLine <= budget, $"{perLine} bytes per plain line; budget {budget}");
    }

    [Fact]
    public void PlainLinesPassThroughIdentically()
    {
        var lines = Preprocessor.RunText("big.S", PlainFile("1:\tb.ne 1b // x"), new PreprocessorOptions(), new CollectingDiagnostics());
        Assert.All(lines, l => Assert.Equal("1:\tb.ne 1b", l.Text));
        Assert.Equal(Lines, lines[^1].Location.Pos.Line);
    }
}
