using A64Asm.Assembler.Diagnostics;
using A64Asm.Assembler.Parsing.Generated;
using A64Asm.Assembler.Parsing.Syntax;
using Antlr4.Runtime;
using static A64Asm.Assembler.Parsing.Generated.A64AsmParser;

namespace A64Asm.Assembler.Parsing;

/// <summary>Turns one statement's small parse tree into the statement records, right after parsing it.
/// It runs once per statement, so the common shapes walk the children directly instead of through the generated
/// accessors, which search the children and allocate arrays.</summary>
internal sealed class ParseTreeConverter
{
    private readonly LocalLabelNames _localLabels;
    private SourceLine _line = null!;

    public ParseTreeConverter(LocalLabelNames localLabels) => _localLabels = localLabels;

    public ParsedLine Convert(SourceLine line, LineContext tree)
    {
        _line = line;
        var children = tree.children;
        int labelCount = 0;
        while (children[labelCount] is LabelContext) labelCount++;
        var labels = labelCount == 0 ? Array.Empty<LabelDefinition>() : new LabelDefinition[labelCount];
        for (int i = 0; i < labelCount; i++)
            labels[i] = ConvertLabel((LabelContext)children[i]);
        var statement = children[labelCount] is StatementContext s ? ConvertStatement(s) : null;
        return new ParsedLine(line, labels, statement);
    }

    public Expr ConvertExpression(SourceLine line, ExprContext tree)
    {
        _line = line;
        return Expression(tree);
    }

    private LabelDefinition ConvertLabel(LabelContext label)
    {
        var token = label.name;
        if (token.Type == NUMBER)
            return new LabelDefinition(_localLabels.Define(Number(token)), token.StartIndex);
        return new LabelDefinition(token.Text, token.StartIndex);
    }

    private Statement ConvertStatement(StatementContext statement)
    {
        switch (statement)
        {
            case AssignmentContext a:
                return new AssignmentStatement(a.name.Text, Expression(a.expr()), a.name.StartIndex);
            case RegisterAliasContext r:
                // GNU as reads the comma of ".type sym, type" as optional: ".type sym STT_NOTYPE".
                if (r.name.Text.Equals(".type", StringComparison.OrdinalIgnoreCase))
                    return new DirectiveStatement(".type",
                        [new ExprOperandSyntax(new SymbolExpr(r.keyword.Text, r.keyword.StartIndex), false, r.keyword.StartIndex),
                         new ExprOperandSyntax(new SymbolExpr(r.target.Text, r.target.StartIndex), false, r.target.StartIndex)],
                        _line.Text[(r.name.StopIndex + 1)..(r.target.StopIndex + 1)].Trim(), r.name.StartIndex);
                if (!r.keyword.Text.Equals(".req", StringComparison.OrdinalIgnoreCase))
                    throw Error(r.keyword, $"unknown directive '{r.keyword.Text}' after '{r.name.Text}'");
                // GNU as ends a mnemonic at a '.', so "lr.a .req x30" is the instruction lr with suffix .a, not an alias.
                if (r.name.Text.Contains('.'))
                    throw Error(r.name, $"unknown mnemonic `{r.name.Text}'");
                return new RegisterAliasStatement(r.name.Text, r.target.Text, r.name.StartIndex);
            case CommandContext c:
                return Command(c);
            default:
                throw new InvalidOperationException(statement.GetType().Name);
        }
    }

    private Statement Command(CommandContext c)
    {
        var operands = Operands(c);
        string name = c.name.Text;
        if (name[0] == '.')
        {
            int stop = c.Stop.StopIndex + 1;
            int rawStart = c.name.StopIndex + 1;
            string raw = rawStart < stop && stop <= _line.Text.Length ? _line.Text[rawStart..stop].Trim() : "";
            return new DirectiveStatement(name.ToLowerInvariant(), operands, raw, c.name.StartIndex);
        }
        if (c.children.Count > 1 && c.children[1] is Antlr4.Runtime.Tree.ITerminalNode { Symbol: var comma } && comma.Type == COMMA)
            throw Error(comma, $"unexpected comma after the mnemonic name `{name}'");
        return new InstructionStatement(MnemonicCase.Lower(name), operands, c.name.StartIndex);
    }

    private readonly List<OperandSyntax> _operands = new();

    private OperandSyntax[] Operands(CommandContext c)
    {
        // Children after the name: plainOperand? (COMMA operand?)*; a comma with no operand before it (first, or
        // after another comma) means an empty operand, as does a comma at the end.
        var children = c.children;
        if (children.Count == 1) return Array.Empty<OperandSyntax>();
        _operands.Clear();
        bool afterComma = true;
        for (int i = 1; i < children.Count; i++)
        {
            switch (children[i])
            {
                case PlainOperandContext first:
                    _operands.Add(Plain(first));
                    afterComma = false;
                    break;
                case OtherOperandContext other:
                    _operands.Add(Plain((PlainOperandContext)other.children[0]));
                    afterComma = false;
                    break;
                case LiteralOperandContext lit:
                    _operands.Add(new LiteralOperandSyntax(Expression((ExprContext)lit.children[1]), lit.Start.StartIndex));
                    afterComma = false;
                    break;
                case Antlr4.Runtime.Tree.ITerminalNode { Symbol: var token } when token.Type == COMMA:
                    if (afterComma) _operands.Add(new EmptyOperandSyntax(token.StartIndex));
                    afterComma = true;
                    break;
            }
        }
        if (afterComma) _operands.Add(new EmptyOperandSyntax(c.Stop.StopIndex + 1));
        return _operands.ToArray();
    }

    private OperandSyntax Plain(PlainOperandContext operand)
    {
        int index = operand.Start.StartIndex;
        switch (operand)
        {
            case ExpressionOperandContext e:
            {
                var children = e.children;
                if (children.Count == 1 && children[0] is PrimaryExprContext { children: [SymbolPrimaryContext sym] })
                    return BareWord(sym.Start, index);
                if (children.Count == 2 && children[1] is PrimaryExprContext { children: [NumberPrimaryContext number] })
                    return HashNumber(number.Start, null, index);
                if (children.Count == 2 && children[1] is UnaryExprContext { op.Type: MINUS } negated
                    && negated.children[1] is PrimaryExprContext { children: [NumberPrimaryContext negatedNumber] })
                    return HashNumber(negatedNumber.Start, negated.op, index);
                return new ExprOperandSyntax(Expression((ExprContext)children[^1]), children.Count == 2, index);
            }
            case MemoryOperandContext m:
            {
                // [ part (, part)* ] !?
                var children = m.children;
                bool writeback = children[^1] is Antlr4.Runtime.Tree.ITerminalNode { Symbol.Type: BANG };
                int closing = writeback ? children.Count - 2 : children.Count - 1;
                var converted = new OperandSyntax[closing / 2];
                for (int i = 0; i < converted.Length; i++)
                    converted[i] = Plain((PlainOperandContext)children[1 + 2 * i]);
                return new MemoryOperandSyntax(converted, writeback, index);
            }
            case WritebackOperandContext wb:
                return new WritebackRegisterSyntax(wb.IDENT().GetText(), index);
            case ShiftOperandContext s:
                return new ShiftOperandSyntax(s.SHIFT().GetText().ToLowerInvariant(), s.expr() is { } amount ? Expression(amount) : null, index);
            case RelocationOperandContext r:
                return new RelocOperandSyntax(r.modifier.Text.ToLowerInvariant(), Expression(r.expr()), r.HASH() is not null, index);
            case ElementOperandContext el:
                return new ElementOperandSyntax(el.IDENT().GetText(), Expression(el.expr()), index);
            case RegisterListOperandContext l:
            {
                var ranges = l.registerRange();
                var converted = new RegisterRange[ranges.Length];
                for (int i = 0; i < ranges.Length; i++)
                    converted[i] = new RegisterRange(ranges[i].first.Text, ranges[i].last?.Text, ranges[i].Start.StartIndex);
                return new RegisterListSyntax(converted, l.expr() is { } element ? Expression(element) : null, index);
            }
            case StringOperandContext str:
                return new StringOperandSyntax(Literals.ParseString(str.STRING().GetText()), index);
            case TypeOperandContext t:
                return new TypeOperandSyntax(t.IDENT().GetText(), index);
            default:
                throw new InvalidOperationException(operand.GetType().Name);
        }
    }

    // Nearly every register operand is a bare word, and the same word recurs at the same column line after line;
    // the records are immutable, so one instance per (word, column) serves them all instead of two allocations each.
    private readonly ExprOperandSyntax?[] _bareWords = new ExprOperandSyntax?[4096];
    private readonly string?[] _bareWordNames = new string?[4096];
    private readonly int[] _bareWordIndices = new int[4096];

    private ExprOperandSyntax BareWord(IToken token, int index)
    {
        var name = StatementTokenSource.SpanOf(token);
        int slot = (index * 97 + name.Length * 31 + name[0] * 7 + name[^1]) & (4096 - 1);
        if (_bareWordIndices[slot] == index && _bareWordNames[slot] is { } known && name.SequenceEqual(known))
            return _bareWords[slot]!;
        string text = token.Text;
        _bareWordIndices[slot] = index;
        _bareWordNames[slot] = text;
        return _bareWords[slot] = new ExprOperandSyntax(new SymbolExpr(text, index), false, index);
    }

    // "#imm" likewise: the same number at the same column recurs (#0, #8, #16 ...), one record serves. The keys sit
    // in their own arrays, so a miss (most numbers in a large file) costs no visit to a record far away in the heap.
    private const int NumberSlots = 4096;
    private readonly ExprOperandSyntax?[] _hashNumbers = new ExprOperandSyntax?[NumberSlots];
    private readonly long[] _hashNumberValues = new long[NumberSlots];
    private readonly long[] _hashNumberPlaces = new long[NumberSlots];

    private static bool IsHex(IToken token) => StatementTokenSource.SpanOf(token).StartsWith("0x", StringComparison.OrdinalIgnoreCase);

    /// <summary>"#n", or "#-n" when <paramref name="minus"/> is its sign (kept as gas reads it: negate n).</summary>
    private ExprOperandSyntax HashNumber(IToken token, IToken? minus, int index)
    {
        long value = Number(token);
        int at = token.StartIndex;
        bool hex = IsHex(token);
        // Where the number and its sign sit (20 bits each; the operand and the sign come before the number, and
        // columns beyond are not cached), and whether it was written in hex: the same value elsewhere on the line, or
        // written the other way, is another record.
        long place = (hex ? 1L << 62 : 0) | ((long)index << 40) | ((long)(minus?.StartIndex + 1 ?? 0) << 20) | (uint)at;
        int slot = (int)((ulong)(value * 31 + index * 97 + at) & (NumberSlots - 1));
        if (at < 1 << 20 && _hashNumberValues[slot] == value && _hashNumberPlaces[slot] == place && _hashNumbers[slot] is { } cached)
            return cached;
        Expr number = new NumberExpr(value, at) { IsHexLiteral = hex };
        if (minus is not null)
            number = new UnaryExpr(UnaryOp.Negate, number, minus.StartIndex);
        var operand = new ExprOperandSyntax(number, true, index);
        if (at >= 1 << 20)
            return operand;
        if (_hashNumberValues[slot] != value || _hashNumberPlaces[slot] != place)
        {
            // Kept from its second sighting on: storing every new record into this long-lived array would make each
            // one a young object referenced from an old one, which the collector must then trace.
            _hashNumberValues[slot] = value;
            _hashNumberPlaces[slot] = place;
            _hashNumbers[slot] = null;
            return operand;
        }
        return _hashNumbers[slot] = operand;
    }

    private Expr Expression(ExprContext expr)
    {
        switch (expr)
        {
            case PrimaryExprContext p:
                return Primary((PrimaryContext)p.children[0]);
            case UnaryExprContext u:
                return new UnaryExpr(u.op.Type switch
                {
                    MINUS => UnaryOp.Negate,
                    TILDE => UnaryOp.Complement,
                    BANG => UnaryOp.LogicalNot,
                    _ => UnaryOp.Plus,
                }, Expression(u.expr()), u.op.StartIndex);
            case MultiplicativeExprContext or BitwiseExprContext or AdditiveExprContext:
                return Binary(expr.children);
            case LogicalAndExprContext la:
                return new BinaryExpr(BinaryOp.LogicalAnd, Expression(la.expr(0)), Expression(la.expr(1)), la.Start.StartIndex);
            case LogicalOrExprContext lo:
                return new BinaryExpr(BinaryOp.LogicalOr, Expression(lo.expr(0)), Expression(lo.expr(1)), lo.Start.StartIndex);
            default:
                throw new InvalidOperationException(expr.GetType().Name);
        }
    }

    // expr op expr
    private Expr Binary(IList<Antlr4.Runtime.Tree.IParseTree> children)
    {
        var left = (ExprContext)children[0];
        var right = (ExprContext)children[2];
        var kind = ((Antlr4.Runtime.Tree.ITerminalNode)children[1]).Symbol.Type switch
        {
            STAR => BinaryOp.Multiply,
            SLASH => BinaryOp.Divide,
            PERCENT => BinaryOp.Modulo,
            SHL => BinaryOp.ShiftLeft,
            SHR => BinaryOp.ShiftRight,
            PIPE => BinaryOp.Or,
            AMP => BinaryOp.And,
            CARET => BinaryOp.Xor,
            BANG => BinaryOp.OrNot,
            PLUS => BinaryOp.Add,
            MINUS => BinaryOp.Subtract,
            EQEQ => BinaryOp.Equal,
            NOTEQ or LTGT => BinaryOp.NotEqual,
            LT => BinaryOp.Less,
            GT => BinaryOp.Greater,
            LE => BinaryOp.LessOrEqual,
            _ => BinaryOp.GreaterOrEqual,
        };
        var l = Expression(left);
        return new BinaryExpr(kind, l, Expression(right), l.Index);
    }

    private Expr Primary(PrimaryContext primary)
    {
        var token = primary.Start;
        switch (primary)
        {
            case NumberPrimaryContext:
                if (Literals.TryParseNumber(StatementTokenSource.SpanOf(token), out long number))
                    return new NumberExpr(number, token.StartIndex) { IsHexLiteral = IsHex(token) };
                if (Literals.TryParseWide(StatementTokenSource.SpanOf(token), out var wide))
                    return new NumberExpr(unchecked((long)(ulong)wide), token.StartIndex) { IsHexLiteral = IsHex(token), Wide = wide };
                throw Error(token, $"invalid number '{token.Text}'");
            case SymbolPrimaryContext:
                return new SymbolExpr(token.Text, token.StartIndex);
            case ParenPrimaryContext paren:
                return Expression(paren.expr());
            case LocalRefPrimaryContext:
            {
                var text = StatementTokenSource.SpanOf(token);
                bool forward = (text[^1] | 0x20) == 'f';
                // Decimal however written ("010b" is label 10): without its leading zeros it cannot read as octal.
                Literals.TryParseNumber(text[..^1].TrimStart('0') is { Length: > 0 } digits ? digits : "0", out long label);
                var name = _localLabels.Reference(label, forward)
                    ?? throw Error(token, $"backward ref to unknown label \"{label}:\"");
                return new SymbolExpr(name, token.StartIndex);
            }
            case CharPrimaryContext:
                return new NumberExpr(Literals.ParseChar(token.Text), token.StartIndex);
            case FloatPrimaryContext:
                return new FloatExpr(Literals.ParseFloat(token.Text), token.StartIndex);
            default:
                throw new InvalidOperationException(primary.GetType().Name);
        }
    }

    private long Number(IToken token)
    {
        if (!Literals.TryParseNumber(StatementTokenSource.SpanOf(token), out long value))
            throw Error(token, Literals.TryParseWide(StatementTokenSource.SpanOf(token), out _) ? "bignum invalid" : $"invalid number '{token.Text}'");
        return value;
    }

    private AsmError Error(IToken token, string message) => new(_line.At(token.StartIndex), message);
}
