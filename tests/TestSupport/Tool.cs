using System.Diagnostics;
using System.Text;

namespace A64Asm.TestSupport;

/// <summary>What one run of an outside program did.</summary>
public sealed record ToolRun(string Command, int Status, byte[] Output, string Stderr)
{
    /// <summary>Standard output as text (UTF-8).</summary>
    public string Stdout => Encoding.UTF8.GetString(Output);

    public void Deconstruct(out int status, out string stdout, out string stderr) => (status, stdout, stderr) = (Status, Stdout, Stderr);
}

/// <summary>
/// The one runner for outside programs (the GNU tools, llvm-mc, qemu-aarch64, shells): found on PATH, run with an
/// argument list in a folder, status, stdout and stderr captured. A program that is not on PATH fails the test with
/// its name; a test reaches that only when it lacks the [OracleFact]/[OracleTheory] that would have reported it
/// skipped, or under CI=true, where a missing oracle is a failure.
/// </summary>
public static class Tool
{
    // Long enough for tools/gen-kexec-blobs.sh on a loaded machine; a hung qemu still ends the run.
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(10);

    /// <summary>Runs <paramref name="program"/> in the repository's root.</summary>
    public static ToolRun Run(string program, params string[] args) => RunIn(Repo.Root, program, args);

    public static ToolRun RunIn(string workDir, string program, params string[] args)
    {
        var start = new ProcessStartInfo(Locate(program))
        {
            WorkingDirectory = workDir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in args) start.ArgumentList.Add(a);
        // The tests read the tools' messages and tables; a translated one would not match.
        start.Environment["LC_ALL"] = "C";
        string command = string.Join(' ', args.Prepend(program));
        using var process = Process.Start(start)!;
        using var stdout = new MemoryStream();
        var copy = process.StandardOutput.BaseStream.CopyToAsync(stdout);
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{command}: still running after {Timeout.TotalMinutes} minutes");
        }
        copy.Wait();
        return new ToolRun(command, process.ExitCode, stdout.ToArray(), stderr.Result);
    }

    /// <summary>As <see cref="Run"/>, and fails the test with the program's stderr when it exits non-zero.</summary>
    public static ToolRun Check(string program, params string[] args) => Checked(Run(program, args));

    public static ToolRun CheckIn(string workDir, string program, params string[] args) => Checked(RunIn(workDir, program, args));

    private static ToolRun Checked(ToolRun run)
    {
        Assert.True(run.Status == 0, $"{run.Command} failed ({run.Status}):\n{run.Stderr}");
        return run;
    }

    private static string Locate(string program)
    {
        if (program.Contains('/'))
            return File.Exists(program) ? program : throw new FileNotFoundException("no such program", program);
        if (OracleTools.Which(program) is { } path) return path;
        Assert.Fail(OracleTools.InCi
            ? $"CI=true but {program} not found on PATH (tools/test.sh installs binutils-aarch64-linux-gnu, gcc-aarch64-linux-gnu, qemu-user and device-tree-compiler; llvm-mc comes from the llvm package)"
            : $"{program} not found on PATH: a test that runs it must carry [OracleFact]/[OracleTheory] naming its oracle, so that it is reported skipped");
        return "";
    }
}
