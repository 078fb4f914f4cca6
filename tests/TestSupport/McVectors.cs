using System.Text.RegularExpressions;

namespace A64Asm.TestSupport;

/// <summary>One entry of tests/vectors/mc/*.s: source line, expected word and objdump text, llvm-mc's note.</summary>
public sealed record McVector(string File, int Line, string Source, uint Word, string Text, string? LlvmNote)
{
    public override string ToString() => $"{File}:{Line}: {Source}";
}

/// <summary>The reader of tests/vectors/mc, for every project that runs its lines.</summary>
public static partial class McVectors
{
    [GeneratedRegex(@"^// CHECK: (.*) // encoding: \[0x([0-9a-f]{2}),0x([0-9a-f]{2}),0x([0-9a-f]{2}),0x([0-9a-f]{2})\]$")]
    private static partial Regex CheckLine();

    public static string Directory => Repo.Path("tests/vectors/mc");

    public static IEnumerable<McVector> Load(string file)
    {
        var lines = File.ReadAllLines(file);
        string name = Path.GetFileName(file);
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith("//")) continue;
            if (i + 1 >= lines.Length) throw new FormatException($"{name}:{i + 1}: no CHECK line");
            var m = CheckLine().Match(lines[i + 1].Trim());
            if (!m.Success) throw new FormatException($"{name}:{i + 2}: bad CHECK line");
            uint word = 0;
            for (int k = 0; k < 4; k++) word |= Convert.ToUInt32(m.Groups[2 + k].Value, 16) << (8 * k);
            string? note = i + 2 < lines.Length && lines[i + 2].StartsWith("// LLVM:") ? lines[i + 2][8..].Trim() : null;
            yield return new McVector(name, i + 1, line, word, m.Groups[1].Value.Trim(), note);
        }
    }

    public static IEnumerable<McVector> All() =>
        System.IO.Directory.GetFiles(Directory, "*.s").OrderBy(f => f, StringComparer.Ordinal).SelectMany(Load);

    public static string Normalize(string text) => Regex.Replace(text.Replace('\t', ' ').Trim(), @"\s+", " ");

    public static string Bytes(uint w) => $"[0x{w & 0xff:x2},0x{(w >> 8) & 0xff:x2},0x{(w >> 16) & 0xff:x2},0x{w >> 24:x2}]";
}
