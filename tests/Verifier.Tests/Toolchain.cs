using System.Diagnostics;

namespace A64Asm.Verifier.Tests;

/// <summary>
/// The external tools some tests use (GNU binutils for aarch64, qemu-aarch64). Missing tools end a test early
/// on a developer machine, but fail it under CI=true, where .ci/run installs them.
/// </summary>
internal static class Toolchain
{
    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>True when every tool is on PATH; false (test should return) when not and not in CI; throws in CI.</summary>
    public static bool Require(params string[] tools)
    {
        var missing = tools.Where(t => Which(t) is null).ToList();
        if (missing.Count == 0) return true;
        if (InCi) Assert.Fail($"CI=true but {string.Join(", ", missing)} not found on PATH (install binutils-aarch64-linux-gnu, gcc-aarch64-linux-gnu, qemu-user)");
        return false;
    }

    public static string? Which(string tool)
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            var path = Path.Combine(dir, tool);
            if (File.Exists(path)) return path;
        }
        return null;
    }

    public static (int Exit, byte[] Stdout, string Stderr) Run(string tool, string args, string? workDir = null, int timeoutMs = 60_000)
    {
        var psi = new ProcessStartInfo(tool, args)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workDir ?? Environment.CurrentDirectory,
        };
        using var p = Process.Start(psi)!;
        using var stdout = new MemoryStream();
        var copy = p.StandardOutput.BaseStream.CopyToAsync(stdout);
        var err = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(timeoutMs)) { p.Kill(true); throw new TimeoutException($"{tool} {args} timed out"); }
        copy.Wait();
        return (p.ExitCode, stdout.ToArray(), err.Result);
    }

    public static void Check(string tool, string args, string? workDir = null)
    {
        var (exit, _, stderr) = Run(tool, args, workDir);
        Assert.True(exit == 0, $"{tool} {args} failed ({exit}): {stderr}");
    }
}
