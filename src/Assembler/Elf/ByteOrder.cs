namespace A64Asm.Assembler.Elf;

/// <summary>The target's data order (little-endian, or big-endian for -EB), for section data and ELF fields alike.</summary>
internal static class ByteOrder
{
    /// <summary>The low bytes of <paramref name="value"/> as a number of the span's length.</summary>
    public static void Write(Span<byte> at, ulong value, bool bigEndian)
    {
        for (int i = 0; i < at.Length; i++)
            at[bigEndian ? at.Length - 1 - i : i] = (byte)(value >> (8 * i));
    }
}
