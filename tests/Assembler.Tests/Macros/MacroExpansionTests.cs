using static A64Asm.Assembler.Tests.Macros.MacroTestHarness;

namespace A64Asm.Assembler.Tests.Macros;

public class MacroExpansionTests
{
    [Fact]
    public void PositionalArgumentsAndDefaults()
    {
        Assert.Equal(".byte 1, 7\n.byte 2, 3",
            Expand(Lines(".macro pair a, b=7", ".byte \\a, \\b", ".endm", "pair 1", "pair 2, 3")));
    }

    [Fact]
    public void MacroNamesAreCaseInsensitiveButParameterNamesAreNot()
    {
        Assert.Equal(".byte 1 \\ab\n.byte 2 \\ab",
            Expand(Lines(".macro Foo Ab", ".byte \\Ab \\ab", ".endm", "foo 1", "FOO 2")));
    }

    [Fact]
    public void BlankSeparatesArgumentsOnlyBetweenWords()
    {
        const string macro = ".macro m a b c\n.ascii \"[\\a|\\b|\\c]\"\n.endm\n";
        Assert.Equal(".ascii \"[1|2|3]\"", Expand(macro + "m 1 2 3\n"));
        Assert.Equal(".ascii \"[1|2|3]\"", Expand(macro + "m 1 , 2 , 3\n"));
        Assert.Equal(".ascii \"[1+2|3|]\"", Expand(macro + "m 1 + 2, 3\n"));
        Assert.Equal(".ascii \"[1-2|3|]\"", Expand(macro + "m 1 -2 3\n"));
        Assert.Equal(".ascii \"[[x1][x2]||]\"", Expand(macro + "m [x1] [x2]\n"));
        Assert.Equal(".ascii \"[x1|[x2|#4]]\"", Expand(macro + "m x1, [x2, #4]\n"));
        Assert.Equal(".ascii \"[a(b c)d|e|]\"", Expand(macro + "m a(b c)d e\n"));
        Assert.Equal(".ascii \"[[x(y)z]w||]\"", Expand(macro + "m [x (y) z] w\n"));
        Assert.Equal(".ascii \"[)[a b||]\"", Expand(macro + "m )[a b\n"));
        Assert.Equal(".ascii \"[(1|2)3|]\"", Expand(macro + "m (1, 2) 3\n"));
    }

    [Fact]
    public void QuotedArgumentLosesItsQuotes()
    {
        Assert.Equal(".ascii \"<a b>\"\n.ascii \"<a;b>\"",
            Expand(Lines(".macro s x", ".ascii \"<\\x>\"", ".endm", "s \"a b\"", "s \"a;b\"")));
    }

    [Fact]
    public void ArgumentStartingWithAQuoteEndsAtTheClosingQuote()
    {
        const string macro = ".macro m a b c\n.ascii \"[\\a|\\b|\\c]\"\n.endm\n";
        Assert.Equal(".ascii \"[q r|1|]\"", Expand(macro + "m \"q r\"1\n"));
        Assert.Equal(".ascii \"[q, r|#)|]\"", Expand(macro + "m \"q, r\"#)\n"));
    }

    [Fact]
    public void TrailingCommaAfterKeywordArguments()
    {
        Assert.Equal(".byte 1, 2", Expand(Lines(".macro m a, b", ".byte \\a, \\b", ".endm", "m b=2, a=1,")));
    }

    [Fact]
    public void EmptyArgumentTakesTheDefault()
    {
        Assert.Equal(".byte 11, 7, 12",
            Expand(Lines(".macro m a, b=7, c", ".byte \\a, \\b, \\c", ".endm", "m 11,,12")));
    }

    [Fact]
    public void KeywordArguments()
    {
        const string macro = ".macro m a, b=2\n.byte \\a, \\b\n.endm\n";
        Assert.Equal(".byte 10, 9", Expand(macro + "m b=9, a=10\n"));
        Assert.Equal(".byte 10, 9", Expand(macro + "m b = 9 a = 10\n"));
        Assert.Equal(".byte 1, 5", Expand(macro + "m 1 b=5\n"));
        Assert.Equal(".byte 1, 2", Expand(macro + "m a=\"1\"\n"));
    }

    [Fact]
    public void VarargTakesTheRestOfTheLineAsWritten()
    {
        Assert.Equal(".byte 4, 5\n.byte 6, 7 8",
            Expand(Lines(".macro m a, b, c:vararg", ".byte \\a, \\b", ".byte \\c", ".endm", "m 4 5 6, 7 8")));
    }

    [Fact]
    public void QuotedDefault()
    {
        Assert.Equal(".ascii \"x y\"", Expand(Lines(".macro m a=\"x y\"", ".ascii \"\\a\"", ".endm", "m")));
    }

    [Fact]
    public void SeparatorAndLongestNameMatch()
    {
        Assert.Equal("v1.8b, v12.8b, \\reg.8b",
            Expand(Lines(".macro m reg", "v\\reg\\().8b, v\\reg\\()2.8b, \\reg.8b", ".endm", "m 1")));
    }

    [Fact]
    public void ParameterNamesMayContainDots()
    {
        Assert.Equal(".byte 2", Expand(Lines(".macro m c.d", ".byte \\c.d", ".endm", "m 2")));
    }

    [Fact]
    public void AtSignCountsMacroCallsSoFar()
    {
        Assert.Equal(".byte 0\n.byte 1\n.byte 2\n.byte 3",
            Expand(Lines(".macro m", ".byte \\@", ".endm", "m", ".rept 2", "m", ".endr", "m")));
    }

    [Fact]
    public void AtSignOfTheOuterCallIsFixedBeforeInnerCallsRun()
    {
        Assert.Equal(".byte 1\n.byte 0\n.byte 2\n.byte 0",
            Expand(Lines(".macro in", ".byte \\@", ".endm", ".macro out", "in", ".byte \\@", "in", ".byte \\@", ".endm", "out")));
    }

    [Fact]
    public void AtSignIsNotSubstitutedOutsideMacros()
    {
        Assert.Equal(".byte \\@", Expand(Lines(".rept 1", ".byte \\@", ".endr")));
    }

    [Fact]
    public void NestedCallsAndArgumentsBuiltWithSeparator()
    {
        Assert.Equal(".byte 32",
            Expand(Lines(".macro m a", ".byte \\a", ".endm", ".macro n a", "m \\a\\()2", ".endm", "n 3")));
    }

    [Fact]
    public void ArgumentContainingSemicolonSplitsAfterSubstitution()
    {
        Assert.Equal("nop\nret", Expand(Lines(".macro m a", "\\a", ".endm", "m \"nop; ret\"")));
    }

    [Fact]
    public void MacroBodyIsSubstitutedBeforeItsRepeatsRun()
    {
        Assert.Equal(".ascii \"r01\"\n.ascii \"r01\"\n.ascii \"i11\"\n.ascii \"i11\"",
            Expand(Lines(".macro m a", ".rept 2", ".ascii \"r\\@\\a\"", ".endr", ".irp a, q, r",
                ".ascii \"i\\a\\()\\a\"", ".endr", ".endm", "m 1")));
    }

    [Fact]
    public void ExitmLeavesTheMacroAndItsOpenIfs()
    {
        Assert.Equal(".byte 1\n.byte 3",
            Expand(Lines(".macro m", ".byte 1", ".if 1", ".exitm", ".endif", ".byte 2", ".endm", "m", ".byte 3")));
    }

    [Fact]
    public void ExitmLeavesOnlyTheInnermostExpansionWithAllItsRounds()
    {
        Assert.Equal(".byte 1\n.byte 3\nnop",
            Expand(Lines(".macro m", ".rept 3", ".byte 1; .exitm; .byte 2", ".endr", ".byte 3", ".endm", "m", "nop")));
        Assert.Equal(".byte 4\n.byte 10",
            Expand(Lines(".irp x, 4, 5", ".if 1", ".byte \\x", ".exitm", ".endif", ".endr", ".byte 10")));
    }

    [Fact]
    public void ExitmInSkippedBranchIsIgnored()
    {
        Assert.Equal(".byte 1\n.byte 2",
            Expand(Lines(".macro m", ".byte 1", ".if 0", ".exitm", ".endif", ".byte 2", ".endm", "m")));
    }

    [Fact]
    public void NestedMacroDefinitionIsDefinedWhenTheOuterRuns()
    {
        Assert.Equal(".byte 5",
            Expand(Lines(".macro outer", ".macro inner x", ".byte \\x", ".endm", ".endm", "outer", "inner 5")));
    }

    [Fact]
    public void PurgemRemovesTheMacro()
    {
        Assert.Equal(".byte 1\nm\n.byte 2",
            Expand(Lines(".macro m", ".byte 1", ".endm", "m", ".purgem M", "m", ".macro m", ".byte 2", ".endm", "m")));
    }

    [Fact]
    public void PurgingAnUnknownMacroWarns()
    {
        var diagnostics = new A64Asm.Assembler.Diagnostics.CollectingDiagnostics();
        Expand(".purgem nope\n", diagnostics: diagnostics);
        Assert.Equal("test.s:1:9: warning: attempt to purge non-existing macro 'nope'\n .purgem nope\n         ^",
            Assert.Single(diagnostics.Warnings));
    }

    [Fact]
    public void MacroMayBeCalledFromAnIf()
    {
        Assert.Equal(".byte 9", Expand(Lines(".macro m", ".byte 9", ".endm", ".if 1", "m", ".else", "m", "m", ".endif")));
    }

    [Fact]
    public void AltmacroArgumentsAreReadTheAlternateWay()
    {
        const string macro = ".altmacro\n.macro m a, b\n.ascii \"[a|b]\"\n.endm\n";
        Assert.Equal(".ascii \"[3|3]\"", Expand(macro + "m %1 + 2, 3\n"));
        Assert.Equal(".ascii \"[-5|16]\"", Expand(macro + "m %-5, %0x10\n"));
        Assert.Equal(".ascii \"[3+4|]\"", Expand(macro + "m <3 + 4>\n"));
        Assert.Equal(".ascii \"[a b|a>b]\"", Expand(macro + "m <a b> <a!>b>\n"));
        Assert.Equal(".ascii \"[xy|<n>]\"", Expand(macro + "m <x><y>, <<n>>\n"));
        Assert.Equal(".ascii \"[a=1|!a]\"", Expand(macro + "m a=1, !a\n"));
        Assert.Equal(".ascii \"[\"q\"|x]\"", Expand(macro + "m \"q\" x\n"));
    }

    [Fact]
    public void AltmacroSubstitutesBareNamesJoinsAndLocals()
    {
        Assert.Equal(".byte 71, 72, 73, 74, 7, x1",
            Expand(Lines(".altmacro", ".macro cat a", ".byte a&1, \\a&2, a\\()3, &a&4, &a, x&1", ".endm", "cat 7")));
        Assert.Equal(".LL0001: .word .LL0001, .LL0002\n.LL0003: .word .LL0003, .LL0004",
            Expand(Lines(".altmacro", ".macro loc", "LOCAL l1, l2", "l1: .word l1, l2", ".endm", "loc", "loc")));
        Assert.Equal(".byte 2, 2\n.byte 5, 5", Expand(Lines(".altmacro", ".irp r, %1+1, <5>", ".byte r, \\r", ".endr")));
        Assert.Equal(".byte a, 4", Expand(Lines(".altmacro", ".noaltmacro", ".macro m a", ".byte a, \\a", ".endm", "m 4")));
    }

    [Fact]
    public void NoaltmacroIsAccepted()
    {
        Assert.Equal("nop", Expand(".noaltmacro\nnop\n"));
    }

    [Fact]
    public void AssignmentToANameThatIsAlsoAMacroIsNotACall()
    {
        Assert.Equal("x = 5\nx=6\n.byte 99", Expand(Lines(".macro x a", ".byte 99", ".endm", "x = 5", "x=6", "x 1")));
    }

    [Fact]
    public void MacroNamesMayStartWithADot()
    {
        Assert.Equal(".byte 3", Expand(Lines(".macro .emit v", ".byte \\v", ".endm", ".emit 3")));
    }
}
