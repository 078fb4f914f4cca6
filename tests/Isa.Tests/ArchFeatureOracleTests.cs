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

    // A system register or PSTATE field the selection lacks: GNU names it instead of quoting the statement.
    [GeneratedRegex(@"\.s:(\d+): Error: (selected processor does not support (?:system register|PSTATE field) name '.*')$", RegexOptions.Multiline)]
    private static partial Regex NameNotSupported();

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
    [InlineData("armv9.1-a")]
    [InlineData("armv8-a+dotprod")]
    [InlineData("armv8.4-a+nodotprod")]
    [InlineData("armv8-a+rdma")]
    [InlineData("armv8.1-a+nordma")]
    [InlineData("armv8-a+sm4")]
    [InlineData("armv8-a+compnum")]
    [InlineData("armv8.3-a+nocompnum")]
    [InlineData("armv8.2-a+fp16+nocompnum")]
    [InlineData("armv8.2-a+fp16")]
    [InlineData("armv8.4-a+fp16")]
    [InlineData("armv8.4-a+fp16+nofp16fml")]
    [InlineData("armv8.2-a+fp16fml")]
    [InlineData("armv8-a+fp16fml")]
    [InlineData("armv8.4-a+fp16fml+nofp16")]
    [InlineData("armv9-a+nofp16fml")]
    [InlineData("armv8-a+i8mm")]
    [InlineData("armv8-a+bf16")]
    [InlineData("armv8.6-a+noi8mm+nobf16")]
    // System registers (sys.isa feat=): each level, Armv9 on Armv8.5, and the extensions that name registers.
    [InlineData("armv8.7-a")]
    [InlineData("armv8.8-a")]
    [InlineData("armv9.3-a")]
    [InlineData("armv8-a+pan+lor+rng")]
    [InlineData("armv8-a+profile+memtag+ssbs")]
    [InlineData("armv8-a+sve")]
    [InlineData("armv8-a+sme")]
    [InlineData("armv8.2-a+sve2+nosve")]
    [InlineData("armv9.2-a")]
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
    // FP and AdvSIMD: every level has them; +nofp takes AdvSIMD, FP16 and what needs them, +nosimd the crypto
    // extensions, RDMA and the complex numbers but not SM4, the dot products, BF16 or FP16 on FP registers.
    [InlineData("armv8-a+nofp")]
    [InlineData("armv8-a+nosimd")]
    [InlineData("armv8.2-a+fp16+nosimd")]
    [InlineData("armv8.2-a+crypto+sha3+sm4+dotprod+fp16fml+i8mm+bf16+nosimd")]
    [InlineData("armv8.2-a+crypto+sha3+sm4+dotprod+fp16fml+i8mm+bf16+nofp")]
    [InlineData("armv8.6-a+nosimd")]
    [InlineData("armv9.3-a+nofp")]
    [InlineData("armv9.3-a+nosimd")]
    [InlineData("armv8-r+nofp")]
    [InlineData("armv8.5-a+crypto+nofp16")]
    public void Refused_exactly_where_gas_refuses(string? march) =>
        Compare(march, null, ArchFeatures.FromGnuArch(march));   // null: no -march, GNU's default

    /// <summary>".arch_extension NAME" ahead of the lines, on top of -march.</summary>
    [OracleTheory(Oracle.GnuBinutils)]
    [InlineData("armv8-a", "lse")]
    [InlineData("armv8.2-a", "sha3")]
    [InlineData("armv8.1-a", "nolse")]
    [InlineData("armv8.5-a", "nosb")]
    [InlineData("armv8-a", "crypto")]
    [InlineData("armv8-a", "dotprod")]
    [InlineData("armv8.4-a", "fp16")]
    [InlineData("armv8.6-a", "nobf16")]
    [InlineData("armv8-a", "memtag")]
    [InlineData("armv8-a", "profile")]
    [InlineData("armv8.4-a", "nopan")]
    [InlineData("armv8.5-a", "nossbs")]
    [InlineData("armv9-a", "nosve")]
    [InlineData("armv8.5-a", "memtag")]
    [InlineData("armv8-a", "cssc")]
    [InlineData("armv8.8-a", "nohbc")]
    // What GNU's extensions require comes back with them after +nosimd/+nofp: AdvSIMD with crypto, rdma, compnum
    // and sve, FP with fp16 and simd; sha2, sha3, sm4 and dotprod bring nothing (eor3 and sm3* stay refused).
    [InlineData("armv8.2-a+nosimd", "simd")]
    [InlineData("armv8.2-a+nosimd", "crypto")]
    [InlineData("armv8.2-a+nosimd", "sha3")]
    [InlineData("armv8.2-a+nosimd", "sm4")]
    [InlineData("armv8.2-a+nosimd", "rdma")]
    [InlineData("armv8.3-a+nosimd", "compnum")]
    [InlineData("armv8.2-a+nofp", "fp")]
    [InlineData("armv8.2-a+nofp", "simd")]
    [InlineData("armv8.2-a+nofp", "fp16")]
    [InlineData("armv8.2-a+nofp", "fp16fml")]
    [InlineData("armv8.2-a+nofp", "sve")]
    [InlineData("armv8.4-a+nofp", "dotprod")]
    [InlineData("armv8.2-a+sm4+nosimd", "simd")]
    [InlineData("armv8.2-a+sha3+nosimd", "simd")]
    [InlineData("armv8.3-a+nofp", "fp")]
    [InlineData("armv9-a+nosimd", "fp")]
    public void Arch_extension_directive_as_gas_reads_it(string march, string extension) =>
        Compare(march, extension, ArchFeatures.FromGnuArch(march).WithGnuExtension(extension));

    /// <summary>Every extension name that selects rows of the table.</summary>
    public static TheoryData<string> ExtensionsWithRows()
    {
        var data = new TheoryData<string>();
        foreach (string ext in ArchFeatures.KnownExtensions.Order(StringComparer.Ordinal))
            if (ArchFeatures.Armv8.WithGnuExtension(ext) != ArchFeatures.Armv8 || ArchFeatures.FromGnuArch("armv8.2-a").WithGnuExtension(ext) != ArchFeatures.FromGnuArch("armv8.2-a"))
                data.Add(ext);
        return data;
    }

    /// <summary>
    /// One test per extension: with "+ext" (and with ".arch_extension ext") a64asm refuses exactly what GNU as
    /// refuses, in GNU's words, over every mc vector; and some vector is refused without the extension and
    /// accepted with it (on armv8-a, or on armv8.2-a for the extensions GNU ties to it).
    /// </summary>
    [OracleTheory(Oracle.GnuBinutils)]
    [MemberData(nameof(ExtensionsWithRows))]
    public void Each_extension_is_accepted_with_it_and_refused_without_it(string extension)
    {
        var lines = McVectors.All().Select(v => v.Source).ToList();
        string? used = null;
        foreach (string level in new[] { "armv8-a", "armv8.2-a" })
        {
            var (quoted, named) = GasRefusals(level, lines);
            var (quotedWith, namedWith) = GasRefusals($"{level}+{extension}", lines);
            if (quoted.Keys.Concat(named.Keys).Any(i => !quotedWith.ContainsKey(i) && !namedWith.ContainsKey(i))) { used = level; break; }
        }
        Assert.True(used is not null, $"no mc vector needs +{extension}: add one");
        Compare($"{used}+{extension}", null, ArchFeatures.FromGnuArch($"{used}+{extension}"));
        Compare(used, extension, ArchFeatures.FromGnuArch(used).WithGnuExtension(extension));
    }

    /// <summary>Every extension name GNU takes, with or without rows of its own here: "+ext" on armv8-a and on
    /// armv8.2-a refuses exactly what GNU as refuses (an extension with no instruction of its own must change nothing).</summary>
    [OracleTheory(Oracle.GnuBinutils)]
    [MemberData(nameof(AllExtensions))]
    public void Every_extension_name_selects_what_gas_selects(string extension)
    {
        foreach (string level in new[] { "armv8-a", "armv8.2-a" })
            Compare($"{level}+{extension}", null, ArchFeatures.FromGnuArch($"{level}+{extension}"));
        foreach (string level in new[] { "armv8.8-a", "armv9.3-a" })
            Compare($"{level}+no{extension}", null, ArchFeatures.FromGnuArch($"{level}+no{extension}"));
    }

    public static TheoryData<string> AllExtensions() => new(ArchFeatures.KnownExtensions.Order(StringComparer.Ordinal));

    public static TheoryData<string> Cpus() => new(GnuCpus.Names.Order(StringComparer.Ordinal));

    /// <summary>-mcpu=CORE selects what GNU as selects for that core, over every mc vector.</summary>
    [OracleTheory(Oracle.GnuBinutils)]
    [MemberData(nameof(Cpus))]
    public void Each_cpu_selects_what_gas_selects(string cpu) =>
        Compare("-mcpu=" + cpu, null, ArchFeatures.FromGnuArch(GnuCpus.MarchFor(cpu)));

    public static TheoryData<string> GccOnlyCpus() => new(GccCpus.OnlyGccNames.Order(StringComparer.Ordinal));

    public static TheoryData<string> GccCpuNames() => new(GccCpus.Names.Order(StringComparer.Ordinal));

    /// <summary>For every core gcc knows (and -mcpu=NAME+ext), the -march= GccCpus gives selects what the one gcc hands
    /// gas selects.</summary>
    [OracleTheory(Oracle.GnuGcc)]
    [MemberData(nameof(GccCpuNames))]
    [InlineData("cortex-a76+nosimd+crc")]
    [InlineData("neoverse-n1+crypto+nordm")]
    public void Each_gcc_cpu_is_the_march_gcc_hands_gas(string cpu) =>
        Assert.Equal(ArchFeatures.FromGnuArch(GccMarchFor(cpu)), ArchFeatures.FromGnuArch(GccCpus.MarchFor(cpu)));

    static string GccMarchFor(string cpu)
    {
        using var scratch = new TempDir();
        string src = Path.Combine(scratch.Root, "x.s");
        File.WriteAllText(src, "nop\n");
        var (_, _, commands) = Gnu.Run("gcc", ["-mcpu=" + cpu, "-###", "-c", src]);
        return GccMarch().Matches(commands).Last().Groups[1].Value;
    }

    /// <summary>
    /// -mcpu=CORE of a core only gcc 12 knows: gcc hands gas the -march= of its own core table (the as command that
    /// gcc -### prints), which GccCpus holds, and a64asm refuses over every mc vector what gas refuses under gcc.
    /// </summary>
    [OracleTheory(Oracle.GnuGcc)]
    [MemberData(nameof(GccOnlyCpus))]
    [InlineData("thunderx2t99+nocrypto")]
    [InlineData("cortex-a57.cortex-a53+crypto")]
    [InlineData("tsv110+nofp")]
    [InlineData("neoverse-n2")]
    public void Each_gcc_only_cpu_selects_what_gcc_has_gas_select(string cpu)
    {
        var expected = ArchFeatures.FromGnuArch(GccMarchFor(cpu));
        Assert.Equal(expected, ArchFeatures.FromGnuArch(GccCpus.MarchFor(cpu)));
        Compare("-mcpu=" + cpu, null, ArchFeatures.FromGnuArch(GccCpus.MarchFor(cpu)), driver: "gcc");
    }

    // The -march= of the as command gcc -### prints (gcc quotes each argument).
    [GeneratedRegex("\"-march=([^\"]*)\"")]
    private static partial Regex GccMarch();

    /// <summary>gas refuses the cores only gcc knows, on its command line and in .cpu; a64asm's .cpu too.</summary>
    [OracleFact(Oracle.GnuBinutils)]
    public void Gas_knows_none_of_the_gcc_only_cpus()
    {
        Assert.NotEmpty(GccCpus.OnlyGccNames);
        foreach (string cpu in GccCpus.OnlyGccNames)
        {
            var (status, _, stderr) = Gnu.Run("as", ["-mcpu=" + cpu, "--version"]);
            Assert.True(status != 0 && stderr.Contains($"unknown cpu `{cpu}'"), $"gas takes -mcpu={cpu}: {stderr}");
        }
    }

    static void Compare(string? march, string? extension, ArchFeatures features, string driver = "as")
    {
        var vectors = McVectors.All().ToList();
        var lines = vectors.Select(v => v.Source).ToList();
        // GNU numbers the directive as line 1: its refusals are shifted back onto the vectors.
        if (extension is not null) lines.Insert(0, ".arch_extension " + extension);
        var (gas, named) = GasRefusals(march, lines, driver);
        if (extension is not null)
        {
            gas = gas.ToDictionary(kv => kv.Key - 1, kv => kv.Value);
            named = named.ToDictionary(kv => kv.Key - 1, kv => kv.Value);
        }
        var failures = new List<string>();
        int refused = 0;
        for (int i = 0; i < vectors.Count; i++)
        {
            var (mnemonic, operands) = ProductParser.Parse(vectors[i].Source);
            bool ours = !A64Encoder.TryEncode(mnemonic, operands.ToArray(), 0, features, out _, out string error, out _, out var missing);
            if (ours && named.TryGetValue(i, out string? gnuNamed))
            {
                refused++;
                if (error != gnuNamed) failures.Add($"{vectors[i]}: we say \"{error}\", GNU as \"{gnuNamed}\"");
                continue;
            }
            if (ours)
            {
                refused++;
                Assert.True(missing != Feature.Base, $"{vectors[i]}: refused for its operands, not a feature: {error}");
                Assert.Equal(ArchFeatures.NotSupported(mnemonic), error);
            }
            bool theirs = gas.TryGetValue(i, out string? quoted) || named.ContainsKey(i);
            if (ours != theirs)
                failures.Add($"{vectors[i]}: {(ours ? $"we refuse ({missing})" : "we accept")}, GNU as {(theirs ? "refuses" : "accepts")}");
            else if (theirs && ArchFeatures.GnuStatementText(vectors[i].Source) != quoted)
                failures.Add($"{vectors[i]}: GNU quotes `{quoted}', we `{ArchFeatures.GnuStatementText(vectors[i].Source)}'");
        }
        if (failures.Count > 0)
            throw new XunitException($"-march={march}: {failures.Count} differences ({refused} refused by us):\n" + string.Join("\n", failures.Take(40)));
    }

    [Fact]
    public void Every_feature_fits_the_selection_mask_and_a64asm_defaults_to_gnu_as_default()
    {
        Assert.True(Enum.GetValues<Feature>().Length <= 64);
        Assert.Equal(ArchFeatures.FromGnuArch("armv8-a"), ArchFeatures.FromGnuArch(null));
        Assert.True(Enum.GetValues<Feature>().All(ArchFeatures.All.Allows));
        Assert.Equal("ldadd X0,x1,[x2,x3,lsl#3]", ArchFeatures.GnuStatementText("  LDADD\tX0 ,  x1, [ x2, x3, lsl #3 ] "));
        Assert.Equal("sb", ArchFeatures.GnuStatementText("sb"));
    }

    /// <summary>Line index → the statement GNU as quotes, for the lines it refuses for want of a feature; and line
    /// index → GNU's first message for the lines it refuses for a system register or PSTATE field.</summary>
    static (Dictionary<int, string> Quoted, Dictionary<int, string> Named) GasRefusals(string? march, List<string> lines, string driver = "as")
    {
        using var scratch = new TempDir();
        string src = Path.Combine(scratch.Root, "in.s");
        File.WriteAllLines(src, lines);
        // A value that starts with '-' is the whole option (-mcpu=...).
        string[] arch = march is null ? [] : march.StartsWith('-') ? [march] : ["-march=" + march];
        // gcc -c hands a .s file to gas with the -march= it makes of -mcpu.
        string[] compileOnly = driver == "gcc" ? ["-c"] : [];
        var (_, _, stderr) = Gnu.Run(driver, [.. arch, .. compileOnly, "-o", Path.Combine(scratch.Root, "out.o"), src]);
        var named = new Dictionary<int, string>();
        foreach (Match m in NameNotSupported().Matches(stderr))
            named.TryAdd(int.Parse(m.Groups[1].Value) - 1, m.Groups[2].Value);
        return (NotSupported().Matches(stderr).ToDictionary(m => int.Parse(m.Groups[1].Value) - 1, m => m.Groups[2].Value), named);
    }
}
