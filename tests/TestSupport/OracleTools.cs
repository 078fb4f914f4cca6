
namespace A64Asm.TestSupport;

/// <summary>The outside programs tests compare a64asm with.</summary>
public enum Oracle
{
    /// <summary>binutils-aarch64-linux-gnu: as, ld, objcopy, objdump, readelf, nm.</summary>
    GnuBinutils,
    /// <summary>gcc-aarch64-linux-gnu: the C preprocessor the kernel's build runs.</summary>
    GnuGcc,
    /// <summary>qemu-user: qemu-aarch64.</summary>
    Qemu,
    /// <summary>llvm-mc (or llvm-mc-14).</summary>
    LlvmMc,
    /// <summary>device-tree-compiler: dtc, to build a DTB from a .dts.</summary>
    Dtc,
    /// <summary>chromium: the headless browser the a64asm serve page tests drive.</summary>
    Chromium,
}

/// <summary>
/// Which oracles this machine has. The rule every oracle test follows: under CI=true a missing oracle fails the test
/// (tools/test.sh installs them); anywhere else the test is reported skipped, never passed. The skip is the test's
/// [OracleFact]/[OracleTheory]; the failure is <see cref="Tool"/>'s, which refuses to run a program not on PATH.
/// </summary>
public static class OracleTools
{
    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    private static readonly Dictionary<Oracle, string[][]> Programs = new()
    {
        // Each inner list is one program; any of its names will do.
        [Oracle.GnuBinutils] = [.. new[] { "as", "ld", "objcopy", "objdump", "readelf", "nm" }.Select(t => new[] { Gnu.Prefix + t })],
        [Oracle.GnuGcc] = [[Gnu.Prefix + "gcc"]],
        [Oracle.Qemu] = [["qemu-aarch64"]],
        [Oracle.LlvmMc] = [["llvm-mc", "llvm-mc-14"]],
        [Oracle.Dtc] = [["dtc"]],
        [Oracle.Chromium] = [["chromium", "chromium-browser", "google-chrome"]],
    };

    /// <summary>The programs of <paramref name="needed"/> this machine lacks, comma-separated; null when it has them all.</summary>
    public static string? Missing(IEnumerable<Oracle> needed)
    {
        var missing = needed.SelectMany(o => Programs[o]).Where(names => !names.Any(n => Which(n) is not null))
            .Select(names => names[0]).Distinct().ToList();
        return missing.Count == 0 ? null : string.Join(", ", missing);
    }

    public static string? Which(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, program)).FirstOrDefault(File.Exists);

    /// <summary>The skip reason for a test that needs <paramref name="needed"/>: null where it must run (all there, or CI).</summary>
    internal static string? SkipReason(Oracle[] needed)
    {
        if (needed.Length == 0) needed = [Oracle.GnuBinutils, Oracle.GnuGcc];
        return !InCi && Missing(needed) is { } missing
            ? $"oracle missing: {missing} (tools/test.sh installs it; under CI=true this test fails instead)"
            : null;
    }
}

/// <summary>A fact that compares with an oracle (GNU binutils and gcc unless named): skipped, with the reason, when the
/// oracle is missing outside CI; run under CI=true, where <see cref="Tool"/> fails it on the missing program.</summary>
public sealed class OracleFactAttribute : FactAttribute
{
    public OracleFactAttribute(params Oracle[] needed)
    {
        if (OracleTools.SkipReason(needed) is { } reason) Skip = reason;
    }
}

/// <summary>As <see cref="OracleFactAttribute"/>, for a theory.</summary>
public sealed class OracleTheoryAttribute : TheoryAttribute
{
    public OracleTheoryAttribute(params Oracle[] needed)
    {
        if (OracleTools.SkipReason(needed) is { } reason) Skip = reason;
    }
}
