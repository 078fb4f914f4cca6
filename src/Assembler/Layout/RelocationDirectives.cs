using A64Asm.Assembler.Diagnostics;
using A64Asm.Assembler.Parsing;
using A64Asm.Assembler.Parsing.Syntax;
using static A64Asm.Assembler.Layout.DirectiveArguments;

namespace A64Asm.Assembler.Layout;

/// <summary>
/// .reloc offset, type[, value] and .tlsdesccall symbol: relocations the input asks for by name. .tlsdesccall's
/// R_AARCH64_TLSDESC_CALL is made at '.' where it stands; .reloc's are made at the end, after every other one (as
/// GNU as does), so their offset may name a later label: a number is an offset in the section of the directive,
/// a label gives its own section.
/// </summary>
internal sealed class RelocationDirectives(SectionTable sections, SymbolTable symbols, FixupTable fixups, IStatementContext context,
    Func<bool> emitting, Action<Expr> enterNamedSymbols)
{
    private readonly List<(ParsedLine Line, DirectiveStatement Directive, AsmSection Section, uint Type)> _relocs = new();

    public void TlsDescCall(ParsedLine line, DirectiveStatement d)
    {
        if (d.Arguments.Count != 1)
            throw new AsmError(line.At(d.Index), ".tlsdesccall expects one symbol name");
        string name = NameArgument(line, d, 0);
        if (!emitting())
            return;
        var section = sections.Current;
        fixups.AddRawRelocation(section, section.Location, RelocationNames.TlsDescCall, symbols.GetOrAdd(name), 0, line.At(d.Index));
    }

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
        if (emitting())
            _relocs.Add((line, d, sections.Current, type));
    }

    /// <summary>At the end, once every label is placed.</summary>
    public void ResolveAll()
    {
        var errors = new List<AsmError>();
        foreach (var (line, d, section, type) in _relocs)
        {
            try
            {
                Resolve(line, d, section, type);
            }
            catch (AsmError e)
            {
                errors.Add(e);
            }
        }
        if (errors.Count > 0)
            throw AsmError.All(errors);
    }

    private void Resolve(ParsedLine line, DirectiveStatement d, AsmSection section, uint type)
    {
        var offsetExpr = ExprArgument(line, d, 0);
        var at = ExpressionEvaluator.Evaluate(offsetExpr, context, line.Line);
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
            var value = ExpressionEvaluator.Evaluate(valueExpr, context, line.Line);
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
