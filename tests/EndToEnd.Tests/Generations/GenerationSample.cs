using A64Asm.Verifier.Kexec;

namespace A64Asm.EndToEnd.Tests.Generations;

/// <summary>
/// One folder of samples/generations as its sample.conf describes it (keys documented in
/// samples/generations/README.md). tools/gen-generations.sh reads the same file, so the tests build each
/// sample with the flags its GNU reference was built with.
/// </summary>
sealed record GenerationSample(
    string Name, string Dir, string Source, int[] PageShifts, bool HasBigEndian,
    string[] CppFlags, string[] AsFlags, string? Section, string Convention, bool MmuOnAtEntry, string[] VerifyFlags)
{
    public const string Folder = "samples/generations";

    /// <summary>The verifier's own names: a sample's convention is what `verify --convention` takes and what its report names.</summary>
    public static IReadOnlyList<string> KnownConventions => ConventionPicker.All.Select(ConventionPicker.NameOf).ToList();

    static readonly Lazy<IReadOnlyList<GenerationSample>> all = new(LoadAll);

    public static IReadOnlyList<GenerationSample> All => all.Value;

    static IReadOnlyList<GenerationSample> LoadAll() =>
        Directory.GetDirectories(Repo.Path(Folder))
            .Select(Path.GetFileName)
            .Order(StringComparer.Ordinal)
            .Select(name => Parse(name!, File.ReadAllText(Repo.Path($"{Folder}/{name}/sample.conf"))))
            .ToList();

    /// <summary>Reads "key = value" lines; an unknown key is an error, so a typo cannot silently drop a flag.</summary>
    public static GenerationSample Parse(string name, string conf)
    {
        string dir = $"{Folder}/{name}";
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string raw in conf.Split('\n'))
        {
            string line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
                continue;
            int eq = line.IndexOf('=');
            if (eq < 0)
                throw new FormatException($"{dir}/sample.conf: '{line}' is not 'key = value'");
            string key = line[..eq].Trim();
            if (!Keys.Contains(key))
                throw new FormatException($"{dir}/sample.conf: unknown key '{key}'");
            values[key] = line[(eq + 1)..].Trim();
        }
        string Get(string key) => values.TryGetValue(key, out var v) ? v : "";
        string Required(string key) => Get(key) is { Length: > 0 } v ? v : throw new FormatException($"{dir}/sample.conf: '{key}' is required");
        string[] Words(string key) => Get(key).Replace("{sample}", dir).Split(' ', StringSplitOptions.RemoveEmptyEntries);

        string[] endians = Words("endians") is { Length: > 0 } e ? e : ["le"];
        if (endians.Any(x => x is not ("le" or "be")))
            throw new FormatException($"{dir}/sample.conf: endians are 'le' and 'be', not '{Get("endians")}'");
        return new GenerationSample(
            name, dir, Required("source"),
            Required("page_shifts").Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToArray(),
            endians.Contains("be"), Words("cppflags"), Words("asflags"),
            Get("section") is { Length: > 0 } s ? s : null,
            Required("convention"), Get("mmu_at_entry") == "on", Words("verify_flags"));
    }

    static readonly HashSet<string> Keys =
        ["source", "page_shifts", "endians", "cppflags", "asflags", "section", "convention", "mmu_at_entry", "verify_flags"];
}

/// <summary>One build of a sample: its endianness and page shift. Id is "VARIANT.psN", as the references are named.</summary>
sealed record GenerationCase(GenerationSample Sample, bool BigEndian, int PageShift)
{
    public const string VectorFolder = "tests/vectors/generations";

    public string Variant => BigEndian ? Sample.Name + "-be" : Sample.Name;
    public string Id => $"{Variant}.ps{PageShift}";
    public string Describe => $"sample {Variant}, {1 << (PageShift - 10)}K pages (ps{PageShift})";

    public string ReferenceImage => $"{VectorFolder}/{Id}.bin";
    public string ReferenceSymbols => $"{VectorFolder}/{Id}.syms";
    public string ReferencePreprocessed => $"{VectorFolder}/{Id}.s";
    public string SourcePath => $"{Sample.Dir}/{Sample.Source}";

    public static IReadOnlyList<GenerationCase> All { get; } =
        GenerationSample.All
            .SelectMany(s => (s.HasBigEndian ? new[] { false, true } : [false])
                .SelectMany(be => s.PageShifts.Select(shift => new GenerationCase(s, be, shift))))
            .ToList();

    public static GenerationCase ById(string id) => All.Single(c => c.Id == id);

    /// <summary>The preprocessor flags kbuild passes, then the sample's own.</summary>
    public string[] CppFlags => ["-D__ASSEMBLY__", $"-DPAGE_SHIFT={PageShift}", "-I", $"{Sample.Dir}/include", .. Sample.CppFlags];

    /// <summary>What a64asm gets besides its input: the assembler flags, -EB, and -j like objcopy.</summary>
    string[] AssembleAndImageFlags =>
        [.. Sample.AsFlags, .. BigEndian ? ["-EB"] : Array.Empty<string>(), .. Sample.Section is { } s ? ["-j", s] : Array.Empty<string>()];

    public string[] A64AsmFromSource(string output) => [SourcePath, .. CppFlags, .. AssembleAndImageFlags, "-o", output];

    public string[] A64AsmFromPreprocessed(string input, string output) => [input, .. AssembleAndImageFlags, "-o", output];
}
