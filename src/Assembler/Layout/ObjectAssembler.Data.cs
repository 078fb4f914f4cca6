using System.Buffers.Binary;
using A64Asm.Assembler.Diagnostics;
using A64Asm.Assembler.Elf;
using A64Asm.Assembler.Parsing;
using A64Asm.Assembler.Parsing.Syntax;
using A64Asm.Isa.Fixups;

namespace A64Asm.Assembler.Layout;

public sealed partial class ObjectAssembler
{
    private const uint NopWord = 0xd503201f;
    private readonly byte[] _scratch = new byte[16];

    /// <summary>Room for <paramref name="count"/> (at most 16) bytes at '.'; a scratch buffer when not emitting.</summary>
    internal Span<byte> Reserve(int count)
    {
        if (_emitting && !Current.IsNoBits)
            return Current.Reserve(count);
        Current.Location += count;
        return _scratch.AsSpan(0, count);
    }

    /// <summary>Advances '.' by <paramref name="count"/> bytes of <paramref name="value"/>.</summary>
    private void Fill(long count, byte value)
    {
        if (count <= 0) return;
        if (_emitting && !Current.IsNoBits)
            Current.Reserve(count).Fill(value);
        else
            Current.Location += count;
    }

    private void Data(ParsedLine line, DirectiveStatement d, int size)
    {
        MarkData();
        foreach (var argument in d.Arguments)
        {
            if (argument is StringOperandSyntax s && size == 1)
            {
                WriteBytes(s.Bytes);
                continue;
            }
            if (argument is not ExprOperandSyntax e)
                throw new AsmError(line.At(argument.Index), $"{d.Name} expects expressions");
            if (!_emitting)
            {
                Current.Location += size;
                continue;
            }
            WriteExpression(size, e.Expr, line.Line, line.At(e.Index));
        }
    }

    private void WriteBytes(byte[] bytes)
    {
        if (_emitting && !Current.IsNoBits)
            bytes.CopyTo(Current.Reserve(bytes.Length));
        else
            Current.Location += bytes.Length;
    }

    /// <summary>A datum: absolute values are stored (truncated with a warning, as gas does); others become relocations.</summary>
    internal void WriteValue(int size, ExprValue value, SourceLocation at)
    {
        long place = Current.Location;
        var bytes = Reserve(size);
        if (!value.IsAbsolute)
        {
            var kind = size switch
            {
                8 => FixupKind.Abs64, 4 => FixupKind.Abs32, 2 => FixupKind.Abs16,
                _ => throw new AsmError(at, $"cannot represent a {size}-byte relocation for {DescribeTarget(value)}"),
            };
            AddRelocation(place, kind, value, at);
            return;
        }
        long v = value.Value;
        if (size < 8)
        {
            long max = 1L << (size * 8);
            if (v >= max || v < -(max >> 1))
                Warning(at, $"value 0x{v:x} truncated to 0x{v & (max - 1):x}");
        }
        if (size <= 8)
        {
            WriteNumber(bytes, v);
            return;
        }
        // A 16-byte literal: the value sign-extended, its high half first when big-endian.
        var low = BigEndian ? bytes[8..] : bytes[..8];
        var high = BigEndian ? bytes[..8] : bytes[8..];
        WriteNumber(low, v);
        high.Fill(v < 0 ? (byte)0xff : (byte)0);
    }

    /// <summary>The low bytes of <paramref name="value"/> as a number of the span's length, in the target's data order.</summary>
    private void WriteNumber(Span<byte> at, long value) => ByteOrder.Write(at, (ulong)value, BigEndian);

    private void Inst(ParsedLine line, DirectiveStatement d)
    {
        MarkCode(MappingSymbols.BeforeOperands);
        foreach (var argument in d.Arguments)
        {
            AlignInstruction();
            if (argument is not ExprOperandSyntax e)
                throw new AsmError(line.At(argument.Index), ".inst expects expressions");
            var bytes = Reserve(4);
            if (_emitting)
                BinaryPrimitives.WriteUInt32LittleEndian(bytes, (uint)ExpressionEvaluator.EvaluateAbsolute(e.Expr, this, line.Line));
        }
    }

    private void Strings(ParsedLine line, DirectiveStatement d, bool terminate)
    {
        MarkData();
        foreach (var argument in d.Arguments)
        {
            if (argument is not StringOperandSyntax s)
                throw new AsmError(line.At(argument.Index), $"{d.Name} expects strings");
            WriteBytes(s.Bytes);
            if (terminate) Fill(1, 0);
        }
    }

    private void Space(ParsedLine line, DirectiveStatement d)
    {
        long? size = EvaluateForLayout(ExprArgument(line, d, 0), line);
        if (size is null) return;
        if (size < 0)
            throw new AsmError(line.At(d.Arguments[0].Index), $"{d.Name} size is negative ({size})");
        // GNU as ignores a zero-sized .space (with a warning) before it marks anything as data.
        if (size > 0) MarkFill();
        var fillExpr = OptionalExprArgument(line, d, 1);
        byte fill = fillExpr is null ? (byte)0 : (byte)ExpressionEvaluator.EvaluateAbsolute(fillExpr, this, line.Line);
        CheckRoom(size.Value, line.At(d.Index), $"{d.Name} {size}");
        Fill(size.Value, fill);
    }

    /// <summary>.fill repeat, size, value: each item holds value's low 4 bytes, the rest zero (GNU as).</summary>
    private void FillDirective(ParsedLine line, DirectiveStatement d)
    {
        long? repeat = EvaluateForLayout(ExprArgument(line, d, 0), line);
        if (repeat is null) return;
        if (repeat < 0)
            throw new AsmError(line.At(d.Arguments[0].Index), $".fill repeat count is negative ({repeat})");
        if (repeat > 0 || Current.IsCode) MarkFill();
        var sizeExpr = OptionalExprArgument(line, d, 1);
        long size = sizeExpr is null ? 1 : ExpressionEvaluator.EvaluateAbsolute(sizeExpr, this, line.Line);
        if (size < 0)
            throw new AsmError(line.At(sizeExpr!.Index), $".fill size is negative ({size})");
        if (size > 8)
        {
            if (_pass == 1) Warning(line.At(sizeExpr!.Index), ".fill size clamped to 8");
            size = 8;
        }
        var valueExpr = OptionalExprArgument(line, d, 2);
        long value = valueExpr is null ? 0 : ExpressionEvaluator.EvaluateAbsolute(valueExpr, this, line.Line);
        CheckRoom((Int128)repeat.Value * size, line.At(d.Index), $".fill {repeat}, {size}");
        if (!_emitting || Current.IsNoBits)
        {
            Current.Location += repeat.Value * size;
            return;
        }
        Span<byte> item = stackalloc byte[8];
        item.Clear();
        WriteNumber(item[..(int)Math.Min(size, 4)], value);
        var span = Current.Reserve(repeat.Value * size);
        for (long i = 0; i < repeat.Value; i++)
            item[..(int)size].CopyTo(span.Slice((int)(i * size), (int)size));
    }

    private void Align(ParsedLine line, DirectiveStatement d, bool powerOfTwo, int fillSize)
    {
        long amount = ExpressionEvaluator.EvaluateAbsolute(ExprArgument(line, d, 0), this, line.Line);
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
        if (alignment > MaxSectionSize)
            throw new AsmError(line.At(d.Index), $"{d.Name} {amount} asks for {alignment}-byte alignment, " +
                                                 $"which exceeds the limit of {MaxSectionSize} (use --max-section-size to raise it)");
        var fillExpr = OptionalExprArgument(line, d, 1);
        long? fill = fillExpr is null ? null : ExpressionEvaluator.EvaluateAbsolute(fillExpr, this, line.Line);
        var maxExpr = OptionalExprArgument(line, d, 2);
        long? max = maxExpr is null ? null : ExpressionEvaluator.EvaluateAbsolute(maxExpr, this, line.Line);
        long padding = (alignment - Current.Location % alignment) % alignment;
        if (max is not { } most || padding <= most)
            CheckRoom(padding, line.At(d.Index), $"{d.Name} {amount}");
        MarkAlignment(codeFill: fill is null && Current.IsCode && alignment > 1,
            max is { } limit && padding > limit ? 0 : padding);
        AlignTo(alignment, fill, fillSize, max);
    }

    private void AlignTo(long alignment, long? fill, int fillSize, long? max)
    {
        Current.RequireAlignment(alignment);
        long padding = (alignment - Current.Location % alignment) % alignment;
        if (padding == 0 || (max is { } limit && padding > limit))
            return;
        if (!_emitting || Current.IsNoBits)
        {
            Current.Location += padding;
            return;
        }
        var span = Current.Reserve(padding);
        if (fill is { } pattern)
        {
            for (int i = 0; i < span.Length; i++)
            {
                int byteOfPattern = BigEndian ? fillSize - 1 - i % fillSize : i % fillSize;
                span[i] = (byte)(pattern >> (8 * byteOfPattern));
            }
        }
        else if (Current.IsCode)
        {
            // GNU as: zeros up to the next instruction boundary, then NOPs.
            int misaligned = (int)(padding % 4);
            span[..misaligned].Clear();
            for (int i = misaligned; i + 4 <= span.Length; i += 4)
                BinaryPrimitives.WriteUInt32LittleEndian(span[i..], NopWord);
        }
    }

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
        CheckRoom(target.Value - location, at, $".org 0x{target.Value:x}");
        Fill(target.Value - location, fill);
    }

    private AsmSection SectionFromArguments(ParsedLine line, DirectiveStatement d)
    {
        string name = SectionName(line, d);
        bool existed = Sections.Contains(name);
        var section = Sections.GetOrCreate(name);
        if (existed || _pass > 1 || d.Arguments.Count < 2)
            return section;
        if (d.Arguments[1] is not StringOperandSyntax flagText)
            throw new AsmError(line.At(d.Arguments[1].Index), "expected a flags string such as \"ax\"");
        var flags = SectionFlags.None;
        foreach (char c in System.Text.Encoding.ASCII.GetString(flagText.Bytes))
        {
            flags |= c switch
            {
                'a' => SectionFlags.Alloc, 'w' => SectionFlags.Write, 'x' => SectionFlags.Exec,
                'M' => SectionFlags.Merge, 'S' => SectionFlags.Strings, 'G' => SectionFlags.Group, 'T' => SectionFlags.Tls,
                _ => throw new AsmError(line.At(flagText.Index), $"unknown section flag '{c}'"),
            };
        }
        section.Flags = flags;
        if (d.Arguments.Count > 2 && d.Arguments[2] is TypeOperandSyntax type)
        {
            section.Kind = type.Name switch
            {
                "progbits" => SectionKind.ProgBits,
                "nobits" => SectionKind.NoBits,
                "note" => SectionKind.Note,
                "init_array" => SectionKind.InitArray,
                "fini_array" => SectionKind.FiniArray,
                _ => throw new AsmError(line.At(type.Index), $"unknown section type '{type.Name}'"),
            };
        }
        if ((flags & SectionFlags.Merge) != 0 && OptionalExprArgument(line, d, 3) is { } entrySize)
            section.EntrySize = ExpressionEvaluator.EvaluateAbsolute(entrySize, this, line.Line);
        return section;
    }

    // Section names may hold characters that are operators in expressions (.note.GNU-stack), so take the raw text.
    private string SectionName(ParsedLine line, DirectiveStatement d)
    {
        if (d.Arguments.Count > 0 && d.Arguments[0] is StringOperandSyntax)
            return NameArgument(line, d, 0);
        int comma = d.RawArguments.IndexOf(',');
        string name = (comma < 0 ? d.RawArguments : d.RawArguments[..comma]).Trim();
        if (name.Length == 0)
            throw new AsmError(line.At(d.Index), $"{d.Name} expects a section name");
        return name;
    }

    private static string DescribeTarget(ExprValue value) =>
        value.Symbol is { } s ? $"'{ExpressionEvaluator.Display(s)}'" : $"a location in {value.Section?.Name}";
}
