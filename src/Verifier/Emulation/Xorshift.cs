using System.Runtime.Intrinsics;

namespace A64Asm.Verifier.Emulation;

/// <summary>
/// Seeded page contents, generated fast: four xorshift64 streams advanced together in one 256-bit vector, so
/// filling a gigabyte of source pages is bound by memory bandwidth rather than by the generator.
/// </summary>
internal static class Xorshift
{
    public static ulong Next(ref ulong state)
    {
        ulong x = state;
        x ^= x << 13; x ^= x >> 7; x ^= x << 17;
        return state = x;
    }

    /// <summary>SplitMix64: turns (seed, index) into an independent nonzero stream seed.</summary>
    public static ulong Mix(ulong seed, ulong index)
    {
        ulong z = seed + 0x9E3779B97F4A7C15UL * (index + 1);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        z ^= z >> 31;
        return z == 0 ? 0x9E3779B97F4A7C15UL : z;
    }

    /// <summary>Fills <paramref name="page"/> (a multiple of 32 bytes) from the stream seeded by (seed, index).</summary>
    public static unsafe void Fill(Span<byte> page, ulong seed, ulong index)
    {
        ulong s = Mix(seed, index);
        var state = Vector256.Create(Next(ref s), Next(ref s), Next(ref s), Next(ref s));
        fixed (byte* p = page)
        {
            var v = (Vector256<ulong>*)p;
            int n = page.Length / 32;
            for (int i = 0; i < n; i++)
            {
                state ^= state << 13;
                state ^= state >>> 7;
                state ^= state << 17;
                v[i] = state;
            }
        }
    }
}
