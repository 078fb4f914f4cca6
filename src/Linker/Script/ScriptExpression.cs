namespace A64Asm.Linker.Script;

/// <summary>Where a piece of script text is: file (or "--defsym"), line and column, both from 1, and that line's text.</summary>
public readonly record struct ScriptPosition(string File, int Line, int Column, string LineText)
{
    public override string ToString() => $"{File}:{Line}:{Column}";
}

/// <summary>What an expression can ask for while it is evaluated: '.', a symbol's value, an output section's address or size.</summary>
internal interface IScriptContext
{
    /// <summary>The location counter, or null where '.' means nothing (a --defsym).</summary>
    ulong? Dot { get; }
    /// <summary>A symbol's value; false with <paramref name="problem"/> set when it exists but has no value yet.</summary>
    bool TryGetSymbol(string name, out ulong value, out string? problem);
    bool TryGetSection(string name, out ulong address, out ulong size);
}

/// <summary>A linker-script expression (ld's subset: numbers, '.', symbols, + - * / % &amp; | ^ &lt;&lt; &gt;&gt;, unary - ~ !,
/// ALIGN(a), ALIGN(e, a), ABSOLUTE(e), ADDR(sec), SIZEOF(sec)).</summary>
internal abstract record ScriptExpression(ScriptPosition At)
{
    public abstract ulong Evaluate(IScriptContext context);

    /// <summary>The depth of the tree: evaluation recurses this deep.</summary>
    public virtual int Depth => 1;

    /// <summary>ld's way of printing the expression in the link map (e.g. "(helper + 0x4)").</summary>
    public abstract string Text { get; }

    protected static ScriptError Error(ScriptPosition at, string message) => new(at, message);
}

internal sealed record NumberExpression(ScriptPosition At, ulong Value) : ScriptExpression(At)
{
    public override ulong Evaluate(IScriptContext context) => Value;
    public override string Text => $"0x{Value:x}";
}

internal sealed record DotExpression(ScriptPosition At) : ScriptExpression(At)
{
    public override ulong Evaluate(IScriptContext context) =>
        context.Dot ?? throw Error(At, "'.' (the location counter) has no value here");
    public override string Text => ".";
}

internal sealed record SymbolExpression(ScriptPosition At, string Name) : ScriptExpression(At)
{
    public override ulong Evaluate(IScriptContext context) =>
        context.TryGetSymbol(Name, out var value, out var problem) ? value
            : throw Error(At, problem ?? $"undefined symbol '{Name}' referenced in expression");
    public override string Text => Name;
}

internal sealed record UnaryExpression(ScriptPosition At, char Operator, ScriptExpression Operand) : ScriptExpression(At)
{
    public override ulong Evaluate(IScriptContext context)
    {
        var v = Operand.Evaluate(context);
        return Operator switch { '-' => 0 - v, '~' => ~v, _ => v == 0 ? 1ul : 0ul };
    }
    public override string Text => $"{Operator} ({Operand.Text})";
    public override int Depth { get; } = 1 + Operand.Depth;
}

internal sealed record BinaryExpression(ScriptPosition At, string Operator, ScriptExpression Left, ScriptExpression Right) : ScriptExpression(At)
{
    public override ulong Evaluate(IScriptContext context)
    {
        ulong l = Left.Evaluate(context), r = Right.Evaluate(context);
        return Operator switch
        {
            "+" => l + r,
            "-" => l - r,
            "*" => l * r,
            "/" => r == 0 ? throw Error(At, "division by zero") : l / r,
            "%" => r == 0 ? throw Error(At, "division by zero") : l % r,
            "&" => l & r,
            "|" => l | r,
            "^" => l ^ r,
            "<<" => r >= 64 ? 0 : l << (int)r,
            ">>" => r >= 64 ? 0 : l >> (int)r,
            _ => throw Error(At, $"operator '{Operator}' is not supported"),
        };
    }
    public override string Text => $"({Left.Text} {Operator} {Right.Text})";
    public override int Depth { get; } = 1 + Math.Max(Left.Depth, Right.Depth);
}

internal sealed record CallExpression(ScriptPosition At, string Function, IReadOnlyList<ScriptExpression> Arguments, string? SectionName = null) : ScriptExpression(At)
{
    public override ulong Evaluate(IScriptContext context)
    {
        switch (Function)
        {
            case "ALIGN":
                ulong value = Arguments.Count == 2 ? Arguments[0].Evaluate(context) : new DotExpression(At).Evaluate(context);
                ulong alignment = Arguments[^1].Evaluate(context);
                if (alignment != 0 && (alignment & (alignment - 1)) != 0)
                    throw Error(At, $"ALIGN: 0x{alignment:x} is not a power of two");
                return alignment <= 1 ? value : (value + alignment - 1) & ~(alignment - 1);
            case "ABSOLUTE":
                return Arguments[0].Evaluate(context);
            default: // ADDR, SIZEOF
                if (!context.TryGetSection(SectionName!, out var address, out var size))
                    throw Error(At, $"{Function}: no output section '{SectionName}' placed before this point");
                return Function == "ADDR" ? address : size;
        }
    }

    public override int Depth { get; } = 1 + Arguments.Select(a => a.Depth).DefaultIfEmpty(0).Max();
    public override string Text => SectionName is not null ? $"{Function} ({SectionName})" : $"{Function} ({string.Join(", ", Arguments.Select(a => a.Text))})";
}

/// <summary>A mistake in a linker script or a --defsym: "FILE:LINE:COL: error: MESSAGE".</summary>
public sealed class ScriptError(ScriptPosition at, string message) : Exception(message)
{
    public ScriptPosition At { get; } = at;

    /// <summary>GNU style: the position, the message, the line and a caret under the column.</summary>
    public string Render()
    {
        var caret = new string(At.LineText.Take(At.Column - 1).Select(c => c == '\t' ? '\t' : ' ').ToArray());
        return $"{At}: error: {Message}\n {At.LineText}\n {caret}^";
    }
}
