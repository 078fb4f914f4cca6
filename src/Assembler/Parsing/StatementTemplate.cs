using A64Asm.Assembler.Parsing.Syntax;

namespace A64Asm.Assembler.Parsing;

/// <summary>
/// What a statement's text parses to before numeric local labels are bound to their instances: the part of a
/// parse that depends on the text alone, so one parse serves every line with the same text. Indices are
/// offsets into that text; each use brings its own <see cref="Diagnostics.SourceLine"/> for locations.
/// </summary>
internal sealed record StatementTemplate(LabelTemplate[] Labels, Statement? Statement, bool HasLocalRefs)
{
    public bool HasLocalLabels { get; } = Array.Exists(Labels, l => l.IsLocal);

    /// <summary>The labels of every use when none is numeric.</summary>
    public LabelDefinition[] NamedLabels { get; } = Array.ConvertAll(Labels, l => l.Named);
}

/// <summary>A label on the line; a numeric one ("1:") gets its instance name only when the line is bound.</summary>
internal readonly record struct LabelTemplate(LabelDefinition Named, bool IsLocal, long LocalNumber);

/// <summary>"1b" / "1f" as written; <see cref="LocalLabelBinder"/> turns it into the instance's symbol.</summary>
internal sealed record LocalRefExpr(long Label, bool Forward, int Index) : Expr(Index);
