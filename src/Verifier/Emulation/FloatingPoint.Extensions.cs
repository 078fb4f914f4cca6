namespace A64Asm.Verifier.Emulation;

/// <summary>
/// FJCVTZS (JavaScript's conversion), FRINT32/FRINT64 (round to an integral value that fits 32 or 64 bits) and the
/// FP16 fused multiply-add long (FMLAL/FMLSL), on register bits.
/// </summary>
internal static partial class FloatingPoint
{
    /// <summary>
    /// FJCVTZS: the double truncated toward zero, modulo 2^32; Z is set only when that is the exact value (not a NaN, an
    /// infinity, -0, an inexact or an out-of-range value).
    /// </summary>
    public static (uint Result, bool Exact) JavaScriptToInt32(ulong n)
    {
        if (IsNaN(n, FpSize.D) || IsInfinite(n, FpSize.D)) return (0, false);
        double v = BitConverter.UInt64BitsToDouble(n), t = Math.Truncate(v);
        bool exact = t == v && n != SignBit(FpSize.D) && t >= int.MinValue && t <= int.MaxValue;
        ulong bits = BitConverter.DoubleToUInt64Bits(t);
        uint low = 0;
        if (t != 0)
        {
            int shift = (int)((bits >> 52) & 0x7FF) - 1075;   // the integer is mantissa * 2^shift
            ulong mantissa = (bits & ((1UL << 52) - 1)) | (1UL << 52);
            low = shift >= 64 ? 0 : shift >= 0 ? (uint)(mantissa << shift) : (uint)(mantissa >> -shift);
            if (t < 0) low = 0u - low;
        }
        return (low, exact);
    }

    /// <summary>
    /// FRINT32Z/X, FRINT64Z/X: rounded (toward zero, or as FPCR says: nearest even), keeping a zero's sign; a NaN, an
    /// infinity or a result outside the signed <paramref name="bits"/>-bit range gives -2^(bits-1).
    /// </summary>
    public static ulong RoundToIntegralFitting(ulong n, FpSize p, FpRounding mode, int bits)
    {
        double limit = Math.ScaleB(1.0, bits - 1);
        if (IsNaN(n, p) || IsInfinite(n, p)) return FromDouble(-limit, p);
        double v = ToDouble(n, p), r = Round(v, mode);
        if (r >= limit || r < -limit) return FromDouble(-limit, p);
        return FromDouble(r == 0 ? double.CopySign(0, v) : r, p);
    }

    /// <summary>
    /// FMLAL/FMLSL: single-precision <paramref name="addend"/> plus the product of two halves, fused. The halves widen
    /// exactly; a NaN is chosen among the three as ever (signalling first) and widened, quieted.
    /// </summary>
    public static ulong MulAddLong(ulong addend, ulong n, ulong m)
    {
        Span<(ulong Bits, FpSize Size)> ops = [(addend, FpSize.S), (n, FpSize.H), (m, FpSize.H)];
        foreach (var (bits, size) in ops)
            if (IsSignalling(bits, size)) return Convert(bits, size, FpSize.S);
        bool infTimesZero = (IsInfinite(n, FpSize.H) && IsZero(m, FpSize.H)) || (IsZero(n, FpSize.H) && IsInfinite(m, FpSize.H));
        if (IsNaN(addend, FpSize.S)) return infTimesZero ? DefaultNaN(FpSize.S) : addend;
        foreach (var (bits, size) in ops[1..])
            if (IsNaN(bits, size)) return Convert(bits, size, FpSize.S);
        return MulAdd(addend, Convert(n, FpSize.H, FpSize.S), Convert(m, FpSize.H, FpSize.S), FpSize.S);
    }
}
