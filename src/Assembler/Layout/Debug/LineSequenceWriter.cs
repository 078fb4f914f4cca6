namespace A64Asm.Assembler.Layout.Debug;

/// <summary>
/// One section's rows as line-program opcodes, as GNU as orders them: the state changes a row needs (file, column,
/// discriminator, ISA, is_stmt, then the one-row flags), then DW_LNE_set_address for a section's first row or the
/// line and address step for the others (a view reset at the same address: DW_LNE_set_address again), and DW_LNE_end_sequence at the section's end. Every sequence starts from
/// the initial state (file 1, line 1, column 0, ISA 0, is_stmt).
/// </summary>
internal static class LineSequenceWriter
{
    public static void Write(DwarfBuffer b, LineSequence sequence)
    {
        if (sequence.Rows.Count == 0)
            return;
        var state = LineLocation.Initial;
        long? lastOffset = null;
        foreach (var row in sequence.InLayoutOrder())
        {
            var loc = row.Location;
            if (loc.File != state.File)
            {
                b.U8(LineProgramEncoder.SetFile);
                b.Uleb(loc.File);
            }
            if (loc.Column != state.Column)
            {
                b.U8(LineProgramEncoder.SetColumn);
                b.Uleb(loc.Column);
            }
            if (loc.Discriminator != 0)
            {
                b.U8(LineProgramEncoder.ExtendedOp);
                b.Uleb(1 + Leb128.UnsignedSize(loc.Discriminator));
                b.U8(LineProgramEncoder.SetDiscriminator);
                b.Uleb(loc.Discriminator);
            }
            if (loc.Isa != state.Isa)
            {
                b.U8(LineProgramEncoder.SetIsa);
                b.Uleb(loc.Isa);
            }
            if (((loc.Flags ^ state.Flags) & LineFlags.IsStmt) != 0)
                b.U8(LineProgramEncoder.NegateStmt);
            if ((loc.Flags & LineFlags.BasicBlock) != 0)
                b.U8(LineProgramEncoder.SetBasicBlock);
            if ((loc.Flags & LineFlags.PrologueEnd) != 0)
                b.U8(LineProgramEncoder.SetPrologueEnd);
            if ((loc.Flags & LineFlags.EpilogueBegin) != 0)
                b.U8(LineProgramEncoder.SetEpilogueBegin);
            long lineDelta = loc.Line - state.Line;
            // A `view -0` row at the previous row's address restarts the view count with DW_LNE_set_address.
            if (lastOffset is not { } last || (row.ResetsView && row.Offset == last))
            {
                b.U8(LineProgramEncoder.ExtendedOp);
                b.Uleb(1 + 8);
                b.U8(LineProgramEncoder.SetAddress);
                b.Address(sequence.Section, row.Offset);
                LineProgramEncoder.AdvanceRow(b.Bytes, lineDelta, 0);
            }
            else
                LineProgramEncoder.AdvanceRow(b.Bytes, lineDelta, row.Offset - last);
            state = loc;
            lastOffset = row.Offset;
        }
        LineProgramEncoder.EndOfSequence(b.Bytes, sequence.Section.Location - lastOffset!.Value);
    }
}
