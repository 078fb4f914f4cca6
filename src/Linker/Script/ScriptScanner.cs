namespace A64Asm.Linker.Script;

/// <summary>Characters of a script with line and column, blanks and /* comments */ skipped between tokens.</summary>
internal sealed class ScriptScanner(string file, string text)
{
    private readonly string[] _lines = text.Split('\n');
    private int _at, _line = 1, _column = 1;

    public string File => file;

    public ScriptPosition Position => new(file, _line, _column, _lines[_line - 1].TrimEnd('\r'));

    public ScriptError Error(string message) => new(Position, message);

    public char Peek(int ahead = 0) => _at + ahead < text.Length ? text[_at + ahead] : '\0';

    public bool AtEnd
    {
        get
        {
            SkipBlanks();
            return _at >= text.Length;
        }
    }

    public void Advance()
    {
        if (text[_at] == '\n')
        {
            _line++;
            _column = 1;
        }
        else
        {
            _column++;
        }
        _at++;
    }

    public void SkipBlanks()
    {
        while (_at < text.Length)
        {
            if (char.IsWhiteSpace(text[_at]))
                Advance();
            else if (Peek() == '/' && Peek(1) == '*')
            {
                var start = Position;
                Advance();
                Advance();
                while (_at < text.Length && !(Peek() == '*' && Peek(1) == '/')) Advance();
                if (_at >= text.Length) throw new ScriptError(start, "unterminated comment");
                Advance();
                Advance();
            }
            else
                return;
        }
    }

    /// <summary>True (and consumed) when the next token is <paramref name="token"/>.</summary>
    public bool Accept(string token)
    {
        SkipBlanks();
        if (string.CompareOrdinal(text, _at, token, 0, token.Length) != 0) return false;
        // A keyword must not be the start of a longer name.
        if (char.IsLetter(token[^1]) && IsNameChar(Peek(token.Length))) return false;
        foreach (var _ in token) Advance();
        return true;
    }

    public void Expect(string token)
    {
        if (!Accept(token))
            throw Error(AtEnd ? $"expected '{token}' before the end of the file" : $"expected '{token}', found '{Describe()}'");
    }

    /// <summary>The next token's first characters, for messages.</summary>
    public string Describe()
    {
        SkipBlanks();
        int end = _at;
        while (end < text.Length && !char.IsWhiteSpace(text[end]) && end - _at < 20) end++;
        return end == _at ? (_at < text.Length ? text[_at].ToString() : "end of file") : text[_at..end];
    }

    public static bool IsNameStart(char c) => char.IsAsciiLetter(c) || c is '_' or '.' or '$';
    public static bool IsNameChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '$';

    /// <summary>A symbol or section name (letters, digits, _ . $; a '-' is subtraction as in ld's expressions).</summary>
    public string? Name()
    {
        SkipBlanks();
        if (!IsNameStart(Peek())) return null;
        int start = _at;
        while (IsNameChar(Peek())) Advance();
        return text[start.._at];
    }

    /// <summary>A file or section pattern: anything up to a blank or one of ( ) { } ; , as ld's wildcard names.</summary>
    public string? Pattern()
    {
        SkipBlanks();
        int start = _at;
        while (_at < text.Length && !char.IsWhiteSpace(Peek()) && Peek() is not ('(' or ')' or '{' or '}' or ';' or ',' or '"'))
            Advance();
        return _at == start ? null : text[start.._at];
    }

    /// <summary>A number as ld reads one: 0x hex or decimal, with an optional K or M multiplier.</summary>
    public ulong? Number()
    {
        SkipBlanks();
        if (!char.IsAsciiDigit(Peek())) return null;
        var at = Position;
        int start = _at;
        bool hex = Peek() == '0' && Peek(1) is 'x' or 'X';
        if (hex)
        {
            Advance();
            Advance();
        }
        while (char.IsAsciiHexDigit(Peek())) Advance();
        var digits = text[(start + (hex ? 2 : 0)).._at];
        ulong value;
        bool ok = hex
            ? ulong.TryParse(digits, System.Globalization.NumberStyles.AllowHexSpecifier, null, out value)
            : ulong.TryParse(digits, System.Globalization.NumberStyles.None, null, out value);
        if (!ok) throw new ScriptError(at, $"invalid number '{text[start.._at]}'");
        ulong scale = Peek() switch { 'K' => 1UL << 10, 'M' => 1UL << 20, _ => 1 };
        if (scale != 1) Advance();
        if (IsNameChar(Peek())) throw new ScriptError(at, $"invalid number '{text[start..(_at + 1)]}'");
        return value * scale;
    }
}
