using A64Asm.Assembler.Diagnostics;
using A64Asm.Assembler.Parsing;
using A64Asm.Assembler.Parsing.Syntax;

namespace A64Asm.Assembler.Layout.Debug;

/// <summary>Blank-separated words and "..." strings of a directive's raw text, with their columns in the line.</summary>
internal sealed class RawArgumentReader
{
    private readonly ParsedLine _line;
    private readonly DirectiveStatement _directive;
    private readonly string _text;
    private int _at;

    public RawArgumentReader(ParsedLine line, DirectiveStatement d)
    {
        _line = line;
        _directive = d;
        _text = line.Line.Text;
        int start = d.Index + d.Name.Length;
        int found = start <= _text.Length ? _text.IndexOf(d.RawArguments, start, StringComparison.Ordinal) : -1;
        // The raw arguments stand in the line as written; if not (an expansion rewrote them), read them alone.
        if (found < 0)
        {
            _text = d.RawArguments;
            found = 0;
        }
        _at = found;
        _end = found + d.RawArguments.Length;
        SkipBlanks();
    }

    private readonly int _end;

    private int _before;

    /// <summary>Puts back the word <see cref="Word"/> read last.</summary>
    public void Back() => _at = _before;

    public bool AtString => _at < _end && _text[_at] == '"';

    public bool StartsNumber => _at < _end && (char.IsAsciiDigit(_text[_at]) || _text[_at] is '(' or '-' or '+' or '~');

    public (string Text, int At)? Word()
    {
        _before = _at;
        if (_at >= _end)
            return null;
        int start = _at;
        while (_at < _end && !char.IsWhiteSpace(_text[_at]))
            _at++;
        var word = (_text[start.._at], start);
        SkipBlanks();
        return word;
    }

    public string? String()
    {
        if (!AtString)
            return null;
        int start = _at++;
        while (_at < _end && _text[_at] != '"')
            _at += _text[_at] == '\\' ? 2 : 1;
        if (_at >= _end)
            throw new AsmError(_line.At(start), "missing close quote");
        _at++;
        var bytes = Literals.ParseString(_text[start.._at]);
        SkipBlanks();
        return System.Text.Encoding.UTF8.GetString(bytes);
    }

    public void ExpectEnd()
    {
        if (_at < _end)
            throw ErrorHere($"junk at end of line, first unrecognized character is `{_text[_at]}'");
    }

    public AsmError ErrorHere(string message) => new(_line.At(Math.Min(_at, _text.Length)), message);
    public AsmError ErrorAtDirective(string message) => new(_line.At(_directive.Index), message);

    private void SkipBlanks()
    {
        while (_at < _end && char.IsWhiteSpace(_text[_at]))
            _at++;
    }
}
