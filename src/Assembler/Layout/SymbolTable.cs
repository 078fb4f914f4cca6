using A64Asm.Assembler.Diagnostics;
using A64Asm.Assembler.Elf;
using A64Asm.Assembler.Parsing;
using A64Asm.Assembler.Parsing.Syntax;

namespace A64Asm.Assembler.Layout;

/// <summary>A symbol as the assembler tracks it across passes.</summary>
public sealed class SymbolEntry
{
    public SymbolEntry(string name) => Name = name;

    public string Name { get; }

    /// <summary>Set for labels and for equates to a label (with <see cref="Offset"/> in it).</summary>
    public AsmSection? Section { get; set; }

    public long Offset { get; set; }

    /// <summary>A label or an equate whose value is known.</summary>
    public bool IsDefined { get; set; }

    /// <summary>Defined by .set/.equ/= rather than as a label.</summary>
    public bool IsEquate { get; set; }

    /// <summary>An equate that could not be evaluated where it was written (forward reference).</summary>
    public Expr? PendingExpression { get; set; }
    public SourceLine? PendingLine { get; set; }

    /// <summary>Its pending expression is being evaluated (loop detection).</summary>
    internal bool IsResolving { get; set; }

    /// <summary>The pass that defined the label, to tell a redefinition from the same label seen again.</summary>
    public int DefinedInPass { get; set; }

    public SymbolBinding Binding { get; set; } = SymbolBinding.Local;
    public bool BindingExplicit { get; set; }
    public SymbolType Type { get; set; }
    public SymbolVisibility Visibility { get; set; }
    public bool VariantPcs { get; set; }

    /// <summary>.comm: a common symbol (SHN_COMMON) whose value in the object is its alignment.</summary>
    public bool IsCommon { get; set; }
    public long CommonAlignment { get; set; }
    /// <summary>From .size, evaluated in the emitting pass.</summary>
    public long SizeValue { get; set; }

    /// <summary>Referenced by a relocation or declared, so it belongs in the object's symbol table.</summary>
    public bool IsReferenced { get; set; }

    public ObjectSymbol? Emitted { get; set; }

    public bool IsGlobal => Binding != SymbolBinding.Local;

    public ExprValue Value => Section is null ? ExprValue.Absolute(Offset) : new ExprValue(Offset, Section, Name);
}

/// <summary>All symbols by name, in first-mention order.</summary>
public sealed class SymbolTable
{
    private readonly Dictionary<string, SymbolEntry> _byName = new(StringComparer.Ordinal);

    public List<SymbolEntry> InOrder { get; } = new();

    public SymbolEntry GetOrAdd(string name)
    {
        if (_byName.TryGetValue(name, out var entry)) return entry;
        entry = new SymbolEntry(name);
        _byName[name] = entry;
        InOrder.Add(entry);
        return entry;
    }

    public SymbolEntry? Find(string name) => _byName.TryGetValue(name, out var entry) ? entry : null;

    /// <summary>.L labels, numeric local labels and pool slots never reach the object's symbol table.</summary>
    public static bool IsAssemblerLocal(string name) => name.StartsWith(".L", StringComparison.Ordinal);
}
