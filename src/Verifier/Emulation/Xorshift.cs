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
    // Native AOT targets a baseline x64 where 256-bit vectors are emulated in software (slower than scalar code):
    // there the four lanes run as two 128-bit halves, which writes the same bytes.
    public static void Fill(Span<byte> page, ulong seed, ulong index)
    {
        if (Vector256.IsHardwareAccelerated) Fill256(page, seed, index);
        else Fill128(page, seed, index);
    }

    /// <summary>The four xorshift64 lanes the stream interleaves, 8 bytes each per 32.</summary>
    internal static (ulong, ulong, ulong, ulong) Lanes(ulong seed, ulong index)
    {
        ulong s = Mix(seed, index);
        return (Next(ref s), Next(ref s), Next(ref s), Next(ref s));
    }

    /// <summary>
    /// The 8-byte word at <paramref name="offset"/> (a multiple of 8) of what <see cref="Fill"/> writes, without
    /// writing the rest: xorshift64 is linear over GF(2), so k steps are one 64×64 bit matrix, applied a byte at a
    /// time from tables made once per k.
    /// </summary>
    public static ulong WordAt(ulong seed, ulong index, int offset) => WordAt(Lanes(seed, index), offset);

    /// <summary><see cref="WordAt(ulong, ulong, int)"/> from the stream's <see cref="Lanes"/>, for several words of one stream.</summary>
    public static ulong WordAt(in (ulong, ulong, ulong, ulong) lanes, int offset)
    {
        ulong s = ((offset >> 3) & 3) switch { 0 => lanes.Item1, 1 => lanes.Item2, 2 => lanes.Item3, _ => lanes.Item4 };
        int steps = (offset >> 5) + 1;
        if (steps >= Jumps.Length) { for (int i = 0; i < steps; i++) Next(ref s); return s; }
        var table = Jumps[steps] ??= JumpTable(steps);
        ulong r = 0;
        for (int b = 0; b < 8; b++) r ^= table[(b << 8) | (int)((s >> (8 * b)) & 0xFF)];
        return r;
    }

    // Per step count k (up to a 4K frame's 128), 8 tables of 256: the image under k steps of each byte's bits.
    private static readonly ulong[]?[] Jumps = new ulong[PhysicalMemory.FrameSize / 32 + 1][];

    private static ulong[] JumpTable(int steps)
    {
        var column = new ulong[64];
        for (int bit = 0; bit < 64; bit++)
        {
            ulong v = 1UL << bit;
            for (int i = 0; i < steps; i++) { v ^= v << 13; v ^= v >> 7; v ^= v << 17; }
            column[bit] = v;
        }
        var table = new ulong[8 * 256];
        for (int b = 0; b < 8; b++)
            for (int v = 1; v < 256; v++)
                table[(b << 8) | v] = table[(b << 8) | (v & (v - 1))] ^ column[8 * b + System.Numerics.BitOperations.TrailingZeroCount(v)];
        return table;
    }

    internal static unsafe void Fill256(Span<byte> page, ulong seed, ulong index)
    {
        var (s0, s1, s2, s3) = Lanes(seed, index);
        var state = Vector256.Create(s0, s1, s2, s3);
        int n = page.Length / 32;
        fixed (byte* p = page)
        {
            var v = (Vector256<ulong>*)p;
            for (int i = 0; i < n; i++)
            {
                state ^= state << 13;
                state ^= state >>> 7;
                state ^= state << 17;
                v[i] = state;
            }
        }
    }

    internal static unsafe void Fill128(Span<byte> page, ulong seed, ulong index)
    {
        var (s0, s1, s2, s3) = Lanes(seed, index);
        var lo = Vector128.Create(s0, s1);
        var hi = Vector128.Create(s2, s3);
        int n = page.Length / 32;
        fixed (byte* p = page)
        {
            var v = (Vector128<ulong>*)p;
            for (int i = 0; i < n; i++)
            {
                lo ^= lo << 13; hi ^= hi << 13;
                lo ^= lo >>> 7; hi ^= hi >>> 7;
                lo ^= lo << 17; hi ^= hi << 17;
                v[2 * i] = lo;
                v[2 * i + 1] = hi;
            }
        }
    }
}
