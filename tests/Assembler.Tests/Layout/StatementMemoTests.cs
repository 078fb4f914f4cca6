using A64Asm.Assembler.Diagnostics;
using System.Text;
using A64Asm.Assembler.Elf;
using A64Asm.Assembler.Tests.Driver;

namespace A64Asm.Assembler.Tests.Layout;

/// <summary>
/// The statement memo (a word reused for a statement text encoded before) and the direct encoder (a word made from a
/// register-and-number statement's tokens) must never change the output: every input here is assembled with both,
/// with the memo alone and with neither (one thread, as --timings runs, which counts the reuses), and on two
/// threads, and the objects compared byte for byte.
/// </summary>
public class StatementMemoTests
{
    private static (byte[] Elf, StageTimes Times) Assemble(string source, bool memo, bool direct)
    {
        var times = new StageTimes();
        var options = new AssemblerOptions { Features = A64Asm.Isa.ArchFeatures.All, MemoizeStatements = memo, EncodeDirectly = direct, Timings = times };
        var obj = Asm.Object(source, options: options);
        return (ElfObjectWriter.Write(obj), times);
    }

    // The two-thread front end finds words on its parsing thread and places them on the other: same bytes again.
    private static byte[] AssembleOnTwoThreads(string source, bool direct = true) =>
        ElfObjectWriter.Write(Asm.Object(source, options: new AssemblerOptions { Features = A64Asm.Isa.ArchFeatures.All, EncodeDirectly = direct, Threads = 2 }));

    /// <summary>Lines placed from the memo with the direct encoder off, and lines the direct encoder made with both on.</summary>
    private readonly record struct Reuse(long Memoized, long TokenEncoded);

    private static Reuse AssertSameWithAndWithoutReuse(string source)
    {
        var (both, bothTimes) = Assemble(source, memo: true, direct: true);
        var (memoOnly, memoTimes) = Assemble(source, memo: true, direct: false);
        var (neither, none) = Assemble(source, memo: false, direct: false);
        Assert.Equal(0, none.MemoizedLines + none.TokenEncodedLines);
        Assert.Equal(0, memoTimes.TokenEncodedLines);
        string expected = Convert.ToHexString(neither);
        Assert.Equal(expected, Convert.ToHexString(memoOnly));
        Assert.Equal(expected, Convert.ToHexString(both));
        Assert.Equal(expected, Convert.ToHexString(AssembleOnTwoThreads(source)));
        Assert.Equal(expected, Convert.ToHexString(AssembleOnTwoThreads(source, direct: false)));
        return new Reuse(memoTimes.MemoizedLines, bothTimes.TokenEncodedLines);
    }

    private static long AssertSameWithAndWithoutMemo(string source) => AssertSameWithAndWithoutReuse(source).Memoized;

    [Fact]
    public void A_repeated_statement_is_placed_from_the_memo()
    {
        // A text is admitted on its second encoding, so the third and fourth of each come from the memo.
        const string source = "mrs x0, ctr_el0\nisb\nmrs x0, ctr_el0\nisb\nmrs x0, ctr_el0\nisb\nmrs x0, ctr_el0\nisb\n";
        Assert.Equal(4, AssertSameWithAndWithoutMemo(source));
        Assert.Equal(string.Concat(Enumerable.Repeat("20003bd5df3f03d5", 4)), Asm.Hex(source));
    }

    [Fact]
    public void Defining_a_name_the_statement_looked_up_stops_the_reuse()
    {
        // Once ish is defined the statement reads a symbol's value, so it is parsed again; the barrier name still
        // wins where dsb takes one (as in gas), while add takes the value.
        const string source = "dsb ish\ndsb ish\ndsb ish\nish = 7\ndsb ish\ndsb ish\ndsb ish\nadd x0, x1, ish\n";
        Assert.Equal(1, AssertSameWithAndWithoutMemo(source));
        Assert.Equal(string.Concat(Enumerable.Repeat("9f3b03d5", 6)) + "201c0091", Asm.Hex(source));
    }

    [Fact]
    public void On_two_threads_a_word_found_before_its_name_was_defined_is_parsed_again()
    {
        // Each .ifdef makes the parsing thread wait until the assembler has caught up, so the last "dsb ish" is
        // found in the memo (admitted at the second) and handed over, and only the assembler sees that ish is now 7
        // (so it parses the line again; the barrier name still wins over the symbol, as in gas).
        const string source = "dsb ish\ndsb ish\n.ifdef foo\n.endif\nish = 7\n.ifdef foo\n.endif\ndsb ish\n";
        Assert.Equal(0, AssertSameWithAndWithoutMemo(source));
        Assert.Equal("9f3b03d59f3b03d59f3b03d5", Convert.ToHexString(AssembleOnTwoThreads(source)[64..76]).ToLowerInvariant());
    }

    [Theory]
    // Three of each: were the statement memoizable, the third would come from the memo.
    [InlineData("1: add x0, x0, #1\n1: add x0, x0, #1\n1: add x0, x0, #1\n")]   // a line with a label is parsed each time
    [InlineData("b 1f\nb 1f\nb 1f\n1: b 1b\nb 1b\nb 1b\n")]                  // fixups are not memoized
    [InlineData("mov x0, #(. - .)\nmov x0, #(. - .)\nmov x0, #(. - .)\n")]     // '.' is not the text's alone
    [InlineData("k = 4\nadd x0, x0, #k\nadd x0, x0, #k\nadd x0, x0, #k\n")]   // nor is a defined symbol's value
    [InlineData("x1a .req x2\nmov x0, x1a\nmov x0, x1a\nmov x0, x1a\n")]       // nor a register alias
    [InlineData("ldr x0, =0x1234\nldr x0, =0x1234\nldr x0, =0x1234\n")]        // literal pool entries are per line
    public void Statements_that_depend_on_more_than_their_text_are_not_memoized(string source)
    {
        Assert.Equal(0, AssertSameWithAndWithoutMemo(source));
    }

    [Fact]
    public void Register_and_number_statements_are_encoded_from_their_tokens()
    {
        const string source = "add x0, x1, #1\nldp x0, x1, [x2, #16]\nldr x3, [x4], #8\nisb\nmrs x0, ctr_el0\n1: nop\n";
        Assert.Equal(new Reuse(0, 4), AssertSameWithAndWithoutReuse(source));
        Assert.Equal("20040091400441a9838440f8df3f03d520003bd51f2003d5", Asm.Hex(source));
    }

    [Theory]
    [InlineData("x1a .req x2\nmov x0, x1\nmov x0, x1\n", 0)]     // an alias in force: no reuse at all
    [InlineData("add x0, x1, #1; add x0, x1, #1\n", 2)]          // the pieces of a line, each on its own
    [InlineData("add x0, x1, #1\n.inst 5\nadd x0, x1, #1\n.data\nadd x0, x1, #1\n", 3)] // mapping symbols
    public void Register_and_number_statements_in_context(string source, long fromTokens)
    {
        Assert.Equal(fromTokens, AssertSameWithAndWithoutReuse(source).TokenEncoded);
    }

    [Fact]
    public void A_statement_for_a_nobits_section_gets_the_parse_paths_error()
    {
        const string source = ".section .bss\nnop\nadd x0, x1, #1\n";
        string expected = Assert.Throws<AsmError>(() => Assemble(source, memo: false, direct: false)).Render();
        Assert.StartsWith("test.s:2:1: error: attempt to store an instruction in NOBITS section '.bss'", expected);
        Assert.Equal(expected, Assert.Throws<AsmError>(() => Assemble(source, memo: true, direct: true)).Render());
        Assert.Equal(expected, Assert.Throws<AsmError>(() => AssembleOnTwoThreads(source)).Render());
    }

    [Fact]
    public void A_data_section_and_a_code_section_interleaved_keep_their_mapping_symbols()
    {
        const string source = "nop\n.data\n.word 1\n.text\nnop\n.data\nnop\n.text\n.byte 1\nnop\n";
        Assert.Equal(2, AssertSameWithAndWithoutMemo(source));
    }

    [Fact]
    public void Every_vector_statement_repeated_in_a_shuffled_file_gives_the_same_object()
    {
        var statements = McVectors.All().Select(v => v.Source).ToList();
        Assert.True(statements.Count > 2000);
        var random = new Random(1234);
        var source = new StringBuilder();
        for (int i = 0; i < statements.Count * 3; i++)
        {
            source.Append(statements[random.Next(statements.Count)]).Append('\n');
            if (i % 97 == 0) source.Append(i % 2 == 0 ? "1:\n" : "\tb 1b\n");
        }
        // Most repeats come from the memo; rows that need an architecture feature (which a later .arch may take away)
        // are encoded each time.
        long memoized = AssertSameWithAndWithoutMemo(source.ToString());
        Assert.True(memoized > statements.Count / 2, $"{memoized} lines from the memo");
    }

    [Fact]
    public void The_sample_gives_the_same_object()
    {
        var options = (bool memo) => new AssemblerOptions { MemoizeStatements = memo, IncludeDirs = { Path.Combine(Repo.Root, "samples", "include") } };
        string sample = Path.Combine(Repo.Root, "samples", "relocate_kernel.S");
        byte[] with = ElfObjectWriter.Write(AsmDriver.Assemble(sample, options(true), new A64Asm.Assembler.Diagnostics.CollectingDiagnostics()));
        byte[] without = ElfObjectWriter.Write(AsmDriver.Assemble(sample, options(false), new A64Asm.Assembler.Diagnostics.CollectingDiagnostics()));
        Assert.Equal(without, with);
    }
}

/// <summary>The memo read on one thread while another adds to it (the two-thread front end) never gives a wrong word.</summary>
public class StatementMemoConcurrencyTests
{
    private static uint WordOf(int i) => (uint)i * 2654435761u;

    [Fact]
    public void A_find_during_adds_and_generation_resets_is_a_miss_or_the_right_word()
    {
        var memo = new A64Asm.Assembler.Layout.EncodedLineMemo();
        // 400,000 texts of 9 to 14 characters overflow the arena several times, so generations turn over.
        const int Texts = 400_000;
        var texts = Enumerable.Range(0, Texts).Select(i => $"op x{i % 31}, #{i}").ToArray();
        using var stop = new CancellationTokenSource();
        using var started = new ManualResetEventSlim();
        long hits = 0, wrong = 0;
        int position = 0;
        var reader = Task.Run(() =>
        {
            var random = new Random(7);
            started.Set();
            while (!stop.IsCancellationRequested)
            {
                // Mostly texts just added (hits while their slots and the arena are being rewritten), some anywhere.
                int near = Volatile.Read(ref position) - random.Next(64);
                int i = random.Next(8) == 0 || near < 0 ? random.Next(Texts) : near;
                if (!memo.TryFind(texts[i], out var hit)) continue;
                hits++;
                if (hit.Word != WordOf(i) || hit.Name0 != $"n{i % 5}" || hit.Name1 is not null) wrong++;
            }
        });
        started.Wait();
        for (int round = 0; round < 3; round++)
            for (int i = 0; i < Texts; i++)
            {
                // Twice: a text is admitted on its second encoding.
                memo.Add(texts[i], new A64Asm.Assembler.Layout.MemoHit(WordOf(i), $"n{i % 5}", null));
                memo.Add(texts[i], new A64Asm.Assembler.Layout.MemoHit(WordOf(i), $"n{i % 5}", null));
                Volatile.Write(ref position, i);
            }
        stop.Cancel();
        reader.Wait();
        Assert.Equal(0, wrong);
        Assert.True(hits > 0);
    }
}
