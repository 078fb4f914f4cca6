using A64Asm.Assembler.Diagnostics;

namespace A64Asm.Assembler.Tests.Layout;

/// <summary>/* */ in a .s file: blanked before anything reads the line, as GNU as's input scrubber does.</summary>
public class BlockCommentTests
{
    [Fact]
    public void A_comment_over_lines_keeps_the_columns_of_what_follows()
    {
        Assert.Equal("test.s:2:13: error: unknown mnemonic `bogus'", Asm.ErrorLine("/* one\n   two */   bogus x0\n"));
        Assert.Equal("1f2003d5200080d2", Asm.Hex("nop /* a */\n/* b\n c */ mov x0, #1\n"));
    }

    [Fact]
    public void An_unclosed_comment_is_the_rest_of_the_file_with_gnu_as_warning()
    {
        var diagnostics = new CollectingDiagnostics();
        var obj = Asm.Object("nop\n  /* never closed\nmov x0, #1\n", diagnostics);
        Assert.Equal("1F2003D5", Convert.ToHexString(obj.Sections.Single(s => s.Name == ".text").Data));
        Assert.Equal(["test.s:2:3: warning: end of file in multiline comment\n   /* never closed\n   ^"], diagnostics.Warnings);
    }
}
