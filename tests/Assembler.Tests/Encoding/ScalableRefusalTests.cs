using A64Asm.Assembler.Diagnostics;
using A64Asm.Assembler.InstructionEncoding;
using A64Asm.Assembler.Tests.Layout;
using A64Asm.TestSupport;

namespace A64Asm.Assembler.Tests.Encoding;

/// <summary>
/// SVE and SME statements are refused by name, at the mnemonic, whether the grammar reads them (z/p operands,
/// p0/z, mul vl) or not (SME's za0h.s[w12, 0]); other statements keep their own errors.
/// </summary>
public class ScalableRefusalTests
{
    [Theory]
    [InlineData("ptrue p0.s", 1, "SVE")]
    [InlineData("whilelt p0.s, x0, x1", 1, "SVE")]
    [InlineData("ld1w {z0.s}, p0/z, [x0]", 1, "SVE")]
    [InlineData("ld1w {z0.s}, p0/z, [x0, #1, mul vl]", 1, "SVE")]
    [InlineData("add z0.s, z0.s, z1.s", 1, "SVE")]
    [InlineData("add z0.s, p0/m, z0.s, z1.s", 1, "SVE")]
    [InlineData("ldr z0, [x0, #1, mul vl]", 1, "SVE")]
    [InlineData("cntd x0, all, mul #4", 1, "SVE")]
    [InlineData("fmla z0.s, z1.s, z2.s[1]", 1, "SVE")]
    [InlineData("mov z31.q, q0", 1, "SVE")]
    [InlineData("rdsvl x0, #1", 1, "SME")]
    [InlineData("addha za0.s, p0/m, p1/m, z0.s", 1, "SME")]
    [InlineData("zero {za}", 1, "SME")]
    [InlineData("fmopa za0.s, p0/m, p1/m, z0.s, z1.s", 1, "SME")]
    [InlineData("ld1w {za0h.s[w12, 0]}, p0/z, [x0]", 1, "SME")]
    [InlineData("str za[w12, 0], [x0]", 1, "SME")]
    [InlineData("lbl: ptrue p1.b // comment", 6, "SVE")]
    public void Refused_by_extension_name_at_the_mnemonic(string statement, int column, string extension)
    {
        var error = Assert.Throws<AsmError>(() => Asm.Object(statement + "\n"));
        string caret = new string(' ', column) + "^";
        Assert.Equal($"test.s:1:{column}: error: {extension} is not supported\n {statement}\n{caret}", error.Render());
    }

    [Theory]
    [InlineData("foo z0.s", 1, "unknown mnemonic `foo'")]
    [InlineData("add x0, x1, #4097", 13, "immediate value out of range 0 to 4095")]
    [InlineData("cmlo d0, d1, d2", 1, "unknown mnemonic `cmlo'")]
    public void Other_statements_keep_their_own_error(string statement, int column, string message)
    {
        var error = Assert.Throws<AsmError>(() => Asm.Object(statement + "\n"));
        string caret = new string(' ', column) + "^";
        Assert.Equal($"test.s:1:{column}: error: {message}\n {statement}\n{caret}", error.Render());
    }

    /// <summary>smstart/smstop and msr svcr*, #imm: GNU's bytes at -march=all (which takes them without +sme), GNU's
    /// refusals without +sme, the default included ("smstart za" too, though za names SME's storage).</summary>
    [Theory]
    [InlineData("smstart", "all", "7f4703d5")]
    [InlineData("smstop za", "all", "7f4403d5")]
    [InlineData("msr svcrsm, #1", "all", "7f4303d5")]
    [InlineData("smstart", null, "test.s:1:1: error: selected processor does not support `smstart'")]
    [InlineData("smstart sm", "armv8-a+sme", "7f4303d5")]
    [InlineData("smstart za", "armv9-a", "test.s:1:1: error: selected processor does not support `smstart za'")]
    [InlineData("smstop", "armv9.3-a", "test.s:1:1: error: selected processor does not support `smstop'")]
    [InlineData("msr svcrza, #0", "armv9-a", "test.s:1:5: error: selected processor does not support PSTATE field name 'svcrza'")]
    public void Smstart_and_smstop_are_sme_rows(string statement, string? march, string expected)
    {
        var options = new AssemblerOptions { Arch = march };
        if (expected.StartsWith("test.s"))
        {
            var error = Assert.Throws<AsmError>(() => Asm.Object(statement + "\n", options: options));
            Assert.StartsWith(expected + "\n", error.Render());
            return;
        }
        var text = Asm.Object(statement + "\n", options: options).Sections.Single(s => s.Name == ".text");
        Assert.Equal(expected, Convert.ToHexString(text.Data).ToLowerInvariant());
    }

    [Fact]
    public void A_file_of_them_reports_each_and_nothing_else()
    {
        var error = Assert.Throws<AsmError>(() => Asm.Object("add x0, x1, x2\nptrue p0.s\n"));
        Assert.StartsWith("test.s:2:1: error: SVE is not supported", error.Render());
    }

    [Fact]
    public void The_mnemonic_lists_are_read_from_the_data_file()
    {
        Assert.Contains("ptrue", ScalableExtensions.SveMnemonics);
        Assert.Contains("whilelt", ScalableExtensions.SveMnemonics);
        Assert.Contains("fmopa", ScalableExtensions.SmeMnemonics);
        Assert.DoesNotContain("fmopa", ScalableExtensions.SveMnemonics);
        // smstart/smstop are rows of the table, as GNU as takes them at -march=all.
        Assert.DoesNotContain("smstart", ScalableExtensions.SmeMnemonics);
        Assert.True(ScalableExtensions.SveMnemonics.Count > 400);
    }

    /// <summary>Every listed mnemonic is one GNU as 2.40 knows (with SVE2/SME enabled it is not "unknown").</summary>
    [OracleFact(Oracle.GnuBinutils)]
    public void Gnu_as_knows_every_listed_mnemonic()
    {
        using var dir = new TempDir();
        string source = dir.Path("m.s");
        var names = ScalableExtensions.SveMnemonics.Concat(ScalableExtensions.SmeMnemonics).Order(StringComparer.Ordinal).ToList();
        File.WriteAllLines(source, names.Select(n => n + " x0"));
        var run = Gnu.Run("as", "-march=armv9-a+sve2+sme+sve2-aes+sve2-sm4+sve2-sha3+sve2-bitperm+f64mm+i8mm+bf16",
            source, "-o", dir.Path("m.o"));
        // GNU as read the file (the -march was taken) and refused lines for their operands, none for its name
        // (cntb x0 and the other element counts are whole statements).
        Assert.DoesNotContain("unrecognized option", run.Stderr);
        Assert.Contains("m.s:1: Error: ", run.Stderr);
        Assert.DoesNotContain("unknown mnemonic", run.Stderr);
    }
}
