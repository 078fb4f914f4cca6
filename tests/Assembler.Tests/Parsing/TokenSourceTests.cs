using A64Asm.Assembler.Diagnostics;
using A64Asm.Assembler.Parsing;
using A64Asm.Assembler.Parsing.Generated;
using Antlr4.Runtime;

namespace A64Asm.Assembler.Tests.Parsing;

/// <summary>The hand-written token source must produce what the grammar's own (generated) lexer produces.</summary>
public class TokenSourceTests
{
    public static TheoryData<string> Lines => new()
    {
        "start: .Lx: b.ne 1f",
        "ldp x22, x23, [x21, #16]!",
        "ldr x18, [x15], #-8 // comment",
        "ld1 {v0.16b-v3.16b}, [x0], x2",
        "mov v1.s[2], w0",
        "add x0, x0, :lo12:sym+4",
        "and x13, x18, (~(((1) << 12) - 1))",
        ".word (1==1), 1<>2, 5!1, 3>=2, 4<=5, 6!=7, 8&&9||0, -8>>1, 1<<3, 'a, '\\n'",
        ".section .rodata, \"aMS\", @progbits, 1",
        ".type f, %function",
        "ldr x0, =0x1122334455667788",
        "fmov d0, #-1.5e3",
        "x = 0b101 + 017 + 0x1F + 42",
        "sxtw_sym: add x0, x1, w2, SXTW #2",
        "mov x0, $sym + . - 2b",
        "79b4da0b 1fx 0b2 0b101f 0xg 0x1fg 12e5b",   // longest match as ANTLR: 79b 4 da0b, 1f x, 0b 2, 0b101 f, 0 xg
    };

    [Theory]
    [MemberData(nameof(Lines))]
    public void Hand_lexer_matches_generated_lexer(string text)
    {
        var generated = new A64AsmLexer(CharStreams.fromString(text));
        generated.RemoveErrorListeners();
        var expected = generated.GetAllTokens().Select(t => (t.Type, t.Text, t.StartIndex)).ToList();

        var line = new SourceLine(text, new SourceLocation(new SourcePos(new SourceText("t.s", text), 1, 1), null));
        var source = new StatementTokenSource();
        source.Lex(line, text, 0, text.Length, 0);
        var actual = new List<(int, string, int)>();
        for (var t = source.NextToken(); t.Type != TokenConstants.EOF; t = source.NextToken())
            actual.Add((t.Type, t.Text, t.StartIndex));

        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Whole_sample_lexes_the_same_both_ways()
    {
        var lines = File.ReadAllLines(Path.Combine(Repo.Root, "samples", "relocate_kernel.S"))
            .Where(l => !l.TrimStart().StartsWith('#') && !l.TrimStart().StartsWith("/*") && !l.TrimStart().StartsWith('*'));
        foreach (var text in lines)
            Hand_lexer_matches_generated_lexer(text);
    }
}
