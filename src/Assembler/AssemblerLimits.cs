using A64Asm.Assembler.Diagnostics;

namespace A64Asm.Assembler;

/// <summary>
/// The --max-... options that raise (or lower) the assembler's limits on what one input may ask for. The command
/// line declares one option per entry; each error that hits a limit names its option.
/// </summary>
public static class AssemblerLimits
{
    /// <summary>One option: its name, what it is for, the range it accepts, and the setting it changes.</summary>
    public sealed record Limit(string Option, string Description, long Min, long Max, Action<AssemblerOptions, long> Apply);

    /// <summary>The object file is built in memory, one array: a section must stay well under 2 GiB.</summary>
    public const long MostSectionSize = 1L << 30;

    // Declared before All, which reads it while the class initializes.
    private static readonly AssemblerOptions Defaults = new();

    public static IReadOnlyList<Limit> All { get; } =
    [
        new("--max-section-size", $"Most bytes one section may hold, .bss included (default {AssemblerOptions.DefaultMaxSectionSize})",
            1, MostSectionSize, (o, v) => o.MaxSectionSize = v),
        new("--max-expansions", $"Most macro calls in one run (default {Defaults.MaxMacroCalls})",
            1, long.MaxValue, (o, v) => o.MaxMacroCalls = v),
        new("--max-expansion-lines", $"Most lines macro calls and .rept/.irp may expand to in the whole run (default {Defaults.MaxExpansionLines})",
            1, long.MaxValue, (o, v) => o.MaxExpansionLines = v),
        new("--max-rept", $"Largest .rept count (default {Defaults.MaxRepeatCount})",
            1, long.MaxValue, (o, v) => o.MaxRepeatCount = v),
        new("--max-line-length", $"Most characters in one line, as read or as a macro expands it (default {Defaults.MaxLineLength})",
            1, int.MaxValue, (o, v) => o.MaxLineLength = v),
        new("--max-errors", $"Errors reported before the run stops (default {AssemblerOptions.DefaultMaxErrors})",
            1, 1_000_000, (o, v) => o.MaxErrors = v),
    ];


    /// <summary>Sets <paramref name="limit"/> from its option's text: a number as gas reads it (decimal, 0x...),
    /// with an optional K, M or G suffix (powers of 1024).</summary>
    public static void Set(AssemblerOptions options, Limit limit, string text)
    {
        if (!TryParse(text.Trim(), out long value) || value < limit.Min || value > limit.Max)
            throw new AsmError(null, $"{limit.Option}: '{text}' is not a number ({limit.Min} to {limit.Max})");
        limit.Apply(options, value);
    }

    private static bool TryParse(string text, out long value)
    {
        value = 0;
        int shift = text.Length == 0 ? 0 : char.ToUpperInvariant(text[^1]) switch { 'K' => 10, 'M' => 20, 'G' => 30, _ => 0 };
        if (shift != 0) text = text[..^1];
        if (text.Length == 0 || !char.IsAsciiDigit(text[0]) || !Parsing.Literals.TryParseNumber(text, out long number))
            return false;
        if (number < 0 || number > long.MaxValue >> shift)
            return false;
        value = number << shift;
        return true;
    }
}
