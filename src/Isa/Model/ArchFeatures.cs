namespace A64Asm.Isa;

/// <summary>
/// The features an architecture selection enables, as GNU as 2.40 reads <c>-march=ARCH[+ext|+noext]...</c>: the
/// one place a row's <see cref="Model.FormInfo.Feature"/> (the table's feat= column) is checked, by the encoder.
/// <see cref="All"/> (every row) is what a64asm accepts when no architecture is named.
/// </summary>
public readonly struct ArchFeatures : IEquatable<ArchFeatures>
{
    // One bit per Feature: room for 64, which GNU's Armv8/Armv9 extension list fits in. _selected is GNU's own set,
    // what "+name"/"+noname" change; _mask is what rows are checked against: the selection with the features GNU
    // checks together with another (Derive) worked out, so taking a feature away and giving it back restores them.
    private readonly ulong _selected;
    private readonly ulong _mask;

    private ArchFeatures(ulong selected)
    {
        _selected = selected | Bit(Feature.Base);
        _mask = Derive(_selected);
    }

    /// <summary>Every feature of the table: a64asm's default, and GNU's -march=all.</summary>
    public static ArchFeatures All { get; } = new(~0UL);

    /// <summary>armv8-a: GNU as 2.40's default; the rows without feat=, FP and AdvSIMD (which +nofp and +nosimd take
    /// away), A-profile's system registers, and the RAS registers, which GNU 2.40 takes at every level until +noras.</summary>
    public static ArchFeatures Armv8 { get; } = new(Bit(Feature.Aprofile) | Bit(Feature.El3) | Bit(Feature.Ras)
        | Bit(Feature.Fp) | Bit(Feature.Simd));

    /// <summary>The one check: whether a row of <paramref name="feature"/> may be encoded.</summary>
    public bool Allows(Feature feature) => (_mask & Bit(feature)) != 0;

    public ArchFeatures With(Feature feature) => new(_selected | Bit(feature));

    public ArchFeatures Without(Feature feature) => new(_selected & ~Bit(feature));

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
    // Armv9.N-A is Armv8.(N+5)-A plus the Armv9 additions, not a step after Armv8.8-A: FromGnuArch maps it.
    // aprofile and el3 are what A-profile has and Armv8-R lacks (el3: GNU's -march=all lacks it too).
    private static readonly (string Name, Feature[] Adds)[] Levels =
    [
        ("armv8-a", []),
        ("armv8.1-a", [Feature.Crc, Feature.Lse, Feature.Lor, Feature.V8_1, Feature.Pan, Feature.Rdma]),
        ("armv8.2-a", [Feature.V8_2]),
        ("armv8.3-a", [Feature.Rcpc, Feature.Pauth, Feature.V8_3, Feature.Compnum, Feature.Jscvt]),
        ("armv8.4-a", [Feature.Flagm, Feature.V8_4, Feature.Dotprod, Feature.Rcpc2]),
        ("armv8.5-a", [Feature.Sb, Feature.Predres, Feature.Flagm2, Feature.V8_5, Feature.Ssbs, Feature.Frintts, Feature.Cvadp]),
        ("armv8.6-a", [Feature.V8_6, Feature.I8mm, Feature.Bf16]),
        ("armv8.7-a", [Feature.V8_7, Feature.Wfxt, Feature.Ls64]),
        ("armv8.8-a", [Feature.V8_8, Feature.Hbc, Feature.Mops]),
    ];

    // Armv9.N-A: the Armv8 level it rests on, and what Armv9 adds to it.
    private static readonly Dictionary<string, string> Armv9Base = new(StringComparer.Ordinal)
    {
        ["armv9-a"] = "armv8.5-a", ["armv9.1-a"] = "armv8.6-a", ["armv9.2-a"] = "armv8.7-a", ["armv9.3-a"] = "armv8.8-a",
    };
    private static readonly Feature[] Armv9Adds = [Feature.Fp16, Feature.Fp16fml, Feature.Sve];

    // What "+name" adds, with what GNU's entry for it requires ("+compnum" brings FP16 and AdvSIMD, "+simd" FP);
    // "+noname" takes away the first and what depends on it (see Dependents). Extensions this table has no rows for
    // add nothing. GNU's sha2, aes, sha3, sm4, dotprod, i8mm and bf16 require nothing: after +nosimd they bring
    // their rows back without AdvSIMD (sha256h, aese, sdot, bfdot), though eor3 and sm3* still want it (Derive).
    private static readonly Dictionary<string, Feature[]> Extensions = new(StringComparer.Ordinal)
    {
        ["crc"] = [Feature.Crc], ["lse"] = [Feature.Lse], ["lor"] = [Feature.Lor], ["rcpc"] = [Feature.Rcpc],
        ["pauth"] = [Feature.Pauth], ["predres"] = [Feature.Predres], ["sb"] = [Feature.Sb], ["flagm"] = [Feature.Flagm],
        ["fp"] = [Feature.Fp], ["simd"] = [Feature.Simd, Feature.Fp],
        ["fp16"] = [Feature.Fp16, Feature.Fp], ["fp16fml"] = [Feature.Fp16fml, Feature.Fp16, Feature.Fp], ["aes"] = [Feature.Aes],
        ["sha2"] = [Feature.Sha2], ["sha3"] = [Feature.Sha3, Feature.Sha2],
        ["crypto"] = [Feature.Aes, Feature.Sha2, Feature.Simd, Feature.Fp],
        ["rdma"] = [Feature.Rdma, Feature.Simd, Feature.Fp], ["dotprod"] = [Feature.Dotprod], ["i8mm"] = [Feature.I8mm],
        ["bf16"] = [Feature.Bf16], ["sm4"] = [Feature.Sm4],
        ["compnum"] = [Feature.Compnum, Feature.Fp16, Feature.Simd, Feature.Fp],
        ["pan"] = [Feature.Pan], ["ssbs"] = [Feature.Ssbs], ["profile"] = [Feature.Profile], ["rng"] = [Feature.Rng],
        ["memtag"] = [Feature.Memtag],
        // SVE brings FP, AdvSIMD, FP16 and the complex-number instructions with it, SME BF16 as well.
        ["sve"] = [Feature.Sve, .. SveNeeds], ["sve2"] = [Feature.Sve, .. SveNeeds],
        ["f32mm"] = [Feature.Sve, .. SveNeeds], ["f64mm"] = [Feature.Sve, .. SveNeeds],
        ["sme"] = [Feature.Sme, Feature.Sve, Feature.Bf16, .. SveNeeds],
        ["sme-f64"] = [Feature.Sme, Feature.Sve, Feature.Bf16, .. SveNeeds],
        ["sme-i64"] = [Feature.Sme, Feature.Sve, Feature.Bf16, .. SveNeeds],
        ["ls64"] = [Feature.Ls64], ["hbc"] = [Feature.Hbc], ["cssc"] = [Feature.Cssc], ["tme"] = [Feature.Tme],
        ["mops"] = [Feature.Mops], ["ras"] = [Feature.Ras],
        // The SVE2 crypto names bring what SVE2 needs and the Advanced SIMD extension they build on.
        ["sve2-sm4"] = [Feature.Sve, Feature.Sm4, .. SveNeeds],
        ["sve2-aes"] = [Feature.Sve, Feature.Aes, .. SveNeeds],
        ["sve2-sha3"] = [Feature.Sve, Feature.Sha3, Feature.Sha2, .. SveNeeds],
        ["sve2-bitperm"] = [Feature.Sve, .. SveNeeds],
        // Not a name GNU takes after -march=: the core table's way of giving Neoverse V1 dc cvadp (GnuCpus).
        ["cvadp"] = [Feature.Cvadp],
    };

    private static Feature[] SveNeeds => [Feature.Fp16, Feature.Compnum, Feature.Simd, Feature.Fp];

    // What "+noname" takes away besides the feature itself: the extensions whose GNU entry requires it, and so on
    // (+nofp takes AdvSIMD, so the crypto extensions too). GNU's "crypto" entry (AES and SHA2, requiring AdvSIMD)
    // is why +nosimd takes AES and SHA2 but not SM4, which requires nothing.
    private static readonly Dictionary<Feature, Feature[]> Dependents = new()
    {
        [Feature.Fp] = [Feature.Simd, Feature.Fp16],
        [Feature.Simd] = [Feature.Aes, Feature.Sha2, Feature.Rdma, Feature.Compnum, Feature.Sve],
        [Feature.Sha2] = [Feature.Sha3],
        [Feature.Fp16] = [Feature.Fp16fml, Feature.Compnum, Feature.Sve],
        [Feature.Compnum] = [Feature.Sve],
        [Feature.Sve] = [Feature.Sme],
    };

    // Names whose "+no" form GNU applies to a feature this table does not have (sve2 is not SVE itself).
    private static readonly HashSet<string> RemovesNothing = new(StringComparer.Ordinal) { "sve2", "f32mm", "f64mm", "sme-f64", "sme-i64", "sve2-sm4", "sve2-aes", "sve2-sha3", "sve2-bitperm" };

    /// <summary>What GNU as (and gcc, which passes it on) selects when no -march or -mcpu is named.</summary>
    public const string GnuDefault = "armv8-a";

    /// <summary>
    /// The features of a GNU -march value ("armv8.2-a+crypto+nolse"; "all"); null means none was named (GNU's default, armv8-a).
    /// Names GNU does not know are the caller's to refuse; here they add nothing.
    /// </summary>
    public static ArchFeatures FromGnuArch(string? arch)
    {
        arch ??= GnuDefault;
        string[] parts = arch.Split('+');
        if (parts[0] == "all") return All.Without(Feature.El3);
        string level = Armv9Base.GetValueOrDefault(parts[0], parts[0]);
        var features = Armv8;
        foreach (var (name, adds) in Levels)
        {
            foreach (var f in adds) features = features.With(f);
            if (name == level) break;
        }
        if (level != parts[0])
            foreach (var f in Armv9Adds) features = features.With(f);
        // Armv8-R has the Armv8.4-A instructions but the limited-ordering regions, its own system registers (v8r)
        // and dfb, and none of A-profile's EL3 registers.
        if (parts[0] == "armv8-r") features = Armv8.Without(Feature.Aprofile).Without(Feature.El3).With(Feature.Crc)
            .With(Feature.Lse).With(Feature.V8_2).With(Feature.Rcpc).With(Feature.Pauth).With(Feature.Flagm)
            .With(Feature.V8_1).With(Feature.Pan).With(Feature.V8_3).With(Feature.V8_4).With(Feature.V8r)
            .With(Feature.Rdma).With(Feature.Compnum).With(Feature.Jscvt).With(Feature.Dotprod).With(Feature.Rcpc2);
        foreach (string ext in parts.Skip(1))
            features = features.WithGnuExtension(ext);
        return features;
    }

    /// <summary>"+name" or "+noname" of a -march value, or the operand of <c>.arch_extension</c>.</summary>
    public ArchFeatures WithGnuExtension(string extension)
    {
        var features = this;
        bool remove = extension.StartsWith("no", StringComparison.Ordinal) && !Extensions.ContainsKey(extension);
        string name = remove ? extension[2..] : extension;
        if (Extensions.TryGetValue(name, out var named))
        {
            if (remove)
            {
                if (!RemovesNothing.Contains(name)) features = features.WithoutAndDependents(named[0]);
                // "crypto" names two features: without it, neither (nor SHA-3).
                if (name == "crypto") features = features.WithoutAndDependents(Feature.Sha2);
            }
            else
            {
                foreach (var f in named) features = features.With(f);
                // From Armv8.4-A on (flagm marks the level here), GNU's FP16 brings FP16FML, also where another
                // extension brings FP16 (sve, compnum).
                if (named.Contains(Feature.Fp16) && features.Allows(Feature.Flagm)) features = features.With(Feature.Fp16fml);
            }
        }
        return features;
    }

    private ArchFeatures WithoutAndDependents(Feature feature)
    {
        var features = Without(feature);
        foreach (var f in Dependents.GetValueOrDefault(feature, [])) features = features.WithoutAndDependents(f);
        return features;
    }

    /// <summary>
    /// The rows a selection allows: features GNU checks together with an architecture level or another feature
    /// count only with it, and the ones no name selects (Mte, Mops_memtag, Simd_fp16) follow from what they combine.
    /// </summary>
    private static ulong Derive(ulong selected)
    {
        bool Has(Feature f) => (selected & Bit(f)) != 0;
        ulong mask = selected;
        void Set(Feature f, bool on) => mask = on ? mask | Bit(f) : mask & ~Bit(f);
        // GNU gates eor3/bcax/rax1/xar, SM3/SM4, the dot products, FP16FML and the int8 matrix multiplies on their
        // extension and Armv8.2 together.
        if (!Has(Feature.V8_2))
            foreach (var f in new[] { Feature.Sha3, Feature.Sm4, Feature.I8mm, Feature.Dotprod, Feature.Fp16fml }) Set(f, false);
        // eor3/bcax/rax1/xar and SM3/SM4 want AdvSIMD too, fjcvtzs FP (sha512h, sha256h, aese and sdot do not).
        if (!Has(Feature.Simd)) { Set(Feature.Sha3, false); Set(Feature.Sm4, false); }
        if (!Has(Feature.Fp)) Set(Feature.Jscvt, false);
        // FP16 arithmetic on AdvSIMD registers (fadd v0.4h, fabd h0, h1, h2) wants both; the FP forms FP16 alone.
        Set(Feature.Simd_fp16, Has(Feature.Fp16) && Has(Feature.Simd));
        // The MTE instructions want Armv8.5-A (only that level brings Flagm2) as well as +memtag; its system
        // registers and PSTATE field want +memtag alone.
        bool mte = Has(Feature.Memtag) && Has(Feature.Flagm2);
        Set(Feature.Mte, mte);
        // LS64 likewise wants Armv8.7-A, the only source of WFxT.
        if (!Has(Feature.Wfxt)) Set(Feature.Ls64, false);
        // setg* need MOPS and the MTE instructions together; no name selects them alone.
        Set(Feature.Mops_memtag, Has(Feature.Mops) && mte);
        return mask;
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
