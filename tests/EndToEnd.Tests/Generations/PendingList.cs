namespace A64Asm.EndToEnd.Tests.Generations;

/// <summary>
/// tests/vectors/generations/pending.txt: the cases a64asm does not yet build byte-identical to GNU.
/// A line names a variant (every case of it) or one case, "VARIANT.psN" for the .S input and
/// "VARIANT.psN.s" for the gcc -E output; text after '#' is the first error or difference.
/// </summary>
sealed class PendingList
{
    public const string File = GenerationCase.VectorFolder + "/pending.txt";

    public sealed record Entry(int Line, string Name, string Note);

    public IReadOnlyList<Entry> Entries { get; }

    PendingList(IReadOnlyList<Entry> entries) => Entries = entries;

    public static PendingList Load() => Parse(System.IO.File.ReadAllText(Repo.Path(File)));

    public static PendingList Parse(string text)
    {
        var entries = new List<Entry>();
        string[] lines = text.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i];
            int hash = line.IndexOf('#');
            string name = (hash < 0 ? line : line[..hash]).Trim();
            if (name.Length > 0)
                entries.Add(new Entry(i + 1, name, hash < 0 ? "" : line[(hash + 1)..].Trim()));
        }
        return new PendingList(entries);
    }

    /// <summary>The entry that lists this case and input, or null when the case must match.</summary>
    public Entry? Find(GenerationCase c, bool preprocessed)
    {
        string exact = preprocessed ? c.Id + ".s" : c.Id;
        return Entries.FirstOrDefault(e => e.Name == c.Variant || e.Name == exact);
    }

    /// <summary>Every name a line may use: each variant, and each case in both inputs.</summary>
    public static ISet<string> ValidNames() =>
        GenerationCase.All.SelectMany(c => new[] { c.Variant, c.Id, c.Id + ".s" }).ToHashSet(StringComparer.Ordinal);
}
