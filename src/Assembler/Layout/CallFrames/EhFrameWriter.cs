using A64Asm.Assembler.Elf;
using A64Asm.Assembler.Parsing;
using A64Asm.Assembler.Parsing.Syntax;
using A64Asm.Isa.Fixups;

namespace A64Asm.Assembler.Layout;

/// <summary>DW_EH_PE pointer encodings: the ones GNU as accepts for .cfi_personality and .cfi_lsda, and their sizes.</summary>
internal static class EhPointer
{
    public const byte PcRelative = 0x10;

    /// <summary>Absolute or PC-relative (optionally indirect), of 2, 4 or 8 bytes, signed or not, or absptr.</summary>
    public static bool IsSupported(long encoding) =>
        (encoding & 0xff) == encoding && (encoding & 0x70) is 0 or PcRelative
        && (encoding & 7) is 0 or 2 or 3 or 4;

    public static int Size(byte encoding) => (encoding & 7) switch { 2 => 2, 3 => 4, _ => 8 };
}

/// <summary>
/// Writes the frames of .cfi_startproc … .cfi_endproc as GNU as writes .eh_frame: in .cfi_startproc order, each
/// FDE after the CIE it uses, a CIE written just before the first FDE that needs it. A frame shares the newest
/// CIE whose return column, signal-frame and key flags and personality match and whose initial instructions
/// begin the frame's own; otherwise a new CIE takes the frame's leading instructions, up to the first advance or
/// the first operation that cannot be shared. CIEs and FDEs end padded with DW_CFA_nop to 4 bytes, the last FDE
/// to 8; pc_begin is an R_AARCH64_PREL32 against the function's section, the range a 4-byte constant.
/// With <paramref name="debugFrame"/> the same frames become .debug_frame: CIE id 0xffffffff, no augmentation data,
/// every entry padded to 8, the CIE pointer an R_AARCH64_ABS32 and pc_begin an R_AARCH64_ABS64, the range 8 bytes.
/// </summary>
internal sealed class EhFrameWriter(SectionTable sections, SectionWriter output, FixupTable fixups, MappingSymbols mapping,
    IStatementContext context, bool debugFrame = false)
{
    private sealed record Cie(long Offset, FrameDescription Model, int InstructionCount);

    private readonly List<Cie> _cies = new();
    private bool BigEndian => output.BigEndian;

    public void Write(IReadOnlyList<FrameDescription> frames)
    {
        if (frames.Count == 0)
            return;
        mapping.RecordNewSections(mapping.LineSeq);
        var section = sections.GetOrCreate(debugFrame ? ".debug_frame" : ".eh_frame");
        section.Kind = SectionKind.ProgBits;
        section.Flags = debugFrame ? SectionFlags.None : SectionFlags.Alloc;
        section.RequireAlignment(8);
        long? firstAlignment = null;
        sections.RunIn(section, () =>
        {
            for (int i = 0; i < frames.Count; i++)
            {
                var frame = frames[i];
                var (cie, first) = CieFor(frame, ref firstAlignment);
                WriteFde(frame, cie, first, i == frames.Count - 1 || debugFrame ? 8 : 4);
            }
        });
        // GNU as marks no data in debug sections.
        mapping.AddEndOfInputSection(section, debugFrame ? null : firstAlignment);
    }

    private (Cie Cie, int First) CieFor(FrameDescription frame, ref long? firstAlignment)
    {
        for (int c = _cies.Count - 1; c >= 0; c--)
        {
            var cie = _cies[c];
            if (SameEntry(cie.Model, frame) && BeginsWith(frame, cie))
                return (cie, cie.InstructionCount);
        }
        int count = 0;
        while (count < frame.Instructions.Count && IsShareable(frame.Instructions[count].Op))
            count++;
        var made = new Cie(sections.Current.Location, frame, count);
        _cies.Add(made);
        WriteCie(made, ref firstAlignment);
        return (made, count);
    }

    // The operations a CIE's initial instructions may hold and GNU as compares when it shares one.
    private static bool IsShareable(CfiOp op) => op is CfiOp.DefCfa or CfiOp.DefCfaRegister or CfiOp.DefCfaOffset
        or CfiOp.Offset or CfiOp.Register or CfiOp.Restore or CfiOp.Undefined or CfiOp.SameValue;

    private static bool BeginsWith(FrameDescription frame, Cie cie)
    {
        if (frame.Instructions.Count < cie.InstructionCount)
            return false;
        for (int k = 0; k < cie.InstructionCount; k++)
            if (!frame.Instructions[k].SameAs(cie.Model.Instructions[k]))
                return false;
        return true;
    }

    // .debug_frame carries no personality, LSDA or key, so GNU as shares its CIEs regardless of them.
    private bool SameEntry(FrameDescription a, FrameDescription b) =>
        a.ReturnColumn == b.ReturnColumn && a.SignalFrame == b.SignalFrame
        && (debugFrame || (a.BKey == b.BKey && a.Lsda?.Encoding == b.Lsda?.Encoding && SamePointer(a.Personality, b.Personality)));

    private bool SamePointer(CfiPointer? a, CfiPointer? b)
    {
        if (a is null || b is null)
            return a is null && b is null;
        if (a.Encoding != b.Encoding)
            return false;
        var x = ExpressionEvaluator.Evaluate(a.Value, context, a.Line.Line);
        var y = ExpressionEvaluator.Evaluate(b.Value, context, b.Line.Line);
        return x.Symbol == y.Symbol && ReferenceEquals(x.Section, y.Section) && x.Value == y.Value;
    }

    private void WriteCie(Cie cie, ref long? firstAlignment)
    {
        var model = cie.Model;
        long start = sections.Current.Location;
        var bytes = new List<byte>();
        CallFrameEncoding.AddNumber(bytes, 0, 4, BigEndian); // length, patched below
        CallFrameEncoding.AddNumber(bytes, debugFrame ? 0xffffffff : 0, 4, BigEndian); // CIE id
        bytes.Add(1);                                          // version
        if (!debugFrame)
        {
            bytes.Add((byte)'z');
            if (model.Personality is not null) bytes.Add((byte)'P');
            if (model.Lsda is not null) bytes.Add((byte)'L');
            bytes.Add((byte)'R');
        }
        if (model.BKey && !debugFrame) bytes.Add((byte)'B');
        if (model.SignalFrame) bytes.Add((byte)'S');
        bytes.Add(0);
        Leb128.Unsigned(bytes, CallFrameEncoding.CodeAlignment);
        Leb128.Signed(bytes, CallFrameEncoding.DataAlignment);
        bytes.Add((byte)model.ReturnColumn);
        if (!debugFrame)
        {
            int augmentation = 1 + (model.Lsda is not null ? 1 : 0)
                + (model.Personality is { } p ? 1 + EhPointer.Size(p.Encoding) : 0);
            Leb128.Unsigned(bytes, augmentation);
            if (model.Personality is { } personality)
            {
                bytes.Add(personality.Encoding);
                Flush(bytes);
                WritePointer(personality);
            }
            if (model.Lsda is { } lsda) bytes.Add(lsda.Encoding);
            bytes.Add(0x1b); // FDE addresses: PC-relative, signed 4 bytes
        }
        for (int k = 0; k < cie.InstructionCount; k++)
            CallFrameEncoding.Write(bytes, model.Instructions[k], BigEndian);
        Flush(bytes);
        firstAlignment ??= sections.Current.Location;
        EndEntry(start, debugFrame ? 8 : 4);
    }

    private void WriteFde(FrameDescription frame, Cie cie, int first, int alignment)
    {
        var section = sections.Current;
        long start = section.Location;
        var bytes = new List<byte>();
        CallFrameEncoding.AddNumber(bytes, 0, 4, BigEndian); // length, patched below
        if (debugFrame)
        {
            // A section offset: the linker moves it with the section.
            Flush(bytes);
            fixups.AddRelocation(section.Location, FixupKind.Abs32, new ExprValue(cie.Offset, section, null), frame.StartedAt);
            CallFrameEncoding.AddNumber(bytes, 0, 4, BigEndian);
        }
        else
        {
            CallFrameEncoding.AddNumber(bytes, (ulong)(start + 4 - cie.Offset), 4, BigEndian);
        }
        Flush(bytes);
        int addressSize = debugFrame ? 8 : 4;
        fixups.AddRelocation(section.Location, debugFrame ? FixupKind.Abs64 : FixupKind.Prel32,
            new ExprValue(frame.Start, frame.Section, null), frame.StartedAt);
        CallFrameEncoding.AddNumber(bytes, 0, addressSize, BigEndian);
        CallFrameEncoding.AddNumber(bytes, (ulong)(frame.End - frame.Start), addressSize, BigEndian);
        if (!debugFrame)
        {
            Leb128.Unsigned(bytes, cie.Model.Lsda is { } l ? EhPointer.Size(l.Encoding) : 0);
            if (frame.Lsda is { } lsda)
            {
                Flush(bytes);
                WritePointer(lsda);
            }
        }
        for (int k = first; k < frame.Instructions.Count; k++)
            CallFrameEncoding.Write(bytes, frame.Instructions[k], BigEndian);
        Flush(bytes);
        EndEntry(start, alignment);
    }

    /// <summary>Pads the entry with DW_CFA_nop to <paramref name="alignment"/> and fills in its length.</summary>
    private void EndEntry(long start, int alignment)
    {
        var section = sections.Current;
        long padding = (alignment - section.Location % alignment) % alignment;
        output.Fill(padding, 0);
        output.WriteNumber(section.At(start, 4), section.Location - start - 4);
    }

    private void Flush(List<byte> bytes)
    {
        output.WriteBytes(bytes.ToArray());
        bytes.Clear();
    }

    /// <summary>A personality or LSDA pointer at '.': the symbol, minus '.' when PC-relative.</summary>
    private void WritePointer(CfiPointer pointer)
    {
        var value = (pointer.Encoding & 0x70) == EhPointer.PcRelative
            ? new BinaryExpr(BinaryOp.Subtract, pointer.Value, new SymbolExpr(".", pointer.Value.Index), pointer.Value.Index)
            : pointer.Value;
        context.WriteExpression(EhPointer.Size(pointer.Encoding), value, pointer.Line.Line, pointer.Line.At(pointer.Value.Index));
    }
}
