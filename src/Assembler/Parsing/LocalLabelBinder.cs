using A64Asm.Assembler.Diagnostics;
using A64Asm.Assembler.Parsing.Syntax;

namespace A64Asm.Assembler.Parsing;

/// <summary>
/// Makes a <see cref="ParsedLine"/> of a template for one use of its text: numeric local labels are defined and
/// "1b"/"1f" resolved in line order, labels first, as the line reads. Templates without either are shared as is.
/// </summary>
internal sealed class LocalLabelBinder(LocalLabelNames names)
{
    private SourceLine _line = null!;

    public ParsedLine Bind(StatementTemplate template, SourceLine line)
    {
        var labels = template.NamedLabels;
        if (template.HasLocalLabels)
        {
            labels = new LabelDefinition[template.Labels.Length];
            for (int i = 0; i < labels.Length; i++)
            {
                var label = template.Labels[i];
                labels[i] = label.IsLocal ? new LabelDefinition(names.Define(label.LocalNumber), label.Named.Index) : label.Named;
            }
        }
        if (!template.HasLocalRefs)
            return new ParsedLine(line, labels, template.Statement);
        _line = line;
        return new ParsedLine(line, labels, Statement(template.Statement!));
    }

    public Expr Bind(Expr expr, SourceLine line)
    {
        _line = line;
        return Expression(expr);
    }

    private Statement Statement(Statement statement) => statement switch
    {
        InstructionStatement i => i with { Operands = Operands(i.Operands) },
        DirectiveStatement d => d with { Arguments = Operands(d.Arguments) },
        AssignmentStatement a => a with { Value = Expression(a.Value) },
        _ => statement,
    };

    private OperandSyntax[] Operands(IReadOnlyList<OperandSyntax> operands)
    {
        var bound = new OperandSyntax[operands.Count];
        for (int i = 0; i < bound.Length; i++)
            bound[i] = Operand(operands[i]);
        return bound;
    }

    private OperandSyntax Operand(OperandSyntax operand) => operand switch
    {
        ExprOperandSyntax e => e with { Expr = Expression(e.Expr) },
        RelocOperandSyntax r => r with { Expr = Expression(r.Expr) },
        MemoryOperandSyntax m => m with { Parts = Operands(m.Parts) },
        ShiftOperandSyntax { Amount: { } amount } s => s with { Amount = Expression(amount) },
        LiteralOperandSyntax l => l with { Value = Expression(l.Value) },
        ElementOperandSyntax el => el with { Element = Expression(el.Element) },
        RegisterListSyntax { Element: { } element } list => list with { Element = Expression(element) },
        _ => operand,
    };

    private Expr Expression(Expr expr) => expr switch
    {
        LocalRefExpr r => new SymbolExpr(names.Reference(r.Label, r.Forward)
            ?? throw new AsmError(_line.At(r.Index), $"backward ref to unknown label \"{r.Label}:\""), r.Index),
        UnaryExpr u => u with { Operand = Expression(u.Operand) },
        BinaryExpr b => BindBinary(b),
        _ => expr,
    };

    // Left before right, the order in which the line names them.
    private BinaryExpr BindBinary(BinaryExpr b)
    {
        var left = Expression(b.Left);
        return b with { Left = left, Right = Expression(b.Right) };
    }
}
