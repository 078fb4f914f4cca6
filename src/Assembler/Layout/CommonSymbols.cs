using A64Asm.Assembler.Diagnostics;
using A64Asm.Assembler.Elf;
using A64Asm.Assembler.Parsing;
using A64Asm.Assembler.Parsing.Syntax;
using static A64Asm.Assembler.Layout.DirectiveArguments;

namespace A64Asm.Assembler.Layout;

/// <summary>
/// .comm and .lcomm. A .comm symbol not made local is a common symbol (SHN_COMMON, its value the alignment, by
/// default the power of two at or above its size up to 16). .lcomm, and .comm of a symbol made .local, reserve room
/// at the end of .bss, after everything .bss gets otherwise (GNU as's subsection 1), aligned by the size (up to 8)
/// or by the given alignment; GNU marks the first alignment there as data.
/// </summary>
internal sealed class CommonSymbols(SymbolTable symbols, SectionTable sections, MappingSymbols mapping, IStatementContext context,
    Func<bool> emitting)
{
    private const long MaxCommonAlignment = 16;

    private readonly List<(SymbolEntry Symbol, long Size, long Alignment, int Line, bool MarksData)> _local = new();

    public void Comm(ParsedLine line, DirectiveStatement d)
    {
        var (symbol, size) = NameAndSize(line, d, 3);
        long alignment = d.Arguments.Count > 2 ? Alignment(line, d) : DefaultCommonAlignment(size);
        if (symbol.BindingExplicit && symbol.Binding == SymbolBinding.Local)
        {
            Reserve(symbol, size, alignment);
            return;
        }
        if (symbol.IsCommon)
        {
            if (symbol.SizeValue != size && context.FirstPass)
                context.Warning(line.At(d.Index), $"size of \"{symbol.Name}\" is already {symbol.SizeValue}; not changing to {size}");
            return;
        }
        symbol.IsCommon = true;
        symbol.CommonAlignment = alignment;
        symbol.SizeValue = size;
        symbol.Type = SymbolType.Object;
        symbol.IsReferenced = true;
        if (!symbol.BindingExplicit)
            symbol.Binding = SymbolBinding.Global;
    }

    public void Lcomm(ParsedLine line, DirectiveStatement d)
    {
        var (symbol, size) = NameAndSize(line, d, 2);
        long alignment = size >= 8 ? 8 : size >= 4 ? 4 : size >= 2 ? 2 : 1;
        Reserve(symbol, size, alignment);
    }

    /// <summary>At the end, once .bss's own contents are known: the local commons after them.</summary>
    public void Allocate()
    {
        if (_local.Count == 0)
            return;
        var bss = sections.GetOrCreate(".bss");
        foreach (var (symbol, size, alignment, lineSeq, marksData) in _local)
        {
            if (marksData)
                mapping.AddDataAtLine(bss, bss.Location, lineSeq);
            bss.RequireAlignment(alignment);
            bss.Location = (bss.Location + alignment - 1) / alignment * alignment;
            symbol.Section = bss;
            symbol.Offset = bss.Location;
            symbol.IsDefined = true;
            bss.Location += size;
            if (bss.Location > bss.MaxSize)
                throw new AsmError(null, $"section .bss would be {bss.Location} bytes long, which exceeds the limit of {bss.MaxSize} (use --max-section-size to raise it)");
        }
    }

    private void Reserve(SymbolEntry symbol, long size, long alignment)
    {
        symbol.SizeValue = size;
        symbol.Type = SymbolType.Object;
        if (!emitting())
            return;
        // The alignment is GNU's first data fragment in .bss unless .bss holds data already.
        bool marksData = alignment > 1 && mapping.ClaimData(sections.GetOrCreate(".bss"));
        _local.Add((symbol, size, alignment, mapping.LineSeq, marksData));
    }

    private (SymbolEntry, long) NameAndSize(ParsedLine line, DirectiveStatement d, int most)
    {
        if (d.Arguments.Count < 2 || d.Arguments.Count > most)
            throw new AsmError(line.At(d.Index), most == 3 ? ".comm takes a symbol, a size and an optional alignment" : ".lcomm takes a symbol and a size");
        string name = NameArgument(line, d, 0);
        var sizeExpr = ExprArgument(line, d, 1);
        long size = ExpressionEvaluator.EvaluateAbsolute(sizeExpr, context, line.Line);
        if (size < 0 || size > sections.MaxSectionSize)
            throw new AsmError(line.At(sizeExpr.Index), $"{d.Name} size {size} is out of range (0 to {sections.MaxSectionSize})");
        var symbol = symbols.GetOrAdd(name);
        if (symbol.IsDefined)
            throw new AsmError(line.At(d.Arguments[0].Index), $"symbol '{name}' is already defined");
        return (symbol, size);
    }

    private long Alignment(ParsedLine line, DirectiveStatement d)
    {
        var expr = ExprArgument(line, d, 2);
        long alignment = ExpressionEvaluator.EvaluateAbsolute(expr, context, line.Line);
        if (alignment <= 0 || (alignment & (alignment - 1)) != 0)
            throw new AsmError(line.At(expr.Index), "alignment not a power of 2");
        return alignment;
    }

    private static long DefaultCommonAlignment(long size)
    {
        long alignment = 1;
        while (alignment < size && alignment < MaxCommonAlignment)
            alignment *= 2;
        return alignment;
    }
}
