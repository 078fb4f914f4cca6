using System.Text;

// Console.Out hands the file descriptor every 256 characters: a million-line listing sent to a file or a pipe made
// four million write calls. Redirected output goes through one 64 KiB buffer instead, flushed when the run ends; a
// terminal keeps Console.Out, so what a user watches appears as it is written.
if (!Console.IsOutputRedirected)
    return A64Asm.Cli.App.Run(args, Console.Out, Console.Error);
using var stdout = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false), 1 << 16);
return A64Asm.Cli.App.Run(args, stdout, Console.Error);
