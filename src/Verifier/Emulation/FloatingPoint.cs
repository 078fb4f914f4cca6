namespace A64Asm.Verifier.Emulation;

/// <summary>Half, single or double precision: the width of an FP register operand.</summary>
internal enum FpSize : byte { H = 2, S = 4, D = 8 }

internal enum FpRounding : byte { TiesToEven, PlusInfinity, MinusInfinity, Zero, TiesAway }

/// <summary>
/// A64 floating point on register bits, with FPCR at its reset value (round to nearest even, no flush to zero,
/// NaNs propagated, not trapped). The arithmetic is the host's IEEE arithmetic in double precision, rounded once to
/// the operand size (exact for +, -, *, /, sqrt of S and H operands, since 53 >= 2p + 2); what A64 defines its own
/// way is done here: which NaN an operation returns (the first signalling one quieted, else the first quiet one),
/// the default NaN (positive, quiet, zero payload) for invalid operations, and max/min of zeros and NaNs.
/// FPSR's cumulative exception flags are not modelled.
/// </summary>
internal static partial class FloatingPoint
{
    private static int FractionBits(FpSize p) => p switch { FpSize.H => 10, FpSize.S => 23, _ => 52 };
    private static ulong SignBit(FpSize p) => 1UL << (8 * (int)p - 1);
    private static ulong ExponentMask(FpSize p) => p switch { FpSize.H => 0x7C00, FpSize.S => 0x7F80_0000, _ => 0x7FF0_0000_0000_0000 };
    private static ulong QuietBit(FpSize p) => 1UL << (FractionBits(p) - 1);

    public static bool IsNaN(ulong v, FpSize p) => (v & ExponentMask(p)) == ExponentMask(p) && (v & ((1UL << FractionBits(p)) - 1)) != 0;
    public static bool IsSignalling(ulong v, FpSize p) => IsNaN(v, p) && (v & QuietBit(p)) == 0;
    public static ulong Quiet(ulong v, FpSize p) => v | QuietBit(p);
    public static ulong DefaultNaN(FpSize p) => ExponentMask(p) | QuietBit(p);
    public static ulong Negate(ulong v, FpSize p) => v ^ SignBit(p);
    public static ulong Abs(ulong v, FpSize p) => v & ~SignBit(p);

    public static double ToDouble(ulong v, FpSize p) => p switch
    {
        FpSize.H => (double)BitConverter.UInt16BitsToHalf((ushort)v),
        FpSize.S => BitConverter.UInt32BitsToSingle((uint)v),
        _ => BitConverter.UInt64BitsToDouble(v),
    };

    /// <summary>A double rounded (to nearest even) to the size; a NaN result is the default NaN.</summary>
    public static ulong FromDouble(double d, FpSize p)
    {
        if (double.IsNaN(d)) return DefaultNaN(p);
        return p switch
        {
            FpSize.H => BitConverter.HalfToUInt16Bits((Half)d),
            FpSize.S => BitConverter.SingleToUInt32Bits((float)d),
            _ => BitConverter.DoubleToUInt64Bits(d),
        };
    }

    /// <summary>FPProcessNaNs for up to three operands in A64's order: signalling ones first, then quiet ones.</summary>
    private static bool PropagateNaN(FpSize p, out ulong result, ulong a, ulong b, ulong c = 0, int count = 2)
    {
        Span<ulong> ops = [a, b, c];
        for (int k = 0; k < count; k++)
            if (IsSignalling(ops[k], p)) { result = Quiet(ops[k], p); return true; }
        for (int k = 0; k < count; k++)
            if (IsNaN(ops[k], p)) { result = ops[k]; return true; }
        result = 0;
        return false;
    }

    public enum Binary : byte { Add, Sub, Mul, Div, Max, Min, MaxNum, MinNum }

    public static ulong Apply(Binary op, ulong n, ulong m, FpSize p)
    {
        if (op is Binary.MaxNum or Binary.MinNum)
        {
            // One quiet NaN and a number: the number (two NaNs, or a signalling one, as any operation).
            bool qn = IsNaN(n, p) && !IsSignalling(n, p), qm = IsNaN(m, p) && !IsSignalling(m, p);
            if (qn && !IsNaN(m, p)) return m;
            if (qm && !IsNaN(n, p)) return n;
            op = op == Binary.MaxNum ? Binary.Max : Binary.Min;
        }
        if (PropagateNaN(p, out ulong nan, n, m)) return nan;
        double a = ToDouble(n, p), b = ToDouble(m, p);
        if (op is Binary.Max or Binary.Min)
        {
            if (a == b) // equal values, or zeros of either sign: +0 is the larger
                return op == Binary.Max ? n & m : n | m;
            return (op == Binary.Max) == (a > b) ? n : m;
        }
        return FromDouble(op switch { Binary.Add => a + b, Binary.Sub => a - b, Binary.Mul => a * b, _ => a / b }, p);
    }

    public static ulong Sqrt(ulong n, FpSize p) =>
        PropagateNaN(p, out ulong nan, n, 0, count: 1) ? nan : FromDouble(Math.Sqrt(ToDouble(n, p)), p);

    /// <summary>FMADD and its negated forms: addend + n * m, fused, after the negations the form asks for.</summary>
    public static ulong MulAdd(ulong a, ulong n, ulong m, FpSize p)
    {
        double x = ToDouble(n, p), y = ToDouble(m, p);
        bool infTimesZero = (double.IsInfinity(x) && y == 0) || (x == 0 && double.IsInfinity(y));
        if (PropagateNaN(p, out ulong nan, a, n, m, 3))
            return IsNaN(a, p) && !IsSignalling(a, p) && infTimesZero ? DefaultNaN(p) : nan;
        double z = ToDouble(a, p);
        return p switch
        {
            FpSize.S => FromDouble(MathF.FusedMultiplyAdd((float)x, (float)y, (float)z), p),
            FpSize.D => FromDouble(Math.FusedMultiplyAdd(x, y, z), p),
            _ => FromDouble(SumRoundedToOdd(x * y, z), p),   // the half-precision product is exact in a double
        };
    }

    /// <summary>
    /// x + z rounded to odd in double precision: an inexact sum keeps its last bit set, so rounding it again to a format
    /// at least two bits narrower (half precision) rounds the exact sum once. Knuth's two-sum gives the error.
    /// </summary>
    private static double SumRoundedToOdd(double x, double z)
    {
        double s = x + z;
        if (!double.IsFinite(s)) return s;
        double v = s - x;
        double error = (x - (s - v)) + (z - v);
        if (error == 0 || (BitConverter.DoubleToUInt64Bits(s) & 1) != 0) return s;
        return error > 0 ? Math.BitIncrement(s) : Math.BitDecrement(s);
    }

    /// <summary>FCMP/FCMPE: NZCV 0110 equal, 1000 less, 0010 greater, 0011 unordered.</summary>
    public static uint Compare(ulong n, ulong m, FpSize p)
    {
        if (IsNaN(n, p) || IsNaN(m, p)) return 0x3000_0000;
        double a = ToDouble(n, p), b = ToDouble(m, p);
        return a == b ? 0x6000_0000u : a < b ? 0x8000_0000u : 0x2000_0000u;
    }

    /// <summary>FRINT*: to an integral value in the same format, keeping the sign of a zero result.</summary>
    public static ulong RoundToIntegral(ulong n, FpSize p, FpRounding mode)
    {
        if (PropagateNaN(p, out ulong nan, n, 0, count: 1)) return nan;
        double v = ToDouble(n, p);
        double r = Round(v, mode);
        if (r == 0) r = double.CopySign(0, v);
        return FromDouble(r, p);
    }

    private static double Round(double v, FpRounding mode) => mode switch
    {
        FpRounding.TiesToEven => Math.Round(v, MidpointRounding.ToEven),
        FpRounding.PlusInfinity => Math.Ceiling(v),
        FpRounding.MinusInfinity => Math.Floor(v),
        FpRounding.Zero => Math.Truncate(v),
        _ => Math.Round(v, MidpointRounding.AwayFromZero),
    };

    /// <summary>FCVT* to a 32- or 64-bit integer: rounded as asked, saturated, NaN to zero.</summary>
    public static ulong ToInteger(ulong n, FpSize p, FpRounding mode, bool signed, bool to64)
    {
        if (IsNaN(n, p)) return 0;
        return RoundToInteger(ToDouble(n, p), mode, signed, to64);
    }

    /// <summary>A (not NaN) value rounded as asked and saturated to a 32- or 64-bit integer.</summary>
    private static ulong RoundToInteger(double value, FpRounding mode, bool signed, bool to64)
    {
        double r = Round(value, mode);
        ulong result;
        if (signed)
        {
            double lo = to64 ? -9223372036854775808.0 : int.MinValue, hi = to64 ? 9223372036854775808.0 : 2147483648.0;
            result = r < lo ? (to64 ? unchecked((ulong)long.MinValue) : unchecked((ulong)int.MinValue))
                : r >= hi ? (to64 ? (ulong)long.MaxValue : (ulong)int.MaxValue)
                : (ulong)(long)r;
        }
        else
        {
            double hi = to64 ? 18446744073709551616.0 : 4294967296.0;
            result = r <= 0 ? 0 : r >= hi ? (to64 ? ulong.MaxValue : uint.MaxValue) : (ulong)r;
        }
        return to64 ? result : (uint)result;
    }

    /// <summary>SCVTF/UCVTF: an integer rounded to nearest even in the size.</summary>
    public static ulong FromInteger(ulong v, bool signed, FpSize p) => p switch
    {
        FpSize.S => BitConverter.SingleToUInt32Bits(signed ? (float)(long)v : (float)v),
        FpSize.D => BitConverter.DoubleToUInt64Bits(signed ? (double)(long)v : (double)v),
        // Every integer of at most 2^17 is exact in a double, and a larger one is infinite as a half either way.
        _ => BitConverter.HalfToUInt16Bits((Half)(signed ? (double)(long)v : (double)v)),
    };

    /// <summary>FCVT between sizes: numbers rounded to nearest even; a NaN keeps its sign and top payload bits, quieted.</summary>
    public static ulong Convert(ulong n, FpSize from, FpSize to)
    {
        if (!IsNaN(n, from)) return FromDouble(ToDouble(n, from), to);
        int shift = FractionBits(to) - FractionBits(from);
        ulong fraction = n & ((1UL << FractionBits(from)) - 1);
        fraction = shift >= 0 ? fraction << shift : fraction >> -shift;
        ulong sign = (n & SignBit(from)) != 0 ? SignBit(to) : 0;
        return sign | ExponentMask(to) | QuietBit(to) | (fraction & ((1UL << FractionBits(to)) - 1));
    }
}
