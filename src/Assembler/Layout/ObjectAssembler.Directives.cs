using A64Asm.Assembler.Diagnostics;
using A64Asm.Isa;
using A64Asm.Assembler.Elf;
using A64Asm.Assembler.Parsing.Syntax;
using static A64Asm.Assembler.Layout.DirectiveArguments;

namespace A64Asm.Assembler.Layout;

public sealed partial class ObjectAssembler
{
    /// <summary>What the directive table needs of this class: the directives whose work is its own.</summary>
    private DirectiveTable.OwnDirectives Own => new(Ltorg, SetSize, SetDirective, () => PassDiagnostics);

    // ------------------------------------------------------------------ symbols

    private void SetSize(ParsedLine line, DirectiveStatement d)
    {
        var symbol = Symbols.GetOrAdd(NameArgument(line, d, 0));
        var expr = ExprArgument(line, d, 1);
        if (!_out.Emitting) return;
        // A size that names a later label is taken at the end.
        int undefinedBefore = _undefinedLookups;
        if (!TrySetSize(symbol, expr, line, out var error))
        {
            if (!CanDefer || _undefinedLookups == undefinedBefore) throw error!;
            Defer(Current.Location, () =>
            {
                if (!TrySetSize(symbol, expr, line, out var late)) throw late!;
            });
        }
    }

    private bool TrySetSize(SymbolEntry symbol, Expr expr, ParsedLine line, out AsmError? error)
    {
        if (!Parsing.ExpressionEvaluator.TryEvaluate(expr, this, line.Line, out var value, out error))
            return false;
        if (!value.IsAbsolute)
        {
            error = new AsmError(line.At(expr.Index), $".size expression for '{symbol.Name}' does not evaluate to a constant");
            return false;
        }
        symbol.SizeValue = value.Value;
        return true;
    }

    private void SetDirective(ParsedLine line, DirectiveStatement d, bool redefinable)
    {
        if (d.Arguments.Count != 2)
            throw new AsmError(line.At(d.Index), $"{d.Name} expects a symbol name and an expression");
        Assign(line, NameArgument(line, d, 0), ExprArgument(line, d, 1), line.At(d.Index), redefinable);
    }

    private void Assign(ParsedLine line, string name, Expr expr, SourceLocation at, bool redefinable)
    {
        if (name == ".")
        {
            _data.OrgTo(line, expr, fill: 0, at);
            return;
        }
        var symbol = Symbols.GetOrAdd(name);
        if (_pass == 1 && (symbol.IsDefined || symbol.PendingExpression is not null))
        {
            if (!symbol.IsEquate)
                throw new AsmError(at, $"symbol '{name}' is already defined");
            if (!redefinable)
                throw new AsmError(at, $"symbol '{name}' is already defined");
        }
        // In the first pass a value that cannot be had yet (a later label in a difference) is taken when it is read.
        if (!Parsing.ExpressionEvaluator.TryEvaluate(expr, this, line.Line, out var value, out var error))
            value = _pass == 1 ? new Parsing.ExprValue(0, null, "?") : throw error!;
        RememberTailEquate(symbol);
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
