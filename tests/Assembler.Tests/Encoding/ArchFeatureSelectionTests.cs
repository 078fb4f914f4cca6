using A64Asm.Assembler.Diagnostics;
using A64Asm.Assembler.InstructionEncoding;
using A64Asm.Assembler.Layout;
using A64Asm.Assembler.Parsing;
using A64Asm.Assembler.Parsing.Syntax;
using A64Asm.Assembler.Tests.Layout;
using A64Asm.Isa;

namespace A64Asm.Assembler.Tests.Encoding;

/// <summary>
/// An architecture selection (GNU's -march) reaches the instruction encoder as <see cref="ArchFeatures"/>; a
/// statement the selection lacks gets GNU as 2.40's error, quoting the statement as GNU does, at its mnemonic.
/// </summary>
public class ArchFeatureSelectionTests
{
    // Each line, and GNU as 2.40's message for it under -march=armv8-a (ArchFeatureOracleTests holds the quoting
    // against GNU as live, over every vector line).
    private static readonly (string Line, int MnemonicColumn, string Gas)[] Lines =
    [
        ("ldadd x0, x1, [x2]", 1, "selected processor does not support `ldadd x0,x1,[x2]'"),
        ("  LDADD   X0 ,  x1, [ x2, #0 ]  // a comment", 3, "selected processor does not support `ldadd X0,x1,[x2,#0]'"),
        ("lbl: crc32b w0, w1, w2", 6, "selected processor does not support `crc32b w0,w1,w2'"),
        ("sb", 1, "selected processor does not support `sb'"),
        ("bfc x0, #3, #4", 1, "selected processor does not support `bfc x0,#3,#4'"),
        ("rev64 x1, x2", 1, "selected processor does not support `rev64 x1,x2'"),
        ("ldapr x0, [x1]", 1, "selected processor does not support `ldapr x0,[x1]'"),
        ("fadd h0, h1, h2", 1, "selected processor does not support `fadd h0,h1,h2'"),
        ("aese v0.16b, v1.16b", 1, "selected processor does not support `aese v0.16b,v1.16b'"),
    ];

    [Fact]
    public void Each_statement_armv8_a_lacks_gets_gas_error_text_at_its_mnemonic()
    {
        foreach (var (line, column, gas) in Lines)
        {
            var error = Assert.Throws<AsmError>(() => Emit(line, ArchFeatures.FromGnuArch("armv8-a")));
            Assert.Equal(gas, error.Message);
            Assert.Equal(column, error.Location!.Pos.Column);
        }
    }

    [Fact]
    public void The_same_statements_encode_where_the_selection_has_them()
    {
        foreach (var (line, _, _) in Lines)
            Emit(line, ArchFeatures.FromGnuArch("armv8.5-a+fp16+crypto"));
    }

    [Fact]
    public void By_default_every_row_is_taken()
    {
        foreach (var (line, _, _) in Lines)
            Emit(line, new InstructionEncoder(new ObjectAssembler(new CollectingDiagnostics())).Features);
    }

    [Fact]
    public void The_direct_encoder_keeps_the_rows_feature_with_the_word()
    {
        var direct = new DirectStatementEncoder();
        Assert.True(direct.TryEncode("rev x1, x2", out var hit));
        Assert.Equal(0xdac00c41u, hit.Word);
        Assert.Equal(Feature.Base, hit.Needs);
        Assert.True(direct.TryEncode("ldadd x0, x1, [x2]", out hit));
        Assert.Equal((0xf8200041u, Feature.Lse), (hit.Word, hit.Needs));
        Assert.True(direct.TryEncode("fadd s0, s1, s2", out hit));
        Assert.Equal(Feature.Fp, hit.Needs);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void A_word_from_tokens_or_the_memo_is_placed_only_where_the_selection_has_its_row(int threads)
    {
        // The same lines before and after the selection takes FP and AdvSIMD away: the first ones are placed from
        // tokens and the memo, the later ones refused as GNU as refuses them.
        const string lines = "fadd s0, s1, s2\nadd v0.4s, v1.4s, v2.4s\nfmov d0, d1\n";
        string source = lines + lines + lines + ".arch_extension nosimd\n" + lines + ".arch_extension nofp\n" + lines;
        foreach (bool direct in new[] { true, false })
        {
            var error = Assert.Throws<AsmError>(() => Asm.Object(source, options: new AssemblerOptions { Threads = threads, EncodeDirectly = direct }));
            Assert.StartsWith("test.s:12:1: error: selected processor does not support `add v0.4s,v1.4s,v2.4s'", error.Render());
        }
        string simdOnly = lines + lines + ".arch_extension nosimd\n" + "fadd s0, s1, s2\nfmov d0, d1\n.arch_extension nofp\nfmov d0, d1\n";
        var refused = Assert.Throws<AsmError>(() => Asm.Object(simdOnly, options: new AssemblerOptions { Threads = threads }));
        Assert.StartsWith("test.s:11:1: error: selected processor does not support `fmov d0,d1'", refused.Render());
    }

    private static void Emit(string text, ArchFeatures features)
    {
        var assembler = new ObjectAssembler(new CollectingDiagnostics());
        var encoder = new InstructionEncoder(assembler) { Features = features };
        var line = new SourceLine(text, new SourceText("t.s", text), 1);
        var parsed = new StatementParser().ParseLine(line);
        encoder.Emit(parsed, (InstructionStatement)parsed.Statement!, null);
    }
}
