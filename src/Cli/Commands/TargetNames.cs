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

    public static IReadOnlyCollection<string> KnownArchitectures => Architectures;
    public static IReadOnlyCollection<string> KnownExtensions => Extensions;

    /// <summary>The cores -mcpu= takes: gcc's (the kernel hands -mcpu to gcc) and those only gas knows.</summary>
    public static IReadOnlyCollection<string> KnownCpus { get; } =
        new SortedSet<string>(A64Asm.Isa.GccCpus.Names.Concat(A64Asm.Isa.GnuCpus.Names), StringComparer.Ordinal);

    /// <summary>Checks "-march=NAME[+ext...]"; <paramref name="option"/> is the whole option as written.</summary>
    public static void CheckArch(string value, string option)
    {
        string[] parts = value.Split('+');
        if (!Architectures.Contains(parts[0]))
            throw new CliError($"unknown architecture '{parts[0]}' in '{option}'");
        CheckExtensions(parts, option, checkOrder: true);
    }

    /// <summary>Checks "-mcpu=NAME[+ext...]": gcc's and gas's cores for the driver's own -mcpu, gas's alone for
    /// -Wa,-mcpu= (<paramref name="forGas"/>). gcc rewrites the list of its -mcpu before gas sees it, so only gas's
    /// is held to GNU's adds-before-removes order.</summary>
    public static void CheckCpu(string value, string option, bool forGas)
    {
        string[] parts = value.Split('+');
        bool known = forGas ? A64Asm.Isa.GnuCpus.MarchFor(parts[0]) is not null : KnownCpus.Contains(parts[0]);
        if (!known)
            throw new CliError($"unknown cpu '{parts[0]}' in '{option}'");
        CheckExtensions(parts, option, checkOrder: forGas);
    }

    static void CheckExtensions(string[] parts, string option, bool checkOrder)
    {
        if (A64Asm.Isa.ExtensionList.Problem(parts[1..], checkOrder) is { } problem)
            throw new CliError($"{problem} in '{option}'");
    }
}
