namespace A64Asm.Linker.Script;

/// <summary>
/// A hand-written recursive-descent reader of ld's script language, for the part a flat blob needs:
/// <c>SECTIONS { . = ADDR; NAME [ADDR] : [ALIGN(A)] { [KEEP(]FILE(PATTERN...)[)] SYMBOL = EXPR; } /DISCARD/ : {...} }</c>,
/// <c>ENTRY(SYMBOL)</c>, and assignments with ld's expression operators and ALIGN/ABSOLUTE/ADDR/SIZEOF. Anything
/// else is refused by name, at its line and column.
/// </summary>
internal sealed class ScriptParser(string file, string text)
{
    private readonly ScriptScanner _s = new(file, text);

    // Accepted for compatibility with scripts written for ld; they change nothing in a flat AArch64 link.
    private static readonly string[] IgnoredCommands = ["OUTPUT_ARCH", "OUTPUT_FORMAT", "TARGET"];

    public LinkerScript ParseScript()
    {
        var statements = new List<ScriptStatement>();
        string? entry = null;
        while (!_s.AtEnd)
        {
            if (_s.Accept(";")) continue;
            var at = _s.Position;
            if (_s.Accept("SECTIONS"))
            {
                _s.Expect("{");
                while (!_s.Accept("}"))
                {
                    if (_s.AtEnd) throw _s.Error("expected '}' before the end of the file");
                    if (_s.Accept(";")) continue;
                    statements.Add(SectionsItem());
                }
            }
            else if (_s.Accept("ENTRY"))
            {
                _s.Expect("(");
                entry = _s.Name() ?? throw _s.Error($"ENTRY: expected a symbol name, found '{_s.Describe()}'");
                _s.Expect(")");
            }
            else if (IgnoredCommands.FirstOrDefault(c => _s.Accept(c)) is not null)
            {
                _s.Expect("(");
                while (!_s.Accept(")"))
                {
                    if (_s.AtEnd) throw _s.Error("expected ')' before the end of the file");
                    _s.Advance();
                }
            }
            else if (Assignment() is { } assignment)
                statements.Add(assignment);
            else
                throw new ScriptError(at, $"'{_s.Describe()}' is not supported (a64asm reads SECTIONS, ENTRY, OUTPUT_ARCH, OUTPUT_FORMAT and symbol assignments)");
        }
        return new LinkerScript(file, statements, entry);
    }

    private ScriptStatement SectionsItem()
    {
        var at = _s.Position;
        if (Assignment() is { } assignment) return assignment;
        string name = _s.Accept(OutputSectionStatement.Discard) ? OutputSectionStatement.Discard
            : _s.Name() ?? throw _s.Error($"expected an output section or an assignment, found '{_s.Describe()}'");
        ScriptExpression? address = null, align = null;
        if (!_s.Accept(":"))
        {
            address = Expression();
            _s.Expect(":");
        }
        if (_s.Accept("ALIGN"))
        {
            _s.Expect("(");
            align = Expression();
            _s.Expect(")");
        }
        _s.Expect("{");
        var body = new List<ScriptStatement>();
        while (!_s.Accept("}"))
        {
            if (_s.AtEnd) throw _s.Error("expected '}' before the end of the file");
            if (_s.Accept(";")) continue;
            body.Add((ScriptStatement?)Assignment() ?? InputSections());
        }
        _s.SkipBlanks();
        if (_s.Peek() is '>' or '=' or ':' || _s.Describe().StartsWith("AT>", StringComparison.Ordinal))
            throw _s.Error($"'{_s.Describe()}' after an output section is not supported (memory regions, program headers, load addresses and fills are not)");
        return new OutputSectionStatement(at, name, address, align, body);
    }

    private InputSectionStatement InputSections()
    {
        var at = _s.Position;
        bool keep = _s.Accept("KEEP");
        if (keep) _s.Expect("(");
        var filePattern = _s.Pattern() ?? throw _s.Error($"expected an input section description, found '{_s.Describe()}'");
        if (filePattern is "SORT" or "SORT_BY_NAME" or "SORT_BY_ALIGNMENT" or "EXCLUDE_FILE" or "INPUT_SECTION_FLAGS")
            throw new ScriptError(at, $"'{filePattern}' is not supported in an input section description");
        _s.Expect("(");
        var patterns = new List<string>();
        while (!_s.Accept(")"))
        {
            if (_s.AtEnd) throw _s.Error("expected ')' before the end of the file");
            var patternAt = _s.Position;
            var pattern = _s.Pattern() ?? throw _s.Error($"expected a section name pattern, found '{_s.Describe()}'");
            if (pattern.StartsWith("SORT", StringComparison.Ordinal) || pattern == "EXCLUDE_FILE")
                throw new ScriptError(patternAt, $"'{pattern}' is not supported in an input section description");
            patterns.Add(pattern);
            _s.Accept(",");
        }
        if (keep) _s.Expect(")");
        return new InputSectionStatement(at, filePattern, patterns, keep);
    }

    /// <summary>An assignment, or null (nothing consumed) when the next tokens are not one.</summary>
    private AssignmentStatement? Assignment()
    {
        var at = _s.Position;
        bool provide = _s.Accept("PROVIDE") || _s.Accept("PROVIDE_HIDDEN");
        if (provide)
        {
            _s.Expect("(");
            var name = _s.Name() ?? throw _s.Error($"PROVIDE: expected a symbol name, found '{_s.Describe()}'");
            _s.Expect("=");
            var value = Expression();
            _s.Expect(")");
            _s.Accept(";");
            return new AssignmentStatement(at, name, "=", value, Provide: true);
        }
        // A name followed by an assignment operator; anything else is left for the caller.
        if (!LooksLikeAssignment()) return null;
        var symbol = _s.Name()!;
        string op = _s.Accept("+=") ? "+" : _s.Accept("-=") ? "-" : _s.Accept("=") ? "=" : throw _s.Error("expected '='");
        var expr = Expression();
        _s.Expect(";");
        return new AssignmentStatement(at, symbol, op, expr, Provide: false);
    }

    private bool LooksLikeAssignment()
    {
        _s.SkipBlanks();
        int i = 0;
        if (!ScriptScanner.IsNameStart(_s.Peek())) return false;
        while (ScriptScanner.IsNameChar(_s.Peek(i))) i++;
        while (_s.Peek(i) is ' ' or '\t' or '\r' or '\n') i++;
        return _s.Peek(i) == '=' && _s.Peek(i + 1) != '=' || _s.Peek(i) is '+' or '-' && _s.Peek(i + 1) == '=';
    }

    /// <summary>A --defsym argument, NAME=EXPRESSION, and nothing after it.</summary>
    public (string Name, ScriptExpression Value) Defsym()
    {
        var name = _s.Name() ?? throw _s.Error($"expected NAME=EXPRESSION, found '{_s.Describe()}'");
        _s.Expect("=");
        var value = Expression();
        if (!_s.AtEnd) throw _s.Error($"unexpected '{_s.Describe()}' after the expression");
        return (name, value);
    }

    // Precedence, loosest first, as in C (and ld): | ^ & (<< >>) (+ -) (* / %).
    private static readonly string[][] Levels = [["|"], ["^"], ["&"], ["<<", ">>"], ["+", "-"], ["*", "/", "%"]];

    public ScriptExpression Expression() => Binary(0);

    private ScriptExpression Binary(int level)
    {
        if (level == Levels.Length) return Unary();
        var left = Binary(level + 1);
        while (true)
        {
            _s.SkipBlanks();
            var at = _s.Position;
            // '||' and '&&' are not this level's '|' and '&'.
            var op = Levels[level].FirstOrDefault(o => _s.Peek() == o[0] && (o.Length == 1 ? _s.Peek(1) != o[0] && _s.Peek(1) != '=' : _s.Peek(1) == o[1]));
            if (op is null) return left;
            _s.Accept(op);
            left = Folded(new BinaryExpression(at, op, left, Binary(level + 1)));
            if (left.Depth > MaxDepth) throw new ScriptError(at, $"expression nested more than {MaxDepth} deep");
        }
    }

    /// <summary>ld folds an operation on constants where it reads it (so its map shows "x = 0xfffffffffffffffc" for
    /// "x = -4"); so do we. A division by zero is left for evaluation to report where it is.</summary>
    private static ScriptExpression Folded(ScriptExpression expression)
    {
        bool constant = expression switch
        {
            UnaryExpression u => u.Operand is NumberExpression,
            BinaryExpression b => b.Left is NumberExpression && b.Right is NumberExpression
                && !(b.Operator is "/" or "%" && ((NumberExpression)b.Right).Value == 0),
            _ => false,
        };
        return constant ? new NumberExpression(expression.At, expression.Evaluate(NoContext.Instance)) : expression;
    }

    private sealed class NoContext : IScriptContext
    {
        public static readonly NoContext Instance = new();
        public ulong? Dot => null;
        public bool TryGetSymbol(string name, out ulong value, out string? problem) => throw new InvalidOperationException("constant");
        public bool TryGetSection(string name, out ulong address, out ulong size) => throw new InvalidOperationException("constant");
    }

    /// <summary>How deep an expression may nest (parentheses, unary operators, chained binary operators): reading and
    /// evaluating recurse, and a hostile script must end in an error, not a stack overflow.</summary>
    public const int MaxDepth = 1000;

    private int _depth;

    private ScriptExpression Unary()
    {
        _s.SkipBlanks();
        var at = _s.Position;
        if (++_depth > MaxDepth) throw new ScriptError(at, $"expression nested more than {MaxDepth} deep");
        try
        {
            return UnaryUnchecked(at);
        }
        finally
        {
            _depth--;
        }
    }

    private ScriptExpression UnaryUnchecked(ScriptPosition at)
    {
        foreach (var op in new[] { '-', '~', '!' })
            if (_s.Peek() == op && _s.Peek(1) != '=')
            {
                _s.Advance();
                return Folded(new UnaryExpression(at, op, Unary()));
            }
        if (_s.Accept("("))
        {
            var inner = Expression();
            _s.Expect(")");
            return inner;
        }
        if (_s.Number() is { } number) return new NumberExpression(at, number);
        var name = _s.Name() ?? throw _s.Error(_s.AtEnd ? "expected an expression before the end of the file" : $"expected an expression, found '{_s.Describe()}'");
        if (name == ".") return new DotExpression(at);
        _s.SkipBlanks();
        if (_s.Peek() != '(') return new SymbolExpression(at, name);
        _s.Accept("(");
        switch (name)
        {
            case "ALIGN":
            {
                var args = new List<ScriptExpression> { Expression() };
                if (_s.Accept(",")) args.Add(Expression());
                _s.Expect(")");
                return new CallExpression(at, name, args);
            }
            case "ABSOLUTE":
            {
                var arg = Expression();
                _s.Expect(")");
                return new CallExpression(at, name, [arg]);
            }
            case "ADDR" or "SIZEOF":
            {
                var section = _s.Name() ?? throw _s.Error($"{name}: expected an output section name, found '{_s.Describe()}'");
                _s.Expect(")");
                return new CallExpression(at, name, [], section);
            }
            default:
                throw new ScriptError(at, $"function '{name}' is not supported (a64asm knows ALIGN, ABSOLUTE, ADDR and SIZEOF)");
        }
    }
}
