using A64Asm.Assembler.Diagnostics;
using A64Asm.Assembler.Parsing;
using A64Asm.Assembler.Parsing.Syntax;
using static A64Asm.Assembler.Layout.DirectiveArguments;

namespace A64Asm.Assembler.Layout;

/// <summary>
/// What gives a symbol its value: labels, equates (<c>name = expr</c>, <c>.set</c>, <c>.equ</c>, <c>.equiv</c>),
/// <c>.size</c>, <c>--defsym</c>; and looking a value up, which counts the names not defined yet so that a forward
/// reference can be told from an error.
/// </summary>
internal sealed class SymbolDefinitions(SymbolTable symbols, SectionTable sections, PassState state, TailPasses tail,
    IStatementContext context, DataDirectives data, DeferredWork deferred, Func<bool> emitting)
{
    private readonly EquateChains _equates = new();

    /// <summary>--defsym name=value: an absolute symbol defined before the first line.</summary>
    public void DefineAbsolute(string name, long value)
    {
        var symbol = symbols.GetOrAdd(name);
        symbol.IsDefined = true;
        symbol.IsEquate = true;
        symbol.Section = null;
        symbol.Offset = value;
    }

    public bool IsDefined(string name) => symbols.Find(name) is { IsDefined: true } or { PendingExpression: not null };

    public bool TryGetValue(string name, out ExprValue value, out AsmError? error)
    {
        value = default;
        error = null;
        var symbol = symbols.Find(name);
        if (symbol is null)
        {
            state.UndefinedLookups++;
            return false;
        }
        if (symbol.PendingExpression is { } pending)
            return _equates.TryEvaluate(symbol, pending, context, out value, out error);
        if (!symbol.IsDefined)
        {
            state.UndefinedLookups++;
            return false;
        }
        value = symbol.Value;
        return true;
    }

    /// <param name="index">Where in <paramref name="line"/> the label is written (-1: the line itself), for the error.</param>
    public void DefineLabel(string name, SourceLine line, int index)
    {
        var symbol = symbols.GetOrAdd(name);
        // In .struct's absolute section a label is a number.
        var current = sections.Current.IsAbsolute ? null : sections.Current;
        if (state.IsFirst)
        {
            if (symbol.IsDefined || symbol.PendingExpression is not null)
                throw new AsmError(index < 0 ? line.Location : line.At(index), $"symbol '{ExpressionEvaluator.Display(name)}' is already defined");
            symbol.DefinedInPass = 1;
        }
        else if (!ReferenceEquals(symbol.Section, current) || symbol.Offset != sections.Current.Location)
        {
            state.LabelMoved = true;
        }
        symbol.IsDefined = true;
        symbol.Section = current;
        symbol.Offset = sections.Current.Location;
        if (state.Streaming && current is { Location: 0 })
            current.LabelledAtStart = true;
    }

    public void SetSize(ParsedLine line, DirectiveStatement d)
    {
        var symbol = symbols.GetOrAdd(NameArgument(line, d, 0));
        var expr = ExprArgument(line, d, 1);
        if (!emitting()) return;
        // A size that names a later label is taken at the end.
        int undefinedBefore = state.UndefinedLookups;
        if (!TrySetSize(symbol, expr, line, out var error))
        {
            if (!context.CanDefer || state.UndefinedLookups == undefinedBefore) throw error!;
            deferred.Add(sections.Current.Location, () =>
            {
                if (!TrySetSize(symbol, expr, line, out var late)) throw late!;
            });
        }
    }

    private bool TrySetSize(SymbolEntry symbol, Expr expr, ParsedLine line, out AsmError? error)
    {
        if (!ExpressionEvaluator.TryEvaluate(expr, context, line.Line, out var value, out error))
            return false;
        if (!value.IsAbsolute)
        {
            error = new AsmError(line.At(expr.Index), $".size expression for '{symbol.Name}' does not evaluate to a constant");
            return false;
        }
        symbol.SizeValue = value.Value;
        return true;
    }

    /// <summary>.set/.equ (redefinable) and .equiv/.eqv (not).</summary>
    public void SetDirective(ParsedLine line, DirectiveStatement d, bool redefinable)
    {
        if (d.Arguments.Count != 2)
            throw new AsmError(line.At(d.Index), $"{d.Name} expects a symbol name and an expression");
        Assign(line, NameArgument(line, d, 0), ExprArgument(line, d, 1), line.At(d.Index), redefinable);
    }

    public void Assign(ParsedLine line, string name, Expr expr, SourceLocation at, bool redefinable)
    {
        if (name == ".")
        {
            data.OrgTo(line, expr, fill: 0, at);
            return;
        }
        var symbol = symbols.GetOrAdd(name);
        if (state.IsFirst && (symbol.IsDefined || symbol.PendingExpression is not null) && (!symbol.IsEquate || !redefinable))
            throw new AsmError(at, $"symbol '{name}' is already defined");
        // In the first pass a value that cannot be had yet (a later label in a difference) is taken when it is read.
        if (!ExpressionEvaluator.TryEvaluate(expr, context, line.Line, out var value, out var error))
            value = state.IsFirst ? new ExprValue(0, null, "?") : throw error!;
        tail.RememberEquate(symbol);
        symbol.IsEquate = true;
        if (value.IsUndefinedSymbol)
        {
            symbol.PendingExpression = expr;
            symbol.PendingLine = line.Line;
            symbol.IsDefined = false;
            return;
        }
        symbol.PendingExpression = null;
        symbol.IsDefined = true;
        symbol.Section = (AsmSection?)value.Section;
        symbol.Offset = value.Value;
    }
}
