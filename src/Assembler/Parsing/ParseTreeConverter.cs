using A64Asm.Assembler.Diagnostics;
using A64Asm.Assembler.Parsing.Generated;
using A64Asm.Assembler.Parsing.Syntax;
using Antlr4.Runtime;
using static A64Asm.Assembler.Parsing.Generated.A64AsmParser;

namespace A64Asm.Assembler.Parsing;

/// <summary>Turns one statement's small parse tree into the statement records, right after parsing it.
/// Numeric local labels stay unbound (see <see cref="LocalLabelBinder"/>), so the result depends on the text alone.</summary>
internal sealed class ParseTreeConverter
{
    private SourceLine _line = null!;
    private bool _sawLocalRef;

    public StatementTemplate Convert(SourceLine line, LineContext tree)
    {
        _line = line;
        _sawLocalRef = false;
        var labelContexts = tree.label();
        var labels = labelContexts.Length == 0 ? Array.Empty<LabelTemplate>() : new LabelTemplate[labelContexts.Length];
        for (int i = 0; i < labelContexts.Length; i++)
            labels[i] = ConvertLabel(labelContexts[i]);
        var statement = tree.statement() is { } s ? ConvertStatement(s) : null;
        return new StatementTemplate(labels, statement, _sawLocalRef);
    }

    /// <summary>May hold <see cref="LocalRefExpr"/>; bind it before use.</summary>
    public Expr ConvertExpression(SourceLine line, ExprContext tree)
    {
        _line = line;
        return Expression(tree);
    }

    private LabelTemplate ConvertLabel(LabelContext label)
    {
        var token = label.name;
        var named = new LabelDefinition(token.Text, token.StartIndex);
        return token.Type == NUMBER ? new LabelTemplate(named, true, Number(token)) : new LabelTemplate(named, false, 0);
    }

    private Statement ConvertStatement(StatementContext statement)
    {
        switch (statement)
        {
            case AssignmentContext a:
                return new AssignmentStatement(a.name.Text, Expression(a.expr()), a.name.StartIndex);
            case RegisterAliasContext r:
                if (!r.keyword.Text.Equals(".req", StringComparison.OrdinalIgnoreCase))
                    throw Error(r.keyword, $"unknown directive '{r.keyword.Text}' after '{r.name.Text}'");
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
        return new InstructionStatement(MnemonicCase.Lower(name), operands, c.name.StartIndex);
    }

    private IReadOnlyList<OperandSyntax> Operands(CommandContext c)
    {
        var first = c.plainOperand();
        if (first is null) return Array.Empty<OperandSyntax>();
        var list = new List<OperandSyntax>(c.ChildCount / 2 + 1) { Plain(first) };
        // Children after the name: operand (COMMA operand?)*; two commas in a row mean an empty operand.
        bool afterComma = false;
        for (int i = 2; i < c.ChildCount; i++)
        {
            var child = c.GetChild(i);
            if (child is OperandContext operand)
            {
                list.Add(operand is LiteralOperandContext lit
                    ? new LiteralOperandSyntax(Expression(lit.expr()), lit.Start.StartIndex)
                    : Plain(((OtherOperandContext)operand).plainOperand()));
                afterComma = false;
            }
            else if (child is Antlr4.Runtime.Tree.ITerminalNode { Symbol: var token } && token.Type == COMMA)
            {
                if (afterComma) list.Add(new EmptyOperandSyntax(token.StartIndex));
                afterComma = true;
            }
        }
        if (afterComma) list.Add(new EmptyOperandSyntax(c.Stop.StopIndex + 1));
        return list;
    }

    private OperandSyntax Plain(PlainOperandContext operand)
    {
        int index = operand.Start.StartIndex;
        switch (operand)
        {
            case ExpressionOperandContext e:
                return new ExprOperandSyntax(Expression(e.expr()), e.HASH() is not null, index);
            case MemoryOperandContext m:
            {
                var parts = m.plainOperand();
                var converted = new OperandSyntax[parts.Length];
                for (int i = 0; i < parts.Length; i++) converted[i] = Plain(parts[i]);
                return new MemoryOperandSyntax(converted, m.BANG() is not null, index);
            }
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

    private Expr Expression(ExprContext expr)
    {
        switch (expr)
        {
            case PrimaryExprContext p:
                return Primary(p.primary());
            case UnaryExprContext u:
                return new UnaryExpr(u.op.Type switch
                {
                    MINUS => UnaryOp.Negate,
                    TILDE => UnaryOp.Complement,
                    BANG => UnaryOp.LogicalNot,
                    _ => UnaryOp.Plus,
                }, Expression(u.expr()), u.op.StartIndex);
            case MultiplicativeExprContext m:
                return Binary(m.op, m.expr(0), m.expr(1));
            case BitwiseExprContext b:
                return Binary(b.op, b.expr(0), b.expr(1));
            case AdditiveExprContext a:
                return Binary(a.op, a.expr(0), a.expr(1));
            case LogicalAndExprContext la:
                return new BinaryExpr(BinaryOp.LogicalAnd, Expression(la.expr(0)), Expression(la.expr(1)), la.Start.StartIndex);
            case LogicalOrExprContext lo:
                return new BinaryExpr(BinaryOp.LogicalOr, Expression(lo.expr(0)), Expression(lo.expr(1)), lo.Start.StartIndex);
            default:
                throw new InvalidOperationException(expr.GetType().Name);
        }
    }

    private Expr Binary(IToken op, ExprContext left, ExprContext right)
    {
        var kind = op.Type switch
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
                return new NumberExpr(Number(token), token.StartIndex);
            case SymbolPrimaryContext:
                return new SymbolExpr(token.Text, token.StartIndex);
            case ParenPrimaryContext paren:
                return Expression(paren.expr());
            case LocalRefPrimaryContext:
            {
                string text = token.Text;
                bool forward = (text[^1] | 0x20) == 'f';
                Literals.TryParseNumber(text[..^1].TrimStart('0') is { Length: > 0 } digits ? digits : "0", out long label);
                _sawLocalRef = true;
                return new LocalRefExpr(label, forward, token.StartIndex);
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
        if (!Literals.TryParseNumber(token.Text, out long value))
            throw Error(token, $"invalid number '{token.Text}'");
        return value;
    }

    private AsmError Error(IToken token, string message) => new(_line.At(token.StartIndex), message);
}
