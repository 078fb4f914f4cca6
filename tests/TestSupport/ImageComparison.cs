namespace A64Asm.TestSupport;

/// <summary>Byte-for-byte comparison of an image or section with GNU's, saying where they part.</summary>
public static class ImageComparison
{
    /// <summary>Null when equal; else the first differing offset with the word around it on both sides, or the sizes.</summary>
    public static string? FirstDifference(byte[] gnu, byte[] ours)
    {
        int n = Math.Min(gnu.Length, ours.Length);
        for (int i = 0; i < n; i++)
            if (gnu[i] != ours[i])
            {
                int w = i & ~3;
                string Word(byte[] b) => w + 4 <= b.Length ? BitConverter.ToUInt32(b, w).ToString("x8") : "--";
                return $"first difference at 0x{i:x}: word at 0x{w:x} is {Word(ours)} (a64asm), {Word(gnu)} (GNU)";
            }
        return gnu.Length == ours.Length ? null : $"sizes differ: {ours.Length} (a64asm) vs {gnu.Length} (GNU)";
    }

    public static void AssertSame(byte[] gnu, byte[] ours)
    {
        if (FirstDifference(gnu, ours) is { } difference) Assert.Fail(difference);
    }
}
