using A64Asm.Assembler.Diagnostics;
using A64Asm.Assembler.Parsing.Generated;
using Antlr4.Runtime;

namespace A64Asm.Assembler.Parsing;

/// <summary>
/// The hand-written lexer that feeds the generated parser. It produces the token types of grammar/A64Asm.g4 for
/// one statement's text; the generated lexer is too slow for million-line inputs (see shared/bench/README.md).
/// A statement is lexed whole first (<see cref="Lex"/>), so its token types can pick a parse made before
/// (<see cref="ParseShapes"/>); tokens become <see cref="CommonToken"/>s only when the parser pulls them.
/// Token positions are indices into the <see cref="SourceLine"/> text, so errors can name the column.
/// </summary>
public sealed class StatementTokenSource : ITokenSource
{
    private readonly StatementLexer _lexer = new();
    private int _next;
    private SourceLine? _line;

    /// <summary>Lexes <paramref name="text"/>[start, end), whose first character sits at <paramref name="indexBase"/> in the line.</summary>
    public void Lex(SourceLine line, string text, int start, int end, int indexBase)
    {
        _line = line;
        _lexer.Lex(line, text, start, end, indexBase);
        Rewind();
    }

    /// <summary>Replays the lexed tokens from the first (the LL retry parses the same statement again).</summary>
    public void Rewind()
    {
        _next = 0;
        MetLexError = false;
    }

    /// <summary>Set for the parser's SLL attempt: a character that did not lex ends the statement there (and sets
    /// <see cref="MetLexError"/>) instead of raising its error, so that the attempt finishes and LL reports in order.</summary>
    public bool LexErrorEndsInput { get; set; }

    public bool MetLexError { get; private set; }

    /// <summary>The statement's token types, EOF last; only meaningful when <see cref="IsComplete"/>.</summary>
    public ReadOnlySpan<int> Types => _lexer.Types;

    /// <summary>False when a character did not lex; the parser then meets the error where the token would be.</summary>
    public bool IsComplete => _lexer.Error is null;

    /// <summary>Gives <paramref name="tokens"/> (from an earlier statement of the same types) this statement's text and positions.</summary>
    public void Retarget(IReadOnlyList<IToken> tokens)
    {
        for (int i = 0; i < tokens.Count; i++)
            Fill((CommonToken)tokens[i], i);
    }

    public int Line => 1;
    public int Column => _next < _lexer.Count ? _lexer.Start(_next) : 0;
    public ICharStream InputStream => null!;
    public string SourceName => _line?.Location.Pos.File.DisplayPath ?? "";
    public ITokenFactory TokenFactory { get; set; } = CommonTokenFactory.Default;

    public IToken NextToken()
    {
        if (_next >= _lexer.Count)
        {
            if (_lexer.Error is { } error)
            {
                if (!LexErrorEndsInput)
                    throw error;
                MetLexError = true;
                return new CommonToken(TokenConstants.EOF) { StartIndex = Column, StopIndex = Column - 1 };
            }
            _next = _lexer.Count - 1;
        }
        var token = new LexedToken(_lexer, _lexer.Types[_next], _next);
        Fill(token, _next++);
        return token;
    }

    // Text is left to the token: a reused shape's tokens are retargeted for every statement, and most of their
    // texts (punctuation, numbers read as spans) are never asked for.
    private void Fill(CommonToken token, int i)
    {
        int start = _lexer.Start(i);
        token.Line = 1;
        token.Column = start;
        token.StartIndex = start;
        token.StopIndex = _lexer.End(i) - 1;
    }

    /// <summary>The characters of <paramref name="token"/> in the statement being converted, without making a string.</summary>
    public static ReadOnlySpan<char> SpanOf(IToken token) =>
        token is LexedToken lexed ? lexed.Span : token.Text.AsSpan();

    public static bool IsIdentStart(char c) => StatementLexer.IsIdentStart(c);

    public static bool IsIdentPart(char c) => StatementLexer.IsIdentPart(c);
}

/// <summary>A token whose text is read from the lexer when asked, so it is always the current statement's.</summary>
internal sealed class LexedToken : CommonToken
{
    private readonly StatementLexer _lexer;
    private readonly int _slot;

    public LexedToken(StatementLexer lexer, int type, int slot) : base(type, null)
    {
        _lexer = lexer;
        _slot = slot;
    }

    public override string Text
    {
        get => _lexer.Text(_slot);
        set => throw new NotSupportedException("a lexed token's text is the source's");
    }

    public ReadOnlySpan<char> Span => _lexer.Span(_slot);
}
