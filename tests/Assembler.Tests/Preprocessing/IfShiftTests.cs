using A64Asm.Assembler.Diagnostics;
using A64Asm.Assembler.Preprocessing;

namespace A64Asm.Assembler.Tests.Preprocessing;

/// <summary>
/// #if shifts and complements as C does them on intmax_t/uintmax_t: '>>' is arithmetic on a signed left operand and
/// logical on an unsigned one, so GENMASK-style masks in #if come out as gcc computes them.
/// </summary>
public class IfShiftTests
{
    const string Source = """
        #if (~0UL >> 34) == 0x3fffffff
        ok1
        #endif
        #if (~0 >> 34) == -1
        ok2
        #endif
        #if (~0U >> 63) == 1 && (~0ULL >> 0x22) == 0x3fffffffULL
        ok3
        #endif
        #if ~0UL > 0 && ~0 < 0 && ~0u == 0xffffffffffffffff
        ok4
        #endif
        #if (-1 >> 1) < 0 && (-1U >> 1) > 0 && ((0 ? 1U : -1) >> 63) == 1
        ok5
        #endif
        #define BITS_PER_LONG 64
        #define GENMASK(h, l) (((~0UL) - (1UL << (l)) + 1) & (~0UL >> (BITS_PER_LONG - 1 - (h))))
        #if GENMASK(7, 4) == 0xf0 && GENMASK(63, 62) == 0xc000000000000000
        ok6
        #endif
        #if (~0 >> 34) == 0x3fffffff
        signed_shift_is_not_logical
        #endif
        """;

    [Fact]
    public void Right_shift_is_logical_only_on_unsigned_values()
    {
        Assert.Equal("ok1\nok2\nok3\nok4\nok5\nok6", PpTestKit.Output(Source));
    }

    [OracleFact]
    public void Matches_gcc()
    {
        using var dir = new TempDir();
        string file = Path.Combine(dir.Root, "shifts.S");
        File.WriteAllText(file, Source + "\n");
        var mine = Preprocessor.Run(file, new PreprocessorOptions(), new CollectingDiagnostics());
        Assert.Equal(GccOracle.Preprocess(file, []), GccOracle.Normalize(mine.Select(l => l.Text)));
    }
}
