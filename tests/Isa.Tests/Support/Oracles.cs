using System.Diagnostics;
using System.Text.RegularExpressions;

namespace A64Asm.Isa.Tests.Support;

/// <summary>GNU as and llvm-mc as batch assemblers: lines in, one word (or error) per line out.</summary>
public static partial class Oracles
{
    public const string GasArch = "-march=armv8.5-a+crc+crypto+lse+rcpc+memtag+sb+ssbs+predres+fp16+sha3";
    public const string LlvmAttrs = "-mattr=+v8.5a,+lse,+crc,+crypto,+aes,+sha2,+fp-armv8,+neon,+rcpc,+pauth,+bti,+mte,+ssbs,+sb,+predres,+fullfp16,+sha3";

    public static string? Gas => Which("aarch64-linux-gnu-as");
    public static string? LlvmMc => Which("llvm-mc-14") ?? Which("llvm-mc");
    static string? Objcopy => Which("aarch64-linux-gnu-objcopy");

    static string? Which(string tool)
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':'))
        {
            var p = Path.Combine(dir, tool);
            if (File.Exists(p)) return p;
        }
        return null;
    }

    [GeneratedRegex(@"\.s:(\d+):(?:\d+:)? ?[Ee]rror: (.*)")]
    private static partial Regex ErrorLine();

    /// <summary>Assembles each line alone in effect (bad lines are dropped and the batch rerun). null = error.</summary>
    public static uint?[] Assemble(bool gas, IReadOnlyList<string> lines)
    {
        var result = new uint?[lines.Count];
        var alive = Enumerable.Range(0, lines.Count).ToList();
        string dir = Directory.CreateTempSubdirectory("isa-oracle-").FullName;
        try
        {
            for (int attempt = 0; attempt < 20 && alive.Count > 0; attempt++)
            {
                string src = Path.Combine(dir, "in.s"), obj = Path.Combine(dir, "out.o"), bin = Path.Combine(dir, "out.bin");
                File.WriteAllLines(src, alive.Select(i => lines[i]));
                var (code, stderr) = gas
                    ? Run(Gas!, $"{GasArch} -o {obj} {src}")
                    : Run(LlvmMc!, $"-triple=aarch64 {LlvmAttrs} -filetype=obj -o {obj} {src}");
                if (code != 0)
                {
                    var bad = ErrorLine().Matches(stderr).Select(m => int.Parse(m.Groups[1].Value) - 1).ToHashSet();
                    if (bad.Count == 0) throw new InvalidOperationException(stderr);
                    alive = alive.Where((_, k) => !bad.Contains(k)).ToList();
                    continue;
                }
                var (c2, e2) = Run(Objcopy!, $"-O binary -j .text {obj} {bin}");
                if (c2 != 0) throw new InvalidOperationException(e2);
                var bytes = File.ReadAllBytes(bin);
                if (bytes.Length != 4 * alive.Count) throw new InvalidOperationException($"{bytes.Length} bytes for {alive.Count} lines");
                for (int k = 0; k < alive.Count; k++) result[alive[k]] = BitConverter.ToUInt32(bytes, 4 * k);
                break;
            }
            return result;
        }
        finally { Directory.Delete(dir, true); }
    }

    internal static (int Code, string Stderr) Run(string exe, string args)
    {
        var psi = new ProcessStartInfo(exe, args) { RedirectStandardError = true, RedirectStandardOutput = true };
        using var p = Process.Start(psi)!;
        string err = p.StandardError.ReadToEnd();
        p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return (p.ExitCode, err);
    }
}
