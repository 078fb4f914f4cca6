using System.Collections.Concurrent;

namespace A64Asm.Assembler.Parsing;

/// <summary>Lower-cases mnemonics through a cache: a large input repeats a few dozen spellings a million times.</summary>
internal static class MnemonicCase
{
    private static readonly ConcurrentDictionary<string, string> Cache = new(StringComparer.Ordinal);

    public static string Lower(string mnemonic)
    {
        foreach (char c in mnemonic)
            if (c is >= 'A' and <= 'Z')
                return Cache.GetOrAdd(mnemonic, m => m.ToLowerInvariant());
        return mnemonic;
    }
}
