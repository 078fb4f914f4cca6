using System.Text.RegularExpressions;

namespace A64Asm.Isa.Tests.Support;

/// <summary>One line of tests/vectors/dis/*.dis: a word, GNU objdump's text for it (at pc 0), the row it samples.</summary>
public sealed record DisVector(string File, int Line, uint Word, string Text, string Source)
{
    public override string ToString() => $"{File}:{Line}: {Word:x8} → {Text}  // {Source}";
}

/// <summary>A difference kept on purpose, from a `// deliberate:` header line: our text for that word, and why.</summary>
public sealed record DeliberateDifference(uint Word, string OurText, string Why);

public static partial class DisVectors
{
    [GeneratedRegex(@"^([0-9a-f]{8}) → (.*?)  // (.*)$")]
    private static partial Regex VectorLine();

    [GeneratedRegex(@"^// deliberate: ([0-9a-f]{8}) (.*?) \| (.*)$")]
    private static partial Regex DeliberateLine();

    public static string Directory => Repo.Path("tests/vectors/dis");

    public static (List<DisVector> Vectors, Dictionary<uint, DeliberateDifference> Deliberate) Load(string file)
    {
        var vectors = new List<DisVector>();
        var deliberate = new Dictionary<uint, DeliberateDifference>();
        string name = Path.GetFileName(file);
        var lines = File.ReadAllLines(file);
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i];
            if (DeliberateLine().Match(line) is { Success: true } d)
            {
                uint w = Convert.ToUInt32(d.Groups[1].Value, 16);
                deliberate[w] = new DeliberateDifference(w, d.Groups[2].Value, d.Groups[3].Value);
                continue;
            }
            if (line.Length == 0 || line.StartsWith("//")) continue;
            var m = VectorLine().Match(line);
            if (!m.Success) throw new FormatException($"{name}:{i + 1}: not `<word> → <text>  // <source>`");
            vectors.Add(new DisVector(name, i + 1, Convert.ToUInt32(m.Groups[1].Value, 16), m.Groups[2].Value, m.Groups[3].Value));
        }
        return (vectors, deliberate);
    }
}
