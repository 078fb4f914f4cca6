namespace A64Asm.Cli.Output;

/// <summary>A usage or I/O problem the CLI reports as <c>a64asm: error: ...</c> with exit status 1.</summary>
public class CliError(string message) : Exception(message);

/// <summary>
/// A command line a64asm cannot take (an unknown option, a value out of range, a missing operand): reported as
/// GNU tools do, in one line naming the option and what it accepts, then where to read more.
/// </summary>
public sealed class UsageError(string message) : CliError(message);
