using System.Globalization;
using System.Numerics;

namespace A64Asm.Assembler.Layout;

/// <summary>
/// The x87 80-bit extended format GNU as writes for .dc.x and .dcb.x on AArch64: a 64-bit significand with its
/// integer bit explicit, then 15 bits of exponent (bias 16383) and the sign, 10 bytes in the data order. Decimal
/// text is converted exactly (big integers) and rounded to nearest even. Like GNU as, a value of 2^16384 or more is
/// refused, and below the normal range the significand counts steps of 2^-16446 (GNU's scale there, half the x87
/// one). GNU as 2.40 stops with an internal error on inf and nan here; they are written as x87 infinity and as all
/// ones below the sign (GNU's NaN for the other formats).
/// </summary>
internal static class ExtendedFloat
{
    private const int Bias = 16383;
    private const int MaxExponent = 0x7fff;
    private const int SubnormalScale = 16446;
    // Decimal exponents past these make numbers far outside the format; they are settled without big powers of ten.
    private const int DecimalCeiling = 4940, DecimalFloor = -4990;

    public static UInt128 Special(bool nan, bool negative) =>
        Pack(negative, MaxExponent, nan ? ulong.MaxValue : 1UL << 63);

    /// <param name="digits">Decimal digits with an optional point (at least one digit or "0").</param>
    /// <param name="exponent">"" or "e" followed by an optional sign and digits.</param>
    public static bool TryEncode(bool negative, string digits, string exponent, out UInt128 bits, out string error)
    {
        bits = 0;
        error = "";
        int point = digits.IndexOf('.');
        string whole = point < 0 ? digits : digits.Remove(point, 1);
        long scale = point < 0 ? 0 : -(digits.Length - point - 1);
        scale += ExponentValue(exponent);
        var value = BigInteger.Parse("0" + whole, NumberStyles.None, CultureInfo.InvariantCulture);
        if (value.IsZero)
        {
            bits = Pack(negative, 0, 0);
            return true;
        }
        long magnitude = scale + value.ToString(CultureInfo.InvariantCulture).Length;
        error = "cannot create floating-point number";
        if (magnitude is > DecimalCeiling or < DecimalFloor)
            return false;
        BigInteger numerator = scale >= 0 ? value * BigInteger.Pow(10, (int)scale) : value;
        BigInteger denominator = scale >= 0 ? BigInteger.One : BigInteger.Pow(10, (int)-scale);
        // GNU checks the binary exponent before it rounds: 2^16384 and up is refused, and so is anything under
        // 2^-16447 (half its smallest step), where other formats would give zero.
        long floorLog2 = FloorLog2(numerator, denominator);
        if (floorLog2 is >= Bias + 1 or < -SubnormalScale - 1)
            return false;
        error = "";
        // value = numerator / denominator; take 64 significant bits: q = numerator * 2^shift / denominator.
        long shift = 63 - ((long)numerator.GetBitLength() - (long)denominator.GetBitLength());
        BigInteger q = RoundedQuotient(numerator, denominator, shift);
        if (q.GetBitLength() > 64)
            q = RoundedQuotient(numerator, denominator, --shift);
        else if (q.GetBitLength() < 64)
            q = RoundedQuotient(numerator, denominator, ++shift);
        long unbiased = 63 - shift;
        if (q.GetBitLength() > 64)
        {
            q >>= 1;
            unbiased++;
        }
        if (unbiased >= Bias + 1)
        {
            // Only a rounding carry gets here: infinity.
            bits = Special(nan: false, negative);
            return true;
        }
        if (floorLog2 + Bias <= 0)
        {
            // Rounding up to 2^64 carries into the exponent field, leaving the integer bit clear (as GNU does).
            q = RoundedQuotient(numerator, denominator, SubnormalScale);
            bits = Pack(negative, 0, 0) | (UInt128)q;
            return true;
        }
        bits = Pack(negative, (int)(unbiased + Bias), (ulong)q);
        return true;
    }

    /// <summary>floor(log2(numerator / denominator)) for positive numbers.</summary>
    private static long FloorLog2(BigInteger numerator, BigInteger denominator)
    {
        long guess = (long)numerator.GetBitLength() - (long)denominator.GetBitLength();
        var (n, d) = guess >= 0 ? (numerator, denominator << (int)guess) : (numerator << (int)-guess, denominator);
        return n < d ? guess - 1 : guess;
    }

    /// <summary>numerator * 2^shift / denominator, rounded to nearest even.</summary>
    private static BigInteger RoundedQuotient(BigInteger numerator, BigInteger denominator, long shift)
    {
        if (shift >= 0) numerator <<= (int)shift;
        else denominator <<= (int)-shift;
        var q = BigInteger.DivRem(numerator, denominator, out var remainder);
        int half = (remainder * 2).CompareTo(denominator);
        if (half > 0 || (half == 0 && !q.IsEven)) q += 1;
        return q;
    }

    /// <summary>The decimal exponent of "e[+-]digits", saturated far beyond any the format could use.</summary>
    private static long ExponentValue(string exponent)
    {
        if (exponent.Length < 2) return 0;
        int i = 1;
        bool negative = exponent[i] == '-';
        if (exponent[i] is '+' or '-') i++;
        long value = 0;
        for (; i < exponent.Length; i++)
            value = Math.Min(value * 10 + (exponent[i] - '0'), 1_000_000);
        return negative ? -value : value;
    }

    private static UInt128 Pack(bool negative, int exponent, ulong significand) =>
        ((UInt128)(uint)((negative ? 0x8000 : 0) | exponent) << 64) | significand;
}
