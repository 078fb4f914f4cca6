using System.Text.RegularExpressions;
using A64Asm.Isa.Encoding;
using A64Asm.Isa.Tests.Support;
using Xunit.Sdk;

namespace A64Asm.Isa.Tests;

/// <summary>
/// The table's feat= column against GNU as 2.40: every line of tests/vectors/mc, assembled under each -march value
/// below, is refused by us exactly when GNU as says "selected processor does not support `...'", with GNU's
/// quoting of the statement.
/// </summary>
public partial class ArchFeatureOracleTests
{
    [GeneratedRegex(@"\.s:(\d+): Error: selected processor does not support `(.*)'$", RegexOptions.Multiline)]
    private static partial Regex NotSupported();

    [OracleTheory(Oracle.GnuBinutils)]
    [InlineData(null)]                 // GNU's default is armv8-a
    [InlineData("armv8-a")]
    [InlineData("armv8.1-a")]
    [InlineData("armv8.2-a")]
    [InlineData("armv8.3-a")]
    [InlineData("armv8.4-a")]
    [InlineData("armv8.5-a")]
    [InlineData("armv8.6-a")]
    [InlineData("armv9-a")]
    [InlineData("armv8-r")]
    [InlineData("all")]
    [InlineData("armv8-a+lse")]
    [InlineData("armv8-a+crc+lse+rcpc")]
    [InlineData("armv8-a+crypto")]
    [InlineData("armv8-a+sha3")]
    [InlineData("armv8.2-a+sha3")]
    [InlineData("armv8.2-a+crypto")]
    [InlineData("armv8.4-a+sha3+nosha2")]
    [InlineData("armv8-a+aes+sha2+fp16")]
    [InlineData("armv8-a+pauth+predres+sb+flagm")]
    [InlineData("armv8.5-a+nolse+nopauth+nosb+noflagm")]
    [InlineData("armv8.1-a+nolse+nocrc+nolor")]
    [InlineData("armv8.7-a")]
    [InlineData("armv8.8-a")]
    [InlineData("armv9.1-a")]
    [InlineData("armv9.2-a")]
    [InlineData("armv9.3-a")]
    [InlineData("armv8-a+memtag")]
    [InlineData("armv8.5-a+memtag")]
    [InlineData("armv9-a+memtag")]
    [InlineData("armv8.5-a+memtag+nomemtag")]
    [InlineData("armv8-a+ls64+hbc+cssc+tme")]
    [InlineData("armv8.8-a+nols64+nohbc")]
    [InlineData("armv8.4-a+noflagm+nopauth")]
    [InlineData("armv8-a+mops")]
    [InlineData("armv8.8-a+memtag")]
    [InlineData("armv9.3-a+memtag+nomops")]
    public void Refused_exactly_where_gas_refuses(string? march) =>
        Compare(march, null, march is null ? ArchFeatures.Armv8 : ArchFeatures.FromGnuArch(march));

    /// <summary>".arch_extension NAME" ahead of the lines, on top of -march.</summary>
    [OracleTheory(Oracle.GnuBinutils)]
    [InlineData("armv8-a", "lse")]
    [InlineData("armv8.2-a", "sha3")]
    [InlineData("armv8.1-a", "nolse")]
    [InlineData("armv8.5-a", "nosb")]
    [InlineData("armv8-a", "crypto")]
    [InlineData("armv8-a", "memtag")]
    [InlineData("armv8.5-a", "memtag")]
    [InlineData("armv8-a", "cssc")]
    [InlineData("armv8.8-a", "nohbc")]
    public void Arch_extension_directive_as_gas_reads_it(string march, string extension) =>
        Compare(march, extension, ArchFeatures.FromGnuArch(march).WithGnuExtension(extension));

    static void Compare(string? march, string? extension, ArchFeatures features)
    {
        var vectors = McVectors.All().ToList();
        var lines = vectors.Select(v => v.Source).ToList();
        // GNU numbers the directive as line 1: its refusals are shifted back onto the vectors.
        if (extension is not null) lines.Insert(0, ".arch_extension " + extension);
        var gas = GasRefusals(march, lines);
        if (extension is not null) gas = gas.ToDictionary(kv => kv.Key - 1, kv => kv.Value);
        var failures = new List<string>();
        int refused = 0;
        for (int i = 0; i < vectors.Count; i++)
        {
            var (mnemonic, operands) = ProductParser.Parse(vectors[i].Source);
            bool ours = !A64Encoder.TryEncode(mnemonic, operands.ToArray(), 0, features, out _, out string error, out _, out var missing);
            if (ours)
            {
                refused++;
                Assert.True(missing != Feature.Base, $"{vectors[i]}: refused for its operands, not a feature: {error}");
                Assert.Equal(ArchFeatures.NotSupported(mnemonic), error);
            }
            bool theirs = gas.TryGetValue(i, out string? quoted);
            if (ours != theirs)
                failures.Add($"{vectors[i]}: {(ours ? $"we refuse ({missing})" : "we accept")}, GNU as {(theirs ? "refuses" : "accepts")}");
            else if (theirs && ArchFeatures.GnuStatementText(vectors[i].Source) != quoted)
                failures.Add($"{vectors[i]}: GNU quotes `{quoted}', we `{ArchFeatures.GnuStatementText(vectors[i].Source)}'");
        }
        if (failures.Count > 0)
            throw new XunitException($"-march={march}: {failures.Count} differences ({refused} refused by us):\n" + string.Join("\n", failures.Take(40)));
    }

    [Fact]
    public void Every_feature_fits_the_selection_mask_and_a64asm_defaults_to_all()
    {
        Assert.True(Enum.GetValues<Feature>().Length <= 64);
        Assert.Equal(ArchFeatures.All, ArchFeatures.FromGnuArch(null));
        Assert.True(Enum.GetValues<Feature>().All(ArchFeatures.All.Allows));
        Assert.Equal("ldadd X0,x1,[x2,x3,lsl#3]", ArchFeatures.GnuStatementText("  LDADD\tX0 ,  x1, [ x2, x3, lsl #3 ] "));
        Assert.Equal("sb", ArchFeatures.GnuStatementText("sb"));
    }

    /// <summary>Line index → the statement GNU as quotes, for the lines it refuses for want of a feature.</summary>
    static Dictionary<int, string> GasRefusals(string? march, List<string> lines)
    {
        using var scratch = new TempDir();
        string src = Path.Combine(scratch.Root, "in.s");
        File.WriteAllLines(src, lines);
        string[] arch = march is null ? [] : ["-march=" + march];
        var (_, _, stderr) = Gnu.Run("as", [.. arch, "-o", Path.Combine(scratch.Root, "out.o"), src]);
        return NotSupported().Matches(stderr).ToDictionary(m => int.Parse(m.Groups[1].Value) - 1, m => m.Groups[2].Value);
    }
}
