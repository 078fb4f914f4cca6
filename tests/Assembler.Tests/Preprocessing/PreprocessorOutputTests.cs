namespace A64Asm.Assembler.Tests.Preprocessing;

public class PreprocessorOutputTests
{
    [Fact]
    public void PlainLinesPassThroughUnchangedAndBlankLinesAreDropped() =>
        Assert.Equal("\tldp x22, x23, [x21, #16]\n  mov x0, #4   ",
                     PpTestKit.Output("\tldp x22, x23, [x21, #16]\n\n   \n  mov x0, #4   \n"));

    [Fact]
    public void ObjectLikeMacroKeepsTheImmediateHash() =>
        Assert.Equal("\tadd x0, x0, #(1 << 12)",
                     PpTestKit.Output("#define PAGE_SIZE (1 << 12)\n\tadd x0, x0, #PAGE_SIZE\n"));

    [Fact]
    public void CommentsBecomeSpaceAndMultiLineCommentsJoinTheirLines() =>
        Assert.Equal("\tmov x0, x1\na b\n c", PpTestKit.Output("\tmov x0, x1 // copy\na /* one\ntwo */ b\n/* x */c\n"));

    [Fact]
    public void BackslashNewlineJoinsLines() =>
        Assert.Equal("mov x0, 7", PpTestKit.Output("#define SEVEN \\\n  7\nmov x0, \\\nSEVEN\n"));

    [Fact]
    public void AssemblerMacroArgumentsWithBackslashStayText() =>
        Assert.Equal("\tmov\t\\reg, #4", PpTestKit.Output("\tmov\t\\reg, #4\n"));

    [Fact]
    public void ApostrophesDoNotDerailTheLexer() =>
        Assert.Equal("mov x0, 'a'\nmov x1, 1\nmov x0, 'a ONE\nmov x2, 1",
                     PpTestKit.Output("#define ONE 1\nmov x0, 'a'\nmov x1, ONE\nmov x0, 'a ONE\nmov x2, ONE // it's\n"));

    [Fact]
    public void FunctionLikeMacroWithStringizeAndPaste() =>
        Assert.Equal("\"a + b\" x_1 mov x0, \"4\"",
                     PpTestKit.Output("#define S(x) #x\n#define P(a,b) a##_##b\n#define F(x) mov x0, #x\nS( a  +  b ) P(x,1) F(4)\n"));

    [Fact]
    public void HashNotBeforeAParameterIsKeptInAssemblerMode() =>
        Assert.Equal("mov x1, #8", PpTestKit.Output("#define M(r) mov r, #8\nM(x1)\n"));

    [Fact]
    public void StringizeEscapesQuotesAndBackslashesInLiterals() =>
        Assert.Equal("\"\\\"a\\\\n\\\" 'b'\"", PpTestKit.Output("#define S(x) #x\nS(\"a\\n\" 'b')\n"));

    [Fact]
    public void VariadicMacros() =>
        Assert.Equal("f(1, 2, 3)\ng(1)\ng(1, 2)\n[a b]\n[]",
                     PpTestKit.Output("#define F(...) f(__VA_ARGS__)\n#define G(a, ...) g(a, ## __VA_ARGS__)\n" +
                                      "#define H(args...) [args]\nF(1, 2, 3)\nG(1)\nG(1,2)\nH(a b)\nH()\n"));

    [Fact]
    public void VaOptAppearsOnlyWithVariadicTokens() =>
        Assert.Equal("f(1) f(1 , 2) f(1)", PpTestKit.Output(
            "#define E\n#define F(a, ...) f(a __VA_OPT__(,) __VA_ARGS__)\nF(1) F(1, 2) F(1, E)\n"));

    [Fact]
    public void NamedVariadicArgumentMayBeLeftOut() =>
        Assert.Equal("g(1)", PpTestKit.Output("#define G(a, rest...) g(a rest)\nG(1)\n"));

    [Fact]
    public void MacroIsNotReexpandedInsideItsOwnExpansion() =>
        Assert.Equal("x0 + 1\n(4 + foo(2))\nA B A", PpTestKit.Output(
            "#define x0 x0 + 1\n#define foo(n) (n + foo(2))\n#define A B A\n#define B A B\nx0\nfoo(4)\nA\n"));

    [Fact]
    public void NestedFunctionLikeCallsSpanLines() =>
        Assert.Equal("add x0, x1, (3 * 2)\nnext", PpTestKit.Output(
            "#define ADD(d, a, b) add d, a, b\n#define DBL(x) (x * 2)\nADD(x0,\n  x1,\n  DBL(\n3))\nnext\n"));

    [Fact]
    public void FunctionLikeNameWithoutParenthesesIsLeftAlone() =>
        Assert.Equal("F\nx\nF + 1", PpTestKit.Output("#define F(x) [x]\nF\nx\nF + 1\n"));

    [Fact]
    public void CallWhoseParenthesisIsOnTheNextLine() =>
        Assert.Equal("[3] tail", PpTestKit.Output("#define F(x) [x]\nF\n(3) tail\n"));

    [Fact]
    public void ArgumentsAreExpandedBeforeSubstitutionButNotNextToPaste() =>
        Assert.Equal("1 ONE_x", PpTestKit.Output("#define ONE 1\n#define F(a) a a##_x\nF(ONE)\n"));

    [Fact]
    public void ExpansionDoesNotGlueTokensTogether() =>
        Assert.Equal("- -1 x y", PpTestKit.Output("#define NEG -1\n#define X x\n-NEG X/**/y\n"));

    [Fact]
    public void ExpansionDoesNotGluePunctuatorsTogether() =>
        Assert.Equal("< <= << = . ... 1 .2", PpTestKit.Output(
            "#define LT <\n#define SHL <<\n#define DOT .\n#define ONE 1\nLT<= SHL= DOT... ONE.2\n"));

    [Fact]
    public void ConditionalGroups() =>
        Assert.Equal("two\nin\nelse", PpTestKit.Output(
            "#if 0\none\n#elif 1 + 1 == 2\ntwo\n#else\nthree\n#endif\n#ifdef __ASSEMBLER__\nin\n#endif\n" +
            "#ifndef __aarch64__\nno\n#else\nelse\n#endif\n"));

    [Fact]
    public void SkippedGroupsIgnoreUnknownDirectivesAndStrayApostrophes() =>
        Assert.Equal("ok", PpTestKit.Output("#if 0\n#foo\ndon't\n#if 1\n#else\n#endif\n#endif\nok\n"));

    [Fact]
    public void CommentCanHideAnEndifInASkippedGroup() =>
        Assert.Equal("after", PpTestKit.Output("#if 0\n/*\n#endif\n*/\n#endif\nafter\n"));

    [Fact]
    public void UndefAndRedefine() =>
        Assert.Equal("X\n2", PpTestKit.Output("#define X 1\n#undef X\nX\n#define X 2\nX\n"));

    [Fact]
    public void PredefinedAndBuiltinMacros() =>
        Assert.Equal("1 1 1 1\n\"t.S\" 3 \"t.S\" 0 1", PpTestKit.Output(
            "__ASSEMBLER__ __ASSEMBLY__ __aarch64__ __LP64__\n\n__FILE__ __LINE__ __BASE_FILE__ __COUNTER__ __COUNTER__\n"));

    [Fact]
    public void IgnoredDirectives() =>
        Assert.Equal("a\nb", PpTestKit.Output("#\n#pragma anything\n#line 100 \"x\"\n# 12 \"x.c\"\n#ident \"v\"\na\n  #  \nb\n"));

    [Fact]
    public void UnknownDirectivesAreCommentsAsGccAndGasReadThem() =>
        // gcc -x assembler-with-cpp passes them on; gas takes a line starting with '#' for a comment.
        Assert.Equal("a\nb", PpTestKit.Output("# Clear the carry flag.\na\n#foo bar\n  #  elseif\n#!x\nb\n"));

    [Fact]
    public void TargetMacrosFollowMarchAndPic()
    {
        var kit = new PpTestKit().With("t.S", "__ARM_ARCH __ARM_FEATURE_CRC32 __ARM_FEATURE_ATOMICS __ARM_NEON __PIC__ __ELF__ __linux__ __GNUC__\n");
        Assert.Equal("8 __ARM_FEATURE_CRC32 __ARM_FEATURE_ATOMICS 1 __PIC__ 1 1 12", kit.Text());
        kit.Options.Arch = "armv8.1-a+nolse";
        kit.Options.Pic = "-fPIC";
        Assert.Equal("8 1 __ARM_FEATURE_ATOMICS 1 2 1 1 12", kit.Text());
        kit.Options.Arch = "armv9-a+nofp";
        Assert.Equal("9 1 1 __ARM_NEON 2 1 1 12", kit.Text());
    }

    [Fact]
    public void PragmaOperatorIsDropped() =>
        Assert.Equal("a b\n c", PpTestKit.Output("#define P(x) _Pragma(#x)\na _Pragma(\"once\") b\nP(weak) c\n"));

    [Fact]
    public void CommandLineDefinesAndUndefines()
    {
        var kit = new PpTestKit().With("t.S", "A B C F(2) __aarch64__\n")
            .Define("A").Define("B", "two words").Define("C", "").Define("F(x)", "x*x");
        kit.Options.Undefines.Add("__aarch64__");
        Assert.Equal("1 two words 2*2 __aarch64__", kit.Text());
    }

    [Fact]
    public void IncludeSearchesTheIncludingDirectoryThenIncludeDirs()
    {
        var kit = new PpTestKit()
            .With("src/t.S", "#include \"a.h\"\n#include <b.h>\n#include \"b.h\"\n")
            .With("src/a.h", "#include \"sub/c.h\"\nA\n")
            .With("src/sub/c.h", "C\n")
            .With("inc/b.h", "B\n")
            .With("src/b.h", "local B\n");
        kit.Options.IncludeDirs.Add("inc");
        var lines = kit.Run("src/t.S");
        Assert.Equal(["C", "A", "B", "local B"], lines.Select(l => l.Text));
        Assert.Equal(["src/sub/c.h", "src/a.h", "inc/b.h", "src/b.h"], lines.Select(l => l.Location.Pos.File.DisplayPath));
    }

    [Fact]
    public void IncludeNameMayComeFromAMacro()
    {
        var kit = new PpTestKit().With("t.S", "#define H <x.h>\n#define Q \"y.h\"\n#include H\n#include Q\n")
            .With("inc/x.h", "X\n").With("y.h", "Y\n");
        kit.Options.IncludeDirs.Add("inc/");
        Assert.Equal("X\nY", kit.Text());
    }

    [Fact]
    public void PragmaOnceIncludesAFileOnlyOnce()
    {
        var kit = new PpTestKit().With("t.S", "#include \"o.h\"\n#include \"o.h\"\n").With("o.h", "#pragma once\nO\n");
        Assert.Equal("O", kit.Text());
    }

    [Fact]
    public void IncludeNextContinuesWithTheFollowingDirectory()
    {
        var kit = new PpTestKit().With("t.S", "#include <x.h>\n")
            .With("a/x.h", "first\n#include_next <x.h>\n").With("b/x.h", "second\n");
        kit.Options.IncludeDirs.AddRange(["a", "b"]);
        Assert.Equal("first\nsecond", kit.Text());
    }

    [Fact]
    public void WarningDirectiveAndRedefinitionGoToTheSink()
    {
        var kit = new PpTestKit().With("t.S", "#warning watch out\n#define X 1\n#define X 1\n#define X 2\n");
        kit.Run();
        Assert.Equal(["t.S:1:2: warning: #warning watch out\n #warning watch out\n  ^",
                      "t.S:4:9: warning: \"X\" redefined\n #define X 2\n         ^"], kit.Diagnostics.Warnings);
    }
}
