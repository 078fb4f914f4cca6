namespace A64Asm.Verifier.Emulation;

/// <summary>
/// BFloat16: the upper half of a single. BFCVT rounds as FPCR says (nearest even); BFDOT and BFMMLA ignore FPCR and
/// use their own mode, as the Arm ARM (without FEAT_EBF16) and qemu 7.2 have it: each product and sum rounded to odd
/// (overflowing to infinity only past the exponent range), denormal inputs and results flushed to zero (tininess
/// before rounding), any NaN giving the default NaN. BFMLALB/T are ordinary single-precision fused multiply-adds.
/// </summary>
internal static partial class FloatingPoint
{
    /// <summary>BFCVT: single to bfloat16, to nearest even; a NaN quieted and truncated.</summary>
    public static ulong ToBFloat16(uint s)
    {
        if (IsNaN(s, FpSize.S)) return (Quiet(s, FpSize.S) >> 16) & 0xFFFF;
        return ((s + 0x7FFFu + ((s >> 16) & 1)) >> 16) & 0xFFFF;
    }

    /// <summary>BFDotAdd: sum + e1.lo * e2.lo + e1.hi * e2.hi, the products added first, in the BFDOT mode.</summary>
    public static uint BFloat16DotAdd(uint sum, uint e1, uint e2)
    {
        uint low = BfMul(e1 << 16, e2 << 16), high = BfMul(e1 & 0xFFFF_0000u, e2 & 0xFFFF_0000u);
        return BfAdd(sum, BfAdd(low, high));
    }

    private static uint FlushInput(uint v) => IsDenormal32(v) ? v & 0x8000_0000u : v;

    private static bool IsDenormal32(uint v) => (v & 0x7F80_0000u) == 0 && (v & 0x007F_FFFFu) != 0;

    private static uint BfMul(uint a, uint b)
    {
        a = FlushInput(a);
        b = FlushInput(b);
        if (IsNaN(a, FpSize.S) || IsNaN(b, FpSize.S)) return (uint)DefaultNaN(FpSize.S);
        if ((IsInfinite(a, FpSize.S) && IsZero(b, FpSize.S)) || (IsZero(a, FpSize.S) && IsInfinite(b, FpSize.S))) return (uint)DefaultNaN(FpSize.S);
        return SingleRoundedToOdd((double)BitConverter.UInt32BitsToSingle(a) * BitConverter.UInt32BitsToSingle(b));   // the product is exact
    }

    private static uint BfAdd(uint a, uint b)
    {
        a = FlushInput(a);
        b = FlushInput(b);
        if (IsNaN(a, FpSize.S) || IsNaN(b, FpSize.S)) return (uint)DefaultNaN(FpSize.S);
        if (IsInfinite(a, FpSize.S) && IsInfinite(b, FpSize.S) && ((a ^ b) >> 31) != 0) return (uint)DefaultNaN(FpSize.S);
        return SingleRoundedToOdd(SumRoundedToOdd(BitConverter.UInt32BitsToSingle(a), BitConverter.UInt32BitsToSingle(b)));
    }

    /// <summary>
    /// A double (exact, or already rounded to odd) to single rounded to odd: a tiny result is flushed to zero, one of
    /// 2^128 or more is infinite, any other inexact one is truncated with its last bit set (so up to 2^128 it stays finite).
    /// </summary>
    private static uint SingleRoundedToOdd(double d)
    {
        if (double.IsInfinity(d)) return d > 0 ? 0x7F80_0000u : 0xFF80_0000u;
        double magnitude = Math.Abs(d);
        uint sign = d < 0 || (d == 0 && double.IsNegative(d)) ? 0x8000_0000u : 0;
        if (magnitude < Math.ScaleB(1.0, -126)) return sign;
        if (magnitude >= Math.ScaleB(1.0, 128)) return sign | 0x7F80_0000u;
        float f = (float)magnitude;
        uint bits = BitConverter.SingleToUInt32Bits(f);
        if (f == magnitude) return sign | bits;
        if (float.IsInfinity(f) || f > magnitude) bits--;   // truncated: below 2^128 that is at most the largest finite
        return sign | bits | 1;
    }
}
