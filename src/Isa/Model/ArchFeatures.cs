namespace A64Asm.Isa;

/// <summary>
/// The features an architecture selection enables, as GNU as 2.40 reads <c>-march=ARCH[+ext|+noext]...</c>: the
/// one place a row's <see cref="Model.FormInfo.Feature"/> (the table's feat= column) is checked, by the encoder.
/// <see cref="All"/> (every row) is what a64asm accepts when no architecture is named.
/// </summary>
public readonly struct ArchFeatures : IEquatable<ArchFeatures>
{
    // One bit per Feature: room for 64, which GNU's Armv8/Armv9 extension list fits in.
    private readonly ulong _mask;

    private ArchFeatures(ulong mask) => _mask = mask | Bit(Feature.Base);

    /// <summary>Every feature of the table: a64asm's default, and GNU's -march=all.</summary>
    public static ArchFeatures All { get; } = new(~0UL);

    /// <summary>armv8-a: GNU as 2.40's default; only rows without feat=.</summary>
    public static ArchFeatures Armv8 { get; } = new(0);

    /// <summary>The one check: whether a row of <paramref name="feature"/> may be encoded.</summary>
    public bool Allows(Feature feature) => (_mask & Bit(feature)) != 0;

    public ArchFeatures With(Feature feature) => new(_mask | Bit(feature));

    public ArchFeatures Without(Feature feature) => new(_mask & ~Bit(feature));

    /// <summary>GNU's message for an instruction the selection lacks; <paramref name="statement"/> as
    /// <see cref="GnuStatementText"/> gives it.</summary>
    public static string NotSupported(string statement) => $"selected processor does not support `{statement}'";

    /// <summary>
    /// The statement as GNU as quotes it in errors: the mnemonic in lower case, one space, then the operands with
    /// every blank removed ("LDADD X0 , x1, [ x2 ]" is quoted "ldadd X0,x1,[x2]"). <paramref name="text"/> holds
    /// the statement alone, without label or comment.
    /// </summary>
    public static string GnuStatementText(ReadOnlySpan<char> text)
    {
        text = text.Trim();
        int end = 0;
        while (end < text.Length && !char.IsWhiteSpace(text[end])) end++;
        var sb = new System.Text.StringBuilder(text.Length);
        foreach (char c in text[..end]) sb.Append(char.ToLowerInvariant(c));
        if (end < text.Length) sb.Append(' ');
        foreach (char c in text[end..])
            if (!char.IsWhiteSpace(c)) sb.Append(c);
        return sb.ToString();
    }

    /// <summary>Architecture names of -march and .arch (GNU as 2.40 and gcc 12).</summary>
    public static IReadOnlySet<string> KnownArchitectures { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "all", "armv8-a", "armv8.1-a", "armv8.2-a", "armv8.3-a", "armv8.4-a", "armv8.5-a", "armv8.6-a", "armv8.7-a",
        "armv8.8-a", "armv8-r", "armv9-a", "armv9.1-a", "armv9.2-a", "armv9.3-a",
    };

    /// <summary>Extension names of -march=...+ext and .arch_extension (GNU as 2.40 and gcc 12).</summary>
    public static IReadOnlySet<string> KnownExtensions { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "crc", "crypto", "fp", "simd", "lse", "lor", "pan", "rdma", "rcpc", "ras", "profile", "sve", "tme", "fp16",
        "fp16fml", "compnum", "dotprod", "sha2", "sha3", "aes", "sm4", "ssbs", "sb", "predres", "rng", "memtag", "sve2",
        "sve2-sm4", "sve2-aes", "sve2-sha3", "sve2-bitperm", "sme", "sme-f64", "sme-i64", "bf16", "i8mm", "f32mm",
        "f64mm", "ls64", "flagm", "pauth", "mops", "hbc", "cssc",
    };

    // What each Armv8 architecture name adds to the one before it (GNU as 2.40, checked by ArchFeatureOracleTests).
    private static readonly (string Name, Feature[] Adds)[] Levels =
    [
        ("armv8-a", []),
        ("armv8.1-a", [Feature.Crc, Feature.Lse, Feature.Lor]),
        ("armv8.2-a", [Feature.V8_2]),
        ("armv8.3-a", [Feature.Rcpc, Feature.Pauth]),
        ("armv8.4-a", [Feature.Flagm, Feature.Rcpc2]),
        ("armv8.5-a", [Feature.Sb, Feature.Predres, Feature.Flagm2]),
        ("armv8.6-a", []),
        ("armv8.7-a", [Feature.Wfxt, Feature.Ls64]),
        ("armv8.8-a", [Feature.Hbc, Feature.Mops]),
    ];

    // GNU as 2.40 builds Armv9.N-A on Armv8.(N+5)-A and adds its own (of this table's features, FP16).
    private static readonly Dictionary<string, string> Armv9Base = new(StringComparer.Ordinal)
    {
        ["armv9-a"] = "armv8.5-a", ["armv9.1-a"] = "armv8.6-a", ["armv9.2-a"] = "armv8.7-a", ["armv9.3-a"] = "armv8.8-a",
    };

    // What "+name" adds ("+noname" takes away the same and what depends on it); extensions this table has no
    // rows for (rdma, pan, sve, ...) add nothing.
    private static readonly Dictionary<string, Feature[]> Extensions = new(StringComparer.Ordinal)
    {
        ["crc"] = [Feature.Crc], ["lse"] = [Feature.Lse], ["lor"] = [Feature.Lor], ["rcpc"] = [Feature.Rcpc],
        ["pauth"] = [Feature.Pauth], ["predres"] = [Feature.Predres], ["sb"] = [Feature.Sb], ["flagm"] = [Feature.Flagm],
        ["fp16"] = [Feature.Fp16], ["fp16fml"] = [Feature.Fp16], ["aes"] = [Feature.Aes], ["sha2"] = [Feature.Sha2],
        ["sha3"] = [Feature.Sha2, Feature.Sha3], ["crypto"] = [Feature.Aes, Feature.Sha2],
        ["memtag"] = [Feature.Memtag], ["ls64"] = [Feature.Ls64], ["hbc"] = [Feature.Hbc], ["cssc"] = [Feature.Cssc],
        ["tme"] = [Feature.Tme], ["mops"] = [Feature.Mops],
    };

    /// <summary>
    /// The features of a GNU -march value ("armv8.2-a+crypto+nolse"; "all"); null means none was named (All).
    /// Names GNU does not know are the caller's to refuse; here they add nothing.
    /// </summary>
    public static ArchFeatures FromGnuArch(string? arch)
    {
        if (arch is null) return All;
        string[] parts = arch.Split('+');
        if (parts[0] == "all") return All;
        string level = Armv9Base.TryGetValue(parts[0], out var v8) ? v8 : parts[0];
        var features = Armv8;
        foreach (var (name, adds) in Levels)
        {
            foreach (var f in adds) features = features.With(f);
            if (name == level) break;
        }
        if (level != parts[0]) features = features.With(Feature.Fp16);
        // Armv8-R has the Armv8.4-A instructions of this table but the limited-ordering regions, and its own dfb.
        if (parts[0] == "armv8-r") features = Armv8.With(Feature.Crc).With(Feature.Lse).With(Feature.V8_2)
            .With(Feature.Rcpc).With(Feature.Pauth).With(Feature.Flagm).With(Feature.Rcpc2).With(Feature.V8r);
        foreach (string ext in parts.Skip(1))
            features = features.WithGnuExtension(ext);
        return features.Requiring();
    }

    /// <summary>"+name" or "+noname" of a -march value, or the operand of <c>.arch_extension</c>.</summary>
    public ArchFeatures WithGnuExtension(string extension)
    {
        var features = this;
        bool remove = extension.StartsWith("no", StringComparison.Ordinal) && !Extensions.ContainsKey(extension);
        string name = remove ? extension[2..] : extension;
        if (Extensions.TryGetValue(name, out var named))
            foreach (var f in named)
                features = remove ? features.Without(f) : features.With(f);
        // SHA-3 rests on SHA-2: without it, neither.
        if (remove && name is "sha2" or "crypto") features = features.Without(Feature.Sha3);
        return features.Requiring();
    }

    /// <summary>Features GNU checks together with an architecture level: they count only at that level.</summary>
    private ArchFeatures Requiring()
    {
        var features = this;
        // GNU gates eor3/bcax/rax1/xar on SHA-3 and Armv8.2 together.
        if (!features.Allows(Feature.V8_2)) features = features.Without(Feature.Sha3);
        // The MTE instructions want Armv8.5-A as well as +memtag; only that level brings Flagm2 (no +name does).
        if (!features.Allows(Feature.Flagm2)) features = features.Without(Feature.Memtag);
        // LS64 likewise wants Armv8.7-A, the only source of WFxT.
        if (!features.Allows(Feature.Wfxt)) features = features.Without(Feature.Ls64);
        // setg* need MOPS and MTE together; no name selects them alone.
        features = features.Allows(Feature.Mops) && features.Allows(Feature.Memtag)
            ? features.With(Feature.Mops_memtag) : features.Without(Feature.Mops_memtag);
        return features;
    }

    private static ulong Bit(Feature feature) => 1UL << (int)feature;

    public bool Equals(ArchFeatures other) => _mask == other._mask;
    public override bool Equals(object? obj) => obj is ArchFeatures other && Equals(other);
    public override int GetHashCode() => _mask.GetHashCode();
    public static bool operator ==(ArchFeatures a, ArchFeatures b) => a.Equals(b);
    public static bool operator !=(ArchFeatures a, ArchFeatures b) => !a.Equals(b);

    public override string ToString()
    {
        var self = this;
        return string.Join("+", Enum.GetValues<Feature>().Where(f => f != Feature.Base && self.Allows(f)).Select(f => f.ToString().ToLowerInvariant()));
    }
}
