namespace A64Asm.Assembler.Tests.Preprocessing;

public class PreprocessorErrorTests
{
    [Theory]
    [InlineData("#include \"asm/foo.h\"\n", "t.S:1:10: 'asm/foo.h' file not found")]
    [InlineData("#include <asm/foo.h>\n", "t.S:1:10: 'asm/foo.h' file not found")]
    [InlineData("#include\n", "t.S:1:9: #include expects \"FILENAME\" or <FILENAME>")]
    [InlineData("#include x\n", "t.S:1:10: #include expects \"FILENAME\" or <FILENAME>")]
    [InlineData("#include <a.h\n", "t.S:1:10: missing terminating > character")]
    [InlineData("#include \"\"\n", "t.S:1:10: empty filename in #include")]
    [InlineData("#error \"PAGE_SHIFT must be 12\" /* why */ now\n", "t.S:1:2: #error \"PAGE_SHIFT must be 12\" now")]
    [InlineData("#if 1\n", "t.S:1:2: unterminated #if")]
    [InlineData("#ifndef X\n#if 0\n#endif\n", "t.S:1:2: unterminated #ifndef")]
    [InlineData("#if 1\n#else\n#else\n#endif\n", "t.S:3:2: #else after #else")]
    [InlineData("#if 1\n#else\n#elif 1\n#endif\n", "t.S:3:2: #elif after #else")]
    [InlineData("#endif\n", "t.S:1:2: #endif without #if")]
    [InlineData("#else\n", "t.S:1:2: #else without #if")]
    [InlineData("#elif 1\n", "t.S:1:2: #elif without #if")]
    [InlineData("#ifdef\n#endif\n", "t.S:1:7: no macro name given in #ifdef directive")]
    [InlineData("#define\n", "t.S:1:8: no macro name given in #define directive")]
    [InlineData("#define 3 x\n", "t.S:1:9: macro names must be identifiers")]
    [InlineData("#define defined 1\n", "t.S:1:9: \"defined\" cannot be used as a macro name")]
    [InlineData("#define F(a, a) a\n", "t.S:1:14: duplicate macro parameter \"a\"")]
    [InlineData("#define F(a b) a\n", "t.S:1:13: expected ',' or ')', found \"b\"")]
    [InlineData("#define F(a, +) a\n", "t.S:1:14: expected parameter name, found \"+\"")]
    [InlineData("#define F(a\n", "t.S:1:12: missing ')' in macro parameter list")]
    [InlineData("#define F(x) ## x\n", "t.S:1:14: '##' cannot appear at either end of a macro expansion")]
    [InlineData("#define F(x) x ##\n", "t.S:1:16: '##' cannot appear at either end of a macro expansion")]
    [InlineData("#define F(a,b) a\n  F(1)\n", "t.S:2:3: macro \"F\" requires 2 arguments, but only 1 given")]
    [InlineData("#define F(a,b) a\nF(1,2,3)\n", "t.S:2:1: macro \"F\" passed 3 arguments, but takes just 2")]
    [InlineData("#define F() a\nF(1)\n", "t.S:2:1: macro \"F\" passed 1 arguments, but takes just 0")]
    [InlineData("#define F(a) a\nmov x0, F(1,\n2\n", "t.S:2:9: unterminated argument list invoking macro \"F\"")]
    [InlineData("#define F(a) a\n#if F(1\n#endif\n", "t.S:2:5: unterminated argument list invoking macro \"F\"")]
    [InlineData("a /* never closed\nb\n", "t.S:1:3: unterminated comment")]
    [InlineData("x _Pragma(once)\n", "t.S:1:3: _Pragma takes a parenthesized string literal")]
    [InlineData("x __has_include(<a.h>)\n", "t.S:1:3: \"__has_include\" used outside of preprocessing directive")]
    [InlineData("#if __has_include(a.h)\n#endif\n", "t.S:1:19: operator \"__has_include\" requires a header-name")]
    [InlineData("#if __has_include(\"a.h\"\n#endif\n", "t.S:1:24: missing ')' after \"__has_include\" operand")]
    [InlineData("#define F(...) __VA_OPT__(a\n", "t.S:1:16: unterminated __VA_OPT__")]
    public void ErrorMessageAndPosition(string source, string expected) =>
        Assert.Equal(expected, PpTestKit.ErrorOf(source));

    [Fact]
    public void ErrorInsideAnIncludedFileCarriesTheIncludeChain()
    {
        var kit = new PpTestKit()
            .With("dir/t.S", "\n#include \"a.h\"\n")
            .With("dir/a.h", "#include <b.h>\n")
            .With("inc/b.h", "\n\n#error stop\n");
        kit.Options.IncludeDirs.Add("inc");
        Assert.Equal("inc/b.h:3:2: #error stop\nin file included from dir/a.h:1\nin file included from dir/t.S:2",
                     kit.Error("dir/t.S"));
    }

    [Fact]
    public void UnbalancedConditionalInAnIncludedFileIsReportedThere()
    {
        var kit = new PpTestKit().With("t.S", "#if 1\n#include \"a.h\"\n#endif\n").With("a.h", "#endif\n");
        Assert.Equal("a.h:1:2: #endif without #if\nin file included from t.S:2", kit.Error());
    }

    [Fact]
    public void IncludeCycleStopsAtTheDepthLimit()
    {
        var kit = new PpTestKit().With("t.S", "#include \"t.S\"\n");
        string error = kit.Error();
        Assert.StartsWith("t.S:1:2: #include nested too deeply (limit 200)\nin file included from t.S:1\n", error);
        Assert.Equal(201, error.Split('\n').Length);
    }

    [Fact]
    public void IncludeDepthLimitIsAnOption()
    {
        var kit = new PpTestKit().With("t.S", "#include \"a.h\"\n").With("a.h", "#include \"b.h\"\n").With("b.h", "B\n");
        kit.Options.MaxIncludeDepth = 1;
        Assert.Equal("a.h:1:2: #include nested too deeply (limit 1)\nin file included from t.S:1", kit.Error());
    }

    [Fact]
    public void FileSizeLimit()
    {
        var kit = new PpTestKit().With("t.S", "#include \"big.h\"\n").With("big.h", new string('x', 101) + "\n");
        kit.Options.MaxFileChars = 100;
        Assert.Equal("t.S:1:10: 'big.h' is too large (102 characters, limit 100)", kit.Error());
    }

    [Fact]
    public void MainFileSizeLimitAndMissingMainFile()
    {
        var kit = new PpTestKit().With("t.S", new string('x', 200));
        kit.Options.MaxFileChars = 100;
        Assert.Equal("'t.S' is too large (200 characters, limit 100)", kit.Error());
        Assert.Equal("'nope.S' file not found", new PpTestKit().Error("nope.S"));
    }

    [Fact]
    public void ExponentialExpansionHitsTheTokenLimit()
    {
        var src = "#define A0 x\n" + string.Concat(Enumerable.Range(1, 24).Select(i => $"#define A{i} A{i - 1} A{i - 1}\n")) + "A24\n";
        var kit = new PpTestKit().With("t.S", src);
        Assert.Equal(250_000, kit.Options.MaxExpansionTokens);
        kit.Options.MaxExpansionTokens = 1000;
        Assert.Equal("t.S:26:1: expansion of macro \"A2\" is too large (limit 1000 tokens)", kit.Error());
    }

    [Fact]
    public void DeeplyNestedArgumentsHitTheNestingLimit()
    {
        var src = "#define F(x) x\n" + string.Concat(Enumerable.Repeat("F(", 300)) + "1" + new string(')', 300) + "\n";
        Assert.Equal("t.S:2:401: macro arguments nested too deeply (limit 200)", PpTestKit.ErrorOf(src));
    }

    [Fact]
    public void DeeplyNestedConditionalsHitTheNestingLimit()
    {
        var src = string.Concat(Enumerable.Repeat("#if 1\n", 1001));
        Assert.Equal("t.S:1001:2: #if nested too deeply (limit 1000)", PpTestKit.ErrorOf(src));
    }

    [Fact]
    public void CommandLineDefineErrorsNameTheCommandLine()
    {
        var kit = new PpTestKit().With("t.S", "x\n").Define("3X");
        Assert.Equal("<command-line>:1:1: macro names must be identifiers", kit.Error());
    }

    [Fact]
    public void UnreadableIncludeNamesOnlyTheUsersPath()
    {
        var kit = new PpTestKit().With("t.S", "#include \"d.h\"\n");
        kit.Options.ReadFile = p => p == "t.S" ? "#include \"d.h\"\n" : throw new UnauthorizedAccessException("/home/someone/secret/d.h");
        Assert.Equal("t.S:1:10: cannot read 'd.h'", kit.Error());
    }

    [Fact]
    public void IncludeInsideMacroArgumentsEndsTheArgumentList()
    {
        var kit = new PpTestKit().With("t.S", "#define F(x) x\nF(1,\n#include \"a.h\"\n)\n").With("a.h", "A\n");
        Assert.Equal("t.S:2:1: unterminated argument list invoking macro \"F\"", kit.Error());
    }

    [Fact]
    public void UndefiningABuiltinWarns()
    {
        var kit = new PpTestKit().With("t.S", "#undef __LINE__\n__LINE__\n");
        Assert.Equal("__LINE__", kit.Text());
        Assert.Equal(["t.S:1:8: warning: undefining \"__LINE__\"\n #undef __LINE__\n        ^"], kit.Diagnostics.Warnings);
    }

    [Fact]
    public void ExtraTokensAfterConditionalDirectivesWarn()
    {
        var kit = new PpTestKit().With("t.S", "#ifdef X Y\n#else Z\n#endif W\n");
        kit.Run();
        Assert.Equal(["t.S:1:10: warning: extra tokens at end of #ifdef directive",
                      "t.S:2:7: warning: extra tokens at end of #else directive",
                      "t.S:3:8: warning: extra tokens at end of #endif directive"],
                     kit.Diagnostics.Warnings.Select(w => w.Split('\n')[0]));
    }

    [Fact]
    public void ErrorRendersWithTheSourceLineAndCaret()
    {
        var e = Assert.Throws<A64Asm.Assembler.Diagnostics.AsmError>(
            () => new PpTestKit().With("t.S", "#define F(a,b) a\n\tmov x0, F(1)\n").Run());
        Assert.Equal("t.S:2:10: error: macro \"F\" requires 2 arguments, but only 1 given\n \tmov x0, F(1)\n \t        ^", e.Render());
    }
}
