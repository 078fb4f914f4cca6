namespace A64Asm.Isa;

/// <summary>
/// The cores GNU as 2.40 knows for -mcpu= and .cpu, each as the -march= value that selects the same instructions
/// (GNU's table lists a base architecture and the extensions the core adds). GNU prefers -mcpu to -march when both
/// are given. Checked against GNU as over every mc vector (ArchFeatureOracleTests).
/// </summary>
public static class GnuCpus
{
    private static readonly Dictionary<string, string> Arch = new(StringComparer.Ordinal)
    {
        ["all"] = "all", ["generic"] = "armv8-a", ["xgene1"] = "armv8-a", ["xgene-1"] = "armv8-a",
        ["xgene2"] = "armv8-a+crc",
        ["cortex-a34"] = "armv8-a+crc", ["cortex-a35"] = "armv8-a+crc", ["cortex-a53"] = "armv8-a+crc",
        ["cortex-a57"] = "armv8-a+crc", ["cortex-a72"] = "armv8-a+crc", ["cortex-a73"] = "armv8-a+crc",
        ["cortex-a55"] = "armv8.2-a+rcpc+fp16+dotprod", ["cortex-a75"] = "armv8.2-a+rcpc+fp16+dotprod",
        ["cortex-a76"] = "armv8.2-a+rcpc+fp16+dotprod",
        ["cortex-a76ae"] = "armv8.2-a+rcpc+fp16+dotprod+ssbs", ["cortex-a77"] = "armv8.2-a+rcpc+fp16+dotprod+ssbs",
        ["cortex-a65"] = "armv8.2-a+rcpc+fp16+dotprod+ssbs", ["cortex-a65ae"] = "armv8.2-a+rcpc+fp16+dotprod+ssbs",
        ["neoverse-e1"] = "armv8.2-a+rcpc+fp16+dotprod+ssbs",
        ["cortex-a78"] = "armv8.2-a+rcpc+fp16+dotprod+ssbs+profile", ["cortex-a78ae"] = "armv8.2-a+rcpc+fp16+dotprod+ssbs+profile",
        ["cortex-x1"] = "armv8.2-a+rcpc+fp16+dotprod+ssbs+profile",
        ["cortex-a78c"] = "armv8.2-a+rcpc+fp16+dotprod+ssbs+profile+flagm+pauth",
        ["ares"] = "armv8.2-a+rcpc+fp16+dotprod+profile", ["neoverse-n1"] = "armv8.2-a+rcpc+fp16+dotprod+profile",
        ["cortex-a510"] = "armv9-a+bf16+i8mm+memtag+sve2-bitperm", ["cortex-a710"] = "armv9-a+bf16+i8mm+memtag+sve2-bitperm",
        ["cortex-x2"] = "armv9-a+bf16+i8mm+memtag+sve2-bitperm",
        ["exynos-m1"] = "armv8-a+crc+crypto", ["thunderx"] = "armv8-a+crc+crypto",
        ["falkor"] = "armv8-a+crc+crypto+rdma", ["qdf24xx"] = "armv8-a+crc+crypto+rdma",
        ["neoverse-n2"] = "armv8.5-a+bf16+i8mm+fp16+sve+sve2+sve2-bitperm+memtag+rng",
        ["neoverse-v1"] = "armv8.4-a+profile+sve+ssbs+rng+fp16+bf16+i8mm+cvadp",
        ["saphira"] = "armv8.4-a+crypto+profile", ["vulcan"] = "armv8.1-a+crypto",
        ["cortex-r82"] = "armv8-r",
    };

    /// <summary>The cores GNU as knows (gcc knows more: GccCpus).</summary>
    public static IReadOnlyCollection<string> Names => Arch.Keys;

    /// <summary>The -march= value for a core GNU knows, with any "+ext" of the -mcpu= value after it; null otherwise.</summary>
    public static string? MarchFor(string cpu)
    {
        string[] parts = cpu.Split('+', 2);
        if (!Arch.TryGetValue(parts[0], out var march)) return null;
        return parts.Length == 1 ? march : march + "+" + parts[1];
    }
}
