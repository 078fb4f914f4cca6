namespace A64Asm.Assembler.Preprocessing;

/// <summary>
/// The target and system macros gcc 12 for aarch64-linux-gnu predefines in assembler-with-cpp mode, beyond the
/// byte-order and ABI ones: the ACLE __ARM_* set that follows -march (architecture level, +ext and +noext with the
/// dependencies gcc applies), __ELF__, __linux__ and its spellings, __GNUC__, and __PIC__/__PIE__ from -fpic/-fPIC/-fpie/-fPIE.
/// Assembly sources test them (`#if __ARM_ARCH >= 8`, `#ifdef __ARM_FEATURE_CRC32`, `#ifdef __PIC__`).
/// </summary>
public static class TargetMacros
{
    // What each gcc -march level adds to the one before it; armv9-a builds on armv8.5-a.
    private static readonly (string Arch, string[] Adds)[] Levels =
    [
        ("armv8-a", ["fp", "simd"]),
        ("armv8.1-a", ["crc", "lse", "rdma"]),
        ("armv8.2-a", []),
        ("armv8.3-a", ["jcvt", "complex"]),
        ("armv8.4-a", ["dotprod"]),
        ("armv8.5-a", ["frint"]),
        ("armv8.6-a", ["bf16", "i8mm"]),
        ("armv8.7-a", ["ls64"]),
        ("armv8.8-a", []),
    ];

    private static readonly string[] Armv9 = ["fp16", "fp16fml", "sve", "sve2"];

    private static readonly Dictionary<string, string[]> Macros = new(StringComparer.Ordinal)
    {
        ["fp"] = ["__ARM_FP=14", "__ARM_FP16_ARGS", "__ARM_FP16_FORMAT_IEEE", "__ARM_FEATURE_FMA"],
        ["simd"] = ["__ARM_NEON", "__ARM_FEATURE_NUMERIC_MAXMIN"],
        ["crc"] = ["__ARM_FEATURE_CRC32"], ["lse"] = ["__ARM_FEATURE_ATOMICS"], ["rdma"] = ["__ARM_FEATURE_QRDMX"],
        ["jcvt"] = ["__ARM_FEATURE_JCVT"], ["complex"] = ["__ARM_FEATURE_COMPLEX"], ["dotprod"] = ["__ARM_FEATURE_DOTPROD"],
        ["frint"] = ["__ARM_FEATURE_FRINT"], ["i8mm"] = ["__ARM_FEATURE_MATMUL_INT8"], ["ls64"] = ["__ARM_FEATURE_LS64"],
        ["bf16"] = ["__ARM_FEATURE_BF16_SCALAR_ARITHMETIC", "__ARM_FEATURE_BF16_VECTOR_ARITHMETIC"],
        ["fp16"] = ["__ARM_FEATURE_FP16_SCALAR_ARITHMETIC", "__ARM_FEATURE_FP16_VECTOR_ARITHMETIC"],
        ["fp16fml"] = ["__ARM_FEATURE_FP16_FML"],
        ["sve"] = ["__ARM_FEATURE_SVE", "__ARM_FEATURE_SVE_BITS=0", "__ARM_FEATURE_SVE_VECTOR_OPERATORS"],
        ["sve2"] = ["__ARM_FEATURE_SVE2"], ["f32mm"] = ["__ARM_FEATURE_SVE_MATMUL_FP32"], ["f64mm"] = ["__ARM_FEATURE_SVE_MATMUL_FP64"],
        ["aes"] = ["__ARM_FEATURE_AES"], ["sha2"] = ["__ARM_FEATURE_SHA2"], ["crypto"] = ["__ARM_FEATURE_CRYPTO"],
        ["sha3"] = ["__ARM_FEATURE_SHA3", "__ARM_FEATURE_SHA512"], ["sm4"] = ["__ARM_FEATURE_SM3", "__ARM_FEATURE_SM4"],
        ["rng"] = ["__ARM_FEATURE_RNG"], ["tme"] = ["__ARM_FEATURE_TME"], ["sve2-bitperm"] = ["__ARM_FEATURE_SVE2_BITPERM"],
        ["memtag"] = ["__ARM_FEATURE_MEMORY_TAGGING"], ["sve+i8mm"] = ["__ARM_FEATURE_SVE_MATMUL_INT8"],
    };

    // Whatever the architecture: the ACLE basics, ELF on Linux, and the compiler gcc 12 is.
    private static readonly string[] Always =
    [
        "__ARM_64BIT_STATE", "__ARM_ARCH_ISA_A64", "__ARM_ARCH_8A", "__ARM_ALIGN_MAX_PWR=28", "__ARM_ALIGN_MAX_STACK_PWR=16",
        "__ARM_FEATURE_CLZ", "__ARM_FEATURE_IDIV", "__ARM_FEATURE_UNALIGNED", "__ARM_PCS_AAPCS64",
        "__ARM_SIZEOF_MINIMAL_ENUM=4", "__ARM_SIZEOF_WCHAR_T=4", "__CHAR_UNSIGNED__",
        "__ELF__", "__linux__", "__linux", "__gnu_linux__", "linux", "__unix__", "__unix", "unix",
        "__GNUC__=12", "__GNUC_MINOR__=2", "__GNUC_PATCHLEVEL__=0", "__STDC__", "__STDC_HOSTED__",
        "__SIZEOF_SHORT__=2", "__SIZEOF_INT__=4", "__SIZEOF_LONG__=8", "__SIZEOF_LONG_LONG__=8", "__SIZEOF_POINTER__=8",
        "__USER_LABEL_PREFIX__=", "__REGISTER_PREFIX__=",
    ];

    /// <summary>NAME=VALUE pairs (VALUE "1" when the table gives none) for -march=<paramref name="arch"/> (null:
    /// gcc's default, armv8-a) and the -f pic/pie option given last (null: none, as an upstream gcc).</summary>
    public static IEnumerable<(string Name, string Value)> For(string? arch, string? pic)
    {
        string[] parts = (arch ?? "armv8-a").Split('+');
        var features = LevelFeatures(parts[0]);
        foreach (string ext in parts.Skip(1))
        {
            if (ext.StartsWith("no", StringComparison.Ordinal) && !Isa.GccExtensions.Needs.ContainsKey(ext) && !Macros.ContainsKey(ext)) Remove(features, ext[2..]);
            else Add(features, ext);
        }
        // gcc's own couplings: from Armv8.4-A on FP16 brings FP16FML (unless +nofp16fml is named anywhere), memory
        // tagging is only announced from Armv8.5-A on, and SVE with I8MM is SVE's int8 matrix multiply.
        if (LevelIndex(parts[0]) >= LevelIndex("armv8.4-a") && features.Contains("fp16") && !parts.Contains("nofp16fml"))
            features.Add("fp16fml");
        if (LevelIndex(parts[0]) < LevelIndex("armv8.5-a"))
            features.Remove("memtag");
        if (features.Contains("sve") && features.Contains("i8mm"))
            features.Add("sve+i8mm");
        var macros = Always.ToList();
        macros.Add(parts[0].StartsWith("armv9", StringComparison.Ordinal) ? "__ARM_ARCH=9" : "__ARM_ARCH=8");
        macros.Add(parts[0] == "armv8-r" ? "__ARM_ARCH_PROFILE=82" : "__ARM_ARCH_PROFILE=65");
        foreach (string f in features.Order(StringComparer.Ordinal))
            if (Macros.TryGetValue(f, out var named)) macros.AddRange(named);
        macros.AddRange(PicMacros(pic));
        // -fpic and -fpie select the small PIC model, which gcc names with no macro.
        if (pic is not ("-fpic" or "-fpie")) macros.Add("__AARCH64_CMODEL_SMALL__");
        foreach (string m in macros)
        {
            int eq = m.IndexOf('=');
            yield return eq < 0 ? (m, "1") : (m[..eq], m[(eq + 1)..]);
        }
    }

    // Where a level stands among gcc's: armv8-r with Armv8.4-A, armv9.x-a after every Armv8.x-A.
    private static int LevelIndex(string level) => level switch
    {
        "armv8-r" => Array.FindIndex(Levels, l => l.Arch == "armv8.4-a"),
        _ when level.StartsWith("armv9", StringComparison.Ordinal) => Levels.Length,
        _ => Array.FindIndex(Levels, l => l.Arch == level),
    };

    private static HashSet<string> LevelFeatures(string level)
    {
        var features = new HashSet<string>(StringComparer.Ordinal);
        // armv8-r has the Armv8.4-A extensions; armv9.x-a those of Armv8.5-A and Armv9's own.
        string upTo = level switch { "armv8-r" => "armv8.4-a", _ when level.StartsWith("armv9", StringComparison.Ordinal) => "armv8.5-a", _ => level };
        foreach (var (name, adds) in Levels)
        {
            features.UnionWith(adds);
            if (name == upTo) break;
        }
        if (level.StartsWith("armv9", StringComparison.Ordinal)) features.UnionWith(Armv9);
        return features;
    }

    private static void Add(HashSet<string> features, string ext)
    {
        if (!features.Add(ext)) return;
        foreach (string need in Isa.GccExtensions.Needs.GetValueOrDefault(ext, [])) Add(features, need);
    }

    private static void Remove(HashSet<string> features, string ext)
    {
        features.Remove(ext);
        foreach (var (dependent, needs) in Isa.GccExtensions.Needs)
            if (needs.Contains(ext) && features.Contains(dependent)) Remove(features, dependent);
    }

    private static IEnumerable<string> PicMacros(string? pic) => pic switch
    {
        "-fpic" => ["__pic__=1", "__PIC__=1"],
        "-fPIC" => ["__pic__=2", "__PIC__=2"],
        "-fpie" => ["__pic__=1", "__PIC__=1", "__pie__=1", "__PIE__=1"],
        "-fPIE" => ["__pic__=2", "__PIC__=2", "__pie__=2", "__PIE__=2"],
        _ => [],
    };

    /// <summary>The -f options <see cref="For"/> reads; -fno-pic and friends turn them off.</summary>
    public static bool IsPicFlag(string flag) =>
        flag is "-fpic" or "-fPIC" or "-fpie" or "-fPIE" or "-fno-pic" or "-fno-PIC" or "-fno-pie" or "-fno-PIE";
}
