using A64Asm.Assembler.Diagnostics;
using A64Asm.Assembler.Parsing.Syntax;

namespace A64Asm.Assembler.Parsing;

/// <summary>
/// Evaluates expressions with GNU as semantics: 64-bit arithmetic, logical right shift, comparisons give -1/0,
/// &amp;&amp; and || give 1/0. Only + and - accept relocatable operands; the difference of two symbols of one
/// section is absolute.
/// </summary>
public static class ExpressionEvaluator
{
    public static ExprValue Evaluate(Expr expr, IExpressionScope scope, SourceLine line) => expr switch
    {
        NumberExpr n => ExprValue.Absolute(n.Value),
        SymbolExpr s => Symbol(s, scope),
        UnaryExpr u => Unary(u, Evaluate(u.Operand, scope, line), line),
        BinaryExpr b => Binary(b, Evaluate(b.Left, scope, line), Evaluate(b.Right, scope, line), line),
        FloatExpr f => throw new AsmError(line.At(f.Index), "floating-point number in an integer expression"),
        _ => throw new InvalidOperationException(expr.GetType().Name),
    };

    /// <summary>Evaluates and requires an absolute result.</summary>
    public static long EvaluateAbsolute(Expr expr, IExpressionScope scope, SourceLine line)
    {
        var value = Evaluate(expr, scope, line);
        if (!value.IsAbsolute)
            throw new AsmError(line.At(expr.Index), NotAbsoluteMessage(value));
        return value.Value;
    }

    public static string NotAbsoluteMessage(ExprValue value) => value.IsUndefinedSymbol
        ? $"expression is not absolute: symbol '{Display(value.Symbol!)}' is undefined"
        : "expression is not absolute: it depends on a label's address";

    public static string Display(string symbol) => LocalLabelNames.Describe(symbol);

    private static ExprValue Symbol(SymbolExpr s, IExpressionScope scope)
    {
        if (s.IsLocationCounter) return scope.LocationCounter;
        return scope.TryGetSymbol(s.Name, out var value) ? value : new ExprValue(0, null, s.Name);
    }

    private static ExprValue Unary(UnaryExpr u, ExprValue v, SourceLine line)
    {
        if (u.Op == UnaryOp.Plus) return v;
        if (!v.IsAbsolute)
            throw new AsmError(line.At(u.Index), $"invalid operand of unary '{OpText(u.Op)}': {Describe(v)} is not absolute");
        return ExprValue.Absolute(u.Op switch
        {
            UnaryOp.Negate => unchecked(-v.Value),
            UnaryOp.Complement => ~v.Value,
            _ => v.Value == 0 ? 1 : 0,
        });
    }

    private static ExprValue Binary(BinaryExpr b, ExprValue l, ExprValue r, SourceLine line)
    {
        if (b.Op == BinaryOp.Add)
        {
            if (r.IsAbsolute) return l with { Value = unchecked(l.Value + r.Value) };
            if (l.IsAbsolute) return r with { Value = unchecked(l.Value + r.Value) };
            throw new AsmError(line.At(b.Index), $"invalid sum: {Describe(l)} + {Describe(r)} is not relocatable");
        }
        if (b.Op == BinaryOp.Subtract)
            return Subtract(b, l, r, line);
        if (!l.IsAbsolute || !r.IsAbsolute)
        {
            // Comparing two labels of one section compares their offsets.
            if (IsComparison(b.Op) && SameBase(l, r))
                return ExprValue.Absolute(Compare(b.Op, l.Value, r.Value));
            var culprit = l.IsAbsolute ? r : l;
            throw new AsmError(line.At(b.Index), $"invalid operands of '{OpText(b.Op)}': {Describe(culprit)} is not absolute");
        }
        long x = l.Value, y = r.Value;
        return ExprValue.Absolute(b.Op switch
        {
            BinaryOp.Multiply => unchecked(x * y),
            BinaryOp.Divide => y == 0 ? throw new AsmError(line.At(b.Right.Index), "division by zero") : x == long.MinValue && y == -1 ? x : x / y,
            BinaryOp.Modulo => y == 0 ? throw new AsmError(line.At(b.Right.Index), "division by zero") : y == -1 ? 0 : x % y,
            BinaryOp.ShiftLeft => (ulong)y >= 64 ? 0 : x << (int)y,
            BinaryOp.ShiftRight => (ulong)y >= 64 ? 0 : (long)((ulong)x >> (int)y),
            BinaryOp.Or => x | y,
            BinaryOp.And => x & y,
            BinaryOp.Xor => x ^ y,
            BinaryOp.OrNot => x | ~y,
            BinaryOp.LogicalAnd => x != 0 && y != 0 ? 1 : 0,
            BinaryOp.LogicalOr => x != 0 || y != 0 ? 1 : 0,
            _ => Compare(b.Op, x, y),
        });
    }

    private static ExprValue Subtract(BinaryExpr b, ExprValue l, ExprValue r, SourceLine line)
    {
        if (r.IsAbsolute) return l with { Value = unchecked(l.Value - r.Value) };
        if (SameBase(l, r)) return ExprValue.Absolute(unchecked(l.Value - r.Value));
        string why = l.Section is not null && r.Section is not null
            ? $"'{Describe(l)}' and '{Describe(r)}' are in different sections"
            : $"{Describe(r.IsUndefinedSymbol ? r : l)} is undefined";
        throw new AsmError(line.At(b.Index), $"can't subtract: {why}");
    }

    private static bool SameBase(ExprValue l, ExprValue r) =>
        (l.Section is not null && ReferenceEquals(l.Section, r.Section)) ||
        (l.IsUndefinedSymbol && r.IsUndefinedSymbol && l.Symbol == r.Symbol);

    private static bool IsComparison(BinaryOp op) => op is BinaryOp.Equal or BinaryOp.NotEqual or BinaryOp.Less
        or BinaryOp.Greater or BinaryOp.LessOrEqual or BinaryOp.GreaterOrEqual;

    private static long Compare(BinaryOp op, long x, long y) => (op switch
    {
        BinaryOp.Equal => x == y,
        BinaryOp.NotEqual => x != y,
        BinaryOp.Less => x < y,
        BinaryOp.Greater => x > y,
        BinaryOp.LessOrEqual => x <= y,
        _ => x >= y,
    }) ? -1 : 0;

    private static string Describe(ExprValue v) => v switch
    {
        { IsAbsolute: true } => v.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
        { Symbol: { } s } => $"symbol '{Display(s)}'",
        _ => $"a location in {v.Section!.Name}",
    };

    private static string OpText(UnaryOp op) => op switch
    {
        UnaryOp.Negate => "-", UnaryOp.Complement => "~", UnaryOp.LogicalNot => "!", _ => "+",
    };

    private static string OpText(BinaryOp op) => op switch
    {
        BinaryOp.Multiply => "*", BinaryOp.Divide => "/", BinaryOp.Modulo => "%", BinaryOp.ShiftLeft => "<<",
        BinaryOp.ShiftRight => ">>", BinaryOp.Or => "|", BinaryOp.And => "&", BinaryOp.Xor => "^", BinaryOp.OrNot => "!",
        BinaryOp.Add => "+", BinaryOp.Subtract => "-", BinaryOp.Equal => "==", BinaryOp.NotEqual => "!=",
        BinaryOp.Less => "<", BinaryOp.Greater => ">", BinaryOp.LessOrEqual => "<=", BinaryOp.GreaterOrEqual => ">=",
        BinaryOp.LogicalAnd => "&&", _ => "||",
    };
}
