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
        var root = new RootCommand("a64asm: assemble, link and verify AArch64 code that runs before an OS does\n\n"
            + "Also taken as gcc and gas take them: -nostdinc, -include FILE, -isystem DIR, -x assembler[-with-cpp],\n"
            + "-mabi=lp64, -march=ARCH[+ext], "
            + "-mcpu=CPU (checked and recorded; every known instruction is encoded whatever the architecture),\n"
            + "-EB/-mbig-endian, -EL/-mlittle-endian, -Wa,OPT[,OPT...] (-EB, -EL, -march=, -mcpu=, -mabi=, --defsym, -I)");
        var assemble = new AssembleCommand();
        assemble.Build(root);
        root.Add(new DisasmCommand().Build(body => Guard(stderr, body), stdout));
        root.Add(new ExplainCommand().Build(body => Guard(stderr, body), stdout));
        root.Add(new VerifyCommand().Build(body => Guard(stderr, body), stdout));
        root.Add(new LinkCommand(assemble.LinkOptions).Build(body => Guard(stderr, body), stdout));
        int status = 0;
        root.SetAction(parse => status = Guard(stderr, () => assemble.Run(parse, stdout, stderr)));

        List<string> gccStyle;
        try
        {
            // gcc's flags belong to the assembler's command line; a subcommand's arguments are left as they are.
            gccStyle = args.Length > 0 && Subcommands.Contains(args[0]) ? [.. args] : assemble.GnuFlags.Extract(args);
        }
        catch (CliError e)
        {
            stderr.WriteLine($"a64asm: error: {e.Message}");
            return 1;
        }
        var rest = new List<string>();
        for (int i = 0; i < gccStyle.Count; i++)
        {
            var arg = gccStyle[i];
            // ld spells these with '=' glued on, which System.CommandLine would read as an unknown option.
            string? next = i + 1 < gccStyle.Count ? gccStyle[i + 1] : null;
            bool isPlacement = arg.StartsWith("-T", StringComparison.Ordinal) && arg.Contains('=')
                || arg.StartsWith("--section-start=", StringComparison.Ordinal);
            if (isPlacement)
            {
                try
                {
                    if (assemble.LinkOptions.TryParseFlag(arg, next, out bool consumed))
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
            rest.Add(arg);
        }
        var parseResult = root.Parse(rest.ToArray());
        if (parseResult.Errors.Count > 0)
        {
            ReportParseErrors(parseResult, stderr);
            return 1;
        }
        var config = new InvocationConfiguration { Output = stdout, Error = stderr };
        int rc = parseResult.Invoke(config);
        return rc != 0 ? rc : status;
    }

    static readonly HashSet<string> Subcommands = new(StringComparer.Ordinal) { "disasm", "explain", "verify", "link" };

    /// <summary>
    /// One line per problem, as gcc words an unknown option, instead of System.CommandLine's help page: a build log
    /// then shows which flag a64asm did not take.
    /// </summary>
    static void ReportParseErrors(ParseResult parse, TextWriter stderr)
    {
        var unknown = parse.UnmatchedTokens.Where(t => t.Length > 1 && t[0] == '-').ToList();
        foreach (string option in unknown)
            stderr.WriteLine($"a64asm: error: unrecognized command-line option '{option}'");
        if (unknown.Count > 0)
            return;
        foreach (var error in parse.Errors)
            stderr.WriteLine($"a64asm: error: {error.Message}");
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
