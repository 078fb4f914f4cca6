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

    private void Ltorg(ParsedLine line) => _pools.Place(_pools.ClosedAt(line, Current));
}
