namespace A64Asm.Cli.Output;

/// <summary>A usage or I/O problem the CLI reports as <c>a64asm: error: ...</c> with exit status 1.</summary>
public sealed class CliError(string message) : Exception(message);
