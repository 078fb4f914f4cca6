namespace A64Asm.Assembler.Layout.Debug;

/// <summary>The flags a .loc may set on a row; the last three hold for the next row only.</summary>
[Flags]
internal enum LineFlags
{
    None = 0,
    IsStmt = 1,
    BasicBlock = 2,
    PrologueEnd = 4,
    EpilogueBegin = 8,
    /// <summary>The flags a row consumes.</summary>
    OneRow = BasicBlock | PrologueEnd | EpilogueBegin,
}

/// <summary>Where a row of the line table points: a file of the file table (from 1), a line, a column, and the
/// state a .loc sets besides.</summary>
internal readonly record struct LineLocation(int File, long Line, long Column, LineFlags Flags, long Isa, long Discriminator)
{
    /// <summary>The state machine's start (and a .loc's before its options): file 1, line 1, is_stmt.</summary>
    public static LineLocation Initial => new(1, 1, 0, LineFlags.IsStmt, 0, 0);
}

/// <summary>One row: an offset in the row's section, its location, and its view (how many rows before it in the
/// sequence share its address; <paramref name="ResetsView"/>: a `view -0` row, which starts again at 0), and the
/// subsection it was made in.</summary>
internal readonly record struct LineRow(long Offset, LineLocation Location, long View = 0, bool ResetsView = false, long Subsection = 0);

/// <summary>A .loc's `view` operand: a symbol that takes the row's view number, or 0 (`-0`: reset to 0).</summary>
internal sealed record LineView(string? Symbol, bool Reset, Diagnostics.SourceLocation At);

/// <summary>The rows of one section, in the order they were made: one DW_LNE_end_sequence-terminated sequence.</summary>
internal sealed class LineSequence(AsmSection section)
{
    public AsmSection Section => section;
    public List<LineRow> Rows { get; } = new();

    /// <summary>The rows as GNU as writes them: each subsection's in the order they were made, subsections by number
    /// (as their bytes are laid out).</summary>
    public IEnumerable<LineRow> InLayoutOrder() =>
        Rows.Exists(r => r.Subsection != 0) ? Rows.OrderBy(r => r.Subsection) : Rows;

    /// <summary>The last row made in <paramref name="subsection"/> (GNU as counts views within a subsection).</summary>
    public LineRow? LastIn(long subsection)
    {
        for (int i = Rows.Count - 1; i >= 0; i--)
            if (Rows[i].Subsection == subsection)
                return Rows[i];
        return null;
    }
}
