namespace A64Asm.Verifier.Emulation;

/// <summary>
/// The byte substitutions and field arithmetic of the AES and SM4 instructions, computed once from their
/// definitions (a multiplicative inverse in GF(2^8) between two affine maps) rather than typed in as tables.
/// </summary>
internal static class CryptoTables
{
    /// <summary>AES SubBytes and its inverse (field polynomial x^8+x^4+x^3+x+1).</summary>
    public static readonly byte[] AesSbox = new byte[256], AesInverseSbox = new byte[256];

    /// <summary>SM4's S-box (field polynomial x^8+x^7+x^6+x^5+x^4+x^2+1, affine map 0xD3 both sides).</summary>
    public static readonly byte[] Sm4Sbox = new byte[256];

    static CryptoTables()
    {
        for (int x = 0; x < 256; x++)
        {
            byte s = AesAffine(Inverse((byte)x, 0x11B));
            AesSbox[x] = s;
            AesInverseSbox[s] = (byte)x;
            Sm4Sbox[x] = Sm4Affine(Inverse(Sm4Affine((byte)x), 0x1F5));
        }
    }

    /// <summary>a * b in GF(2^8) reduced by <paramref name="poly"/> (the 9-bit polynomial).</summary>
    public static byte Multiply(byte a, byte b, int poly = 0x11B)
    {
        int r = 0, x = a;
        for (int y = b; y != 0; y >>= 1)
        {
            if ((y & 1) != 0) r ^= x;
            x <<= 1;
            if ((x & 0x100) != 0) x ^= poly;
        }
        return (byte)r;
    }

    /// <summary>The multiplicative inverse, 0 for 0: x^254 by square-and-multiply.</summary>
    private static byte Inverse(byte x, int poly)
    {
        byte result = 1, power = x;
        for (int e = 254; e != 0; e >>= 1)
        {
            if ((e & 1) != 0) result = Multiply(result, power, poly);
            power = Multiply(power, power, poly);
        }
        return x == 0 ? (byte)0 : result;
    }

    private static byte Rol8(int x, int n) => (byte)((x << n) | (x >> (8 - n)));

    /// <summary>AES's affine map: b ^ rol(b,1) ^ rol(b,2) ^ rol(b,3) ^ rol(b,4) ^ 0x63.</summary>
    private static byte AesAffine(byte b) => (byte)(b ^ Rol8(b, 1) ^ Rol8(b, 2) ^ Rol8(b, 3) ^ Rol8(b, 4) ^ 0x63);

    /// <summary>SM4's affine map: output bit 7-i is the parity of x and 0xD3 rotated right by i, then xor 0xD3.</summary>
    private static byte Sm4Affine(byte x)
    {
        int r = 0;
        for (int i = 0; i < 8; i++)
        {
            int row = ((0xD3 >> i) | (0xD3 << (8 - i))) & 0xFF;
            r |= (System.Numerics.BitOperations.PopCount((uint)(row & x)) & 1) << (7 - i);
        }
        return (byte)(r ^ 0xD3);
    }
}
