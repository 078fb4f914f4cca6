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

/// <summary>One row: an offset in the row's section and its location.</summary>
internal readonly record struct LineRow(long Offset, LineLocation Location);

/// <summary>The rows of one section, in the order they were made: one DW_LNE_end_sequence-terminated sequence.</summary>
internal sealed class LineSequence(AsmSection section)
{
    public AsmSection Section => section;
    public List<LineRow> Rows { get; } = new();
}
