using System.Globalization;
using A64Asm.Cli.Output;

namespace A64Asm.Cli.Commands;

/// <summary>
/// Reads option values that are numbers or one of a few words, with the one-line message GNU tools give:
/// <c>--pages: 'abc' is not a number (1 to 1048576)</c>, <c>--caches: 'maybe' is not on or off</c>. Options are
/// declared as text and read here, so System.CommandLine never words a type error of its own.
/// </summary>
public static class OptionValues
{
    /// <summary>A decimal number (or 0x hex) in [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public static ulong Number(string option, string text, ulong min, ulong max)
    {
        string t = text.Trim();
        bool hex = t.StartsWith("0x", StringComparison.OrdinalIgnoreCase);
        ulong v = 0;
        bool ok = t.Length > 0 && (hex
            ? ulong.TryParse(t.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out v)
            : ulong.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out v));
        if (!ok || v < min || v > max)
            throw new UsageError($"{option}: '{text}' is not a number ({min} to {max})");
        return v;
    }

    /// <summary>A size in bytes: a number with an optional K, M or G (binary multiples), in [<paramref name="min"/>,
    /// <paramref name="max"/>] bytes.</summary>
    public static long Size(string option, string text, long min, long max)
    {
        string t = text.Trim();
        int shift = t.Length == 0 ? 0 : char.ToUpperInvariant(t[^1]) switch { 'K' => 10, 'M' => 20, 'G' => 30, _ => 0 };
        string digits = shift == 0 ? t : t[..^1];
        bool ok = long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out long v) && v <= max >> shift;
        v <<= shift;
        if (!ok || v < min || v > max)
            throw new UsageError($"{option}: '{text}' is not a size ({min} to {max} bytes; K, M and G multiply by 1024, 1024², 1024³)");
        return v;
    }

    /// <summary>One of <paramref name="words"/> (compared without case), returned as listed.</summary>
    public static string OneOf(string option, string text, params string[] words)
    {
        foreach (var w in words)
            if (string.Equals(w, text.Trim(), StringComparison.OrdinalIgnoreCase))
                return w;
        throw new UsageError($"{option}: '{text}' is not {Alternatives(words)}");
    }

    /// <summary>"a or b", "a, b or c".</summary>
    public static string Alternatives(IReadOnlyList<string> words) =>
        words.Count == 1 ? words[0] : $"{string.Join(", ", words.Take(words.Count - 1))} or {words[^1]}";
}
