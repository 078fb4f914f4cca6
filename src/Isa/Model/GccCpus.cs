namespace A64Asm.Isa;

/// <summary>
/// The cores gcc 12 knows for -mcpu= and GNU as 2.40 does not (gas refuses them on its command line and in .cpu).
/// gcc does not hand -mcpu to gas: it turns the core into the -march= of its own core table (an architecture and
/// the extensions the core adds, the big.LITTLE pairs that of their first core) and passes that, so a64asm, taking
/// gcc's -mcpu, selects what that -march selects. Read off <c>aarch64-linux-gnu-gcc -mcpu=NAME -### -c x.s</c>;
/// checked against gcc (ArchFeatureOracleTests).
/// </summary>
public static class GccCpus
{
    private static readonly Dictionary<string, string> Arch = new(StringComparer.Ordinal)
    {
        ["thunderxt88p1"] = "armv8-a+crypto+crc", ["thunderxt88"] = "armv8-a+crypto+crc",
        ["thunderxt81"] = "armv8-a+crypto+crc", ["thunderxt83"] = "armv8-a+crypto+crc",
        ["octeontx"] = "armv8-a+crypto+crc", ["octeontx81"] = "armv8-a+crypto+crc", ["octeontx83"] = "armv8-a+crypto+crc",
        ["emag"] = "armv8-a+crypto+crc", ["phecda"] = "armv8-a+crypto+crc",
        ["ampere1"] = "armv8.6-a",
        ["thunderx2t99p1"] = "armv8.1-a+crypto", ["thunderx2t99"] = "armv8.1-a+crypto",
        ["octeontx2"] = "armv8.2-a+crypto+profile", ["octeontx2t98"] = "armv8.2-a+crypto+profile",
        ["octeontx2t96"] = "armv8.2-a+crypto+profile", ["octeontx2t93"] = "armv8.2-a+crypto+profile",
        ["octeontx2f95"] = "armv8.2-a+crypto+profile", ["octeontx2f95n"] = "armv8.2-a+crypto+profile",
        ["octeontx2f95mm"] = "armv8.2-a+crypto+profile",
        ["a64fx"] = "armv8.2-a+sve", ["tsv110"] = "armv8.2-a+crypto+fp16",
        ["thunderx3t110"] = "armv8.3-a+crypto+rcpc+sha3+sm4+fp16fml",
        ["zeus"] = "armv8.4-a+rcpc+sve+profile+rng+ssbs+i8mm+bf16",
        ["neoverse-512tvb"] = "armv8.4-a+rcpc+sve+profile+rng+ssbs+i8mm+bf16",
        ["demeter"] = "armv9-a+profile+rng+memtag+sve2-bitperm+i8mm+bf16",
        ["cortex-a57.cortex-a53"] = "armv8-a+crc", ["cortex-a72.cortex-a53"] = "armv8-a+crc",
        ["cortex-a73.cortex-a35"] = "armv8-a+crc", ["cortex-a73.cortex-a53"] = "armv8-a+crc",
        ["cortex-a75.cortex-a55"] = "armv8.2-a+fp16+rcpc+dotprod", ["cortex-a76.cortex-a55"] = "armv8.2-a+fp16+rcpc+dotprod",
    };

    /// <summary>The cores only gcc knows.</summary>
    public static IReadOnlyCollection<string> Names => Arch.Keys;

    /// <summary>The -march= gcc passes to gas for -mcpu=<paramref name="cpu"/> (with any "+ext" of it after), for a
    /// core only gcc knows; null otherwise.</summary>
    public static string? MarchFor(string cpu)
    {
        string[] parts = cpu.Split('+', 2);
        if (!Arch.TryGetValue(parts[0], out var march)) return null;
        return parts.Length == 1 ? march : march + "+" + parts[1];
    }

    /// <summary>What the driver's -mcpu= selects: a core gas knows as gas reads it (GnuCpus), else gcc's -march.</summary>
    public static string? DriverMarchFor(string cpu) => GnuCpus.MarchFor(cpu) ?? MarchFor(cpu);
}
