using A64Asm.Assembler.Diagnostics;
using A64Asm.Assembler.Parsing;
using A64Asm.Assembler.Parsing.Syntax;
using A64Asm.Isa.Fixups;

namespace A64Asm.Assembler.Layout;

public sealed partial class ObjectAssembler
{
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
            bool here = ReferenceEquals(group.First().Value.Section, Current);
            if (coefficient == 0 || (here && coefficient == -1))
            {
                constant += offsets;
                continue;
            }
            if (coefficient != 1 || here || target is not null) return false;
            var first = group.First(t => t.Sign > 0);
            target = (1, first.Value with { Value = offsets });
        }
        bool hasHere = byBase.Any(g => ReferenceEquals(g.First().Value.Section, Current) && g.Sum(t => t.Sign) == -1);
        if (target is null || !hasHere) return false;
        constant += terms.Where(t => t.Value.IsAbsolute).Sum(t => t.Sign * t.Value.Value);

        var kind = size switch
        {
            8 => FixupKind.Prel64, 4 => FixupKind.Prel32, 2 => FixupKind.Prel16,
            _ => throw new AsmError(at, $"cannot represent a {size}-byte pc-relative relocation for {DescribeTarget(target.Value.Value)}"),
        };
        long place = Current.Location;
        var value = target.Value.Value;
        // PREL is S + A - P with P this datum's place; the expression's own location terms are folded into A.
        long addend = constant + place;
        if (size < 8 && (addend < -(1L << (size * 8 - 1)) || addend >= 1L << (size * 8)))
            throw new AsmError(at, $"value 0x{addend:x} too large for a {size}-byte field");
        Reserve(size).Clear();
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
                if (!ExpressionEvaluator.TryEvaluate(expr, this, line, out var value, out _))
                    return false;
                terms.Add((sign, value));
                return true;
        }
    }
}
