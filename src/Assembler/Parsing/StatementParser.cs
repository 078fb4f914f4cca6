using A64Asm.Assembler.Diagnostics;
using A64Asm.Assembler.Parsing.Generated;
using A64Asm.Assembler.Parsing.Syntax;
using Antlr4.Runtime;
using Antlr4.Runtime.Atn;
using Antlr4.Runtime.Misc;
using static A64Asm.Assembler.Parsing.Generated.A64AsmParser;

namespace A64Asm.Assembler.Parsing;

/// <summary>
/// Parses one statement line at a time with the generated parser, fed by <see cref="StatementTokenSource"/>.
/// One parser instance is reused; each line is tried in SLL mode first (fast, almost always enough) and
/// re-parsed in full LL mode only when SLL fails, which is also where syntax errors get reported. A statement
/// whose token types were parsed before reuses that tree (<see cref="ParseShapes"/>). Caching records per
/// statement text as well was measured slower on the 1M-line workload: the kept records made every GC dearer.
/// </summary>
public sealed class StatementParser
{
    // Directives whose arguments are not expressions; they keep their raw text and skip the grammar.
    private static readonly HashSet<string> FreeFormDirectives = new(StringComparer.OrdinalIgnoreCase)
    {
        ".arch", ".arch_extension", ".cpu", ".fpu", ".loc", ".loc_mark_labels", ".file",
        ".gnu_attribute", ".eabi_attribute", ".cfi_sections",
        ".symver", ".version", ".purgem", ".altmacro", ".noaltmacro",
        ".func", ".endfunc",
        // Floating-point literals are not expressions: GNU reads 0f1.5, inf, nan and 1.5e as they stand.
        ".float", ".single", ".double", ".float16", ".bfloat16", ".dcb.s", ".dcb.d",
        ".dcb.x", ".dc.s", ".dc.d", ".dc.x",
    };

    private readonly StatementTokenSource _tokens = new();
    private readonly ParseShapes _shapes = new();
    private readonly CommonTokenStream _stream;
    private readonly A64AsmParser _parser;
    private readonly ParseTreeConverter _converter;
    private readonly ThrowingErrorListener _errors = new();
    private readonly RecoveringStrategy _recovering = new();

    public StatementParser(LocalLabelNames? localLabels = null)
    {
        LocalLabels = localLabels ?? new LocalLabelNames();
        _stream = new CommonTokenStream(_tokens);
        _parser = new A64AsmParser(_stream);
        _parser.RemoveErrorListeners();
        _parser.AddErrorListener(_errors);
        _converter = new ParseTreeConverter(LocalLabels);
    }

    public LocalLabelNames LocalLabels { get; }

    public ParsedLine ParseLine(SourceLine line)
    {
        string text = line.Text;
        int start = SkipSpace(text, 0);
        if (start >= text.Length || IsCommentStart(text, start))
            return new ParsedLine(line, Array.Empty<LabelDefinition>(), null);
        if (text[start] == '.' && TryFreeFormDirective(line, start) is { } freeForm)
            return freeForm;
        try
        {
            return _converter.Convert(line, ParseStatement(line, text, start));
        }
        catch (AsmError) when (ScalableSyntaxError(line, text, start) is { } refusal)
        {
            throw refusal;
        }
    }

    // An SVE/SME statement the grammar cannot read yet (za0h.s[w12, 0], {za0h.s[w12, 0]}): refused by name, as
    // InstructionEncoder refuses the ones it can read, not as a syntax error. Labels before it are skipped.
    private static AsmError? ScalableSyntaxError(SourceLine line, string text, int at)
    {
        while (true)
        {
            int end = at;
            while (end < text.Length && StatementTokenSource.IsIdentPart(text[end])) end++;
            int after = SkipSpace(text, end);
            if (end == at || after >= text.Length || text[after] != ':') break;
            at = SkipSpace(text, after + 1);
        }
        if (at >= text.Length || text[at] == '.') return null;
        return InstructionEncoding.ScalableExtensions.Of(InstructionEncoding.ScalableExtensions.Statement(text, at)) is { } extension
            ? new AsmError(line.At(at), InstructionEncoding.ScalableExtensions.NotSupported(extension))
            : null;
    }

    /// <summary>
    /// Whether <paramref name="text"/> parses the same on any parser, in any order: it holds one statement (no ';')
    /// with no label definition (no ':') and no numeric local reference ("1b", "2f"), the only state a parse reads.
    /// Conservative: "0x1f" or ":lo12:" also say no.
    /// </summary>
    public static bool ParsesWithoutLineOrder(string text)
    {
        var span = text.AsSpan();
        if (span.IndexOfAny(StatefulChars) >= 0)
            return false;
        for (int at = 0; ;)
        {
            int i = span[at..].IndexOfAny(LocalRefSuffixes);
            if (i < 0)
                return true;
            i += at;
            if (i > 0 && (uint)(span[i - 1] - '0') < 10)
                return false;
            at = i + 1;
        }
    }

    private static readonly System.Buffers.SearchValues<char> StatefulChars = System.Buffers.SearchValues.Create(":;");
    private static readonly System.Buffers.SearchValues<char> LocalRefSuffixes = System.Buffers.SearchValues.Create("bfBF");

    /// <summary>An expression that sits at <paramref name="index"/> of <paramref name="line"/> (for .if and friends).
    /// Macros repeat the same few conditions (a recursive macro's ".if \n" sees one text per level), and the
    /// general parser costs microseconds per token, so parses that read no parser state are kept by text.</summary>
    public Expr ParseExpression(SourceLine line, int index, string expression)
    {
        bool keep = ParsesWithoutLineOrder(expression);
        if (keep && _expressions.TryGetValue((index, expression), out var known))
            return known;
        _tokens.Lex(line, expression, 0, expression.Length, index);
        var tree = Parse(line, p => p.expressionLine());
        var expr = _converter.ConvertExpression(line, tree.expr());
        if (keep)
        {
            if (_expressions.Count >= MaxKeptExpressions)
                _expressions.Clear();
            _expressions[(index, expression)] = expr;
        }
        return expr;
    }

    private const int MaxKeptExpressions = 4096;
    private readonly Dictionary<(int Index, string Text), Expr> _expressions = new();

    private LineContext ParseStatement(SourceLine line, string text, int start)
    {
        _tokens.Lex(line, text, start, text.Length, start);
        if (!_tokens.IsComplete)
            return Parse(line, p => p.line());
        if (_shapes.TryGet(_tokens.Types, out var shape))
        {
            _tokens.Retarget(shape.Tokens);
            return (LineContext)shape.Tree;
        }
        var tree = Parse(line, p => p.line());
        _shapes.Add(_tokens.Types, tree, _stream.GetTokens().ToArray());
        return tree;
    }

    private T Parse<T>(SourceLine line, Func<A64AsmParser, T> rule)
        where T : ParserRuleContext
    {
        _errors.Line = line;
        _errors.RecordOnly = true;
        _errors.Failed = false;
        _tokens.LexErrorEndsInput = true;
        _parser.ErrorHandler = _recovering;
        _stream.SetTokenSource(_tokens);
        _parser.TokenStream = _stream;
        _parser.Interpreter.PredictionMode = PredictionMode.SLL;
        var tree = rule(_parser);
        if (!_errors.Failed && !_tokens.MetLexError)
            return tree;
        // SLL can fail on input that full LL accepts (ANTLR's two-stage parse); LL also gives the precise error.
        _errors.RecordOnly = false;
        _tokens.LexErrorEndsInput = false;
        _tokens.Rewind();
        _stream.SetTokenSource(_tokens);
        _parser.TokenStream = _stream;
        _parser.Interpreter.PredictionMode = PredictionMode.LL;
        return rule(_parser);
    }

    private ParsedLine? TryFreeFormDirective(SourceLine line, int start)
    {
        string text = line.Text;
        int end = start + 1;
        while (end < text.Length && StatementTokenSource.IsIdentPart(text[end])) end++;
        if (end - start < 3 || !FreeFormDirectives.Contains(text[start..end]))
            return null;
        int afterName = SkipSpace(text, end);
        if (afterName < text.Length && text[afterName] is ':' or '=')
            return null;
        string raw = text[end..].Trim();
        var directive = new DirectiveStatement(text[start..end].ToLowerInvariant(), Array.Empty<OperandSyntax>(), raw, start);
        return new ParsedLine(line, Array.Empty<LabelDefinition>(), directive);
    }

    private static int SkipSpace(string text, int i)
    {
        while (i < text.Length && (text[i] == ' ' || text[i] == '\t' || text[i] == '\f' || text[i] == '\r')) i++;
        return i;
    }

    // '#' starts a comment at the beginning of a line (after cpp, '# 1 "file"' line markers); '//' anywhere.
    private static bool IsCommentStart(string text, int i) =>
        text[i] == '#' || (text[i] == '/' && i + 1 < text.Length && text[i + 1] == '/');

    /// <summary>
    /// What the parser does after a syntax error. In LL the listener stops at the first one; in the SLL attempt the
    /// first one only means "try LL", so the rest of the attempt is made cheap: no resynchronising (ANTLR's computes
    /// follow sets through the whole rule stack at every level, which made a line of 1,000 open brackets cost 50 ms),
    /// one token dropped per error so the attempt ends, and a made-up token, without a character stream (the hand
    /// lexer has none), wherever one is missing.
    /// </summary>
    private sealed class RecoveringStrategy : DefaultErrorStrategy
    {
        public override void Sync(Parser recognizer)
        {
            if (!InErrorRecoveryMode(recognizer))
                base.Sync(recognizer);
        }

        public override void Recover(Parser recognizer, RecognitionException e)
        {
            BeginErrorCondition(recognizer);
            if (recognizer.InputStream.LA(1) != TokenConstants.EOF)
                recognizer.Consume();
        }

        public override IToken RecoverInline(Parser recognizer)
        {
            if (!InErrorRecoveryMode(recognizer))
                return base.RecoverInline(recognizer);
            return Conjured(TokenConstants.InvalidType, recognizer.CurrentToken);
        }

        protected override IToken GetMissingSymbol(Parser recognizer)
        {
            var expected = GetExpectedTokens(recognizer);
            return Conjured(expected.IsNil ? TokenConstants.InvalidType : expected.MinElement, recognizer.CurrentToken);
        }

        private static CommonToken Conjured(int type, IToken current) =>
            new(type) { StartIndex = current.StartIndex, StopIndex = current.StartIndex - 1 };
    }

    private sealed class ThrowingErrorListener : IAntlrErrorListener<IToken>
    {
        public SourceLine? Line { get; set; }

        /// <summary>In the SLL attempt an error only means "try LL"; the attempt goes on, recovering, to its end.</summary>
        public bool RecordOnly { get; set; }

        public bool Failed { get; set; }

        public void SyntaxError(TextWriter output, IRecognizer recognizer, IToken offendingSymbol, int line,
            int charPositionInLine, string msg, RecognitionException e)
        {
            if (RecordOnly)
            {
                Failed = true;
                return;
            }
            string what = offendingSymbol is null || offendingSymbol.Type == TokenConstants.EOF
                ? "end of line"
                : $"'{offendingSymbol.Text}'";
            int index = offendingSymbol?.StartIndex ?? charPositionInLine;
            if (offendingSymbol is { Type: TokenConstants.EOF } && Line is not null)
                index = Math.Max(0, Line.Text.TrimEnd().Length);
            throw new AsmError(Line?.At(Math.Max(0, index)), $"syntax error: unexpected {what}");
        }
    }
}
