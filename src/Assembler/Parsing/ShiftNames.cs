namespace A64Asm.Assembler.Parsing;

/// <summary>The shift and extend operator names, which the grammar gives their own token (SHIFT).</summary>
public static class ShiftNames
{
    private static readonly HashSet<string> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        "lsl", "lsr", "asr", "ror", "msl",
        "uxtb", "uxth", "uxtw", "uxtx", "sxtb", "sxth", "sxtw", "sxtx",
    };

    public static bool IsShiftOrExtend(string word) => word.Length is 3 or 4 && Names.Contains(word);
}
