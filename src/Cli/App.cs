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
            + "-mabi=lp64, -march=ARCH[+ext] (instructions outside it are refused, as gas; default armv8-a as gas, all: every one),\n"
            + "-mcpu=CPU (gcc's: the -march= gcc hands gas for the core, over -march=; -Wa,-mcpu= is gas's own core table), -fpic/-fPIC/-fpie/-fPIE (the __PIC__ macros), -W/--no-warn, --fatal-warnings,\n-EB/-mbig-endian, -EL/-mlittle-endian, -g/--gdwarf-N (N = 2-5: .debug_line as gas writes it), -Wa,OPT[,OPT...] (-EB, -EL, -march=, -mcpu=, -mabi=, --defsym, -I, -g, --gdwarf-N)");
        string tryHelp = CommandLineErrors.TryHelp(args, Subcommands);
        int Guarded(Func<int> body) => Guard(stderr, tryHelp, body);
        var assemble = new AssembleCommand();
        int status = 0;
        // The assembler's FILE argument and options belong to the root only when no subcommand is named, so that
        // "a64asm verify --help" shows verify's own usage, not "a64asm <file> verify <image>".
        bool subcommand = args.Length > 0 && Subcommands.Contains(args[0]);
        if (!subcommand)
        {
            assemble.Build(root);
            root.SetAction(parse => status = Guarded(() => assemble.Run(parse, stdout, stderr)));
        }
        root.Add(new DisasmCommand().Build(Guarded, stdout));
        root.Add(new ExplainCommand().Build(Guarded, stdout));
        root.Add(new VerifyCommand().Build(Guarded, stdout));
        root.Add(new LinkCommand(assemble.LinkOptions).Build(Guarded, stdout));
        root.Add(new A64Asm.Cli.Serve.ServeCommand().Build(Guarded, stdout));

        List<string> gccStyle;
        try
        {
            // gcc's flags belong to the assembler's command line; a subcommand's arguments are left as they are.
            gccStyle = subcommand ? [.. args] : assemble.GnuFlags.Extract(args);
        }
        catch (CliError e)
        {
            return Usage(stderr, tryHelp, e.Message);
        }
        var rest = new List<string>();
        for (int i = 0; i < gccStyle.Count; i++)
        {
            var arg = gccStyle[i];
            // ld spells these with '=' glued on, which System.CommandLine would read as an unknown option.
            string? next = i + 1 < gccStyle.Count ? gccStyle[i + 1] : null;
            // ld also takes the address as the next word; left to System.CommandLine, "-Tdata" would be -T (a script) "data".
            if (arg is "-Ttext" or "-Tdata" or "-Tbss" && next is not null)
            {
                arg = $"{arg}={next}";
                next = null;
                i++;
            }
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
                    return Usage(stderr, tryHelp, e.Message);
                }
            }
            rest.Add(arg);
        }
        var parseResult = root.Parse(rest.ToArray());
        var problems = CommandLineErrors.Find(parseResult);
        if (problems.Count > 0)
        {
            foreach (var problem in problems.SkipLast(1))
                stderr.WriteLine($"a64asm: error: {problem}");
            return Usage(stderr, tryHelp, problems[^1]);
        }
        var config = new InvocationConfiguration { Output = stdout, Error = stderr };
        int rc = parseResult.Invoke(config);
        return rc != 0 ? rc : status;
    }

    static readonly IReadOnlySet<string> Subcommands = new HashSet<string>(StringComparer.Ordinal) { "disasm", "explain", "verify", "link", "serve" };

    /// <summary>A command line a64asm cannot take: one line naming the problem, then where the options are listed.</summary>
    static int Usage(TextWriter stderr, string tryHelp, string message)
    {
        stderr.WriteLine($"a64asm: error: {message}");
        stderr.WriteLine(tryHelp);
        return 1;
    }

    /// <summary>Bad input ends with a message and status 1, never a stack trace.</summary>
    static int Guard(TextWriter stderr, string tryHelp, Func<int> body)
    {
        try
        {
            return body();
        }
        catch (UsageError e)
        {
            return Usage(stderr, tryHelp, e.Message);
        }
        catch (AsmError e)
        {
            e.WriteTo(stderr);
        }
        catch (Exception e) when (e is LinkError or CliError or IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"a64asm: error: {e.Message}");
        }
        return 1;
    }
}
