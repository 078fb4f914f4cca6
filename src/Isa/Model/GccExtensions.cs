namespace A64Asm.Isa;

/// <summary>
/// gcc 12's dependencies between the "+ext" names of -march= and -mcpu=: +name brings what it needs, and +noname of
/// any of those takes name away. gas has its own, looser ones (ArchFeatures: gas's +nosimd leaves dotprod), which is
/// why gcc's reading of a -mcpu= list is resolved here before gas sees it, as gcc does.
/// </summary>
public static class GccExtensions
{
    public static IReadOnlyDictionary<string, string[]> Needs { get; } = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["simd"] = ["fp"], ["jcvt"] = ["fp"], ["frint"] = ["fp"], ["fp16"] = ["fp"], ["complex"] = ["simd"],
        ["dotprod"] = ["simd"], ["rdma"] = ["simd"], ["bf16"] = ["simd"], ["i8mm"] = ["simd"], ["aes"] = ["simd"],
        ["sha2"] = ["simd"], ["sha3"] = ["sha2"], ["sm4"] = ["simd"], ["crypto"] = ["aes", "sha2"],
        ["fp16fml"] = ["fp16"], ["sve"] = ["simd", "fp16"], ["sve2"] = ["sve"], ["sve2-bitperm"] = ["sve2"], ["f32mm"] = ["sve"], ["f64mm"] = ["sve"],
    };

    /// <summary>Whether gcc's <paramref name="extension"/> needs <paramref name="other"/>, directly or through others.</summary>
    public static bool DependsOn(string extension, string other) =>
        Needs.TryGetValue(extension, out var needs) && needs.Any(n => n == other || DependsOn(n, other));
}
