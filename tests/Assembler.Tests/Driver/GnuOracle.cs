using System.Diagnostics;

namespace A64Asm.Assembler.Tests.Driver;

/// <summary>
/// The GNU pipeline as the oracle: aarch64-linux-gnu-gcc -E | aarch64-linux-gnu-as, then objcopy for a section's
/// bytes. When the tools are missing the oracle tests fail under CI=true and return early otherwise.
/// </summary>
internal static class GnuOracle
{
    public const string Gcc = "aarch64-linux-gnu-gcc";
    public const string As = "aarch64-linux-gnu-as";
    public const string Objcopy = "aarch64-linux-gnu-objcopy";

    /// <summary>False (test should return) when tools are missing outside CI; throws (test fails) inside CI.</summary>
    public static bool Available() => OracleTools.Require(Oracle.GnuBinutils, Oracle.GnuGcc);

    /// <summary>The .text bytes GNU as makes of a .S file after gcc -E -D__ASSEMBLY__.</summary>
    public static byte[] TextOfPreprocessed(string sourcePath, IEnumerable<string> cppArgs, string section = ".text")
    {
        string dir = Directory.CreateTempSubdirectory("a64asm-oracle").FullName;
        try
        {
            string pre = Path.Combine(dir, "pre.s"), obj = Path.Combine(dir, "out.o"), bin = Path.Combine(dir, "out.bin");
            Run(Gcc, ["-E", "-D__ASSEMBLY__", .. cppArgs, "-o", pre, sourcePath]);
            Run(As, [pre, "-o", obj]);
            Run(Objcopy, ["-O", "binary", "-j", section, obj, bin]);
            return File.ReadAllBytes(bin);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>GNU as on plain assembly text; the section's bytes.</summary>
    public static byte[] Assemble(string source, string section = ".text")
    {
        string dir = Directory.CreateTempSubdirectory("a64asm-oracle").FullName;
        try
        {
            string src = Path.Combine(dir, "in.s"), obj = Path.Combine(dir, "out.o"), bin = Path.Combine(dir, "out.bin");
            File.WriteAllText(src, source);
            Run(As, [src, "-o", obj]);
            Run(Objcopy, ["-O", "binary", "-j", section, obj, bin]);
            return File.Exists(bin) ? File.ReadAllBytes(bin) : [];
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static void Run(string tool, IEnumerable<string> args)
    {
        var psi = new ProcessStartInfo(tool) { RedirectStandardError = true, RedirectStandardOutput = true, WorkingDirectory = Repo.Root };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        string err = p.StandardError.ReadToEnd();
        p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0)
            throw new InvalidOperationException($"{tool} failed ({p.ExitCode}): {err}");
    }
}
