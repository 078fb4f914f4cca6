using System.Buffers.Binary;
using A64Asm.Assembler.Diagnostics;
using A64Asm.Assembler.Parsing;
using A64Asm.Assembler.Parsing.Syntax;
using static A64Asm.Assembler.Layout.DirectiveArguments;

namespace A64Asm.Assembler.Layout;

/// <summary>What a directive needs from the assembler besides writing at '.': values at this point of the file.</summary>
internal interface IStatementContext : IExpressionScope
{
    /// <summary>A size or position; null while it depends on a label not yet defined (the tail begins).</summary>
    long? EvaluateForLayout(Expr expr, ParsedLine line);

    /// <summary>A datum of <paramref name="size"/> bytes at '.', or a relocation, or work for the end.</summary>
    void WriteExpression(int size, Expr expr, SourceLine line, SourceLocation at);

    void Warning(SourceLocation? at, string message);

    /// <summary>Layout passes over the tail run the statements again; they warn only the first time.</summary>
    bool FirstPass { get; }

    /// <summary>Whether work naming a later symbol may wait for the end (before the tail, until the end comes).</summary>
    bool CanDefer { get; }

    /// <summary>A size or position depends on a label not yet defined: from this statement on, the tail.</summary>
    void SizeUnknown();

    /// <summary>Some size of this pass is not known yet, so a position may still be short or long.</summary>
    bool SizesUncertain { get; }

    /// <summary>Lookups of symbols not (yet) defined so far: a count that moved tells a forward reference from an error.</summary>
    int UndefinedLookups { get; }
}

/// <summary>The directives that put bytes at '.': data, strings, .inst, .space/.skip/.fill, alignment and .org.</summary>
internal sealed class DataDirectives(IStatementContext context, SectionWriter _out)
{
    public void Data(ParsedLine line, DirectiveStatement d, int size)
    {
        _out.MarkData();
        foreach (var argument in d.Arguments)
        {
            if (argument is StringOperandSyntax s && size == 1)
            {
                _out.WriteBytes(s.Bytes);
                continue;
            }
            if (argument is EmptyOperandSyntax)
            {
                // GNU as stores a zero for an item left out of the list (`.byte 1,,2`), with its warning.
                if (_out.Emitting) context.Warning(line.At(argument.Index), MissingExpression);
                _out.Reserve(size).Clear();
                continue;
            }
            if (argument is not ExprOperandSyntax e)
                throw new AsmError(line.At(argument.Index), $"{d.Name} expects expressions");
            if (!_out.Emitting)
            {
                // A layout pass writes nothing; the first still makes the symbols the datum names, as GNU as does.
                if (context.FirstPass)
                    NameSymbols?.Invoke(e.Expr);
                _out.Current.Location += size;
                continue;
            }
            context.WriteExpression(size, e.Expr, line.Line, line.At(e.Index));
        }
    }

    /// <summary>GNU as's warning for an item left out of a data list; the item is taken as zero.</summary>
    public const string MissingExpression = "zero assumed for missing expression";

    /// <summary><paramref name="count"/> zero bytes at '.', marking nothing.</summary>
    public void Zeros(long count) => _out.Fill(count, 0);

    public void Inst(ParsedLine line, DirectiveStatement d)
    {
        _out.MarkCode(MappingSymbols.BeforeOperands);
        foreach (var argument in d.Arguments)
        {
            _out.AlignInstruction();
            if (argument is not ExprOperandSyntax e)
                throw new AsmError(line.At(argument.Index), ".inst expects expressions");
            var bytes = _out.Reserve(4);
            if (_out.Emitting)
                BinaryPrimitives.WriteUInt32LittleEndian(bytes, (uint)ExpressionEvaluator.EvaluateAbsolute(e.Expr, context, line.Line));
        }
    }

    public void Strings(ParsedLine line, DirectiveStatement d, bool terminate)
    {
        _out.MarkData();
        foreach (var argument in d.Arguments)
        {
            if (argument is not StringOperandSyntax s)
                throw new AsmError(line.At(argument.Index), $"{d.Name} expects strings");
            _out.WriteBytes(s.Bytes);
            if (terminate) _out.Fill(1, 0);
        }
    }

    /// <summary>Makes the symbols an expression names, where GNU as makes them (set once the datum writer exists).</summary>
    public Action<Expr>? NameSymbols { get; set; }

    public void Space(ParsedLine line, DirectiveStatement d)
    {
        var sizeExpr = ExprArgument(line, d, 0);
        NameSymbols?.Invoke(sizeExpr);
        long? size = context.EvaluateForLayout(sizeExpr, line);
        if (size is null) return;
        if (size < 0)
            throw new AsmError(line.At(d.Arguments[0].Index), $"{d.Name} size is negative ({size})");
        // GNU as ignores a zero-sized .space (with a warning, for .skip and .zero too) before it marks anything as data.
        // Only a size that is final warns: in a pass over the tail one that names a label may still change.
        if (size == 0 && context.FirstPass && (context.CanDefer || NamesNoSymbol(sizeExpr)))
            context.Warning(line.At(d.Index), ".space repeat count is zero, ignored");
        if (size > 0) { _out.MarkFill(); _out.Current.Fragment++; }
        var fillExpr = OptionalExprArgument(line, d, 1);
        byte fill = fillExpr is null ? (byte)0 : (byte)ExpressionEvaluator.EvaluateAbsolute(fillExpr, context, line.Line);
        _out.CheckRoom(size.Value, line.At(d.Index), $"{d.Name} {size}");
        _out.Fill(size.Value, fill);
    }

    /// <summary>.fill repeat, size, value: each item holds value's low 4 bytes, the rest zero (GNU as).</summary>
    public void Fill(ParsedLine line, DirectiveStatement d)
    {
        long? repeat = context.EvaluateForLayout(ExprArgument(line, d, 0), line);
        if (repeat is null) return;
        if (repeat < 0)
            throw new AsmError(line.At(d.Arguments[0].Index), $".fill repeat count is negative ({repeat})");
        var sizeExpr = OptionalExprArgument(line, d, 1);
        long size = sizeExpr is null ? 1 : ExpressionEvaluator.EvaluateAbsolute(sizeExpr, context, line.Line);
        if (size < 0)
            throw new AsmError(line.At(sizeExpr!.Index), $".fill size is negative ({size})");
        if (size > 8)
        {
            if (context.FirstPass) context.Warning(line.At(sizeExpr!.Index), ".fill size clamped to 8");
            size = 8;
        }
        var valueExpr = OptionalExprArgument(line, d, 2);
        long value = valueExpr is null ? 0 : ExpressionEvaluator.EvaluateAbsolute(valueExpr, context, line.Line);
        _out.CheckRoom((Int128)repeat.Value * size, line.At(d.Index), $".fill {repeat}, {size}");
        // Items of no bytes mark nothing, as in GNU as (in code the directive marks data whatever it writes).
        if ((repeat > 0 && size > 0) || _out.Current.IsCode) { _out.MarkFill(); _out.Current.Fragment++; }
        _out.FillItems(repeat.Value, (int)size, value);
    }

    public void Align(ParsedLine line, DirectiveStatement d, bool powerOfTwo, int fillSize)
    {
        long amount = ExpressionEvaluator.EvaluateAbsolute(ExprArgument(line, d, 0), context, line.Line);
        long alignment;
        if (powerOfTwo)
        {
            if (amount is < 0 or > 31)
                throw new AsmError(line.At(d.Arguments[0].Index), $"alignment too large: {amount} (at most 31)");
            alignment = 1L << (int)amount;
        }
        else
        {
            alignment = amount == 0 ? 1 : amount;
            if (alignment < 0 || (alignment & (alignment - 1)) != 0)
                throw new AsmError(line.At(d.Arguments[0].Index), $"alignment not a power of 2: {amount}");
        }
        // The object file pads each section's offset to its alignment (as gas's does), so it bounds the file too.
        if (alignment > _out.MaxSectionSize)
            throw new AsmError(line.At(d.Index), $"{d.Name} {amount} asks for {alignment}-byte alignment, " +
                                                 $"which exceeds the limit of {_out.MaxSectionSize} (use --max-section-size to raise it)");
        var fillExpr = OptionalExprArgument(line, d, 1);
        long? fill = fillExpr is null ? null : ExpressionEvaluator.EvaluateAbsolute(fillExpr, context, line.Line);
        var maxExpr = OptionalExprArgument(line, d, 2);
        long? max = maxExpr is null ? null : ExpressionEvaluator.EvaluateAbsolute(maxExpr, context, line.Line);
        long padding = (alignment - _out.Current.Location % alignment) % alignment;
        if (max is not { } most || padding <= most)
            _out.CheckRoom(padding, line.At(d.Index), $"{d.Name} {amount}");
        _out.MarkAlignment(codeFill: fill is null && _out.Current.IsCode && alignment > 1,
            max is { } limit && padding > limit ? 0 : padding);
        _out.AlignTo(alignment, fill, fillSize, max);
    }

    /// <summary>.org TARGET[, FILL]: advances '.' to TARGET of this section, never back.</summary>
    public void Org(ParsedLine line, DirectiveStatement d)
    {
        var fillExpr = OptionalExprArgument(line, d, 1);
        byte fill = fillExpr is null ? (byte)0 : (byte)ExpressionEvaluator.EvaluateAbsolute(fillExpr, context, line.Line);
        OrgTo(line, ExprArgument(line, d, 0), fill, line.At(d.Index));
    }

    /// <summary>'.' to <paramref name="targetExpr"/> (also "= expr" to '.'); in the first pass a target not known yet
    /// makes the size unknown (the tail begins).</summary>
    public void OrgTo(ParsedLine line, Expr targetExpr, byte fill, SourceLocation at)
    {
        if (!ExpressionEvaluator.TryEvaluate(targetExpr, context, line.Line, out var target, out var error))
        {
            if (!context.FirstPass) throw error!;
            context.SizeUnknown();
            return;
        }
        if (target.IsUndefinedSymbol)
        {
            if (context.FirstPass) { context.SizeUnknown(); return; }
            throw new AsmError(line.At(targetExpr.Index), $".org target '{ExpressionEvaluator.Display(target.Symbol!)}' is undefined");
        }
        if (target.Section is not null && !ReferenceEquals(target.Section, _out.Current))
            throw new AsmError(line.At(targetExpr.Index), $".org target is in section {target.Section.Name}, not {_out.Current.Name}");
        long location = _out.Current.Location;
        if (target.Value < location)
        {
            // A first pass with forward references may still be short or long; only a settled layout is an error.
            if (context.FirstPass && context.SizesUncertain) return;
            throw new AsmError(at, $".org moves the location counter backwards: code before it ends at 0x{location:x}, " +
                $"{location - target.Value} bytes past 0x{target.Value:x}");
        }
        _out.CheckRoom(target.Value - location, at, $".org 0x{target.Value:x}");
        _out.Current.Fragment++;
        _out.Fill(target.Value - location, fill);
    }

    private static bool NamesNoSymbol(Expr expr) => expr switch
    {
        NumberExpr => true,
        UnaryExpr u => NamesNoSymbol(u.Operand),
        BinaryExpr b => NamesNoSymbol(b.Left) && NamesNoSymbol(b.Right),
        _ => false,
    };
}
