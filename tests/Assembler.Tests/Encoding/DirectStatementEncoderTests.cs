using System.Globalization;
using System.Text.RegularExpressions;
using A64Asm.Assembler.InstructionEncoding;
using A64Asm.Assembler.Tests.Driver;
using A64Asm.Assembler.Tests.Layout;

namespace A64Asm.Assembler.Tests.Encoding;

/// <summary>
/// The direct encoder makes a word from a register-and-number statement's tokens without parsing it. Each word it
/// makes for a vector line must be the one GNU as gave (tests/vectors/mc), and what it declines it must decline
/// without a word, so the parse path gives the output or the error.
/// </summary>
public partial class DirectStatementEncoderTests
{
    private static IEnumerable<(string Source, uint Word)> VectorLines() => McVectors.All().Select(v => (v.Source, v.Word));

    [Fact]
    public void Every_word_made_from_tokens_is_the_one_gnu_as_gave()
    {
        var encoder = new DirectStatementEncoder();
        var failures = new List<string>();
        int lines = 0, encoded = 0;
        foreach (var (source, word) in VectorLines())
        {
            lines++;
            if (!encoder.TryEncode(source, out var hit))
                continue;
            encoded++;
            Assert.True(hit.FromTokens);
            Assert.Null(hit.Name0);
            if (hit.Word != word)
                failures.Add($"{source}\n    ours: {hit.Word:x8}\n    gas:  {word:x8}");
        }
        Assert.True(lines > 2000, $"{lines} vector lines");
        // About half the vector lines are registers and numbers only; the rest name symbols, conditions, lists ...
        Assert.True(encoded > 700, $"{encoded} of {lines} lines encoded from tokens");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>Both readers build operands by the same <see cref="OperandRules"/>: equal records for every line the
    /// tokens alone describe.</summary>
    [Fact]
    public void Token_operands_equal_the_parsed_statements_operands()
    {
        var direct = new DirectStatementEncoder();
        var parser = new A64Asm.Assembler.Parsing.StatementParser();
        var converter = new OperandConverter(new OperandConverterTests.EmptyScope(), new RegisterAliases(), (_, _, _) => "anchor");
        int read = 0;
        foreach (var (source, _) in VectorLines())
        {
            if (!direct.TryReadOperands(source, out string mnemonic))
                continue;
            read++;
            var line = new Diagnostics.SourceLine(source, new Diagnostics.SourceText("t.s", source), 1);
            var statement = (A64Asm.Assembler.Parsing.Syntax.InstructionStatement)parser.ParseLine(line).Statement!;
            Assert.Equal(statement.Mnemonic, mnemonic);
            Assert.Equal(converter.Convert(statement.Operands, line), direct.Operands);
        }
        Assert.True(read > 700, $"{read} lines read from tokens");
    }

    [Theory]
    [InlineData("add x0, x1, #1", 0x91000420u)]
    [InlineData("ADD X0, X1, #1", 0x91000420u)]
    [InlineData("ldp x0, x1, [x2, #16]", 0xa9410440u)]
    [InlineData("ldr x3, [x4], #8", 0xf8408483u)]
    [InlineData("ldr x3, [x4], #-8", 0xf85f8483u)]
    [InlineData("stp x29, x30, [sp, #-16]!", 0xa9bf7bfdu)]
    [InlineData("ldr x0, [x1, x2, lsl #3]", 0xf8627820u)]
    [InlineData("ldr x0, [x1, w2, sxtw]", 0xf862c820u)]
    [InlineData("movk x0, #1, lsl #16", 0xf2a00020u)]
    [InlineData("mov x0, -1", 0x92800000u)]
    [InlineData("add x0, x1, x2, lsl 3 // comment", 0x8b020c20u)]
    [InlineData("isb", 0xd5033fdfu)]
    public void A_register_and_number_statement_is_encoded(string source, uint word)
    {
        Assert.True(new DirectStatementEncoder().TryEncode(source, out var hit));
        Assert.Equal(word.ToString("x8"), hit.Word.ToString("x8"));
        // The parse path, with no reuse at all, gives the same word.
        var parsed = Asm.Object(source + "\n", options: new AssemblerOptions { MemoizeStatements = false });
        Assert.Equal(word, System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(parsed.Sections.Single(s => s.Name == ".text").Data));
    }

    [Theory]
    [InlineData("1: add x0, x0, #1")]          // a label
    [InlineData("add x0, x0, #1; nop")]        // two statements
    [InlineData("b.ne 1b")]                    // a local reference
    [InlineData("add x0, x0, #k")]             // a symbol
    [InlineData("add x0, x0, #(1 + 1)")]        // an expression
    [InlineData("add x0, x0, #1 + 1")]
    [InlineData("csel x0, x1, x2, eq")]         // a condition name
    [InlineData("dsb ish")]                     // a barrier name (a symbol of that name would win)
    [InlineData("mrs x0, ctr_el0")]
    [InlineData("fmov d0, #1.0")]               // a float
    [InlineData("mov v0.s[1], w0")]             // an element
    [InlineData("ld1 {v0.16b}, [x0]")]          // a register list
    [InlineData("ldr x0, =5")]                  // a literal
    [InlineData("add x0, x1, :lo12:sym")]       // a relocation
    [InlineData(".word 1")]                     // a directive
    [InlineData("x = 1")]                       // an assignment
    [InlineData("x9a .req x2")]                 // an alias
    [InlineData("add x0, x1, #5000")]           // an error: the parse path words it
    [InlineData("ldr x0, [w1]")]
    [InlineData("add x0,, x1")]
    [InlineData("add x0, x1,")]
    [InlineData("ldr x0, [x1, lsl #3]")]
    [InlineData("ldr x0, [x1]!, #8")]
    [InlineData("nosuch x0, x1")]
    public void Anything_more_is_declined(string source)
    {
        Assert.False(new DirectStatementEncoder().TryEncode(source, out _));
    }
}
