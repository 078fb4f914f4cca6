using A64Asm.Assembler.Diagnostics;
using A64Asm.Assembler.Parsing;
using A64Asm.Assembler.Parsing.Syntax;
using static A64Asm.Assembler.Layout.DirectiveArguments;

namespace A64Asm.Assembler.Layout;

/// <summary>
/// Data directives beyond plain integers: floating point (.float/.single/.double/.float16/.bfloat16, raw text as GNU
/// reads it), LEB128 (.uleb128/.sleb128), wide strings (.string8/16/32/64) and repeated constants (.dcb.*).
/// </summary>
internal sealed class ValueDirectives(IStatementContext context, SectionWriter _out, Func<SourceLine, int, string, long> evaluateText,
    Action<Expr> enterNamedSymbols)
{
    /// <summary>The comma-separated literals of a free-form float directive.</summary>
    public void Floats(ParsedLine line, DirectiveStatement d, FloatFormat format)
    {
        _out.MarkData();
        foreach (var (text, at) in RawItems(line, d))
            WriteFloat(text, format, line, at);
    }

    private void WriteFloat(string text, FloatFormat format, ParsedLine line, int at)
    {
        if (!GnuFloats.TryEncode(text, format, out ulong bits, out string error, out int errorAt))
            throw new AsmError(line.At(at + errorAt), error);
        var bytes = _out.Reserve(GnuFloats.Size(format));
        if (_out.Emitting) _out.WriteNumber(bytes, (long)bits);
    }

    /// <summary>.uleb128 / .sleb128: each value's LEB128 bytes; a value naming a later label makes the size wait.</summary>
    public void Leb128(ParsedLine line, DirectiveStatement d, bool signed)
    {
        // GNU as reads the expressions (making the symbols they name) before it marks the bytes as data.
        foreach (var argument in d.Arguments)
        {
            if (argument is EmptyOperandSyntax) continue;
            if (argument is not ExprOperandSyntax e)
                throw new AsmError(line.At(argument.Index), $"{d.Name} expects expressions");
            enterNamedSymbols(e.Expr);
        }
        _out.MarkDataAfterOperands();
        foreach (var argument in d.Arguments)
        {
            if (argument is EmptyOperandSyntax)
            {
                if (_out.Emitting) context.Warning(line.At(argument.Index), DataDirectives.MissingExpression);
                _out.WriteBytes([0]);
                continue;
            }
            var e = (ExprOperandSyntax)argument;
            if (context.EvaluateForLayout(e.Expr, line) is not { } value)
                return;
            var bytes = new List<byte>(10);
            if (signed) CallFrameEncoding.Sleb(bytes, value);
            else CallFrameEncoding.Uleb(bytes, value);
            _out.WriteBytes(bytes.ToArray());
        }
    }

    /// <summary>.stringN: each byte of each string widened to N/8 bytes, then a terminating zero of that width.</summary>
    public void WideStrings(ParsedLine line, DirectiveStatement d, int width)
    {
        _out.MarkData();
        foreach (var argument in d.Arguments)
        {
            if (argument is not StringOperandSyntax s)
                throw new AsmError(line.At(argument.Index), $"{d.Name} expects strings");
            _out.CheckRoom(((long)s.Bytes.Length + 1) * width, line.At(argument.Index), d.Name);
            var bytes = new byte[(s.Bytes.Length + 1) * width];
            for (int i = 0; i < s.Bytes.Length; i++)
                _out.WriteNumber(bytes.AsSpan(i * width, width), s.Bytes[i]);
            _out.WriteBytes(bytes);
        }
    }

    /// <summary>.dcb[.b/.w/.l] count[, value]: count items of 1, 2 or 4 bytes (.dcb alone: 2), GNU's fill fragment.</summary>
    public void RepeatedConstant(ParsedLine line, DirectiveStatement d, int size)
    {
        if (context.EvaluateForLayout(ExprArgument(line, d, 0), line) is not { } count)
            return;
        if (count < 0)
            throw new AsmError(line.At(d.Arguments[0].Index), $"{d.Name} count is negative ({count})");
        var valueExpr = OptionalExprArgument(line, d, 1);
        if (d.Arguments.Count > 2)
            throw new AsmError(line.At(d.Arguments[2].Index), $"{d.Name} takes a count and a value");
        long value = valueExpr is null ? 0 : ExpressionEvaluator.EvaluateAbsolute(valueExpr, context, line.Line);
        Repeat(line, d, count, size, (ulong)value);
    }

    /// <summary>.dcb.s / .dcb.d count, literal (free-form: the literal is read as .float reads it).</summary>
    public void RepeatedFloat(ParsedLine line, DirectiveStatement d, FloatFormat format)
    {
        var items = RawItems(line, d).ToList();
        if (items.Count is < 1 or > 2)
            throw new AsmError(line.At(d.Index), $"{d.Name} takes a count and a value");
        long count = evaluateText(line.Line, items[0].At, items[0].Text);
        if (count < 0)
            throw new AsmError(line.At(items[0].At), $"{d.Name} count is negative ({count})");
        ulong bits = 0;
        if (items.Count == 2 && !GnuFloats.TryEncode(items[1].Text, format, out bits, out string error, out int errorAt))
            throw new AsmError(line.At(items[1].At + errorAt), error);
        Repeat(line, d, count, GnuFloats.Size(format), bits);
    }

    private void Repeat(ParsedLine line, DirectiveStatement d, long count, int size, ulong value)
    {
        _out.CheckRoom((Int128)count * size, line.At(d.Index), $"{d.Name} {count}");
        if (count == 0)
        {
            // GNU as makes .dcb a .space, with its warning.
            if (context.FirstPass)
                context.Warning(line.At(d.Index), ".space repeat count is zero, ignored");
            return;
        }
        _out.MarkFill();
        _out.Current.Fragment++;
        if (!_out.Emitting || _out.Current.IsNoBits)
        {
            if (value != 0 && _out.Current.IsNoBits)
                throw new AsmError(line.At(d.Index), $"attempt to store non-zero value in section '{_out.Current.Name}'");
            _out.Current.Location += count * size;
            return;
        }
        var span = _out.Current.Reserve(count * size);
        Span<byte> item = stackalloc byte[size];
        _out.WriteNumber(item, (long)value);
        for (long i = 0; i < count; i++)
            item.CopyTo(span.Slice((int)(i * size), size));
    }

    /// <summary>The comma-separated items of a free-form directive with the text index where each starts.</summary>
    private static IEnumerable<(string Text, int At)> RawItems(ParsedLine line, DirectiveStatement d)
    {
        string text = line.Line.Text;
        int position = d.Index;
        while (position < text.Length && !char.IsWhiteSpace(text[position])) position++;
        string raw = d.RawArguments;
        if (raw.Length == 0)
            yield break;
        int start = text.IndexOf(raw, position, StringComparison.Ordinal);
        if (start < 0) start = position;
        int offset = 0;
        foreach (string part in raw.Split(','))
        {
            int lead = part.Length - part.TrimStart().Length;
            yield return (part.Trim(), start + offset + lead);
            offset += part.Length + 1;
        }
    }
}
