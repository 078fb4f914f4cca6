using System.Diagnostics;
using System.Text.RegularExpressions;
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
public partial class ArchFeatureSelectionTests
{
    private static readonly string[] Lines =
    [
        "ldadd x0, x1, [x2]",
        "  LDADD   X0 ,  x1, [ x2, #0 ]  // a comment",
        "lbl: crc32b w0, w1, w2",
        "sb",
        "bfc x0, #3, #4",
        "rev64 x1, x2",
        "ldapr x0, [x1]",
        "fadd h0, h1, h2",
        "aese v0.16b, v1.16b",
    ];

    private static readonly int[] MnemonicColumns = [1, 3, 6, 1, 1, 1, 1, 1, 1];

    [GeneratedRegex(@"^[^:]+:(\d+): Error: (.*)$", RegexOptions.Multiline)]
    private static partial Regex GasError();

    [OracleFact(Oracle.GnuBinutils)]
    public void Each_statement_armv8_a_lacks_gets_gas_error_text()
    {
        var gas = GasErrors("-march=armv8-a", Lines);
        Assert.Equal(Lines.Length, gas.Count);
        for (int i = 0; i < Lines.Length; i++)
        {
            var error = Assert.Throws<AsmError>(() => Emit(Lines[i], ArchFeatures.FromGnuArch("armv8-a")));
            Assert.Equal(gas[i], error.Message);
            Assert.Equal(MnemonicColumns[i], error.Location!.Pos.Column);
        }
    }

    [OracleFact(Oracle.GnuBinutils)]
    public void The_same_statements_encode_where_the_selection_has_them()
    {
        const string march = "armv8.5-a+fp16+crypto";
        Assert.Empty(GasErrors("-march=" + march, Lines));
        foreach (string line in Lines)
            Emit(line, ArchFeatures.FromGnuArch(march));
    }

    [Fact]
    public void By_default_every_row_is_taken()
    {
        foreach (string line in Lines)
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

    /// <summary>GNU as's error per line (0-based), for a file of <paramref name="lines"/>.</summary>
    private static Dictionary<int, string> GasErrors(string march, IReadOnlyList<string> lines)
    {
        string dir = Directory.CreateTempSubdirectory("a64asm-arch").FullName;
        try
        {
            string src = Path.Combine(dir, "in.s");
            File.WriteAllLines(src, lines);
            var psi = new ProcessStartInfo("aarch64-linux-gnu-as") { RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (string a in new[] { march, "-o", Path.Combine(dir, "out.o"), src }) psi.ArgumentList.Add(a);
            using var p = Process.Start(psi)!;
            string stderr = p.StandardError.ReadToEnd();
            p.StandardOutput.ReadToEnd();
            p.WaitForExit();
            return GasError().Matches(stderr).ToDictionary(m => int.Parse(m.Groups[1].Value) - 1, m => m.Groups[2].Value.TrimEnd('\r'));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
