using A64Asm.Assembler.Diagnostics;
using A64Asm.Assembler.Parsing;
using A64Asm.Assembler.Parsing.Syntax;
using A64Asm.Isa.Operands;

namespace A64Asm.Assembler.Layout;

public sealed partial class ObjectAssembler
{
    /// <summary>ldr Rt, =value: the pool slot for this line, allocated in the first pass.</summary>
    private PoolEntry Literal(ParsedLine line, InstructionStatement instruction, LiteralOperandSyntax literal) =>
        _pools.SlotFor(line, Current, instruction, literal, () => _encoder.Converter.Convert(instruction.Operands[0], line.Line));

    private void Ltorg(ParsedLine line)
    {
        PlacePool(_pools.ClosedAt(line, Current));
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
                _datums.WriteExpression(entry.Size, entry.Value, entry.Line, entry.At);
            else
                Current.Location += entry.Size;
        }
    }
}
