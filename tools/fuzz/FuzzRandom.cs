namespace A64Asm.Fuzz;

/// <summary>The random source of one case: seeded from (campaign seed, input index) alone, so any input regenerates.</summary>
public sealed class FuzzRandom(ulong seed, long index)
{
    readonly Random _random = new(unchecked((int)Mix(seed, (ulong)index)));

    // SplitMix64 finaliser: neighbouring indexes get unrelated streams.
    static ulong Mix(ulong seed, ulong index)
    {
        ulong z = seed * 0x9E3779B97F4A7C15UL + index + 0x632BE59BD9B4E019UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    public int Next(int maxExclusive) => _random.Next(maxExclusive);
    public int Next(int min, int maxExclusive) => _random.Next(min, maxExclusive);
    public bool Chance(double p) => _random.NextDouble() < p;
    public T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];
    public ulong NextU64() => (ulong)_random.NextInt64() ^ ((ulong)_random.Next(2) << 63);
    public void Fill(Span<byte> bytes) => _random.NextBytes(bytes);

    /// <summary>Small counts mostly, now and then a large one: most inputs stay fast, a few probe the limits.</summary>
    public int Count(int usual, int rare) => Chance(0.05) ? Next(rare + 1) : Next(usual + 1);

    /// <summary>Numbers where sizes, shifts and sign checks tend to break.</summary>
    public static readonly string[] InterestingNumbers =
    [
        "0", "1", "-1", "2", "3", "4", "7", "8", "12", "16", "31", "32", "63", "64", "65", "255", "256", "4095", "4096", "4097",
        "0x7fff", "0xffff", "0x10000", "0x7fffffff", "0x80000000", "0xffffffff", "0x100000000", "1<<30", "1<<31", "1<<32",
        "1<<40", "1<<62", "1<<63", "0x7fffffffffffffff", "0x8000000000000000", "0xffffffffffffffff", "18446744073709551616",
        "-9223372036854775808", "-0x80000000", "0x40000000", "1<<28", "(1<<28)+1", "0b101", "017", "'a", "1f", "2b",
    ];

    public string Number() => Chance(0.3) ? Pick(InterestingNumbers) : Next(Chance(0.5) ? 16 : 4096).ToString();
}
