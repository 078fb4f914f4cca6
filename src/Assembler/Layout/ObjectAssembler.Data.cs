using System.Buffers.Binary;
using A64Asm.Assembler.Diagnostics;
using A64Asm.Assembler.Elf;
using A64Asm.Assembler.Parsing;
using A64Asm.Assembler.Parsing.Syntax;
using A64Asm.Isa.Fixups;
using static A64Asm.Assembler.Layout.DirectiveArguments;

namespace A64Asm.Assembler.Layout;

public sealed partial class ObjectAssembler
{
    /// <summary>Room for <paramref name="count"/> (at most 16) bytes at '.' (see <see cref="SectionWriter.Reserve"/>).</summary>
    internal Span<byte> Reserve(int count) => _out.Reserve(count);

    private void Org(ParsedLine line, DirectiveStatement d)
    {
        var fillExpr = OptionalExprArgument(line, d, 1);
        byte fill = fillExpr is null ? (byte)0 : (byte)ExpressionEvaluator.EvaluateAbsolute(fillExpr, this, line.Line);
        OrgTo(line, ExprArgument(line, d, 0), fill, line.At(d.Index));
    }

    private void OrgTo(ParsedLine line, Expr targetExpr, byte fill, SourceLocation at)
    {
        if (!ExpressionEvaluator.TryEvaluate(targetExpr, this, line.Line, out var target, out var error))
        {
            if (_pass > 1) throw error!;
            MarkUncertain();
            return;
        }
        if (target.IsUndefinedSymbol)
        {
            if (_pass == 1) { MarkUncertain(); return; }
            throw new AsmError(line.At(targetExpr.Index), $".org target '{ExpressionEvaluator.Display(target.Symbol!)}' is undefined");
        }
        if (target.Section is not null && !ReferenceEquals(target.Section, Current))
            throw new AsmError(line.At(targetExpr.Index), $".org target is in section {target.Section.Name}, not {Current.Name}");
        long location = Current.Location;
        if (target.Value < location)
        {
            // A first pass with forward references may still be short or long; only a settled layout is an error.
            if (_pass == 1 && _uncertain) return;
            throw new AsmError(at, $".org moves the location counter backwards: code before it ends at 0x{location:x}, " +
                $"{location - target.Value} bytes past 0x{target.Value:x}");
        }
        _out.CheckRoom(target.Value - location, at, $".org 0x{target.Value:x}");
        _out.Fill(target.Value - location, fill);
    }
}
