using System.Globalization;

namespace A64Asm.Assembler.Layout;

/// <summary>The IEEE formats of .float/.single (4 bytes), .double (8), .float16 (IEEE half) and .bfloat16, and the
/// x87 80-bit extended format of .dc.x/.dcb.x (10 bytes).</summary>
internal enum FloatFormat { Single, Double, Half, BFloat16, Extended }

/// <summary>
/// Floating-point literals as GNU as reads them for .float and friends: an optional sign, an optional "0" plus
/// letter prefix (0f, 0d, even 0x, all meaning nothing), decimal digits with an optional fraction and exponent
/// (a bare "e" counts as none), or inf / infinity / nan in any case. NaN is all ones below the sign, as GNU
/// writes it. A value of 2^(emax+1) or more is refused; one just below it may round to infinity.
/// </summary>
internal static class GnuFloats
{
    public static int Size(FloatFormat format) => format switch
    {
        FloatFormat.Single => 4, FloatFormat.Double => 8, FloatFormat.Extended => 10, _ => 2,
    };

    /// <summary>The bits of <paramref name="text"/> in <paramref name="format"/>; an error message when it is not a literal.</summary>
    public static bool TryEncode(string text, FloatFormat format, out ulong bits, out string error) =>
        TryEncode(text, format, out bits, out error, out _);

    /// <param name="errorAt">Where in <paramref name="text"/> the error is (0 for a number that does not fit).</param>
    public static bool TryEncode(string text, FloatFormat format, out ulong bits, out string error, out int errorAt)
    {
        bits = 0;
        if (!TryEncodeWide(text, format, out UInt128 wide, out error, out errorAt))
            return false;
        bits = (ulong)wide;
        return true;
    }

    /// <summary>As <see cref="TryEncode(string, FloatFormat, out ulong, out string, out int)"/>, for every format
    /// including the 80-bit extended one (exponent and sign in bits 64..79).</summary>
    public static bool TryEncodeWide(string text, FloatFormat format, out UInt128 bits, out string error, out int errorAt)
    {
        bits = 0;
        error = "";
        errorAt = 0;
        int i = 0;
        bool negative = false;
        if (i < text.Length && text[i] is '+' or '-')
            negative = text[i++] == '-';
        if (i + 1 < text.Length && text[i] == '0' && char.IsAsciiLetter(text[i + 1]))
        {
            i += 2;
            if (i < text.Length && text[i] is '+' or '-')
                negative ^= text[i++] == '-';
        }
        string rest = text[i..];
        string word = rest.ToLowerInvariant();
        if (word is "nan" or "inf" or "infinity")
        {
            bits = format == FloatFormat.Extended
                ? ExtendedFloat.Special(nan: word == "nan", negative)
                : Special(format, nan: word == "nan", negative);
            return true;
        }
        int start = i;
        while (i < text.Length && char.IsAsciiDigit(text[i])) i++;
        if (i < text.Length && text[i] == '.')
        {
            i++;
            while (i < text.Length && char.IsAsciiDigit(text[i])) i++;
        }
        string mantissa = text[start..i];
        string exponent = "";
        if (i < text.Length && text[i] is 'e' or 'E')
        {
            int e = i + 1;
            if (e < text.Length && text[e] is '+' or '-') e++;
            int digits = e;
            while (e < text.Length && char.IsAsciiDigit(text[e])) e++;
            if (e > digits) exponent = "e" + text[(i + 1)..e];
            i = e;
        }
        if (i < text.Length)
        {
            error = $"junk at end of line, first unrecognized character is '{text[i]}'";
            errorAt = i;
            return false;
        }
        if (mantissa is "" or ".") mantissa = "0";
        if (format == FloatFormat.Extended)
            return ExtendedFloat.TryEncode(negative, mantissa, exponent, out bits, out error);
        string number = (negative ? "-" : "") + mantissa + exponent;
        double value = double.Parse(number, NumberStyles.Float, CultureInfo.InvariantCulture);
        // GNU checks the exponent before it rounds: a value from 2^(emax+1) up is refused, one just under it may
        // still round up to infinity.
        double limit = format switch
        {
            FloatFormat.Half => 65536.0,
            FloatFormat.Double => double.PositiveInfinity,
            _ => Math.ScaleB(1.0, 128),
        };
        if (double.IsInfinity(value) || Math.Abs(value) >= limit)
        {
            error = "cannot create floating-point number";
            return false;
        }
        bits = format switch
        {
            FloatFormat.Single => BitConverter.SingleToUInt32Bits(float.Parse(number, NumberStyles.Float, CultureInfo.InvariantCulture)),
            FloatFormat.Double => BitConverter.DoubleToUInt64Bits(value),
            FloatFormat.Half => BitConverter.HalfToUInt16Bits(Half.Parse(number, NumberStyles.Float, CultureInfo.InvariantCulture)),
            _ => BFloat16(value),
        };
        return true;
    }

    private static ulong Special(FloatFormat format, bool nan, bool negative)
    {
        (ulong sign, ulong infinity, ulong quietAll) = format switch
        {
            FloatFormat.Single => (0x8000_0000UL, 0x7f80_0000UL, 0x7fff_ffffUL),
            FloatFormat.Double => (0x8000_0000_0000_0000UL, 0x7ff0_0000_0000_0000UL, 0x7fff_ffff_ffff_ffffUL),
            FloatFormat.Half => (0x8000UL, 0x7c00UL, 0x7fffUL),
            _ => (0x8000UL, 0x7f80UL, 0x7fffUL),
        };
        return (negative ? sign : 0) | (nan ? quietAll : infinity);
    }

    /// <summary>Round to nearest even straight from the double (no detour through float, which could round twice).</summary>
    private static ulong BFloat16(double value)
    {
        ulong sign = value < 0 || (value == 0 && double.IsNegative(value)) ? 0x8000UL : 0;
        double magnitude = Math.Abs(value);
        if (magnitude == 0) return sign;
        // bfloat16 has float's exponent range and 7 fraction bits; below 2^-126 the step stays 2^-133.
        int exponent = Math.Max(Math.ILogB(magnitude), -126);
        double steps = Math.Round(Math.ScaleB(magnitude, 7 - exponent), MidpointRounding.ToEven);
        if (steps >= 256)
        {
            steps /= 2;
            exponent++;
        }
        if (exponent > 127)
            return sign | 0x7f80;
        ulong mantissa = (ulong)steps;
        ulong biased = mantissa >= 128 ? (ulong)(exponent + 127) : 0;
        return sign | (biased << 7) | (mantissa & 0x7f);
    }
}
