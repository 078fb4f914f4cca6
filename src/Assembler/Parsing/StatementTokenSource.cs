using A64Asm.Assembler.Diagnostics;
using A64Asm.Assembler.Parsing.Generated;
using Antlr4.Runtime;

namespace A64Asm.Assembler.Parsing;

/// <summary>
/// The hand-written lexer that feeds the generated parser. It produces the token types of grammar/A64Asm.g4 for
/// one statement's text; the generated lexer is too slow for million-line inputs (see shared/bench/README.md).
/// Token positions are indices into the <see cref="SourceLine"/> text, so errors can name the column.
/// </summary>
public sealed class StatementTokenSource : ITokenSource
{
    private string _text = "";
    private int _pos;
    private int _end;
    private int _indexBase;
    private SourceLine? _line;

    /// <summary>Starts lexing <paramref name="text"/>, whose first character sits at <paramref name="indexBase"/> in the line.</summary>
    public void Reset(SourceLine line, string text, int start, int end, int indexBase)
    {
        _line = line;
        _text = text;
        _pos = start;
        _end = end;
        _indexBase = indexBase - start;
    }

    public int Line => 1;
    public int Column => _pos + _indexBase;
    public ICharStream InputStream => null!;
    public string SourceName => _line?.Location.Pos.File.DisplayPath ?? "";
    public ITokenFactory TokenFactory { get; set; } = CommonTokenFactory.Default;

    public IToken NextToken()
    {
        SkipSpaceAndComments();
        if (_pos >= _end)
            return Make(TokenConstants.EOF, "<EOF>", _pos, _pos);
        int start = _pos;
        char c = _text[_pos];
        if (IsIdentStart(c))
            return LexIdentifier(start);
        if (c >= '0' && c <= '9')
            return LexNumber(start);
        switch (c)
        {
            case '"': return LexString(start);
            case '\'': return LexChar(start);
            case '|': return Two('|', A64AsmParser.OROR, A64AsmParser.PIPE);
            case '&': return Two('&', A64AsmParser.ANDAND, A64AsmParser.AMP);
            case '=': return Two('=', A64AsmParser.EQEQ, A64AsmParser.EQUALS);
            case '!': return Two('=', A64AsmParser.NOTEQ, A64AsmParser.BANG);
            case '<':
                if (Peek(1) == '<') return Punct(A64AsmParser.SHL, 2);
                if (Peek(1) == '>') return Punct(A64AsmParser.LTGT, 2);
                if (Peek(1) == '=') return Punct(A64AsmParser.LE, 2);
                return Punct(A64AsmParser.LT, 1);
            case '>':
                if (Peek(1) == '>') return Punct(A64AsmParser.SHR, 2);
                if (Peek(1) == '=') return Punct(A64AsmParser.GE, 2);
                return Punct(A64AsmParser.GT, 1);
            case '+': return Punct(A64AsmParser.PLUS, 1);
            case '-': return Punct(A64AsmParser.MINUS, 1);
            case '*': return Punct(A64AsmParser.STAR, 1);
            case '/': return Punct(A64AsmParser.SLASH, 1);
            case '%': return Punct(A64AsmParser.PERCENT, 1);
            case '^': return Punct(A64AsmParser.CARET, 1);
            case '~': return Punct(A64AsmParser.TILDE, 1);
            case '#': return Punct(A64AsmParser.HASH, 1);
            case '@': return Punct(A64AsmParser.AT, 1);
            case ':': return Punct(A64AsmParser.COLON, 1);
            case ',': return Punct(A64AsmParser.COMMA, 1);
            case '(': return Punct(A64AsmParser.LPAREN, 1);
            case ')': return Punct(A64AsmParser.RPAREN, 1);
            case '[': return Punct(A64AsmParser.LBRACKET, 1);
            case ']': return Punct(A64AsmParser.RBRACKET, 1);
            case '{': return Punct(A64AsmParser.LBRACE, 1);
            case '}': return Punct(A64AsmParser.RBRACE, 1);
        }
        throw new AsmError(_line?.At(start + _indexBase), $"unexpected character '{c}'");
    }

    public static bool IsIdentStart(char c) => (uint)((c | 0x20) - 'a') < 26 || c == '_' || c == '.' || c == '$';

    public static bool IsIdentPart(char c) => IsIdentStart(c) || (uint)(c - '0') < 10;

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

    private IToken LexIdentifier(int start)
    {
        int p = start + 1;
        while (p < _end && IsIdentPart(_text[p])) p++;
        _pos = p;
        string text = _text.Substring(start, p - start);
        int type = ShiftNames.IsShiftOrExtend(text) ? A64AsmParser.SHIFT : A64AsmParser.IDENT;
        return Make(type, text, start, p);
    }

    private IToken LexNumber(int start)
    {
        int p = start;
        if (_text[p] == '0' && p + 1 < _end && (_text[p + 1] | 0x20) == 'x')
        {
            p += 2;
            while (p < _end && Uri.IsHexDigit(_text[p])) p++;
            return Finish(A64AsmParser.NUMBER, start, p);
        }
        // "0b1" is binary, but "0b" alone is a backward reference to local label 0.
        if (_text[p] == '0' && p + 2 < _end && (_text[p + 1] | 0x20) == 'b' && (_text[p + 2] == '0' || _text[p + 2] == '1'))
        {
            p += 2;
            while (p < _end && (_text[p] == '0' || _text[p] == '1')) p++;
            return Finish(A64AsmParser.NUMBER, start, p);
        }
        while (p < _end && (uint)(_text[p] - '0') < 10) p++;
        if (p < _end && ((_text[p] | 0x20) == 'b' || (_text[p] | 0x20) == 'f') && (p + 1 >= _end || !IsIdentPart(_text[p + 1])))
            return Finish(A64AsmParser.LOCALREF, start, p + 1);
        if (p + 1 < _end && _text[p] == '.' && (uint)(_text[p + 1] - '0') < 10)
        {
            p++;
            while (p < _end && (uint)(_text[p] - '0') < 10) p++;
            p = SkipExponent(p);
            return Finish(A64AsmParser.FLOAT, start, p);
        }
        int afterExponent = SkipExponent(p);
        if (afterExponent != p)
            return Finish(A64AsmParser.FLOAT, start, afterExponent);
        return Finish(A64AsmParser.NUMBER, start, p);
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

    private IToken LexString(int start)
    {
        int p = start + 1;
        while (p < _end && _text[p] != '"')
            p += _text[p] == '\\' ? 2 : 1;
        if (p >= _end)
            throw new AsmError(_line?.At(start + _indexBase), "missing closing '\"'");
        return Finish(A64AsmParser.STRING, start, p + 1);
    }

    private IToken LexChar(int start)
    {
        int p = start + 1;
        if (p >= _end)
            throw new AsmError(_line?.At(start + _indexBase), "missing character after '");
        p += _text[p] == '\\' ? 2 : 1;
        if (p < _end && _text[p] == '\'') p++;
        return Finish(A64AsmParser.CHAR, start, Math.Min(p, _end));
    }

    private IToken Two(char second, int twoType, int oneType) =>
        Peek(1) == second ? Punct(twoType, 2) : Punct(oneType, 1);

    private IToken Punct(int type, int length)
    {
        int start = _pos;
        _pos += length;
        return Make(type, PunctuationText(type, start, length), start, _pos);
    }

    private string PunctuationText(int type, int start, int length) =>
        length == 1 ? SingleCharStrings[_text[start] & 0x7f] : _text.Substring(start, length);

    private static readonly string[] SingleCharStrings =
        Enumerable.Range(0, 128).Select(i => ((char)i).ToString()).ToArray();

    private IToken Finish(int type, int start, int end)
    {
        _pos = end;
        return Make(type, _text.Substring(start, end - start), start, end);
    }

    private IToken Make(int type, string text, int start, int end) => new CommonToken(type, text)
    {
        Line = 1,
        Column = start + _indexBase,
        StartIndex = start + _indexBase,
        StopIndex = end + _indexBase - 1,
    };
}
