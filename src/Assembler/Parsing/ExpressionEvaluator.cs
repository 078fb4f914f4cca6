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
    public static ExprValue Evaluate(Expr expr, IExpressionScope scope, SourceLine line) =>
        TryEvaluate(expr, scope, line, out var value, out var error) ? value : throw error!;

    /// <summary>As <see cref="Evaluate"/>, with an error given back instead of thrown: callers that may retry later
    /// (a name defined further on) decide without catching. An error of the scope itself (a definition loop) is thrown.</summary>
    public static bool TryEvaluate(Expr expr, IExpressionScope scope, SourceLine line, out ExprValue value, out AsmError? error)
    {
        error = null;
        switch (expr)
        {
            case NumberExpr { Wide: not null } big:
                return Fail(line.At(big.Index), "bignum invalid", out value, out error);
            case NumberExpr n:
                value = ExprValue.Absolute(n.Value);
                return true;
            case SymbolExpr { IsLocationCounter: true }:
                value = scope.LocationCounter;
                return true;
            case SymbolExpr s:
                if (scope.TryGetSymbol(s.Name, out value, out error))
                    return true;
                if (error is not null)
                    return false;
                value = new ExprValue(0, null, s.Name);
                return true;
            case UnaryExpr u:
                if (!TryEvaluate(u.Operand, scope, line, out var operand, out error))
                {
                    value = default;
                    return false;
                }
                return Unary(u, operand, line, out value, out error);
            case BinaryExpr b:
                value = default;
                if (!TryEvaluate(b.Left, scope, line, out var left, out error) || !TryEvaluate(b.Right, scope, line, out var right, out error))
                    return false;
                return Binary(b, left, right, line, scope.UndefinedStaysUndefined, out value, out error);
            case FloatExpr f:
                value = default;
                error = new AsmError(line.At(f.Index), "floating-point number in an integer expression");
                return false;
            default:
                throw new InvalidOperationException(expr.GetType().Name);
        }
    }

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

    private static bool Fail(SourceLocation at, string message, out ExprValue value, out AsmError? error)
    {
        value = default;
        error = new AsmError(at, message);
        return false;
    }

    private static bool Unary(UnaryExpr u, ExprValue v, SourceLine line, out ExprValue value, out AsmError? error)
    {
        error = null;
        value = v;
        if (u.Op == UnaryOp.Plus) return true;
        if (!v.IsAbsolute)
            return Fail(line.At(u.Index), $"invalid operand of unary '{OpText(u.Op)}': {Describe(v)} is not absolute", out value, out error);
        value = ExprValue.Absolute(u.Op switch
        {
            UnaryOp.Negate => unchecked(-v.Value),
            UnaryOp.Complement => ~v.Value,
            _ => v.Value == 0 ? 1 : 0,
        });
        return true;
    }

    private static bool Binary(BinaryExpr b, ExprValue l, ExprValue r, SourceLine line, bool settled, out ExprValue value, out AsmError? error)
    {
        error = null;
        if (b.Op == BinaryOp.Add)
        {
            value = r.IsAbsolute ? l with { Value = unchecked(l.Value + r.Value) } : r with { Value = unchecked(l.Value + r.Value) };
            return r.IsAbsolute || l.IsAbsolute
                || Fail(line.At(b.Index), $"invalid sum: {Describe(l)} + {Describe(r)} is not relocatable", out value, out error);
        }
        if (b.Op == BinaryOp.Subtract)
            return Subtract(b, l, r, line, out value, out error);
        if (!l.IsAbsolute || !r.IsAbsolute)
        {
            // Comparing two labels of one section compares their offsets.
            value = ExprValue.Absolute(Compare(b.Op, l.Value, r.Value));
            if (IsComparison(b.Op) && SameBase(l, r))
                return true;
            // GNU as: a label and a number are unequal, and so is an undefined name and anything else once nothing
            // can define it any more (until then it waits for its definition). Labels of two sections stay an error.
            bool undefined = l.IsUndefinedSymbol || r.IsUndefinedSymbol;
            if (b.Op is BinaryOp.Equal or BinaryOp.NotEqual && (undefined ? settled : l.IsAbsolute || r.IsAbsolute))
            {
                value = ExprValue.Absolute(b.Op == BinaryOp.Equal ? 0 : -1);
                return true;
            }
            var culprit = l.IsAbsolute ? r : l;
            return Fail(line.At(b.Index), $"invalid operands of '{OpText(b.Op)}': {Describe(culprit)} is not absolute", out value, out error);
        }
        long x = l.Value, y = r.Value;
        if (y == 0 && b.Op is BinaryOp.Divide or BinaryOp.Modulo)
            return Fail(line.At(b.Right.Index), "division by zero", out value, out error);
        value = ExprValue.Absolute(b.Op switch
        {
            BinaryOp.Multiply => unchecked(x * y),
            BinaryOp.Divide => x == long.MinValue && y == -1 ? x : x / y,
            BinaryOp.Modulo => y == -1 ? 0 : x % y,
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
        return true;
    }

    private static bool Subtract(BinaryExpr b, ExprValue l, ExprValue r, SourceLine line, out ExprValue value, out AsmError? error)
    {
        error = null;
        value = l with { Value = unchecked(l.Value - r.Value) };
        if (r.IsAbsolute) return true;
        value = ExprValue.Absolute(unchecked(l.Value - r.Value));
        if (SameBase(l, r)) return true;
        string why = l.Section is not null && r.Section is not null
            ? $"'{Describe(l)}' and '{Describe(r)}' are in different sections"
            : $"{Describe(r.IsUndefinedSymbol ? r : l)} is undefined";
        return Fail(line.At(b.Index), $"can't subtract: {why}", out value, out error);
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
