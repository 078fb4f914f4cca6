namespace A64Asm.Assembler.Parsing;

/// <summary>A section as the evaluator sees it: something two offsets can be relative to.</summary>
public interface ISectionRef
{
    string Name { get; }
}

/// <summary>
/// The value of an expression. Absolute: <see cref="Section"/> and <see cref="Symbol"/> null. Relocatable within
/// a section: <see cref="Section"/> set, <see cref="Value"/> the offset in it, <see cref="Symbol"/> the label it is
/// anchored on when there is one. Undefined (external) symbol: <see cref="Symbol"/> set, Section null,
/// <see cref="Value"/> the addend.
/// </summary>
public readonly record struct ExprValue(long Value, ISectionRef? Section = null, string? Symbol = null)
{
    public static ExprValue Absolute(long value) => new(value);

    public bool IsAbsolute => Section is null && Symbol is null;
    public bool IsUndefinedSymbol => Section is null && Symbol is not null;
}

/// <summary>What the evaluator needs from the assembler: symbol values and the location counter.</summary>
public interface IExpressionScope
{
    /// <summary>The value of a defined symbol (absolute or section-relative, with Symbol set to the anchor);
    /// false when the symbol is not (yet) defined.</summary>
    bool TryGetSymbol(string name, out ExprValue value);

    /// <summary>As <see cref="TryGetSymbol(string, out ExprValue)"/>, with the error of a symbol whose definition
    /// cannot be evaluated (an equate naming a later label in a difference, a definition loop) given back.</summary>
    bool TryGetSymbol(string name, out ExprValue value, out Diagnostics.AsmError? error)
    {
        error = null;
        return TryGetSymbol(name, out value);
    }

    /// <summary>"." at the statement being evaluated.</summary>
    ExprValue LocationCounter { get; }

    /// <summary>Whether a name undefined now stays so (a conditional is decided here; the input has ended): GNU as then
    /// takes an equality with it as false instead of waiting for its definition.</summary>
    bool UndefinedStaysUndefined => false;
}

/// <summary>The scope as a conditional (.if, .rept count) sees it: decided at once, with no later definitions. A name
/// it reads undefined is told to <paramref name="undefinedRead"/> (GNU as makes it an undefined symbol of the object).</summary>
public sealed class SettledScope(IExpressionScope scope, Action<string> undefinedRead) : IExpressionScope
{
    public bool TryGetSymbol(string name, out ExprValue value) =>
        TryGetSymbol(name, out value, out var error) || (error is not null ? throw error : false);

    public bool TryGetSymbol(string name, out ExprValue value, out Diagnostics.AsmError? error)
    {
        if (scope.TryGetSymbol(name, out value, out error))
            return true;
        if (error is null)
            undefinedRead(name);
        return false;
    }

    public ExprValue LocationCounter => scope.LocationCounter;

    public bool UndefinedStaysUndefined => true;
}
