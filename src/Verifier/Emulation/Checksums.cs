namespace A64Asm.Verifier.Emulation;

/// <summary>
/// CRC32 and CRC32C as A64 computes them: bit-reflected, no initial or final inversion (software adds those), the
/// data's bytes taken lowest first.
/// </summary>
internal static class Checksums
{
    /// <summary>The reflected polynomials: ISO-HDLC (CRC32*) and Castagnoli (CRC32C*).</summary>
    public const uint Crc32Polynomial = 0xEDB8_8320, Crc32CPolynomial = 0x82F6_3B78;

    private static readonly uint[] Crc32Table = Table(Crc32Polynomial), Crc32CTable = Table(Crc32CPolynomial);

    /// <summary>The accumulator after the low <paramref name="bytes"/> bytes of <paramref name="data"/>.</summary>
    public static uint Crc(uint acc, ulong data, int bytes, bool castagnoli)
    {
        var table = castagnoli ? Crc32CTable : Crc32Table;
        for (int b = 0; b < bytes; b++, data >>= 8)
            acc = (acc >> 8) ^ table[(byte)(acc ^ data)];
        return acc;
    }

    private static uint[] Table(uint polynomial)
    {
        var t = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            uint c = n;
            for (int k = 0; k < 8; k++) c = (c & 1) != 0 ? (c >> 1) ^ polynomial : c >> 1;
            t[n] = c;
        }
        return t;
    }
}
