namespace A64Asm.Assembler.Parsing;

/// <summary>The shift and extend operator names, which the grammar gives their own token (SHIFT).</summary>
public static class ShiftNames
{
    private static readonly HashSet<string> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        "lsl", "lsr", "asr", "ror", "msl",
        "uxtb", "uxth", "uxtw", "uxtx", "sxtb", "sxth", "sxtw", "sxtx",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> SpanLookup =
        Names.GetAlternateLookup<ReadOnlySpan<char>>();

    public static bool IsShiftOrExtend(string word) => word.Length is 3 or 4 && Names.Contains(word);

    // Every identifier is asked (register names among them): the first letter turns most away before the lookup.
    public static bool IsShiftOrExtend(ReadOnlySpan<char> word) =>
        word.Length is 3 or 4 && (word[0] | 0x20) is 'l' or 'a' or 'r' or 'm' or 'u' or 's' && SpanLookup.Contains(word);
}
