using System.Numerics;
using System.Text;

namespace A64Asm.Isa.Formatting;

/// <summary>
/// Lower-case hex digits straight into a builder. A disassembly listing prints three or four hex numbers a word, and
/// the general number formatter took about as long per number as decoding the word.
/// </summary>
public static class Hex
{
    const string Digits = "0123456789abcdef";

    /// <summary>Appends <paramref name="value"/> in hex, padded with zeros to at least <paramref name="minDigits"/> digits.</summary>
    public static StringBuilder Append(StringBuilder sb, ulong value, int minDigits = 1)
    {
        int digits = Math.Max(minDigits, DigitCount(value));
        Span<char> text = stackalloc char[16];
        for (int i = digits - 1; i >= 0; i--, value >>= 4)
            text[i] = Digits[(int)(value & 15)];
        return sb.Append(text[..digits]);
    }

    /// <summary>How many hex digits <paramref name="value"/> needs (one for zero).</summary>
    public static int DigitCount(ulong value) => value == 0 ? 1 : (67 - BitOperations.LeadingZeroCount(value)) / 4;
}
