using System.Diagnostics;

namespace A64Asm.EndToEnd.Tests;

/// <summary>Paths into the repository and the GNU oracle, shared by the end-to-end tests.</summary>
static class Repo
{
    public static readonly string Root = FindRoot();

    public static string PathOf(string relative) => Path.Combine(Root, relative);

    // The test binaries may live outside the tree (--artifacts-path), so the source file's own path is the fallback.
    static string FindRoot([System.Runtime.CompilerServices.CallerFilePath] string thisFile = "")
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory, Path.GetDirectoryName(thisFile) ?? "" })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "A64Asm.sln")))
                    return dir.FullName;
        throw new InvalidOperationException("A64Asm.sln not found above the test binaries");
    }

    /// <summary>
    /// True when the GNU cross tools are installed. Under CI a missing oracle is a failure, never a skip;
    /// on a developer machine the caller returns early.
    /// </summary>
    public static bool HaveGnuTools() => OracleTools.Require(Oracle.GnuBinutils, Oracle.GnuGcc);

    public static (int Status, string Stdout, string Stderr) Run(string exe, params string[] args) => RunIn(Root, exe, args);

    public static (int Status, string Stdout, string Stderr) RunIn(string workingDirectory, string exe, params string[] args)
    {
        var psi = new ProcessStartInfo(exe) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = workingDirectory };
        foreach (var a in args)
            psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        string stderr = p.StandardError.ReadToEnd();
        p.WaitForExit();
        return (p.ExitCode, stdout.Result, stderr);
    }

    public static string TempDir()
    {
        string dir = Path.Combine(Path.GetTempPath(), "a64asm-e2e-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(dir);
        return dir;
    }
}

/// <summary>Runs the CLI in-process, capturing its streams.</summary>
static class Cli
{
    public static (int Status, string Stdout, string Stderr) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        string cwd = Environment.CurrentDirectory;
        lock (typeof(Cli))
        {
            Environment.CurrentDirectory = Repo.Root;
            try
            {
                int status = A64Asm.Cli.App.Run(args, stdout, stderr);
                return (status, stdout.ToString(), stderr.ToString());
            }
            finally
            {
                Environment.CurrentDirectory = cwd;
            }
        }
    }
}
