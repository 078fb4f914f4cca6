namespace A64Asm.Assembler.Preprocessing;

/// <summary>Integer and character constants in #if, with gcc's diagnostics. Plain char is unsigned on AArch64.</summary>
internal static class IfNumbers
{
    public static PpValue ParseInteger(PpToken t, IExpansionHost host, Action<PpToken, string> warn)
    {
        string s = t.Text;
        int radix = 10, start = 0;
        if (s.Length > 1 && s[0] == '0' && (s[1] | 0x20) == 'x') { radix = 16; start = 2; }
        else if (s.Length > 1 && s[0] == '0' && (s[1] | 0x20) == 'b') { radix = 2; start = 2; }
        else if (s[0] == '0') radix = 8;

        if (IsFloating(s, radix))
            throw host.Error(t, "floating constant in preprocessor expression");
        int digitsEnd = start;
        while (digitsEnd < s.Length && DigitValue(s[digitsEnd]) is var d && d >= 0 && d < Math.Max(radix, 10))
            digitsEnd++;
        string suffix = s[digitsEnd..];
        if (digitsEnd == start || !IsIntegerSuffix(suffix))
            throw host.Error(t, $"invalid suffix \"{(digitsEnd == start && start > 0 ? s[1..] : suffix)}\" on integer constant");

        ulong value = 0;
        bool tooLarge = false;
        for (int i = start; i < digitsEnd; i++)
        {
            int d = DigitValue(s[i]);
            if (d >= radix)
                throw host.Error(t, $"invalid digit \"{s[i]}\" in {(radix == 8 ? "octal" : "binary")} constant");
            ulong next = unchecked(value * (ulong)radix + (ulong)d);
            if (value > (ulong.MaxValue - (ulong)d) / (ulong)radix)
                tooLarge = true;
            value = next;
        }
        bool unsigned = suffix.Contains('u') || suffix.Contains('U');
        if (tooLarge)
        {
            warn(t, "integer constant is too large for its type");
            unsigned = true;
        }
        else if (!unsigned && value > long.MaxValue)
        {
            if (radix == 10)
                warn(t, "integer constant is so large that it is unsigned");
            unsigned = true;
        }
        return new PpValue(value, unsigned);
    }

    static bool IsFloating(string s, int radix)
    {
        if (s.Contains('.')) return true;
        if (radix == 16) return s.IndexOfAny(['p', 'P'], 2) >= 0;
        // Decimal exponent: a digit run followed by e/E (octal-looking 0e1 is floating too).
        int i = 0;
        while (i < s.Length && PpChars.IsDigit(s[i])) i++;
        return i < s.Length && (s[i] | 0x20) == 'e' && radix != 2;
    }

    static bool IsIntegerSuffix(string suffix) => suffix.Length == 0 || suffix is
        "u" or "U" or "l" or "L" or "ul" or "uL" or "Ul" or "UL" or "lu" or "lU" or "Lu" or "LU"
        or "ll" or "LL" or "ull" or "uLL" or "Ull" or "ULL" or "llu" or "llU" or "LLu" or "LLU";

    static int DigitValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };

    public static PpValue ParseChar(PpToken t, IExpansionHost host, Action<PpToken, string> warn)
    {
        string s = t.Text;
        int i = 1, end = s.Length - 1, count = 0;
        uint value = 0;
        while (i < end)
        {
            uint c;
            if (s[i] != '\\')
                c = s[i++];
            else
                c = Escape(s, ref i, end);
            value = (value << 8) | (c & 0xFF);
            count++;
        }
        if (count == 0)
            throw host.Error(t, "empty character constant");
        if (count == 1)
            return PpValue.Signed(value & 0xFF);
        warn(t, "multi-character character constant");
        return PpValue.Signed((int)value);
    }

    static uint Escape(string s, ref int i, int end)
    {
        i++; // backslash
        char c = s[i++];
        switch (c)
        {
            case 'n': return '\n';
            case 't': return '\t';
            case 'r': return '\r';
            case 'a': return 7;
            case 'b': return 8;
            case 'f': return 12;
            case 'v': return 11;
            case 'e' or 'E': return 27;
            case 'x':
            {
                uint v = 0;
                while (i < end && DigitValue(s[i]) >= 0)
                    v = (v << 4) | (uint)DigitValue(s[i++]);
                return v;
            }
            case >= '0' and <= '7':
            {
                uint v = (uint)(c - '0');
                for (int k = 0; k < 2 && i < end && s[i] >= '0' && s[i] <= '7'; k++)
                    v = (v << 3) | (uint)(s[i++] - '0');
                return v;
            }
            default: return c;
        }
    }
}
