using A64Asm.Cli.Commands;

namespace A64Asm.EndToEnd.Tests;

/// <summary>Every -march / -mcpu name a64asm takes is one GNU as or gcc takes, so the table holds no invented name.</summary>
public class TargetNameOracleTests
{
    static readonly Lazy<string> Dir = new(() =>
    {
        string dir = TempDir.Create();
        File.WriteAllText(Path.Combine(dir, "n.s"), "nop\n");
        return dir;
    });

    static bool Accepted(string option)
    {
        string dir = Dir.Value;
        string src = Path.Combine(dir, "n.s");
        if (Gnu.Run("as", option, src, "-o", Path.Combine(dir, "n.o")).Status == 0)
            return true;
        // gcc names some cpus gas 2.40 does not; the kernel hands -mcpu to gcc.
        return Gnu.Run("gcc", option, "-E", "-x", "assembler-with-cpp", src).Status == 0;
    }

    [OracleFact]
    public void Every_architecture_extension_and_cpu_is_known_to_gnu()
    {
        var refused = new List<string>();
        foreach (string arch in TargetNames.KnownArchitectures)
            if (!Accepted($"-march={arch}")) refused.Add($"-march={arch}");
        foreach (string ext in TargetNames.KnownExtensions)
        {
            if (!Accepted($"-march=armv8-a+{ext}")) refused.Add($"+{ext}");
            if (!Accepted($"-march=armv8-a+no{ext}")) refused.Add($"+no{ext}");
        }
        foreach (string cpu in TargetNames.KnownCpus)
            if (!Accepted($"-mcpu={cpu}")) refused.Add($"-mcpu={cpu}");
        Assert.Empty(refused);
    }

    [OracleTheory]
    [InlineData("-march=armv8-q")]
    [InlineData("-march=armv8-a+lsee")]
    [InlineData("-mcpu=cortex-a9")]
    public void A_name_gnu_refuses_is_refused(string option)
    {
        Assert.False(Accepted(option));
        var (status, _, stderr) = Cli.Run("samples/relocate_kernel.S", "-I", "samples/include", "-o", Path.Combine(TempDir.Create(), "r.bin"), option);
        Assert.Equal(1, status);
        Assert.StartsWith("a64asm: error: unknown ", stderr);
    }
}
