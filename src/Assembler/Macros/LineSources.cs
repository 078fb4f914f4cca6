using A64Asm.Assembler.Diagnostics;

namespace A64Asm.Assembler.Macros;

/// <summary>Where the next line comes from: the input, an .include'd file, or an expansion. They form a stack.</summary>
internal abstract class LineSource
{
    /// <summary>The next line, or null when exhausted.</summary>
    public abstract SourceLine? Next();

    public virtual void Close() { }
}

internal sealed class InputSource(IEnumerable<SourceLine> input) : LineSource
{
    readonly IEnumerator<SourceLine> lines = input.GetEnumerator();

    public override SourceLine? Next() => lines.MoveNext() ? lines.Current : null;

    public override void Close() => lines.Dispose();
}

internal sealed class IncludedFileSource(SourceText file, ExpansionFrame frame) : LineSource
{
    int next;

    public override SourceLine? Next()
    {
        if (next >= file.Lines.Length)
            return null;
        next++;
        return new SourceLine(file.Lines[next - 1], new SourceLocation(new SourcePos(file, next, 1), frame));
    }
}

/// <summary>The statements left on a line when one of them started an expansion or an .include: they come after it.</summary>
internal sealed class RestOfLineSource(List<SourceLine> statements) : LineSource
{
    int next;

    public override SourceLine? Next() => next < statements.Count ? statements[next++] : null;
}

/// <summary>A macro call or a .rept/.irp/.irpc in progress.</summary>
internal abstract class ExpansionSource(SourceLocation calledAt, int conditionalDepth) : LineSource
{
    public SourceLocation CalledAt { get; } = calledAt;

    /// <summary>.if blocks open when the expansion started; .exitm closes the ones opened since.</summary>
    public int ConditionalDepth { get; } = conditionalDepth;
}

/// <param name="substituted">The body already substituted (alternate macro mode), or null to substitute each line
/// as it is read.</param>
internal sealed class MacroExpansionSource(MacroDefinition macro, string[] values, long number, ExpansionFrame frame,
    SourceLocation calledAt, int conditionalDepth, long maxLineLength, List<SourceLine>? substituted = null)
    : ExpansionSource(calledAt, conditionalDepth)
{
    int next;

    public MacroDefinition Macro { get; } = macro;

    public override SourceLine? Next() =>
        next >= Macro.Body.Count ? null
        : substituted is not null ? substituted[next++]
        : BodySubstituter.Substitute(Macro.Body[next++], Macro.ParameterNames, values, number, frame, maxLineLength);
}

/// <summary>.rept: the same prepared lines <c>count</c> times, so repeating allocates nothing.</summary>
internal sealed class RepeatSource(SourceLine[] lines, long count, SourceLocation calledAt, int conditionalDepth)
    : ExpansionSource(calledAt, conditionalDepth)
{
    long round;
    int next;

    public override SourceLine? Next()
    {
        if (lines.Length == 0)
            return null;
        if (next == lines.Length)
        {
            next = 0;
            round++;
        }
        return round < count ? lines[next++] : null;
    }
}

/// <summary>.irp/.irpc: the body once per value, with <c>\symbol</c> replaced by the value.
/// In alternate macro mode (<paramref name="alternate"/>) the value replaces the bare name as well.</summary>
internal sealed class IterationSource(List<SourceLine> body, string symbol, List<string> values, ExpansionFrame frame,
    SourceLocation calledAt, int conditionalDepth, long maxLineLength, bool alternate = false) : ExpansionSource(calledAt, conditionalDepth)
{
    readonly string[] names = [symbol];
    int valueIndex;
    int next;

    public override SourceLine? Next()
    {
        if (body.Count == 0)
            return null;
        if (next == body.Count)
        {
            next = 0;
            valueIndex++;
        }
        if (valueIndex >= values.Count)
            return null;
        if (alternate)
        {
            var scope = new Dictionary<string, string>(StringComparer.Ordinal) { [symbol] = values[valueIndex] };
            return new AltBodySubstituter(scope, -1, frame, maxLineLength, newLocal: null).Substitute(body[next++]);
        }
        return BodySubstituter.Substitute(body[next++], names, [values[valueIndex]], -1, frame, maxLineLength);
    }
}
