using System.Diagnostics;

namespace A64Asm.Linker.Tests.Support;

public sealed record ToolResult(int ExitCode, string StdOut, string StdErr);

/// <summary>
/// The GNU binutils oracles. Tests call <see cref="Require"/> first: without the tools they return early, except
/// under CI=true, where a missing tool fails the test (the oracles are part of the CI contract, never skipped).
/// </summary>
public static class GnuTools
{
    public const string Prefix = "aarch64-linux-gnu-";

    public static bool Require() => OracleTools.Require(Oracle.GnuBinutils, Oracle.GnuGcc);

    public static ToolResult Run(string tool, IEnumerable<string> args, string workDir, string? stdin = null)
    {
        var start = new ProcessStartInfo(Prefix + tool)
        {
            WorkingDirectory = workDir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = stdin is not null,
            UseShellExecute = false,
        };
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment["LC_ALL"] = "C";
        using var process = Process.Start(start)!;
        if (stdin is not null)
        {
            process.StandardInput.Write(stdin);
            process.StandardInput.Close();
        }
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return new(process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>Runs a tool and fails the test with its stderr when it exits non-zero.</summary>
    public static ToolResult Ok(string tool, IEnumerable<string> args, string workDir, string? stdin = null)
    {
        var result = Run(tool, args, workDir, stdin);
        Assert.True(result.ExitCode == 0, $"{Prefix}{tool} {string.Join(' ', args)} failed:\n{result.StdErr}");
        return result;
    }

    /// <summary>Assembles source text with GNU as into an object's bytes.</summary>
    public static byte[] Assemble(string source, TempDir dir, string name = "in")
    {
        File.WriteAllText(dir.Path(name + ".s"), source);
        Ok("as", [name + ".s", "-o", name + ".o"], dir.Root);
        return File.ReadAllBytes(dir.Path(name + ".o"));
    }

    /// <summary>GNU ld then objcopy -O binary: the reference flat image.</summary>
    public static byte[] LinkFlat(IEnumerable<string> objects, TempDir dir, params string[] ldArgs)
    {
        Ok("ld", [.. ldArgs, .. objects, "-o", "ref.elf"], dir.Root);
        Ok("objcopy", ["-O", "binary", "ref.elf", "ref.bin"], dir.Root);
        return File.ReadAllBytes(dir.Path("ref.bin"));
    }
}

/// <summary>A scratch directory removed when the test ends.</summary>
public sealed class TempDir : IDisposable
{
    public TempDir() => Directory.CreateDirectory(Root);

    public string Root { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "a64link-" + Guid.NewGuid().ToString("N"));

    public string Path(string name) => System.IO.Path.Combine(Root, name);

    public string Write(string name, byte[] bytes)
    {
        File.WriteAllBytes(Path(name), bytes);
        return name;
    }

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
    }
}
