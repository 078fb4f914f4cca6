using A64Asm.Assembler.Diagnostics;
using A64Asm.Assembler.Elf;
using A64Asm.Assembler.Parsing.Syntax;
using static A64Asm.Assembler.Layout.DirectiveArguments;

namespace A64Asm.Assembler.Layout;

/// <summary>The directives that give symbols their binding, visibility and type (.globl, .weak, .local, .hidden,
/// .type ...): what the object's symbol table says of a symbol besides its value.</summary>
internal sealed class SymbolAttributes(SymbolTable symbols, IStatementContext context)
{
    public void SetBinding(ParsedLine line, DirectiveStatement d, SymbolBinding binding)
    {
        foreach (var name in NameArguments(line, d))
        {
            var symbol = symbols.GetOrAdd(name);
            if (context.FirstPass && symbol.BindingExplicit && symbol.Binding != binding && binding != SymbolBinding.Weak
                && symbol.Binding != SymbolBinding.Weak)
                throw new AsmError(line.At(d.Index), $"symbol '{name}' is already {symbol.Binding.ToString().ToLowerInvariant()}");
            symbol.Binding = binding;
            symbol.BindingExplicit = true;
        }
    }

    public void SetVisibility(ParsedLine line, DirectiveStatement d, SymbolVisibility visibility)
    {
        foreach (var name in NameArguments(line, d))
            symbols.GetOrAdd(name).Visibility = visibility;
    }

    /// <summary>.variant_pcs name: the symbol follows a variant procedure call standard (STO_AARCH64_VARIANT_PCS);
    /// GNU as writes it to the object even when nothing else names it.</summary>
    public void SetVariantPcs(ParsedLine line, DirectiveStatement d)
    {
        if (d.Arguments.Count != 1)
            throw new AsmError(line.At(d.Arguments.Count > 1 ? d.Arguments[1].Index : d.Index), ".variant_pcs expects one symbol name");
        var symbol = symbols.GetOrAdd(NameArgument(line, d, 0));
        symbol.VariantPcs = true;
        symbol.IsReferenced = true;
    }

    public void SetType(ParsedLine line, DirectiveStatement d)
    {
        var symbol = symbols.GetOrAdd(NameArgument(line, d, 0));
        string type = d.Arguments.Count > 1 ? d.Arguments[1] switch
        {
            TypeOperandSyntax t => t.Name,
            StringOperandSyntax s => System.Text.Encoding.UTF8.GetString(s.Bytes),
            ExprOperandSyntax { Expr: SymbolExpr s } => s.Name,
            _ => "",
        } : "";
        symbol.Type = type.ToLowerInvariant() switch
        {
            "function" or "stt_func" => SymbolType.Func,
            "object" or "stt_object" => SymbolType.Object,
            "tls_object" or "stt_tls" => SymbolType.Tls,
            "notype" or "stt_notype" => SymbolType.NoType,
            _ => throw new AsmError(line.At(d.Arguments.Count > 1 ? d.Arguments[1].Index : d.Index),
                $"unrecognized symbol type \"{type}\""),
        };
    }
}
