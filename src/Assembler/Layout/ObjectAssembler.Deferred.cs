using A64Asm.Assembler.Diagnostics;
using A64Asm.Assembler.Parsing;
using A64Asm.Assembler.Parsing.Syntax;

namespace A64Asm.Assembler.Layout;

public sealed partial class ObjectAssembler
{
    /// <summary>Statements are emitted as they arrive (true until the tail begins).</summary>
    private bool _streaming;
    private readonly List<(AsmSection Section, long Offset, Action Work)> _deferred = new();
    private bool _final;

    /// <summary>Counts lookups of symbols not (yet) defined, to tell a forward reference from a plain error.</summary>
    private int _undefinedLookups;

    /// <summary>Before the tail, work that needs later symbols is done at the end, at its place; the tail's emitting
    /// pass comes after every label is placed and needs none.</summary>
    private bool CanDefer => _streaming && !_final;

    private void Defer(long offset, Action work) => _deferred.Add((Current, offset, work));

    private void RunDeferred()
    {
        _final = true;
        foreach (var (section, offset, work) in _deferred)
        {
            Sections.RunIn(section, () =>
            {
                long end = section.Location;
                section.Location = offset;
                try { work(); }
                finally { section.Location = end; }
            });
        }
        _deferred.Clear();
    }

    /// <summary>A datum from an expression; in streaming mode one naming a later symbol is written at the end.</summary>
    internal void WriteExpression(int size, Expr expr, SourceLine line, SourceLocation at)
    {
        if (!CanDefer)
        {
            WriteDatum(size, expr, line, at);
            return;
        }
        int undefinedBefore = _undefinedLookups;
        if (!ExpressionEvaluator.TryEvaluate(expr, this, line, out var value, out var error))
        {
            if (_undefinedLookups == undefinedBefore && !TryWritePcRelative(size, expr, line, at))
                throw error!;
            if (_undefinedLookups != undefinedBefore)
                DeferDatum(size, expr, line, at);
            return;
        }
        if (value.IsUndefinedSymbol)
        {
            DeferDatum(size, expr, line, at);
            return;
        }
        WriteValue(size, value, at);
    }

    private void DeferDatum(int size, Expr expr, SourceLine line, SourceLocation at)
    {
        // GNU as makes a symbol where it is first named, so it comes before the mapping symbols of what follows.
        EnterNamedSymbols(expr);
        long place = Current.Location;
        Reserve(size);
        Defer(place, () => WriteDatum(size, expr, line, at));
    }

    private void EnterNamedSymbols(Expr expr)
    {
        switch (expr)
        {
            case SymbolExpr { IsLocationCounter: false } s: Symbols.GetOrAdd(s.Name); break;
            case UnaryExpr u: EnterNamedSymbols(u.Operand); break;
            case BinaryExpr b: EnterNamedSymbols(b.Left); EnterNamedSymbols(b.Right); break;
        }
    }

    private void WriteDatum(int size, Expr expr, SourceLine line, SourceLocation at)
    {
        if (ExpressionEvaluator.TryEvaluate(expr, this, line, out var value, out var error))
            WriteValue(size, value, at);
        else if (!TryWritePcRelative(size, expr, line, at))
            throw error!;
    }
}
