using A64Asm.Assembler.Diagnostics;
using A64Asm.Assembler.Preprocessing;

namespace A64Asm.Assembler.Tests.Preprocessing;

/// <summary>
/// #line and cpp line markers in a .S, and merge-conflict lines. #line renumbers diagnostics, __LINE__ and __FILE__
/// as in gcc; "# 12 \"file.S\" 1" (gcc -E output fed back) renumbers diagnostics only, since cpp in assembler mode
/// passes such lines on as text.
/// </summary>
public class LineMarkerTests
{
    static string Location(SourceLine line)
    {
        var parts = new List<string> { line.Location.ToString() };
        for (var f = line.Location.Context; f is not null; f = f.Outer)
            parts.Add(f.Describe());
        return string.Join(" | ", parts);
    }

    [Fact]
    public void Line_directive_renumbers_the_next_line_and_names_the_file()
    {
        var lines = new PpTestKit().With("t.S", "a __LINE__ __FILE__\n#line 20 \"m.S\"\nb __LINE__ __FILE__\n#line 30\nc __LINE__ __FILE__\n").Run();
        Assert.Equal(["a 1 \"t.S\"", "b 20 \"m.S\"", "c 30 \"m.S\""], lines.Select(l => l.Text));
        Assert.Equal(["t.S:1:1", "m.S:20:1", "m.S:30:1"], lines.Select(Location));
    }

    [Fact]
    public void Line_directive_operands_are_macro_expanded()
    {
        var lines = new PpTestKit().With("t.S", "#define L 7\n#define F \"x.S\"\n#line L F\nx __LINE__\n").Run();
        Assert.Equal("x 7", Assert.Single(lines).Text);
        Assert.Equal("x.S:7:1", Assert.Single(lines).Location.ToString());
    }

    [Fact]
    public void Errors_after_line_point_at_the_line_it_names_and_quote_the_text_read()
    {
        var kit = new PpTestKit().With("t.S", "nop\n#line 40 \"orig.S\"\n\n#error stop\n");
        Assert.Equal("orig.S:41:2: #error stop", kit.Error());
        var e = Assert.Throws<AsmError>(() => kit.Run());
        Assert.Equal("orig.S:41:2: error: #error stop\n #error stop\n  ^", e.Render());
    }

    [Theory]
    [InlineData("#line\n", "t.S:1:6: unexpected end of file after #line")]
    [InlineData("#line x\n", "t.S:1:7: \"x\" after #line is not a positive integer")]
    [InlineData("#line 0x10\n", "t.S:1:7: \"0x10\" after #line is not a positive integer")]
    [InlineData("#line 5 foo\n", "t.S:1:9: \"foo\" is not a valid filename")]
    public void Bad_line_directives_are_errors_worded_as_gcc(string source, string expected)
    {
        Assert.Equal(expected, PpTestKit.ErrorOf(source));
    }

    [Fact]
    public void Extra_tokens_after_the_line_file_are_a_warning()
    {
        var kit = new PpTestKit().With("t.S", "#line 5 \"a.S\" 1\nnop\n");
        Assert.Equal("a.S:5:1", Assert.Single(kit.Run()).Location.ToString());
        Assert.Equal("t.S:1:15: warning: extra tokens at end of #line directive\n #line 5 \"a.S\" 1\n               ^",
                     Assert.Single(kit.Diagnostics.Warnings));
    }

    /// <summary>What gcc -E writes for a file k.S whose line 3 includes inc/foo.h.</summary>
    const string PreprocessedOutput = """
        # 0 "k.S"
        # 0 "<built-in>"
        # 0 "<command-line>"
        # 1 "k.S"
        nop

        # 1 "inc/foo.h" 1

        mov x1, __LINE__
        # 4 "k.S" 2
        after
        """;

    [Fact]
    public void Gcc_line_markers_point_diagnostics_at_the_original_file_with_its_include_chain()
    {
        var lines = new PpTestKit().With("k.i.S", PreprocessedOutput).Run("k.i.S");
        Assert.Equal(["nop", "mov x1, 9", "after"], lines.Select(l => l.Text));
        Assert.Equal(["k.S:1:1", "inc/foo.h:2:1 | in file included from k.S:3", "k.S:4:1"], lines.Select(Location));
    }

    [Fact]
    public void A_renumbered_line_still_knows_its_physical_line_and_text()
    {
        var lines = new PpTestKit().With("k.i.S", PreprocessedOutput).Run("k.i.S");
        var header = lines[1].Location.Pos;
        Assert.Equal(("inc/foo.h", 2, 9), (header.File.DisplayPath, header.Line, header.File.PhysicalLine(header.Line)));
        Assert.Equal("mov x1, __LINE__", header.File.LineText(header.Line));
    }

    [Fact]
    public void An_error_in_a_marked_header_names_it_and_the_include_line()
    {
        string source = PreprocessedOutput.Replace("mov x1, __LINE__", "#error in header");
        Assert.Equal("inc/foo.h:2:2: #error in header\nin file included from k.S:3", new PpTestKit().With("k.i.S", source).Error("k.i.S"));
    }

    [Fact]
    public void A_marked_file_included_for_real_keeps_the_real_include_under_the_markers()
    {
        var kit = new PpTestKit()
            .With("t.S", "nop\n#include \"pre.S\"\n")
            .With("pre.S", "# 7 \"orig.S\"\nx\n# 1 \"h.h\" 1\ny\n");
        var lines = kit.Run();
        Assert.Equal(["t.S:1:1", "orig.S:7:1 | in file included from t.S:2",
                      "h.h:1:1 | in file included from orig.S:8 | in file included from t.S:2"], lines.Select(Location));
    }

    [Fact]
    public void A_line_that_is_not_a_well_formed_marker_changes_nothing()
    {
        var lines = new PpTestKit().With("t.S", "# 7\na\n# 0x10 \"g.S\"\nb\n# 5 foo\nc\n").Run();
        Assert.Equal(["t.S:2:1", "t.S:4:1", "t.S:6:1"], lines.Select(Location));
    }

    [OracleFact]
    public void Line_and_file_builtins_follow_line_but_not_markers_as_in_gcc()
    {
        const string source = "a __LINE__ __FILE__\n# 5 \"k.S\"\nb __LINE__ __FILE__\n#line 20 \"m.S\"\nc __LINE__ __FILE__\n# 40\nd __LINE__\n";
        var lines = new PpTestKit().With("t.S", source).Run();
        Assert.Equal(["a 1 \"t.S\"", "b 3 \"t.S\"", "c 20 \"m.S\"", "d 22"], lines.Select(l => l.Text));
        using var dir = new TempDir();
        // gcc passes the marker lines on as text (" # 5 \"k.S\""); the oracle keeps only lines with a letter first.
        File.WriteAllText(Path.Combine(dir.Root, "t.S"), source);
        string file = Path.Combine(dir.Root, "t.S");
        var gcc = GccOracle.Preprocess(file, []).Where(l => !l.StartsWith('#')).ToList();
        var mine = Preprocessor.Run(file, new PreprocessorOptions(), new CollectingDiagnostics());
        Assert.Equal(gcc, GccOracle.Normalize(mine.Select(l => l.Text)));
    }

    [Theory]
    [InlineData("nop\n<<<<<<< HEAD\nnop\n", 2)]
    [InlineData("nop\n=======\n", 2)]
    [InlineData(">>>>>>> feature/branch\n", 1)]
    [InlineData("nop\n||||||| merged common ancestors\n", 2)]
    [InlineData("#if 0\n=======\n#endif\n", 2)]
    public void A_committed_conflict_marker_is_an_error_at_its_line(string source, int line)
    {
        Assert.Equal($"t.S:{line}:1: version control conflict marker in file", PpTestKit.ErrorOf(source));
    }

    [Fact]
    public void Conflict_like_text_in_a_comment_or_of_another_length_is_not_a_marker()
    {
        Assert.Equal("nop", PpTestKit.Output("/*\n=======\n<<<<<<< x\n*/\n// =======\nnop\n"));
        Assert.Equal("======== x\n<<<<<<<x", PpTestKit.Output("======== x\n<<<<<<<x\n"));
    }
}
