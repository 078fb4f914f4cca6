using A64Asm.Assembler.Diagnostics;
using A64Asm.Assembler.Parsing.Generated;
using Antlr4.Runtime;

namespace A64Asm.Assembler.Parsing;

/// <summary>
/// Splits one statement into tokens of the grammar's types, kept as (type, start, end) until the parser or a
/// reused parse asks for their text. A character that starts no token ends the statement with <see cref="Error"/>.
/// </summary>
internal sealed class StatementLexer
{
    // Names and numbers repeat from line to line (registers, mnemonics, small immediates): a direct-mapped table
    // keeps the last string seen per slot, which catches the repeats without growing or a general dictionary's cost.
    private const int WordSlots = 1 << 13;

    private static readonly string[] SingleCharStrings =
        Enumerable.Range(0, 128).Select(i => ((char)i).ToString()).ToArray();

    private readonly string?[] _words = new string?[WordSlots];
    private int[] _types = new int[32];
    private int[] _starts = new int[32];
    private int[] _ends = new int[32];
    private string _text = "";
    private int _pos;
    private int _end;
    private int _indexBase;
    private SourceLine? _line;

    public int Count { get; private set; }

    public ReadOnlySpan<int> Types => _types.AsSpan(0, Count);

    public AsmError? Error { get; private set; }

    /// <summary>Index in the line of token <paramref name="i"/>'s first character.</summary>
    public int Start(int i) => _starts[i] + _indexBase;

    public int End(int i) => _ends[i] + _indexBase;

    public ReadOnlySpan<char> Span(int i) =>
        _types[i] == TokenConstants.EOF ? "<EOF>" : _text.AsSpan(_starts[i], _ends[i] - _starts[i]);

    public string Text(int i)
    {
        int type = _types[i], start = _starts[i], length = _ends[i] - start;
        if (type == TokenConstants.EOF)
            return "<EOF>";
        if (length == 1 && type != A64AsmParser.NUMBER && type != A64AsmParser.IDENT)
            return SingleCharStrings[_text[start] & 0x7f];
        if (type is A64AsmParser.IDENT or A64AsmParser.SHIFT or A64AsmParser.NUMBER or A64AsmParser.LOCALREF)
            return Intern(_text.AsSpan(start, length));
        return _text.Substring(start, length);
    }

    public void Lex(SourceLine line, string text, int start, int end, int indexBase)
    {
        _line = line;
        _text = text;
        _pos = start;
        _end = end;
        _indexBase = indexBase - start;
        Count = 0;
        Error = null;
        while (true)
        {
            SkipSpaceAndComments();
            if (_pos >= _end)
            {
                Add(TokenConstants.EOF, _pos, _pos);
                ThrowIfTooDeep();
                return;
            }
            if (!TryLexToken())
            {
                ThrowIfTooDeep();
                return;
            }
        }
    }

    // Thrown at once, not kept as Error: the parser would recurse through the nesting before reaching the token.
    // Without a line (DirectStatementEncoder's quick look) it is kept, so that caller falls back to the parser,
    // which lexes again with the line and reports the error in its place.
    private void ThrowIfTooDeep()
    {
        var (token, message) = ExpressionNesting.Check(Types);
        if (message is null)
            return;
        if (_line is null)
            Error = new AsmError(null, message);
        else
            throw new AsmError(_line.At(Start(token)), message);
    }

    public static bool IsIdentStart(char c) => (uint)((c | 0x20) - 'a') < 26 || c == '_' || c == '.' || c == '$';

    public static bool IsIdentPart(char c) => IsIdentStart(c) || (uint)(c - '0') < 10;

    private string Intern(ReadOnlySpan<char> word)
    {
        uint hash = 2166136261;
        foreach (char c in word)
            hash = (hash ^ c) * 16777619;
        ref var slot = ref _words[(int)(hash & (WordSlots - 1))];
        if (slot is { } known && word.SequenceEqual(known))
            return known;
        return slot = word.ToString();
    }

    private void Add(int type, int start, int end)
    {
        if (Count == _types.Length)
        {
            Array.Resize(ref _types, Count * 2);
            Array.Resize(ref _starts, Count * 2);
            Array.Resize(ref _ends, Count * 2);
        }
        _types[Count] = type;
        _starts[Count] = start;
        _ends[Count] = end;
        Count++;
        _pos = end;
    }

    private bool TryLexToken()
    {
        int start = _pos;
        char c = _text[_pos];
        if (IsIdentStart(c))
        {
            LexIdentifier(start);
            return true;
        }
        if (c >= '0' && c <= '9')
        {
            LexNumber(start);
            return true;
        }
        switch (c)
        {
            case '"': return LexString(start);
            case '\'': return LexChar(start);
            case '|': Two('|', A64AsmParser.OROR, A64AsmParser.PIPE); return true;
            case '&': Two('&', A64AsmParser.ANDAND, A64AsmParser.AMP); return true;
            case '=': Two('=', A64AsmParser.EQEQ, A64AsmParser.EQUALS); return true;
            case '!': Two('=', A64AsmParser.NOTEQ, A64AsmParser.BANG); return true;
            case '<':
                if (Peek(1) == '<') Punct(A64AsmParser.SHL, 2);
                else if (Peek(1) == '>') Punct(A64AsmParser.LTGT, 2);
                else if (Peek(1) == '=') Punct(A64AsmParser.LE, 2);
                else Punct(A64AsmParser.LT, 1);
                return true;
            case '>':
                if (Peek(1) == '>') Punct(A64AsmParser.SHR, 2);
                else if (Peek(1) == '=') Punct(A64AsmParser.GE, 2);
                else Punct(A64AsmParser.GT, 1);
                return true;
        }
        int type = SingleCharType(c);
        if (type == 0)
            return Fail(start, $"unexpected character '{c}'");
        Punct(type, 1);
        return true;
    }

    private static int SingleCharType(char c) => c switch
    {
        '+' => A64AsmParser.PLUS,
        '-' => A64AsmParser.MINUS,
        '*' => A64AsmParser.STAR,
        '/' => A64AsmParser.SLASH,
        '%' => A64AsmParser.PERCENT,
        '^' => A64AsmParser.CARET,
        '~' => A64AsmParser.TILDE,
        '#' => A64AsmParser.HASH,
        '@' => A64AsmParser.AT,
        ':' => A64AsmParser.COLON,
        ',' => A64AsmParser.COMMA,
        '(' => A64AsmParser.LPAREN,
        ')' => A64AsmParser.RPAREN,
        '[' => A64AsmParser.LBRACKET,
        ']' => A64AsmParser.RBRACKET,
        '{' => A64AsmParser.LBRACE,
        '}' => A64AsmParser.RBRACE,
        _ => 0,
    };

    // The error waits until the parser reaches this token, so an earlier syntax error is still reported first.
    private bool Fail(int index, string message)
    {
        Error = new AsmError(_line?.At(index + _indexBase), message);
        return false;
    }

    private void SkipSpaceAndComments()
    {
        while (_pos < _end)
        {
            char c = _text[_pos];
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f')
                _pos++;
            else if (c == '/' && Peek(1) == '/')
                _pos = _end;
            else
                break;
        }
    }

    private char Peek(int ahead) => _pos + ahead < _end ? _text[_pos + ahead] : '\0';

    private void LexIdentifier(int start)
    {
        int p = start + 1;
        while (p < _end && IsIdentPart(_text[p])) p++;
        if (p - start == 3 && Count > 0 && _types[Count - 1] == A64AsmParser.COMMA && MulOperandEnd(start, p) is int mulEnd)
        {
            Add(A64AsmParser.SHIFT, start, mulEnd);
            return;
        }
        Add(ShiftNames.IsShiftOrExtend(_text.AsSpan(start, p - start)) ? A64AsmParser.SHIFT : A64AsmParser.IDENT, start, p);
    }

    /// <summary>
    /// SVE's multipliers after a comma: "mul vl" (one token, its end returned) and "mul" before '#' (the grammar's
    /// shift operand then reads "mul #4"). They take the SHIFT token, so the grammar needs no words of its own.
    /// </summary>
    private int? MulOperandEnd(int start, int end)
    {
        if (!_text.AsSpan(start, 3).Equals("mul", StringComparison.OrdinalIgnoreCase)) return null;
        int p = end;
        while (p < _end && _text[p] is ' ' or '\t') p++;
        if (p < _end && _text[p] == '#') return end;
        if (p + 2 <= _end && _text.AsSpan(p, 2).Equals("vl", StringComparison.OrdinalIgnoreCase) && (p + 2 == _end || !IsIdentPart(_text[p + 2])))
            return p + 2;
        return null;
    }

    private void LexNumber(int start)
    {
        // The grammar's NUMBER, LOCALREF and FLOAT rules, longest match first as ANTLR picks (VectorLexingTests).
        int p = start;
        if (_text[p] == '0' && p + 2 < _end && (_text[p + 1] | 0x20) == 'x' && Uri.IsHexDigit(_text[p + 2]))
        {
            p += 2;
            while (p < _end && Uri.IsHexDigit(_text[p])) p++;
            Add(A64AsmParser.NUMBER, start, p);
            return;
        }
        // "0b1" is binary, but "0b" alone is a backward reference to local label 0.
        if (_text[p] == '0' && p + 2 < _end && (_text[p + 1] | 0x20) == 'b' && (_text[p + 2] == '0' || _text[p + 2] == '1'))
        {
            p += 2;
            while (p < _end && (_text[p] == '0' || _text[p] == '1')) p++;
            Add(A64AsmParser.NUMBER, start, p);
            return;
        }
        while (p < _end && (uint)(_text[p] - '0') < 10) p++;
        // "1b" and "1f", even when a name character follows ("79b4" is 79b then 4), as the grammar's LOCALREF.
        if (p < _end && ((_text[p] | 0x20) == 'b' || (_text[p] | 0x20) == 'f'))
        {
            Add(A64AsmParser.LOCALREF, start, p + 1);
            return;
        }
        if (p + 1 < _end && _text[p] == '.' && (uint)(_text[p + 1] - '0') < 10)
        {
            p++;
            while (p < _end && (uint)(_text[p] - '0') < 10) p++;
            Add(A64AsmParser.FLOAT, start, SkipExponent(p));
            return;
        }
        int afterExponent = SkipExponent(p);
        Add(afterExponent != p ? A64AsmParser.FLOAT : A64AsmParser.NUMBER, start, afterExponent);
    }

    private int SkipExponent(int p)
    {
        if (p < _end && (_text[p] | 0x20) == 'e')
        {
            int q = p + 1;
            if (q < _end && (_text[q] == '+' || _text[q] == '-')) q++;
            if (q < _end && (uint)(_text[q] - '0') < 10)
            {
                while (q < _end && (uint)(_text[q] - '0') < 10) q++;
                return q;
            }
        }
        return p;
    }

    private bool LexString(int start)
    {
        int p = start + 1;
        while (p < _end && _text[p] != '"')
            p += _text[p] == '\\' ? 2 : 1;
        if (p >= _end)
            return Fail(start, "missing closing '\"'");
        Add(A64AsmParser.STRING, start, p + 1);
        return true;
    }

    private bool LexChar(int start)
    {
        int p = start + 1;
        if (p >= _end)
            return Fail(start, "missing character after '");
        p += _text[p] == '\\' ? 2 : 1;
        if (p < _end && _text[p] == '\'') p++;
        Add(A64AsmParser.CHAR, start, Math.Min(p, _end));
        return true;
    }

    private void Two(char second, int twoType, int oneType)
    {
        if (Peek(1) == second) Punct(twoType, 2);
        else Punct(oneType, 1);
    }

    private void Punct(int type, int length) => Add(type, _pos, _pos + length);
}
