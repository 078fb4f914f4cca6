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
        if (!GnuFloats.TryEncodeWide(text, format, out UInt128 bits, out string error, out int errorAt))
            throw new AsmError(line.At(at + errorAt), error);
        var bytes = _out.Reserve(GnuFloats.Size(format));
        if (_out.Emitting) WriteWide(bytes, bits);
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
            if (signed) Layout.Leb128.Signed(bytes, value);
            else Layout.Leb128.Unsigned(bytes, value);
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

    /// <summary>.dcb[.b/.w/.l] and .ds[.b/.w/.l/.s/.d/.x/.p] count[, value]: count items of 1 to 12 bytes (.dcb and .ds
    /// alone: 2), GNU's fill fragment; the value is sign-extended to the item.</summary>
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
        // GNU as makes one fill fragment of a zero or byte-wide value, and writes wider non-zero items one by one.
        Repeat(line, d, count, size, (UInt128)(Int128)value, plainBytes: size > 1 && value != 0);
    }

    /// <summary>.dcb.s / .dcb.d / .dcb.x count, literal (free-form: the literal is read as .float reads it). Without a
    /// literal GNU as writes .dcb.x's items 12 bytes wide (the padded size), with one 10.</summary>
    public void RepeatedFloat(ParsedLine line, DirectiveStatement d, FloatFormat format)
    {
        var items = RawItems(line, d).ToList();
        if (items.Count is < 1 or > 2)
            throw new AsmError(line.At(d.Index), $"{d.Name} takes a count and a value");
        long count = evaluateText(line.Line, items[0].At, items[0].Text);
        if (count < 0)
            throw new AsmError(line.At(items[0].At), $"{d.Name} count is negative ({count})");
        UInt128 bits = 0;
        if (items.Count == 2 && !GnuFloats.TryEncodeWide(items[1].Text, format, out bits, out string error, out int errorAt))
            throw new AsmError(line.At(items[1].At + errorAt), error);
        int size = format == FloatFormat.Extended && items.Count == 1 ? PaddedExtendedSize : GnuFloats.Size(format);
        // GNU as writes a float's copies one by one, as .float does: plain data, never a fill fragment.
        Repeat(line, d, count, size, bits, plainBytes: true);
    }

    /// <summary>An extended float's room in memory: .ds.x, .ds.p and a .dcb.x without a value.</summary>
    public const int PaddedExtendedSize = 12;

    /// <summary>The low bytes of <paramref name="value"/> as a number of the span's length (up to 16), in the data order.</summary>
    private void WriteWide(Span<byte> at, UInt128 value)
    {
        for (int i = 0; i < at.Length; i++)
            at[_out.BigEndian ? at.Length - 1 - i : i] = (byte)(value >> (8 * i));
    }

    private void Repeat(ParsedLine line, DirectiveStatement d, long count, int size, UInt128 value, bool plainBytes)
    {
        _out.CheckRoom((Int128)count * size, line.At(d.Index), $"{d.Name} {count}");
        if (count == 0)
        {
            // GNU as makes .dcb and .ds a .space, with its warning (a float's copies are a loop that just stops).
            if (context.FirstPass && !plainBytes)
                context.Warning(line.At(d.Index), ".space repeat count is zero, ignored");
            return;
        }
        if (plainBytes)
        {
            _out.MarkData();
        }
        else
        {
            _out.MarkFill();
            _out.Current.Fragment++;
        }
        if (!_out.Emitting || _out.Current.IsNoBits)
        {
            if (value != 0 && _out.Current.IsNoBits)
                throw new AsmError(line.At(d.Index), $"attempt to store non-zero value in section '{_out.Current.Name}'");
            _out.Current.Location += count * size;
            return;
        }
        var span = _out.Current.Reserve(count * size);
        Span<byte> item = stackalloc byte[size];
        WriteWide(item, value);
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
