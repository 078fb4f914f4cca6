namespace A64Asm.Verifier.Emulation;

/// <summary>
/// The AdvSIMD floating-point operations beyond IEEE's: FMULX, the Newton-Raphson steps FRECPS/FRSQRTS, FRECPX,
/// compares to a mask, round-to-odd narrowing (FCVTXN) and the fixed-point conversions.
/// </summary>
internal static partial class FloatingPoint
{
    private static bool IsInfinite(ulong v, FpSize p) => (v & ~SignBit(p)) == ExponentMask(p);
    private static bool IsZero(ulong v, FpSize p) => (v & ~SignBit(p)) == 0;

    /// <summary>FMULX: FMUL, except that infinity times zero is 2.0 with the product's sign.</summary>
    public static ulong MulX(ulong n, ulong m, FpSize p)
    {
        if (PropagateNaN(p, out ulong nan, n, m)) return nan;
        if ((IsInfinite(n, p) && IsZero(m, p)) || (IsZero(n, p) && IsInfinite(m, p)))
            return FromDouble(2.0, p) | ((n ^ m) & SignBit(p));
        return Apply(Binary.Mul, n, m, p);
    }

    /// <summary>
    /// FRECPS (2 - n*m) and FRSQRTS ((3 - n*m) / 2), fused: one rounding. Vn is negated before its NaN is chosen, as the
    /// Arm ARM's FPRecipStepFused does; infinity times zero gives 2.0 or 1.5.
    /// </summary>
    public static ulong Step(ulong n, ulong m, FpSize p, bool reciprocalSqrt)
    {
        n = Negate(n, p);
        if (PropagateNaN(p, out ulong nan, n, m)) return nan;
        if ((IsInfinite(n, p) && IsZero(m, p)) || (IsZero(n, p) && IsInfinite(m, p)))
            return FromDouble(reciprocalSqrt ? 1.5 : 2.0, p);
        if (!reciprocalSqrt) return MulAdd(FromDouble(2.0, p), n, m, p);
        // Halve Vn first where that is exact (a biased exponent of 2 or more), so a product past the largest finite value
        // does not overflow before the halving; a smaller Vn cannot make the product overflow.
        if ((n & ExponentMask(p)) >> FractionBits(p) >= 2)
            return MulAdd(FromDouble(1.5, p), FromDouble(ToDouble(n, p) / 2, p), m, p);
        return FromDouble(ToDouble(MulAdd(FromDouble(3.0, p), n, m, p), p) / 2, p);
    }

    /// <summary>FRECPX: the exponent inverted (0 and denormals get the largest normal exponent), fraction cleared.</summary>
    public static ulong RecipExponent(ulong n, FpSize p)
    {
        if (PropagateNaN(p, out ulong nan, n, 0, count: 1)) return nan;
        ulong exponent = n & ExponentMask(p);
        ulong inverted = exponent == 0 ? ExponentMask(p) - (1UL << FractionBits(p)) : ~exponent & ExponentMask(p);
        return (n & SignBit(p)) | inverted;
    }

    public enum Comparison : byte { Eq, Ge, Gt, AbsGe, AbsGt, Le, Lt }

    /// <summary>FCMEQ/FCMGE/FCMGT/FACGE/FACGT and the compares with zero: all ones when it holds; false for any NaN.</summary>
    public static bool Holds(Comparison c, ulong n, ulong m, FpSize p)
    {
        if (IsNaN(n, p) || IsNaN(m, p)) return false;
        double a = ToDouble(n, p), b = ToDouble(m, p);
        return c switch
        {
            Comparison.Eq => a == b,
            Comparison.Ge => a >= b,
            Comparison.Gt => a > b,
            Comparison.AbsGe => Math.Abs(a) >= Math.Abs(b),
            Comparison.AbsGt => Math.Abs(a) > Math.Abs(b),
            Comparison.Le => a <= b,
            _ => a < b,
        };
    }

    /// <summary>
    /// FCVTXN: double to single rounded to odd (an inexact result has its last bit set, and overflow gives the largest
    /// finite value), so a later rounding to a narrower format is not a double rounding.
    /// </summary>
    public static ulong ToSingleRoundedToOdd(ulong n)
    {
        if (IsNaN(n, FpSize.D)) return Convert(n, FpSize.D, FpSize.S);
        double v = BitConverter.UInt64BitsToDouble(n);
        float f = (float)v;
        if (f == v) return BitConverter.SingleToUInt32Bits(f);
        uint bits = BitConverter.SingleToUInt32Bits(f);
        if (float.IsInfinity(f)) bits = (bits & 0x8000_0000) | 0x7F7F_FFFF;
        else if (Math.Abs((double)f) > Math.Abs(v)) bits--;   // the magnitude truncated, never past zero (|f| > |v| >= 0)
        return bits | 1;
    }

    /// <summary>FCVTZS/FCVTZU (fixed point) and the other FCVT* of AdvSIMD: n * 2^fbits rounded, saturated, NaN to zero.</summary>
    /// <remarks>A 16-bit result (the FP16 forms' own element) saturates to 16 bits: within 32, so clamping the 32-bit result is the same.</remarks>
    public static ulong ToFixed(ulong n, FpSize p, int fbits, FpRounding mode, bool signed, bool to64, bool to16 = false)
    {
        if (IsNaN(n, p)) return 0;
        // Scaling by a power of two is exact; a D value scaled past the double range is infinite, which saturates the same.
        ulong r = RoundToInteger(Math.ScaleB(ToDouble(n, p), fbits), mode, signed, to64);
        if (!to16) return r;
        return signed ? (ulong)(ushort)(short)Math.Clamp((int)(uint)r, short.MinValue, short.MaxValue) : Math.Min(r, ushort.MaxValue);
    }

    /// <summary>SCVTF/UCVTF (fixed point): the integer rounded once to the size, then divided by 2^fbits (exact: the result is normal).</summary>
    public static ulong FromFixed(ulong v, bool signed, FpSize p, int fbits)
    {
        // Half precision: a scaled result can be denormal, so the integer is scaled first and rounded once (from a double
        // rounded to odd, so a 64-bit integer's first rounding is not a second one).
        if (p == FpSize.H) return FromDouble(Math.ScaleB(IntegerRoundedToOdd(v, signed), -fbits), p);
        ulong whole = FromInteger(v, signed, p);
        return fbits == 0 ? whole : FromDouble(Math.ScaleB(ToDouble(whole, p), -fbits), p);
    }

    /// <summary>A 64-bit integer as a double rounded to odd (exact up to 2^53).</summary>
    private static double IntegerRoundedToOdd(ulong v, bool signed)
    {
        Int128 exact = signed ? (long)v : v;
        double d = signed ? (long)v : (double)v;
        Int128 back = (Int128)d;
        if (back == exact || (BitConverter.DoubleToUInt64Bits(d) & 1) != 0) return d;
        return back < exact ? Math.BitIncrement(d) : Math.BitDecrement(d);
    }
}
