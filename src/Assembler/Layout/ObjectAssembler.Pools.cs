using A64Asm.Assembler.Diagnostics;
using A64Asm.Assembler.Parsing;
using A64Asm.Assembler.Parsing.Syntax;
using A64Asm.Isa.Operands;

namespace A64Asm.Assembler.Layout;

public sealed partial class ObjectAssembler
{
    /// <summary>ldr Rt, =value: the pool slot for this line, allocated in the first pass.</summary>
    private PoolEntry Literal(ParsedLine line, InstructionStatement instruction, LiteralOperandSyntax literal)
    {
        if (_literalOf.TryGetValue(line, out var known))
            return known;
        if (instruction.Mnemonic != "ldr")
            throw new AsmError(line.At(literal.Index), $"a literal (=value) is only valid with ldr, not {instruction.Mnemonic}");
        int size = _encoder.Converter.Convert(instruction.Operands[0], line.Line) switch
        {
            RegOperand { Reg.Class: RegClass.W or RegClass.S } => 4,
            RegOperand { Reg.Class: RegClass.X or RegClass.D } => 8,
            RegOperand { Reg.Class: RegClass.Q } => 16,
            _ => throw new AsmError(line.At(instruction.Operands[0].Index), "ldr =value needs a w, x, s, d or q destination register"),
        };
        var entry = Current.OpenPool.Add(size, literal.Value, LiteralKey(literal.Value, line), line.Line, line.At(literal.Value.Index));
        _literalOf[line] = entry;
        return entry;
    }

    /// <summary>Literals with equal keys share a slot: the same constant, or the same symbol and addend.</summary>
    private string LiteralKey(Expr value, ParsedLine line)
    {
        // A value not evaluable yet is never shared.
        if (ExpressionEvaluator.TryEvaluate(value, this, line.Line, out var v, out _))
        {
            if (v.IsAbsolute) return "#" + v.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (v.Symbol is { } symbol) return $"{symbol}@{(v.Section is null ? v.Value : v.Value - AnchorOffset(symbol))}";
        }
        return "!" + System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(value).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private long AnchorOffset(string symbol) => Symbols.Find(symbol)?.Offset ?? 0;

    private void Ltorg(ParsedLine line)
    {
        if (!_poolAt.TryGetValue(line, out var pool))
        {
            pool = Current.OpenPool;
            Current.OpenPool = new LiteralPool();
            _poolAt[line] = pool;
        }
        PlacePool(pool);
    }

    private void PlaceEndPools()
    {
        _mapping.PlacingEndPools = true;
        foreach (var section in Sections.All)
        {
            if (section.EndPool is not { } pool) continue;
            Sections.RunIn(section, () => PlacePool(pool));
        }
        _mapping.PlacingEndPools = false;
    }

    private void PlacePool(LiteralPool pool)
    {
        if (pool.IsEmpty) return;
        int alignedFor = 0;
        foreach (var entry in pool.InLayoutOrder())
        {
            if (entry.Size != alignedFor)
            {
                // Each size's slots are aligned to that size, padded with zeros even in code (GNU as).
                _out.MarkPoolGroup(aligned: false);
                _out.AlignTo(entry.Size, fill: 0, fillSize: 1, max: null);
                _out.MarkPoolGroup(aligned: true);
                alignedFor = entry.Size;
            }
            DefineLabel(entry.Label, entry.Line, -1);
            if (_out.Emitting)
                WriteExpression(entry.Size, entry.Value, entry.Line, entry.At);
            else
                Current.Location += entry.Size;
        }
    }
}
