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

    // Equates being evaluated, innermost last.
    private readonly List<SymbolEntry> _resolving = new();

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
        symbol.IsResolving = true;
        _resolving.Add(symbol);
        bool evaluated = ExpressionEvaluator.TryEvaluate(pending, scope, symbol.PendingLine!, out value, out error);
        symbol.IsResolving = false;
        _resolving.RemoveAt(_resolving.Count - 1);
        // Equates to a label keep the label's name so relocations name it, as gas does.
        return evaluated && !value.IsUndefinedSymbol;
    }
}
