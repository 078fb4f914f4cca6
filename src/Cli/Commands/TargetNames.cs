using A64Asm.Cli.Output;

namespace A64Asm.Cli.Commands;

/// <summary>
/// The -march / -mcpu values a kernel build may pass, checked so a typo is an error rather than silently ignored.
/// The names are those GNU as 2.40 or gcc 12 accept (their union: the kernel passes -march to both). The
/// architecture selects the instructions the assembler accepts (ArchFeatures), as in gas.
/// </summary>
public static class TargetNames
{
    // The names gas and gcc accept for -march (their union: the kernel passes -march to both), kept by the ISA
    // because .arch and .arch_extension in a source are checked against the same names.
    static readonly IReadOnlySet<string> Architectures = A64Asm.Isa.ArchFeatures.KnownArchitectures;
    static readonly IReadOnlySet<string> Extensions = A64Asm.Isa.ArchFeatures.KnownExtensions;

    // The cores gas knows (GnuCpus, which also says what each selects) and those only gcc knows (GccCpus: what gcc
    // hands gas for them), which a kernel build may pass to gcc.
    static readonly HashSet<string> Cpus = new(A64Asm.Isa.GnuCpus.Names.Concat(A64Asm.Isa.GccCpus.Names), StringComparer.Ordinal);

    public static IReadOnlyCollection<string> KnownArchitectures => Architectures;
    public static IReadOnlyCollection<string> KnownExtensions => Extensions;
    public static IReadOnlyCollection<string> KnownCpus => Cpus;

    /// <summary>Checks "-march=NAME[+ext...]"; <paramref name="option"/> is the whole option as written.</summary>
    public static void CheckArch(string value, string option) =>
        Check(value, option, Architectures, "architecture");

    public static void CheckCpu(string value, string option) =>
        Check(value, option, Cpus, "cpu");

    static void Check(string value, string option, IReadOnlySet<string> names, string what)
    {
        string[] parts = value.Split('+');
        if (!names.Contains(parts[0]))
            throw new CliError($"unknown {what} '{parts[0]}' in '{option}'");
        foreach (string ext in parts.Skip(1))
        {
            string bare = ext.StartsWith("no", StringComparison.Ordinal) && !Extensions.Contains(ext) ? ext[2..] : ext;
            if (!Extensions.Contains(bare))
                throw new CliError($"unknown architectural extension '{ext}' in '{option}'");
        }
    }
}
