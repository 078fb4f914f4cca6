using System.Text.RegularExpressions;
using A64Asm.Assembler;
using A64Asm.Assembler.Diagnostics;
using A64Asm.Assembler.Elf;
using A64Asm.Cli.Commands;
using A64Asm.Cli.Output;
using A64Asm.Linker;

namespace A64Asm.Fuzz;

/// <summary>
/// Runs one case in process and says what happened. The assembler targets, disasm and explain call the product's
/// code directly; verify, offsets, link and cli go through <see cref="Cli.App.Run"/> with outputs that existed
/// before the run, so a failed run that touches them is caught.
/// </summary>
public sealed partial class CaseRunner(string repoRoot, string scratchDir)
{
    static readonly string[] OutputNames = ["out.bin", "out.o", "o.json", "o.h", "l.lst"];

    public Outcome Run(FuzzCase c)
    {
        // The assembler targets read their text in memory; the rest read files as a user's run does.
        bool inMemory = c.Target is "asm-mutate" or "asm-grammar" or "asm-forms" or "preprocessor" or "macro" or "explain";
        if (!inMemory)
        {
            ClearScratch();
            foreach (var f in c.Files)
                File.WriteAllBytes(Path.Combine(scratchDir, f.Name), f.Bytes);
        }
        var args = c.Args.Select(a => a.Replace("{repo}", repoRoot).Replace("{dir}", scratchDir)).ToArray();
        try
        {
            return c.Target switch
            {
                "asm-mutate" or "asm-grammar" or "asm-forms" or "preprocessor" or "macro" => Assemble(c.Files[0], args),
                "disasm" => Disasm(args),
                "explain" => Explain(c.Args[0]),
                "verify" or "offsets" or "link" or "cli" => RunCli(c, args),
                _ => throw new ArgumentException($"unknown target '{c.Target}'"),
            };
        }
        catch (Exception e) when (e is AsmError or LinkError or CliError or SourceFileRefused)
        {
            return Outcome.Rejected;
        }
        catch (OutOfMemoryException e)
        {
            return new Outcome(OutcomeKind.Memory, Describe(e));
        }
        catch (IOException e)
        {
            // The CLI prints these as "a64asm: error: <message>", but an IOException from inside a reader names no file.
            return new Outcome(OutcomeKind.BadMessage, Describe(e));
        }
        catch (Exception e)
        {
            return new Outcome(OutcomeKind.Crash, Describe(e));
        }
    }

    public static string Describe(Exception e)
    {
        var frames = (e.StackTrace ?? "").Split('\n').Take(8).Select(l => l.Trim());
        return $"{e.GetType().FullName}: {e.Message}\n{string.Join('\n', frames)}";
    }

    /// <summary>Options that keep an in-process run quiet and on one thread (the campaign runs several workers).</summary>
    public static AssemblerOptions QuietOptions(CorpusText? text = null)
    {
        var options = new AssemblerOptions { Threads = 1, Print = _ => { } };
        if (text is not null)
        {
            options.Preprocess = text.Preprocess;
            options.IncludeDirs.AddRange(text.IncludeDirs);
            options.SystemIncludeDirs.AddRange(text.SystemIncludeDirs);
            options.ForcedIncludes.AddRange(text.ForcedIncludes);
        }
        return options;
    }

    static Outcome Assemble(CaseFile source, string[] args)
    {
        var options = QuietOptions();
        options.Preprocess = source.Name.EndsWith(".S", StringComparison.Ordinal);
        for (int i = 0; i + 1 < args.Length; i += 2)
        {
            if (args[i] == "-march")
            {
                options.Arch = args[i + 1];
                continue;
            }
            var list = args[i] switch { "-I" => options.IncludeDirs, "-isystem" => options.SystemIncludeDirs, _ => options.ForcedIncludes };
            list.Add(args[i + 1]);
        }
        var obj = AsmDriver.AssembleText(source.Name, System.Text.Encoding.UTF8.GetString(source.Bytes), options, new CollectingDiagnostics());
        ElfObjectWriter.Write(obj);
        return Outcome.Accepted;
    }

    Outcome Disasm(string[] args)
    {
        string? baseText = args.Length == 2 ? args[1] : null;
        DisasmCommand.Run(Path.Combine(scratchDir, "in.bin"), baseText, TextWriter.Null);
        return Outcome.Accepted;
    }

    static Outcome Explain(string text)
    {
        ExplainCommand.Run(text, TextWriter.Null);
        return Outcome.Accepted;
    }

    // Warnings may come first; one line must be the error.
    [GeneratedRegex(@"^(\S[^\n]*:\d+:\d+: error: |a64asm: error: )", RegexOptions.Multiline)]
    private static partial Regex GnuError();

    Outcome RunCli(FuzzCase c, string[] args)
    {
        // Outputs that exist before the run, with content no run would write.
        var sentinels = new Dictionary<string, byte[]>();
        foreach (var name in OutputNames.Where(n => c.Files.All(f => f.Name != n) && c.Args.Any(a => a == "{dir}/" + n)))
        {
            var bytes = System.Text.Encoding.ASCII.GetBytes($"sentinel {name} {c.Index}\n");
            File.WriteAllBytes(Path.Combine(scratchDir, name), bytes);
            sentinels[name] = bytes;
        }
        var before = Directory.GetFileSystemEntries(scratchDir).Order(StringComparer.Ordinal).ToArray();
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int status = A64Asm.Cli.App.Run(args, stdout, stderr);
        string err = stderr.ToString();

        if (err.Contains("OutOfMemoryException", StringComparison.Ordinal))
            return new Outcome(OutcomeKind.Memory, err);
        if (err.Contains("Unhandled exception", StringComparison.Ordinal) || err.Contains("\n   at ", StringComparison.Ordinal))
            return new Outcome(OutcomeKind.Crash, err);
        var after = Directory.GetFileSystemEntries(scratchDir).Order(StringComparer.Ordinal).ToArray();
        if (status == 0)
        {
            var leftovers = after.Where(p => Path.GetFileName(p).StartsWith('.')).ToArray();
            return leftovers.Length == 0 ? Outcome.Accepted : new Outcome(OutcomeKind.Clobbered, $"temporary files left: {string.Join(", ", leftovers)}");
        }
        foreach (var (name, bytes) in sentinels)
        {
            string path = Path.Combine(scratchDir, name);
            if (!File.Exists(path) || !File.ReadAllBytes(path).AsSpan().SequenceEqual(bytes))
                return new Outcome(OutcomeKind.Clobbered, $"status {status}, {name} changed or removed\n{err}");
        }
        if (!after.SequenceEqual(before))
            return new Outcome(OutcomeKind.Clobbered, $"status {status}, files appeared: {string.Join(", ", after.Except(before))}\n{err}");
        // verify exits 1 with its report on stdout when a check fails: that is an answer, not an error.
        bool verifies = args[0] == "verify" || args.Contains("--verify");
        bool verifyVerdict = verifies && !GnuError().IsMatch(err) && stdout.ToString().Length > 0;
        if (!verifyVerdict && !GnuError().IsMatch(err))
            return new Outcome(OutcomeKind.BadMessage, $"status {status}, stderr: {(err.Length == 0 ? "(empty)" : err)}");
        return Outcome.Rejected;
    }

    void ClearScratch()
    {
        foreach (var entry in Directory.GetFileSystemEntries(scratchDir))
        {
            if (Directory.Exists(entry))
                Directory.Delete(entry, recursive: true);
            else
                File.Delete(entry);
        }
    }
}
