namespace A64Asm.Isa;

/// <summary>
/// The cores gcc 12 knows for -mcpu=. gcc does not hand -mcpu to gas: it turns the core into the -march= of its own
/// core table (an architecture and the extensions the core adds, a big.LITTLE pair that of its first core) and passes
/// that after any -march= of the command line, so the core wins. a64asm's -mcpu= is gcc's, as the kernel passes it to
/// gcc; gas's own reading of a core (GnuCpus) is -Wa,-mcpu= and .cpu, and the two tables differ for some cores
/// (gas's neoverse-n2 is armv8.5-a with SVE2, gcc's armv9-a with profile). Read off
/// <c>aarch64-linux-gnu-gcc -mcpu=NAME -### -c x.s</c>; checked against gcc (ArchFeatureOracleTests).
/// </summary>
public static class GccCpus
{
    private static readonly Dictionary<string, string> Arch = new(StringComparer.Ordinal)
    {
        ["cortex-a34"] = "armv8-a+crc", ["cortex-a35"] = "armv8-a+crc", ["cortex-a53"] = "armv8-a+crc",
        ["cortex-a57"] = "armv8-a+crc", ["cortex-a72"] = "armv8-a+crc", ["cortex-a73"] = "armv8-a+crc",
        ["thunderx"] = "armv8-a+crypto+crc", ["thunderxt88p1"] = "armv8-a+crypto+crc",
        ["thunderxt88"] = "armv8-a+crypto+crc", ["octeontx"] = "armv8-a+crypto+crc",
        ["octeontx81"] = "armv8-a+crypto+crc", ["octeontx83"] = "armv8-a+crypto+crc",
        ["thunderxt81"] = "armv8-a+crypto+crc", ["thunderxt83"] = "armv8-a+crypto+crc", ["ampere1"] = "armv8.6-a",
        ["emag"] = "armv8-a+crypto+crc", ["xgene1"] = "armv8-a", ["falkor"] = "armv8-a+crypto+crc+rdma",
        ["qdf24xx"] = "armv8-a+crypto+crc+rdma", ["exynos-m1"] = "armv8-a+crypto+crc",
        ["phecda"] = "armv8-a+crypto+crc", ["thunderx2t99p1"] = "armv8.1-a+crypto", ["vulcan"] = "armv8.1-a+crypto",
        ["thunderx2t99"] = "armv8.1-a+crypto", ["cortex-a55"] = "armv8.2-a+fp16+rcpc+dotprod",
        ["cortex-a75"] = "armv8.2-a+fp16+rcpc+dotprod", ["cortex-a76"] = "armv8.2-a+fp16+rcpc+dotprod",
        ["cortex-a76ae"] = "armv8.2-a+fp16+rcpc+dotprod+ssbs", ["cortex-a77"] = "armv8.2-a+fp16+rcpc+dotprod+ssbs",
        ["cortex-a78"] = "armv8.2-a+fp16+rcpc+dotprod+profile+ssbs",
        ["cortex-a78ae"] = "armv8.2-a+fp16+rcpc+dotprod+profile+ssbs",
        ["cortex-a78c"] = "armv8.2-a+fp16+rcpc+dotprod+profile+ssbs+flagm+pauth",
        ["cortex-a65"] = "armv8.2-a+fp16+rcpc+dotprod+ssbs", ["cortex-a65ae"] = "armv8.2-a+fp16+rcpc+dotprod+ssbs",
        ["cortex-x1"] = "armv8.2-a+fp16+rcpc+dotprod+profile+ssbs", ["ares"] = "armv8.2-a+fp16+rcpc+dotprod+profile",
        ["neoverse-n1"] = "armv8.2-a+fp16+rcpc+dotprod+profile", ["neoverse-e1"] = "armv8.2-a+fp16+rcpc+dotprod+ssbs",
        ["octeontx2"] = "armv8.2-a+crypto+profile", ["octeontx2t98"] = "armv8.2-a+crypto+profile",
        ["octeontx2t96"] = "armv8.2-a+crypto+profile", ["octeontx2t93"] = "armv8.2-a+crypto+profile",
        ["octeontx2f95"] = "armv8.2-a+crypto+profile", ["octeontx2f95n"] = "armv8.2-a+crypto+profile",
        ["octeontx2f95mm"] = "armv8.2-a+crypto+profile", ["a64fx"] = "armv8.2-a+sve",
        ["tsv110"] = "armv8.2-a+crypto+fp16", ["thunderx3t110"] = "armv8.3-a+crypto+rcpc+sha3+sm4+fp16fml",
        ["zeus"] = "armv8.4-a+rcpc+sve+profile+rng+ssbs+i8mm+bf16",
        ["neoverse-v1"] = "armv8.4-a+rcpc+sve+profile+rng+ssbs+i8mm+bf16",
        ["neoverse-512tvb"] = "armv8.4-a+rcpc+sve+profile+rng+ssbs+i8mm+bf16", ["saphira"] = "armv8.4-a+crypto+rcpc",
        ["cortex-a57.cortex-a53"] = "armv8-a+crc", ["cortex-a72.cortex-a53"] = "armv8-a+crc",
        ["cortex-a73.cortex-a35"] = "armv8-a+crc", ["cortex-a73.cortex-a53"] = "armv8-a+crc",
        ["cortex-a75.cortex-a55"] = "armv8.2-a+fp16+rcpc+dotprod",
        ["cortex-a76.cortex-a55"] = "armv8.2-a+fp16+rcpc+dotprod", ["cortex-r82"] = "armv8-r",
        ["cortex-a510"] = "armv9-a+memtag+sve2-bitperm+i8mm+bf16",
        ["cortex-a710"] = "armv9-a+memtag+sve2-bitperm+i8mm+bf16",
        ["cortex-x2"] = "armv9-a+memtag+sve2-bitperm+i8mm+bf16",
        ["neoverse-n2"] = "armv9-a+profile+rng+memtag+sve2-bitperm+i8mm+bf16",
        ["demeter"] = "armv9-a+profile+rng+memtag+sve2-bitperm+i8mm+bf16", ["generic"] = "armv8-a",
    };

    // gcc's thunderx3t110 has FP16FML without FP16 in its flags (the -march= it writes for gas brings FP16 with it);
    // its predefined macros follow the flags, which announce neither.
    private static readonly Dictionary<string, string> MacroArch = new(StringComparer.Ordinal)
    {
        ["thunderx3t110"] = "armv8.3-a+crypto+rcpc+sha3+sm4",
    };

    /// <summary>Every core gcc knows.</summary>
    public static IReadOnlyCollection<string> Names => Arch.Keys;

    /// <summary>The cores gcc knows and gas does not (gas refuses them in -mcpu= and .cpu).</summary>
    public static IEnumerable<string> OnlyGccNames => Arch.Keys.Where(c => GnuCpus.MarchFor(c) is null);

    /// <summary>The -march= gcc passes to gas for -mcpu=<paramref name="cpu"/> (with any "+ext" of it after); null
    /// for a core gcc does not know.</summary>
    public static string? MarchFor(string cpu) => Lookup(Arch, cpu);

    /// <summary>The -march= whose __ARM_* macros gcc predefines for -mcpu=<paramref name="cpu"/>: the one it hands gas,
    /// but for a core whose flags that string does not say exactly.</summary>
    public static string? MacroMarchFor(string cpu) => Lookup(MacroArch, cpu) ?? MarchFor(cpu);

    static string? Lookup(Dictionary<string, string> table, string cpu)
    {
        string[] parts = cpu.Split('+');
        if (!table.TryGetValue(parts[0], out var march)) return null;
        return parts.Length == 1 ? march : WithGccExtensions(march, parts[1..]);
    }

    // gcc applies a -mcpu= list to the core's own with its dependencies (+nosimd takes dotprod too, which gas's
    // +nosimd leaves), then writes gas the additions that remain followed by the removals.
    static string WithGccExtensions(string march, string[] extensions)
    {
        string[] core = march.Split('+');
        var adds = core[1..].ToList();
        var removes = new List<string>();
        foreach (string ext in extensions)
        {
            if (ext.StartsWith("no", StringComparison.Ordinal) && !ArchFeatures.KnownExtensions.Contains(ext))
            {
                string name = ext[2..];
                adds.RemoveAll(a => a == name || GccExtensions.DependsOn(a, name));
                if (!removes.Contains(name)) removes.Add(name);
            }
            else
            {
                removes.RemoveAll(r => r == ext || GccExtensions.DependsOn(ext, r));
                if (!adds.Contains(ext)) adds.Add(ext);
            }
        }
        return string.Join('+', adds.Prepend(core[0]).Concat(removes.Select(r => "no" + r)));
    }
}
