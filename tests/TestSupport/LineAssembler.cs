using System.Text.RegularExpressions;

namespace A64Asm.TestSupport;

/// <summary>GNU as and llvm-mc as batch assemblers: instruction lines in, one word (or null for an error) per line out.</summary>
public static partial class LineAssembler
{
    public const string GasArch = "-march=armv8.5-a+crc+crypto+lse+rcpc+memtag+sb+ssbs+predres+fp16+sha3";
    public const string LlvmAttrs = "-mattr=+v8.5a,+lse,+crc,+crypto,+aes,+sha2,+fp-armv8,+neon,+rcpc,+pauth,+bti,+mte,+ssbs,+sb,+predres,+fullfp16,+sha3";

    [GeneratedRegex(@"\.s:(\d+):(?:\d+:)? ?[Ee]rror: (.*)")]
    private static partial Regex ErrorLine();

    public static uint?[] Gas(IReadOnlyList<string> lines, string arch = GasArch) =>
        Assemble(lines, dir => Gnu.RunIn(dir, "as", arch, "-o", "out.o", "in.s"));

    /// <summary>objdump -d's text for each word (tab-separated mnemonic and operands, comments kept), assembled as
    /// .inst at address 4·index; null where objdump prints no instruction (".inst" or "undefined").</summary>
    public static string?[] Objdump(IReadOnlyList<uint> words)
    {
        using var dir = new TempDir();
        File.WriteAllLines(dir.Path("w.s"), words.Select(w => $".inst 0x{w:x8}"));
        Gnu.CheckIn(dir.Root, "as", "-march=all", "-o", "w.o", "w.s");
        var result = new string?[words.Count];
        foreach (Match m in ObjdumpLine().Matches(Gnu.CheckIn(dir.Root, "objdump", "-d", "w.o").Stdout))
        {
            int index = Convert.ToInt32(m.Groups[1].Value, 16) / 4;
            string text = m.Groups[2].Value.TrimEnd();
            if (index < result.Length && !text.StartsWith(".inst", StringComparison.Ordinal) && !text.Contains("undefined"))
                result[index] = text;
        }
        return result;
    }

    [GeneratedRegex(@"^\s*([0-9a-f]+):\s+[0-9a-f]{8}\s+(.*)$", RegexOptions.Multiline)]
    private static partial Regex ObjdumpLine();

    public static uint?[] LlvmMc(IReadOnlyList<string> lines) =>
        Assemble(lines, dir => Tool.RunIn(dir, LlvmMcProgram, "-triple=aarch64", LlvmAttrs, "-filetype=obj", "-o", "out.o", "in.s"));

    private static string LlvmMcProgram => OracleTools.Which("llvm-mc-14") is not null ? "llvm-mc-14" : "llvm-mc";

    /// <summary>Each line as if alone: the lines the assembler refuses are dropped and the rest assembled again.</summary>
    private static uint?[] Assemble(IReadOnlyList<string> lines, Func<string, ToolRun> assemble)
    {
        var result = new uint?[lines.Count];
        var alive = Enumerable.Range(0, lines.Count).ToList();
        using var dir = new TempDir();
        for (int attempt = 0; attempt < 20 && alive.Count > 0; attempt++)
        {
            File.WriteAllLines(dir.Path("in.s"), alive.Select(i => lines[i]));
            var run = assemble(dir.Root);
            if (run.Status != 0)
            {
                var bad = ErrorLine().Matches(run.Stderr).Select(m => int.Parse(m.Groups[1].Value) - 1).ToHashSet();
                if (bad.Count == 0) throw new InvalidOperationException(run.Stderr);
                alive = alive.Where((_, k) => !bad.Contains(k)).ToList();
                continue;
            }
            Gnu.CheckIn(dir.Root, "objcopy", "-O", "binary", "-j", ".text", "out.o", "out.bin");
            var bytes = File.ReadAllBytes(dir.Path("out.bin"));
            if (bytes.Length != 4 * alive.Count) throw new InvalidOperationException($"{bytes.Length} bytes for {alive.Count} lines");
            for (int k = 0; k < alive.Count; k++) result[alive[k]] = BitConverter.ToUInt32(bytes, 4 * k);
            break;
        }
        return result;
    }
}
