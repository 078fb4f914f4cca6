using A64Asm.Assembler.Diagnostics;
using A64Asm.Assembler.Preprocessing;
using A64Asm.TestSupport;

namespace A64Asm.Assembler.Tests.Preprocessing;

/// <summary>
/// The target macros against gcc 12's own (aarch64-linux-gnu-gcc -dM -E -x assembler-with-cpp): every __ARM_*
/// macro gcc defines for the -march value is ours with its value and we define none it does not; the system and
/// compiler macros we define have gcc's values.
/// </summary>
public class TargetMacroOracleTests
{
    [OracleTheory(Oracle.GnuBinutils)]
    [InlineData(null, null)]
    [InlineData("armv8-a", "-fno-PIE")]
    [InlineData("armv8.1-a", "-fPIC")]
    [InlineData("armv8.2-a+crypto", "-fpic")]
    [InlineData("armv8.2-a+sha3+sm4", "-fPIE")]
    [InlineData("armv8.3-a", "-fpie")]
    [InlineData("armv8.4-a+fp16fml", null)]
    [InlineData("armv8.5-a+nolse+rng+tme", null)]
    [InlineData("armv8.6-a+nobf16", null)]
    [InlineData("armv8.7-a", null)]
    [InlineData("armv8.8-a", null)]
    [InlineData("armv9-a", null)]
    [InlineData("armv9-a+nosve", null)]
    [InlineData("armv8-r", null)]
    [InlineData("armv8-a+nofp", null)]
    [InlineData("armv8-a+nosimd+crc", null)]
    [InlineData("armv8.2-a+fp16fml+nofp16", null)]
    [InlineData("armv8-a+sve2+f64mm", null)]
    [InlineData("armv8-a+memtag", null)]
    [InlineData("armv8.5-a+memtag+sve2-bitperm+i8mm", null)]
    [InlineData("armv8.4-a+fp16", null)]
    [InlineData("armv8.4-a+nofp16fml+fp16", null)]
    [InlineData("armv8-r+fp16", null)]
    public void Match_gcc(string? march, string? pic) =>
        Compare(march is null ? [] : ["-march=" + march], march, pic);

    public static TheoryData<string> GccCpus() => new(Isa.GccCpus.Names.Order(StringComparer.Ordinal));

    /// <summary>gcc's -mcpu= alone sets the macros of the -march= its core table gives.</summary>
    [OracleTheory(Oracle.GnuBinutils)]
    [MemberData(nameof(GccCpus))]
    [InlineData("cortex-a76+nodotprod")]
    [InlineData("neoverse-n1+crypto")]
    public void Match_gcc_for_each_core(string cpu) =>
        Compare(["-mcpu=" + cpu], new AssemblerOptions { Cpu = cpu }.CppArch, null);

    static void Compare(string[] target, string? march, string? pic)
    {
        using var dir = new TempDir();
        string empty = dir.Path("e.S");
        File.WriteAllText(empty, "");
        // Debian's gcc builds position-independent code unless told otherwise; upstream gcc (and a64asm) does not.
        string[] args = ["-dM", "-E", "-x", "assembler-with-cpp", pic ?? "-fno-PIE", .. target, empty];
        var gcc = Gnu.Check("gcc", args).Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Split(' ', 3)).Where(p => p.Length >= 2 && p[0] == "#define")
            .ToDictionary(p => p[1], p => p.Length > 2 ? p[2] : "");
        var ours = TargetMacros.For(march, pic).ToDictionary(m => m.Name, m => m.Value);
        var wrong = new List<string>();
        foreach (var (name, value) in ours)
            if (!gcc.TryGetValue(name, out var theirs) || theirs != value) wrong.Add($"{name}: ours {value}, gcc {theirs ?? "(undefined)"}");
        foreach (var (name, value) in gcc)
            if ((name.StartsWith("__ARM_", StringComparison.Ordinal) || name.Contains("PIC") || name.Contains("PIE") || name.Contains("pic") || name.Contains("pie"))
                && !ours.ContainsKey(name))
                wrong.Add($"{name}: gcc {value}, ours undefined");
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }
}
