using A64Asm.Assembler.Diagnostics;
using A64Asm.Assembler.Parsing;
using A64Asm.Assembler.Parsing.Syntax;

namespace A64Asm.Assembler.Layout;

/// <summary>
/// Evaluates an equate kept as its expression (one that named a later symbol where it was written). Equates that
/// name equates evaluate recursively, as in GNU as; a symbol met again while its own value is being worked out is a
/// loop, named with the symbols in it.
/// </summary>
internal sealed class EquateChains
{
    /// <summary>GNU as follows any chain; this bound keeps the recursion well inside a thread's stack.</summary>
    public const int MaxChain = 1000;

    /// <summary>Every link followed, over the run: a chain is walked each time something names it, so hundreds of
    /// thousands of .set lines over one long pending chain (a fuzzed .rept of them) took minutes where GNU as, which
    /// waits to resolve, takes a second. No real program comes near this.</summary>
    public const long MaxSteps = 10_000_000;

    // Equates being evaluated, innermost last.
    private readonly List<SymbolEntry> _resolving = new();
    private long _steps;

    /// <returns>False when the value is not known yet (it names an undefined symbol) or, with
    /// <paramref name="error"/> set, cannot be had.</returns>
    public bool TryEvaluate(SymbolEntry symbol, Expr pending, IExpressionScope scope, out ExprValue value, out AsmError? error)
    {
        value = default;
        var at = symbol.PendingLine?.At(pending.Index);
        if (symbol.IsResolving)
        {
            var loop = _resolving.Skip(_resolving.IndexOf(symbol)).Select(s => ExpressionEvaluator.Display(s.Name)).Append(ExpressionEvaluator.Display(symbol.Name));
            error = new AsmError(at, $"symbol definition loop encountered at '{symbol.Name}': {string.Join(" -> ", loop)}");
            return false;
        }
        if (_resolving.Count >= MaxChain)
        {
            error = new AsmError(at, $"chain of symbol definitions exceeds the limit of {MaxChain} at '{symbol.Name}'");
            return false;
        }
        // Thrown, not returned: a first pass takes any error here as "not known yet" and would go on walking.
        if (++_steps > MaxSteps)
            throw new AsmError(at, $"evaluating symbols defined by expressions exceeds the limit of {MaxSteps} steps (at '{symbol.Name}')");
        symbol.IsResolving = true;
        _resolving.Add(symbol);
        bool evaluated;
        try
        {
            evaluated = ExpressionEvaluator.TryEvaluate(pending, scope, symbol.PendingLine!, out value, out error);
        }
        finally
        {
            symbol.IsResolving = false;
            _resolving.RemoveAt(_resolving.Count - 1);
        }
        // Equates to a label keep the label's name so relocations name it, as gas does.
        return evaluated && !value.IsUndefinedSymbol;
    }
}
