using A64Asm.Assembler.Diagnostics;
using A64Asm.Assembler.Parsing;
using A64Asm.Assembler.Parsing.Syntax;
using static A64Asm.Assembler.Layout.DirectiveArguments;

namespace A64Asm.Assembler.Layout;

/// <summary>
/// .reloc offset, type[, value] and the TLS descriptor markers .tlsdesccall/.tlsdescadd/.tlsdescldr symbol[+addend]:
/// relocations the input asks for by name. A marker's R_AARCH64_TLSDESC_CALL/_ADD/_LDR is made at '.' where it stands,
/// which is the instruction after it (the AArch64 ELF ABI's place for it); at the end of its section, with no
/// instruction after it, it is refused (GNU as 2.40 stops there with "internal error: fixup not contained within
/// frag"). .reloc's are made at the end, after every other one (as GNU as does), so their offset may name a later
/// label: a number is an offset in the section of the directive, a label gives its own section.
/// </summary>
internal sealed class RelocationDirectives(SectionTable sections, SymbolTable symbols, FixupTable fixups, IStatementContext context,
    Func<bool> emitting, Action<Expr> enterNamedSymbols)
{
    private readonly List<(ParsedLine Line, DirectiveStatement Directive, AsmSection Section, uint Type, ExprValue Dot)> _relocs = new();
    private readonly List<(ParsedLine Line, DirectiveStatement Directive, AsmSection Section, long Place)> _markers = new();

    public void TlsDescCall(ParsedLine line, DirectiveStatement d) => TlsDescMarker(line, d, RelocationNames.TlsDescCall);

    public void TlsDescAdd(ParsedLine line, DirectiveStatement d) => TlsDescMarker(line, d, RelocationNames.TlsDescAdd);

    public void TlsDescLdr(ParsedLine line, DirectiveStatement d) => TlsDescMarker(line, d, RelocationNames.TlsDescLdr);

    private void TlsDescMarker(ParsedLine line, DirectiveStatement d, uint type)
    {
        if (d.Arguments.Count != 1 || d.Arguments[0] is not ExprOperandSyntax { Expr: var expr } || !NamesOneSymbol(expr))
            throw new AsmError(line.At(d.Index), $"{d.Name} expects one symbol name");
        enterNamedSymbols(expr);
        if (!emitting())
            return;
        var section = sections.Current;
        // Made now, so that it comes before the relocation of the instruction it marks, as in GNU as's object.
        var value = ExpressionEvaluator.Evaluate(expr, context, line.Line);
        var symbol = symbols.GetOrAdd(value.Symbol!);
        long addend = value.Section is null ? value.Value : value.Value - symbol.Offset;
        fixups.AddRawRelocation(section, section.Location, type, symbol, addend, line.At(d.Index));
        _markers.Add((line, d, section, section.Location));
    }

    /// <summary>A symbol, or a symbol plus or minus a number (GNU takes any expression, and writes nothing for a
    /// number alone).</summary>
    private static bool NamesOneSymbol(Expr expr) => expr switch
    {
        SymbolExpr => true,
        BinaryExpr { Op: BinaryOp.Add or BinaryOp.Subtract, Left: SymbolExpr, Right: NumberExpr } => true,
        BinaryExpr { Op: BinaryOp.Add, Left: NumberExpr, Right: SymbolExpr } => true,
        _ => false,
    };

    public void Reloc(ParsedLine line, DirectiveStatement d)
    {
        if (d.Arguments.Count is < 2 or > 3)
            throw new AsmError(line.At(d.Index), ".reloc takes an offset, a relocation name and an optional value");
        var offset = ExprArgument(line, d, 0);
        if (d.Arguments[1] is not ExprOperandSyntax { Expr: SymbolExpr typeName } || !RelocationNames.TryGet(typeName.Name, out uint type))
            throw new AsmError(line.At(d.Arguments[1].Index), "unrecognized reloc type");
        enterNamedSymbols(offset);
        if (OptionalExprArgument(line, d, 2) is { } value)
            enterNamedSymbols(value);
        // '.' in the offset or value is where the directive stands, not where the input ends.
        if (emitting())
            _relocs.Add((line, d, sections.Current, type, context.LocationCounter));
    }

    /// <summary>At the end, once every label is placed.</summary>
    public void ResolveAll()
    {
        var errors = new List<AsmError>();
        foreach (var (line, d, section, place) in _markers)
        {
            // Checked at the end: an instruction may follow after a detour to another section.
            if (place + 4 > section.Location)
                errors.Add(new AsmError(line.At(d.Index), $"{d.Name} must be followed by an instruction in {section.Name}"));
        }
        foreach (var (line, d, section, type, dot) in _relocs)
        {
            try
            {
                Resolve(line, d, section, type, new DotAt(context, dot));
            }
            catch (AsmError e)
            {
                errors.Add(e);
            }
        }
        if (errors.Count > 0)
            throw AsmError.All(errors);
    }

    /// <summary>The assembler's symbols with '.' fixed where a directive stood.</summary>
    private sealed class DotAt(IExpressionScope scope, ExprValue dot) : IExpressionScope
    {
        public bool TryGetSymbol(string name, out ExprValue value) => scope.TryGetSymbol(name, out value);

        public bool TryGetSymbol(string name, out ExprValue value, out AsmError? error) => scope.TryGetSymbol(name, out value, out error);

        public ExprValue LocationCounter => dot;

        public bool UndefinedStaysUndefined => scope.UndefinedStaysUndefined;
    }

    private void Resolve(ParsedLine line, DirectiveStatement d, AsmSection section, uint type, IExpressionScope scope)
    {
        var offsetExpr = ExprArgument(line, d, 0);
        var at = ExpressionEvaluator.Evaluate(offsetExpr, scope, line.Line);
        if (at.Section is AsmSection own && !at.IsUndefinedSymbol)
            section = own;
        else if (!at.IsAbsolute)
            throw new AsmError(line.At(offsetExpr.Index), "bad .reloc offset: it must be a number or a label of this file");
        if (at.Value < 0 || at.Value > section.Location)
            throw new AsmError(line.At(offsetExpr.Index), $".reloc offset 0x{at.Value:x} is outside {section.Name} (0x{section.Location:x} bytes)");
        SymbolEntry? symbol = null;
        long addend = 0;
        if (OptionalExprArgument(line, d, 2) is { } valueExpr)
        {
            var value = ExpressionEvaluator.Evaluate(valueExpr, scope, line.Line);
            if (value.Symbol is { } name)
            {
                symbol = symbols.GetOrAdd(name);
                addend = value.Section is null ? value.Value : value.Value - symbol.Offset;
            }
            else if (value.Section is { } valueSection)
            {
                symbol = symbols.GetOrAdd(fixups.SectionAnchor(valueSection.Name, valueSection, 0));
                addend = value.Value;
            }
            else
            {
                addend = value.Value;
            }
        }
        fixups.AddRawRelocation(section, at.Value, type, symbol, addend, line.At(d.Index));
    }
}
