using A64Asm.Assembler.Diagnostics;
using A64Asm.Assembler.InstructionEncoding;
using A64Asm.Assembler.Layout;
using A64Asm.Assembler.Parsing;
using A64Asm.Assembler.Parsing.Syntax;
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
    public void The_direct_encoder_leaves_rows_with_a_feature_to_the_checked_path()
    {
        var direct = new DirectStatementEncoder();
        Assert.True(direct.TryEncode("rev x1, x2", out var hit));
        Assert.Equal(0xdac00c41u, hit.Word);
        Assert.False(direct.TryEncode("rev64 x1, x2", out _));
        Assert.False(direct.TryEncode("ldadd x0, x1, [x2]", out _));
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
