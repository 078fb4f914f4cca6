using System.Globalization;
using System.Text;
using A64Asm.Assembler.Diagnostics;

namespace A64Asm.Assembler.Parsing;

/// <summary>Number, character and string literals as GNU as reads them.</summary>
public static class Literals
{
    /// <summary>0x.., 0b.., 0.. (octal), decimal; 64-bit values wrap to long as gas stores them.</summary>
    public static bool TryParseNumber(string text, out long value) => TryParseNumber(text.AsSpan(), out value);

    /// <inheritdoc cref="TryParseNumber(string, out long)"/>
    public static bool TryParseNumber(ReadOnlySpan<char> text, out long value)
    {
        value = 0;
        ulong acc = 0;
        var (radix, start) = RadixOf(text);
        for (int i = start; i < text.Length; i++)
        {
            int digit = HexValue(text[i]);
            if (digit < 0 || digit >= radix) return false;
            ulong next = unchecked(acc * (ulong)radix + (ulong)digit);
            if ((next - (ulong)digit) / (ulong)radix != acc) return false;
            acc = next;
        }
        value = unchecked((long)acc);
        return true;
    }

    /// <summary>An integer literal of up to 128 bits (GNU as's bignums: ldr q0, =0x...; 33 hex digits or more is
    /// still an error).</summary>
    public static bool TryParseWide(ReadOnlySpan<char> text, out UInt128 value)
    {
        value = 0;
        var (radix, start) = RadixOf(text);
        UInt128 acc = 0;
        for (int i = start; i < text.Length; i++)
        {
            int digit = HexValue(text[i]);
            if (digit < 0 || digit >= radix) return false;
            if (acc > (UInt128.MaxValue - (UInt128)digit) / (UInt128)radix) return false;
            acc = acc * (UInt128)radix + (UInt128)digit;
        }
        value = acc;
        return true;
    }

    // 0x hex, 0b binary, a leading 0 octal, else decimal; where the digits start.
    private static (int Radix, int Start) RadixOf(ReadOnlySpan<char> text) =>
        text.Length > 2 && text[0] == '0' && (text[1] | 0x20) == 'x' ? (16, 2)
        : text.Length > 2 && text[0] == '0' && (text[1] | 0x20) == 'b' ? (2, 2)
        : text.Length > 1 && text[0] == '0' ? (8, 1)
        : (10, 0);

    public static double ParseFloat(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>'c or 'c' or '\n.</summary>
    public static long ParseChar(string text)
    {
        var bytes = new List<byte>();
        int end = text.Length > 2 && text[^1] == '\'' ? text.Length - 1 : text.Length;
        DecodeEscapes(text, 1, end, bytes);
        return bytes.Count > 0 ? bytes[0] : 0;
    }

    /// <summary>A "..." token's bytes: UTF-8 for ordinary characters, escapes as gas reads them.</summary>
    public static byte[] ParseString(string token)
    {
        var bytes = new List<byte>(token.Length);
        DecodeEscapes(token, 1, token.Length - 1, bytes);
        return bytes.ToArray();
    }

    private static void DecodeEscapes(string s, int start, int end, List<byte> output)
    {
        Span<byte> utf8 = stackalloc byte[4];
        for (int i = start; i < end; i++)
        {
            char c = s[i];
            if (c != '\\' || i + 1 >= end)
            {
                if (c < 0x80) output.Add((byte)c);
                else
                {
                    int n = System.Text.Encoding.UTF8.GetBytes(s.AsSpan(i, char.IsHighSurrogate(c) && i + 1 < end ? 2 : 1), utf8);
                    for (int k = 0; k < n; k++) output.Add(utf8[k]);
                    if (char.IsHighSurrogate(c)) i++;
                }
                continue;
            }
            char e = s[++i];
            switch (e)
            {
                case 'n': output.Add(10); break;
                case 't': output.Add(9); break;
                case 'r': output.Add(13); break;
                case 'b': output.Add(8); break;
                case 'f': output.Add(12); break;
                case 'v': output.Add(11); break;
                case 'a': output.Add(7); break;
                case 'e': output.Add(27); break;
                case 'x':
                case 'X':
                {
                    int v = 0, j = i + 1;
                    while (j < end && HexValue(s[j]) >= 0) v = (v << 4) | HexValue(s[j++]);
                    output.Add((byte)v);
                    i = j - 1;
                    break;
                }
                case >= '0' and <= '7':
                {
                    int v = 0, j = i;
                    while (j < end && j < i + 3 && s[j] >= '0' && s[j] <= '7') v = (v << 3) | (s[j++] - '0');
                    output.Add((byte)v);
                    i = j - 1;
                    break;
                }
                default: output.Add((byte)e); break;
            }
        }
    }

    private static int HexValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };
}
