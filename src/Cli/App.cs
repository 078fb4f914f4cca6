using System.CommandLine;
using A64Asm.Assembler.Diagnostics;
using A64Asm.Cli.Commands;
using A64Asm.Cli.Output;
using A64Asm.Linker;

namespace A64Asm.Cli;

/// <summary>The a64asm command line. <see cref="Run"/> is also the entry point the end-to-end tests call in-process.</summary>
public static class App
{
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var root = new RootCommand("a64asm: assemble, link and verify AArch64 code that runs before an OS does");
        var assemble = new AssembleCommand();
        assemble.Build(root);
        root.Add(new DisasmCommand().Build(body => Guard(stderr, body), stdout));
        root.Add(new ExplainCommand().Build(body => Guard(stderr, body), stdout));
        root.Add(new VerifyCommand().Build(body => Guard(stderr, body), stdout));
        int status = 0;
        root.SetAction(parse => status = Guard(stderr, () => assemble.Run(parse, stdout, stderr)));

        var rest = new List<string>();
        for (int i = 0; i < args.Length; i++)
        {
            // ld spells these with '=' glued on, which System.CommandLine would read as an unknown option.
            string? next = i + 1 < args.Length ? args[i + 1] : null;
            bool isPlacement = args[i].StartsWith("-T", StringComparison.Ordinal) && args[i].Contains('=')
                || args[i].StartsWith("--section-start=", StringComparison.Ordinal);
            if (isPlacement)
            {
                try
                {
                    if (assemble.LinkOptions.TryParseFlag(args[i], next, out bool consumed))
                    {
                        if (consumed) i++;
                        continue;
                    }
                }
                catch (LinkError e)
                {
                    stderr.WriteLine($"a64asm: error: {e.Message}");
                    return 1;
                }
            }
            rest.Add(args[i]);
        }
        var parseResult = root.Parse(rest.ToArray());
        var config = new InvocationConfiguration { Output = stdout, Error = stderr };
        int rc = parseResult.Invoke(config);
        return parseResult.Errors.Count > 0 ? (rc == 0 ? 1 : rc) : (rc != 0 ? rc : status);
    }

    /// <summary>Bad input ends with a message and status 1, never a stack trace.</summary>
    static int Guard(TextWriter stderr, Func<int> body)
    {
        try
        {
            return body();
        }
        catch (AsmError e)
        {
            stderr.WriteLine(e.Render());
        }
        catch (Exception e) when (e is LinkError or CliError or IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"a64asm: error: {e.Message}");
        }
        return 1;
    }
}
