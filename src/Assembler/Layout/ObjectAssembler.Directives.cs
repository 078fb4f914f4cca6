using A64Asm.Assembler.Diagnostics;
using A64Asm.Isa;
using A64Asm.Assembler.Elf;
using A64Asm.Assembler.Parsing.Syntax;
using static A64Asm.Assembler.Layout.DirectiveArguments;

namespace A64Asm.Assembler.Layout;

public sealed partial class ObjectAssembler
{
    private delegate void DirectiveHandler(ObjectAssembler self, ParsedLine line, DirectiveStatement d);

    // Accepted for compatibility; they describe debug info, unwind tables or the target, which the object here does not carry.
    private static readonly HashSet<string> IgnoredDirectives = new(StringComparer.Ordinal)
    {
        ".file", ".ident", ".cpu", ".fpu", ".loc", ".loc_mark_labels", ".gnu_attribute",
        ".eabi_attribute", ".variant_pcs", ".symver", ".version", ".cfi_sections", ".altmacro", ".noaltmacro", ".tlsdesccall",
    };

    private static readonly Dictionary<string, DirectiveHandler> Handlers = new(StringComparer.Ordinal)
    {
        [".text"] = (a, l, d) => a.Sections.Switch(a.Sections.GetOrCreate(".text")),
        [".data"] = (a, l, d) => a.Sections.Switch(a.Sections.GetOrCreate(".data")),
        [".bss"] = (a, l, d) => a.Sections.Switch(a.Sections.GetOrCreate(".bss")),
        [".section"] = (a, l, d) => a.Sections.Switch(a._sectionArguments.FromArguments(l, d)),
        [".pushsection"] = (a, l, d) => a.Sections.Push(a._sectionArguments.FromArguments(l, d)),
        [".popsection"] = (a, l, d) => a.Sections.Pop(l.At(d.Index)),
        [".previous"] = (a, l, d) => a.Sections.SwapWithPrevious(l.At(d.Index)),

        [".byte"] = (a, l, d) => a._data.Data(l, d, 1),
        [".hword"] = (a, l, d) => a._data.Data(l, d, 2),
        [".short"] = (a, l, d) => a._data.Data(l, d, 2),
        [".2byte"] = (a, l, d) => a._data.Data(l, d, 2),
        [".word"] = (a, l, d) => a._data.Data(l, d, 4),
        [".long"] = (a, l, d) => a._data.Data(l, d, 4),
        [".int"] = (a, l, d) => a._data.Data(l, d, 4),
        [".4byte"] = (a, l, d) => a._data.Data(l, d, 4),
        [".quad"] = (a, l, d) => a._data.Data(l, d, 8),
        [".xword"] = (a, l, d) => a._data.Data(l, d, 8),
        [".8byte"] = (a, l, d) => a._data.Data(l, d, 8),
        [".dword"] = (a, l, d) => a._data.Data(l, d, 8),
        [".inst"] = (a, l, d) => a._data.Inst(l, d),
        [".ascii"] = (a, l, d) => a._data.Strings(l, d, terminate: false),
        [".asciz"] = (a, l, d) => a._data.Strings(l, d, terminate: true),
        [".string"] = (a, l, d) => a._data.Strings(l, d, terminate: true),
        [".skip"] = (a, l, d) => a._data.Space(l, d),
        [".space"] = (a, l, d) => a._data.Space(l, d),
        [".zero"] = (a, l, d) => a._data.Space(l, d),
        [".fill"] = (a, l, d) => a._data.Fill(l, d),

        [".align"] = (a, l, d) => a._data.Align(l, d, powerOfTwo: true, fillSize: 1),
        [".p2align"] = (a, l, d) => a._data.Align(l, d, powerOfTwo: true, fillSize: 1),
        [".p2alignw"] = (a, l, d) => a._data.Align(l, d, powerOfTwo: true, fillSize: 2),
        [".p2alignl"] = (a, l, d) => a._data.Align(l, d, powerOfTwo: true, fillSize: 4),
        [".balign"] = (a, l, d) => a._data.Align(l, d, powerOfTwo: false, fillSize: 1),
        [".balignw"] = (a, l, d) => a._data.Align(l, d, powerOfTwo: false, fillSize: 2),
        [".balignl"] = (a, l, d) => a._data.Align(l, d, powerOfTwo: false, fillSize: 4),
        [".org"] = (a, l, d) => a._data.Org(l, d),
        [".ltorg"] = (a, l, d) => a.Ltorg(l),
        [".pool"] = (a, l, d) => a.Ltorg(l),

        [".globl"] = (a, l, d) => a._attributes.SetBinding(l, d, SymbolBinding.Global),
        [".global"] = (a, l, d) => a._attributes.SetBinding(l, d, SymbolBinding.Global),
        [".weak"] = (a, l, d) => a._attributes.SetBinding(l, d, SymbolBinding.Weak),
        [".local"] = (a, l, d) => a._attributes.SetBinding(l, d, SymbolBinding.Local),
        [".hidden"] = (a, l, d) => a._attributes.SetVisibility(l, d, SymbolVisibility.Hidden),
        [".internal"] = (a, l, d) => a._attributes.SetVisibility(l, d, SymbolVisibility.Internal),
        [".protected"] = (a, l, d) => a._attributes.SetVisibility(l, d, SymbolVisibility.Protected),
        [".type"] = (a, l, d) => a._attributes.SetType(l, d),
        [".size"] = (a, l, d) => a.SetSize(l, d),
        [".set"] = (a, l, d) => a.SetDirective(l, d, redefinable: true),
        [".equ"] = (a, l, d) => a.SetDirective(l, d, redefinable: true),
        [".equiv"] = (a, l, d) => a.SetDirective(l, d, redefinable: false),
        [".arch"] = (a, l, d) => a.SelectArchitecture(l, d),
        [".arch_extension"] = (a, l, d) => a.AddArchExtension(l, d),
        [".unreq"] = (a, l, d) => a.Aliases.Remove(NameArgument(l, d, 0), l.At(d.Index), a.PassDiagnostics),
    };

    private void Directive(ParsedLine line, DirectiveStatement d)
    {
        if (Handlers.TryGetValue(d.Name, out var handler))
            handler(this, line, d);
        else if (!IgnoredDirectives.Contains(d.Name) && !d.Name.StartsWith(".cfi_", StringComparison.Ordinal))
            throw new AsmError(line.At(d.Index), $"unknown directive '{d.Name}'");
    }

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

    // ------------------------------------------------------------------ architecture

    /// <summary>.arch NAME[+ext|+noext...]: from here on, the instructions of that architecture (GNU as).</summary>
    private void SelectArchitecture(ParsedLine line, DirectiveStatement d)
    {
        string value = d.RawArguments.Trim();
        string[] parts = value.Split('+');
        if (!ArchFeatures.KnownArchitectures.Contains(parts[0]))
            throw new AsmError(line.At(d.Index), $"unknown architecture `{parts[0]}'");
        foreach (string extension in parts.Skip(1))
            CheckExtension(line, d, extension);
        _encoder.Features = ArchFeatures.FromGnuArch(value);
    }

    /// <summary>.arch_extension [no]NAME: one extension added to (or taken from) the selection.</summary>
    private void AddArchExtension(ParsedLine line, DirectiveStatement d)
    {
        string extension = d.RawArguments.Trim();
        CheckExtension(line, d, extension);
        _encoder.Features = _encoder.Features.WithGnuExtension(extension);
    }

    private static void CheckExtension(ParsedLine line, DirectiveStatement d, string extension)
    {
        string bare = extension.StartsWith("no", StringComparison.Ordinal) && !ArchFeatures.KnownExtensions.Contains(extension)
            ? extension[2..] : extension;
        if (!ArchFeatures.KnownExtensions.Contains(bare))
            throw new AsmError(line.At(d.Index), $"unknown architectural extension `{extension}'");
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
