using A64Asm.Assembler.Diagnostics;
using A64Asm.Assembler.Parsing;
using A64Asm.Assembler.Parsing.Syntax;
using A64Asm.Isa.Fixups;

namespace A64Asm.Assembler.Layout;

/// <summary>
/// Data from expressions (.byte ... .quad, literal pool slots): an absolute value is stored, a label's becomes a
/// relocation (PC-relative where the expression subtracts '.'), and one that names a later symbol is written at its
/// place at the end.
/// </summary>
internal sealed class DatumWriter(IStatementContext context, SectionWriter _out, FixupTable _fixups, SymbolTable symbols,
    DeferredWork deferred)
{
    /// <summary>A datum: absolute values are stored (truncated with a warning, as gas does); others become relocations.</summary>
    public void WriteValue(int size, ExprValue value, SourceLocation at)
    {
        // .struct's absolute section only counts: a zero moves it on, anything else is GNU as's error.
        if (_out.Current.IsAbsolute && (!value.IsAbsolute || value.Value != 0))
            throw new AsmError(at, "attempt to store value in absolute section");
        // A NOBITS section has no bytes to hold a value or a relocation: only zero is stored (as a reservation).
        if (_out.Current.IsNoBits && (!value.IsAbsolute || value.Value != 0))
            throw new AsmError(at, $"attempt to store non-zero value in section '{_out.Current.Name}'");
        long place = _out.Current.Location;
        var bytes = _out.Reserve(size);
        if (!value.IsAbsolute)
        {
            var kind = size switch
            {
                8 => FixupKind.Abs64, 4 => FixupKind.Abs32, 2 => FixupKind.Abs16,
                _ => throw new AsmError(at, $"cannot represent a {size}-byte relocation for {DescribeTarget(value)}"),
            };
            _fixups.AddRelocation(place, kind, value, at);
            return;
        }
        long v = value.Value;
        if (size < 8)
        {
            long max = 1L << (size * 8);
            if (v >= max || v < -(max >> 1))
                context.Warning(at, $"value 0x{v:x} truncated to 0x{v & (max - 1):x}");
        }
        if (size <= 8)
        {
            _out.WriteNumber(bytes, v);
            return;
        }
        // A 16-byte literal: the value sign-extended, its high half first when big-endian.
        var low = _out.BigEndian ? bytes[8..] : bytes[..8];
        var high = _out.BigEndian ? bytes[..8] : bytes[8..];
        _out.WriteNumber(low, v);
        high.Fill(v < 0 ? (byte)0xff : (byte)0);
    }

    /// <summary>A 128-bit literal (ldr q, =bignum), its high half first when big-endian.</summary>
    public void WriteWide(UInt128 value)
    {
        var bytes = _out.Reserve(16);
        var low = _out.BigEndian ? bytes[8..] : bytes[..8];
        var high = _out.BigEndian ? bytes[..8] : bytes[8..];
        _out.WriteNumber(low, unchecked((long)(ulong)value));
        _out.WriteNumber(high, unchecked((long)(ulong)(value >> 64)));
    }

    /// <summary>A datum from an expression; in streaming mode one naming a later symbol is written at the end.</summary>
    public void WriteExpression(int size, Expr expr, SourceLine line, SourceLocation at)
    {
        if (!context.CanDefer)
        {
            WriteDatum(size, expr, line, at);
            return;
        }
        int undefinedBefore = context.UndefinedLookups;
        if (!ExpressionEvaluator.TryEvaluate(expr, context, line, out var value, out var error))
        {
            if (context.UndefinedLookups == undefinedBefore && !TryWritePcRelative(size, expr, line, at))
                throw error!;
            if (context.UndefinedLookups != undefinedBefore)
                DeferDatum(size, expr, line, at);
            return;
        }
        if (value.IsUndefinedSymbol)
        {
            DeferDatum(size, expr, line, at);
            return;
        }
        WriteValue(size, value, at);
    }

    private void DeferDatum(int size, Expr expr, SourceLine line, SourceLocation at)
    {
        // GNU as makes a symbol where it is first named, so it comes before the mapping symbols of what follows.
        EnterNamedSymbols(expr);
        long place = _out.Current.Location;
        _out.Reserve(size);
        deferred.Add(place, () => WriteLaterDatum(size, expr, line, at));
    }

    /// <summary>
    /// A datum that named a symbol before its definition, written at the end. GNU as made it a fixup against that
    /// symbol then, and keeps the relocation when the symbol is global or weak even if it turned out to be an
    /// absolute equate (the link may define it otherwise); a local one it folds, as WriteDatum does.
    /// </summary>
    private void WriteLaterDatum(int size, Expr expr, SourceLine line, SourceLocation at)
    {
        if (size is 2 or 4 or 8 && SymbolPlusConstant(expr, line) is var (name, addend)
            && symbols.Find(name) is { IsGlobal: true, IsDefined: true, Section: null, PendingExpression: null })
        {
            WriteValue(size, new ExprValue(addend, null, name), at);
            return;
        }
        WriteDatum(size, expr, line, at);
    }

    /// <summary>"sym", "sym + K", "K + sym" or "sym - K" with K absolute: the symbol and the signed constant.</summary>
    private (string Name, long Addend)? SymbolPlusConstant(Expr expr, SourceLine line)
    {
        switch (expr)
        {
            case SymbolExpr { IsLocationCounter: false } s:
                return (s.Name, 0);
            case BinaryExpr { Op: BinaryOp.Add, Left: SymbolExpr { IsLocationCounter: false } s } add when Constant(add.Right, line) is { } k:
                return (s.Name, k);
            case BinaryExpr { Op: BinaryOp.Add, Right: SymbolExpr { IsLocationCounter: false } s } add when Constant(add.Left, line) is { } k:
                return (s.Name, k);
            case BinaryExpr { Op: BinaryOp.Subtract, Left: SymbolExpr { IsLocationCounter: false } s } sub when Constant(sub.Right, line) is { } k:
                return (s.Name, -k);
            default:
                return null;
        }
    }

    private long? Constant(Expr expr, SourceLine line) =>
        expr is not SymbolExpr && ExpressionEvaluator.TryEvaluate(expr, context, line, out var value, out _) && value.IsAbsolute
            ? value.Value : null;

    /// <summary>GNU as makes a symbol where it is first named, which decides its place in the symbol table.</summary>
    internal void EnterNamedSymbols(Expr expr)
    {
        switch (expr)
        {
            case SymbolExpr { IsLocationCounter: false } s: symbols.GetOrAdd(s.Name); break;
            case UnaryExpr u: EnterNamedSymbols(u.Operand); break;
            case BinaryExpr b: EnterNamedSymbols(b.Left); EnterNamedSymbols(b.Right); break;
        }
    }

    private void WriteDatum(int size, Expr expr, SourceLine line, SourceLocation at)
    {
        if (ExpressionEvaluator.TryEvaluate(expr, context, line, out var value, out var error))
            WriteValue(size, value, at);
        else if (!TryWritePcRelative(size, expr, line, at))
            throw error!;
    }
    /// <summary>
    /// A datum such as <c>.word sym - .</c>: the evaluator cannot subtract a location of this section from a symbol
    /// that is undefined or in another section, but the object can say it, as GNU as does, with a PC-relative
    /// relocation (PREL16/32/64) whose addend is what is left over. Sums of symbols cancel per section; what remains
    /// must be one target with coefficient +1 and this section with -1. False when the expression is not of that
    /// shape (the caller reports the evaluator's error).
    /// </summary>
    private bool TryWritePcRelative(int size, Expr expr, SourceLine line, SourceLocation at)
    {
        var terms = new List<(int Sign, ExprValue Value)>();
        if (!TryCollectTerms(expr, +1, line, terms)) return false;

        long constant = 0;
        (int Sign, ExprValue Value)? target = null;
        var byBase = terms.Where(t => !t.Value.IsAbsolute).GroupBy(t => BaseKey(t.Value));
        foreach (var group in byBase)
        {
            int coefficient = group.Sum(t => t.Sign);
            long offsets = group.Sum(t => t.Sign * t.Value.Value);
            bool here = ReferenceEquals(group.First().Value.Section, _out.Current);
            if (coefficient == 0 || (here && coefficient == -1))
            {
                constant += offsets;
                continue;
            }
            if (coefficient != 1 || here || target is not null) return false;
            var first = group.First(t => t.Sign > 0);
            target = (1, first.Value with { Value = offsets });
        }
        bool hasHere = byBase.Any(g => ReferenceEquals(g.First().Value.Section, _out.Current) && g.Sum(t => t.Sign) == -1);
        if (target is null || !hasHere) return false;
        constant += terms.Where(t => t.Value.IsAbsolute).Sum(t => t.Sign * t.Value.Value);

        var kind = size switch
        {
            8 => FixupKind.Prel64, 4 => FixupKind.Prel32, 2 => FixupKind.Prel16,
            _ => throw new AsmError(at, $"cannot represent a {size}-byte pc-relative relocation for {DescribeTarget(target.Value.Value)}"),
        };
        long place = _out.Current.Location;
        var value = target.Value.Value;
        // PREL is S + A - P with P this datum's place; the expression's own location terms are folded into A.
        long addend = constant + place;
        if (size < 8 && (addend < -(1L << (size * 8 - 1)) || addend >= 1L << (size * 8)))
            throw new AsmError(at, $"value 0x{addend:x} too large for a {size}-byte field");
        _out.Reserve(size).Clear();
        _fixups.AddRelocation(place, kind, value with { Value = value.Value + addend }, at);
        return true;
    }

    private static object BaseKey(ExprValue v) => (object?)v.Section ?? v.Symbol!;

    private bool TryCollectTerms(Expr expr, int sign, SourceLine line, List<(int, ExprValue)> terms)
    {
        switch (expr)
        {
            case BinaryExpr { Op: BinaryOp.Add } add:
                return TryCollectTerms(add.Left, sign, line, terms) && TryCollectTerms(add.Right, sign, line, terms);
            case BinaryExpr { Op: BinaryOp.Subtract } sub:
                return TryCollectTerms(sub.Left, sign, line, terms) && TryCollectTerms(sub.Right, -sign, line, terms);
            default:
                if (!ExpressionEvaluator.TryEvaluate(expr, context, line, out var value, out _))
                    return false;
                terms.Add((sign, value));
                return true;
        }
    }
    private static string DescribeTarget(ExprValue value) =>
        value.Symbol is { } s ? $"'{ExpressionEvaluator.Display(s)}'" : $"a location in {value.Section?.Name}";
}
