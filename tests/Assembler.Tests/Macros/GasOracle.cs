using System.Diagnostics;

namespace A64Asm.Assembler.Tests.Macros;

/// <summary>Runs GNU as (the reference) on a source text and returns the bytes of one section.</summary>
internal static class GasOracle
{
    const string Assembler = "aarch64-linux-gnu-as";
    const string ObjCopy = "aarch64-linux-gnu-objcopy";

    /// <summary>False when the tools are missing and we are not in CI; in CI a missing oracle fails the test.</summary>
    public static bool Available() => OracleTools.Require(Oracle.GnuBinutils);

    public static byte[] DataBytes(string source) => SectionBytes(source, ".data");

    public static byte[] SectionBytes(string source, string section)
    {
        string dir = Directory.CreateTempSubdirectory("a64asm-macros-").FullName;
        try
        {
            string src = Path.Combine(dir, "t.s"), obj = Path.Combine(dir, "t.o"), bin = Path.Combine(dir, "t.bin");
            File.WriteAllText(src, source);
            Run(Assembler, $"\"{src}\" -o \"{obj}\"");
            Run(ObjCopy, $"-O binary -j {section} \"{obj}\" \"{bin}\"");
            return File.ReadAllBytes(bin);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    static void Run(string tool, string arguments)
    {
        var info = new ProcessStartInfo(tool, arguments) { RedirectStandardError = true, RedirectStandardOutput = true };
        using var process = Process.Start(info)!;
        string errors = process.StandardError.ReadToEnd();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{tool} failed: {errors}");
    }
}
