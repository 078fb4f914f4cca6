using System.Numerics;

namespace A64Asm.Isa.Encoding;

/// <summary>The logical-immediate encoding: a rotated run of ones, replicated in elements of 2..64 bits.</summary>
public static class BitmaskImmediate
{
    /// <summary>Finds N:immr:imms for <paramref name="value"/> at the given register width (32 or 64).</summary>
    public static bool TryEncode(ulong value, int regSize, out uint n, out uint immr, out uint imms)
    {
        n = immr = imms = 0;
        if (regSize == 32)
        {
            if ((value >> 32) != 0 && (value >> 32) != 0xffff_ffff) return false;
            value = (value & 0xffff_ffff) | (value << 32);
        }
        if (value == 0 || value == ulong.MaxValue) return false;
        // Smallest element size whose replication gives the value.
        int size = 64;
        while (size > 2)
        {
            int half = size / 2;
            ulong mask = (1UL << half) - 1;
            if ((value & mask) != ((value >> half) & mask)) break;
            size = half;
        }
        ulong elemMask = size == 64 ? ulong.MaxValue : (1UL << size) - 1;
        ulong elem = value & elemMask;
        int ones = BitOperations.PopCount(elem);
        // Rotate right until the run of ones sits at bit 0: that rotation is immr's inverse.
        for (int r = 0; r < size; r++)
        {
            ulong rotated = RotateRight(elem, r, size);
            if (rotated == (1UL << ones) - 1)
            {
                immr = (uint)((size - r) % size);
                uint sizeBits = size switch { 64 => 0b1000000u, 32 => 0b000000u, 16 => 0b100000u, 8 => 0b110000u, 4 => 0b111000u, _ => 0b111100u };
                // imms high bits pick the element size (NOT of size-1 prefix), low bits hold ones-1.
                n = size == 64 ? 1u : 0u;
                imms = (sizeBits & 0b111111) | (uint)(ones - 1);
                return true;
            }
        }
        return false;
    }

    static ulong RotateRight(ulong v, int r, int size)
    {
        if (r == 0) return v;
        ulong mask = size == 64 ? ulong.MaxValue : (1UL << size) - 1;
        return ((v >> r) | (v << (size - r))) & mask;
    }

    /// <summary>DecodeBitMasks for a logical immediate; false for the reserved encodings.</summary>
    public static bool TryDecode(uint n, uint immr, uint imms, int regSize, out ulong value)
    {
        value = 0;
        uint combined = (n << 6) | (~imms & 0x3f);
        if (combined == 0) return false;
        int len = 31 - BitOperations.LeadingZeroCount(combined);
        if (len < 1) return false;
        int size = 1 << len;
        if (size > regSize) return false;
        uint levels = (uint)(size - 1);
        uint s = imms & levels, r = immr & levels;
        if (s == levels) return false;
        ulong elem = RotateRight((1UL << (int)(s + 1)) - 1, (int)r, size);
        for (int i = 0; i < 64; i += size) value |= elem << i;
        if (regSize == 32) value &= 0xffff_ffff;
        return true;
    }
}
