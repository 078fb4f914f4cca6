namespace A64Asm.Verifier.Emulation;

/// <summary>
/// FRECPE, FRSQRTE, URECPE, URSQRTE: the Arm ARM's 8-bit estimates (RecipEstimate, RecipSqrtEstimate), which are
/// integer computations defined bit for bit, with the special values around them (FPCR at reset: no flush to zero,
/// round to nearest, so a tiny operand's reciprocal overflows to infinity).
/// </summary>
internal static partial class FloatingPoint
{
    /// <summary>RecipEstimate: 256..511 in, 256..511 out.</summary>
    private static int RecipEstimate(int a)
    {
        a = a * 2 + 1;
        int b = (1 << 19) / a;
        return (b + 1) / 2;
    }

    /// <summary>RecipSqrtEstimate: 128..511 in (units of 1/512 below 256, 1/256 from 256), 256..511 out.</summary>
    private static int RecipSqrtEstimate(int a)
    {
        a = a < 256 ? a * 2 + 1 : ((a >> 1) << 1) * 2 + 2;
        int b = 512;
        while ((long)a * (b + 1) * (b + 1) < 1L << 28) b++;
        return (b + 1) / 2;
    }

    /// <summary>The biased exponent and the fraction widened to 52 bits (the top fraction bit at 51).</summary>
    private static (int Exponent, ulong Fraction) Unpacked(ulong n, FpSize p)
    {
        int f = FractionBits(p);
        return ((int)((n & ExponentMask(p)) >> f), (n & ((1UL << f) - 1)) << (52 - f));
    }

    private static ulong Packed(ulong sign, int exponent, ulong fraction, FpSize p) =>
        sign | ((ulong)exponent << FractionBits(p)) | (fraction >> (52 - FractionBits(p)));

    public static ulong ReciprocalEstimate(ulong n, FpSize p)
    {
        ulong sign = n & SignBit(p);
        if (PropagateNaN(p, out ulong nan, n, 0, count: 1)) return nan;
        if (IsInfinite(n, p)) return sign;
        if (IsZero(n, p)) return sign | ExponentMask(p);
        double tiny = p switch { FpSize.H => Math.ScaleB(1, -16), FpSize.S => Math.ScaleB(1, -128), _ => Math.ScaleB(1, -1024) };
        if (Math.Abs(ToDouble(n, p)) < tiny) return sign | ExponentMask(p);   // overflows, to infinity when rounding to nearest
        var (exponent, fraction) = Unpacked(n, p);
        if (exponent == 0)
        {
            if ((fraction >> 51 & 1) == 0) { exponent = -1; fraction = (fraction << 2) & ((1UL << 52) - 1); }
            else fraction = (fraction << 1) & ((1UL << 52) - 1);
        }
        int scaled = 256 | (int)(fraction >> 44 & 0xFF);
        int resultExponent = (p switch { FpSize.H => 29, FpSize.S => 253, _ => 2045 }) - exponent;
        fraction = (ulong)(RecipEstimate(scaled) & 0xFF) << 44;
        if (resultExponent == 0) fraction = (1UL << 51) | (fraction >> 1);
        else if (resultExponent == -1) { fraction = (1UL << 50) | (fraction >> 2); resultExponent = 0; }
        return Packed(sign, resultExponent, fraction, p);
    }

    public static ulong ReciprocalSqrtEstimate(ulong n, FpSize p)
    {
        ulong sign = n & SignBit(p);
        if (PropagateNaN(p, out ulong nan, n, 0, count: 1)) return nan;
        if (IsZero(n, p)) return sign | ExponentMask(p);
        if (sign != 0) return DefaultNaN(p);
        if (IsInfinite(n, p)) return 0;
        var (exponent, fraction) = Unpacked(n, p);
        if (exponent == 0)
        {
            while ((fraction >> 51 & 1) == 0) { fraction <<= 1; exponent--; }
            fraction = (fraction << 1) & ((1UL << 52) - 1);
        }
        int scaled = (exponent & 1) == 0 ? 256 | (int)(fraction >> 44 & 0xFF) : 128 | (int)(fraction >> 45 & 0x7F);
        int resultExponent = ((p switch { FpSize.H => 44, FpSize.S => 380, _ => 3068 }) - exponent) / 2;
        return Packed(0, resultExponent, (ulong)(RecipSqrtEstimate(scaled) & 0xFF) << 44, p);
    }

    /// <summary>URECPE: all ones below 0.5 (the top bit clear), else the estimate in the top nine bits.</summary>
    public static uint UnsignedReciprocalEstimate(uint a) =>
        (a & 0x8000_0000) == 0 ? uint.MaxValue : (uint)RecipEstimate((int)(a >> 23)) << 23;

    /// <summary>URSQRTE: all ones below 0.25 (the top two bits clear), else the estimate in the top nine bits.</summary>
    public static uint UnsignedReciprocalSqrtEstimate(uint a) =>
        (a & 0xC000_0000) == 0 ? uint.MaxValue : (uint)RecipSqrtEstimate((int)(a >> 23)) << 23;
}
