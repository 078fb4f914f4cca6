namespace A64Asm.Assembler.Layout;

/// <summary>DWARF call frame instruction bytes with AArch64's factors (code 4, data -8), in the forms GNU as picks.</summary>
internal static class CallFrameEncoding
{
    public const int CodeAlignment = 4;
    public const int DataAlignment = -8;
    public const int ReturnAddressRegister = 30;
    public const int StackPointerRegister = 31;

    private const byte AdvanceLoc = 0x40, OffsetLow = 0x80, RestoreLow = 0xc0;
    private const byte AdvanceLoc1 = 0x02, AdvanceLoc2 = 0x03, AdvanceLoc4 = 0x04;
    private const byte OffsetExtended = 0x05, RestoreExtended = 0x06, Undefined = 0x07, SameValue = 0x08, RegisterOp = 0x09;
    private const byte RememberState = 0x0a, RestoreState = 0x0b, DefCfa = 0x0c, DefCfaRegister = 0x0d, DefCfaOffset = 0x0e;
    private const byte OffsetExtendedSf = 0x11, DefCfaSf = 0x12, DefCfaOffsetSf = 0x13, ValOffset = 0x14, ValOffsetSf = 0x15;
    private const byte NegateRaState = 0x2d;

    public static void Write(List<byte> to, CfiInstruction i, bool bigEndian)
    {
        switch (i.Op)
        {
            case CfiOp.Advance:
                WriteAdvance(to, i.Value, bigEndian);
                break;
            case CfiOp.DefCfa:
                if (i.Value < 0)
                {
                    to.Add(DefCfaSf); Leb128.Unsigned(to, i.Register); Leb128.Signed(to, i.Value / DataAlignment);
                }
                else
                {
                    to.Add(DefCfa); Leb128.Unsigned(to, i.Register); Leb128.Unsigned(to, i.Value);
                }
                break;
            case CfiOp.DefCfaRegister:
                to.Add(DefCfaRegister); Leb128.Unsigned(to, i.Register);
                break;
            case CfiOp.DefCfaOffset:
                if (i.Value < 0) { to.Add(DefCfaOffsetSf); Leb128.Signed(to, i.Value / DataAlignment); }
                else { to.Add(DefCfaOffset); Leb128.Unsigned(to, i.Value); }
                break;
            case CfiOp.Offset:
            {
                long factored = i.Value / DataAlignment;
                if (factored < 0) { to.Add(OffsetExtendedSf); Leb128.Unsigned(to, i.Register); Leb128.Signed(to, factored); }
                else if (i.Register <= 0x3f) { to.Add((byte)(OffsetLow | i.Register)); Leb128.Unsigned(to, factored); }
                else { to.Add(OffsetExtended); Leb128.Unsigned(to, i.Register); Leb128.Unsigned(to, factored); }
                break;
            }
            case CfiOp.ValOffset:
            {
                long factored = i.Value / DataAlignment;
                to.Add(factored < 0 ? ValOffsetSf : ValOffset);
                Leb128.Unsigned(to, i.Register);
                if (factored < 0) Leb128.Signed(to, factored); else Leb128.Unsigned(to, factored);
                break;
            }
            case CfiOp.Restore:
                if (i.Register <= 0x3f) to.Add((byte)(RestoreLow | i.Register));
                else { to.Add(RestoreExtended); Leb128.Unsigned(to, i.Register); }
                break;
            case CfiOp.Undefined:
                to.Add(Undefined); Leb128.Unsigned(to, i.Register);
                break;
            case CfiOp.SameValue:
                to.Add(SameValue); Leb128.Unsigned(to, i.Register);
                break;
            case CfiOp.Register:
                to.Add(RegisterOp); Leb128.Unsigned(to, i.Register); Leb128.Unsigned(to, i.Register2);
                break;
            case CfiOp.RememberState:
                to.Add(RememberState);
                break;
            case CfiOp.RestoreState:
                to.Add(RestoreState);
                break;
            case CfiOp.NegateRaState:
                to.Add(NegateRaState);
                break;
            case CfiOp.Escape:
                to.AddRange(i.Bytes!);
                break;
        }
    }

    /// <summary>The shortest advance for a distance in bytes, as a multiple of the code alignment; none for zero
    /// (an advance over an alignment that added nothing).</summary>
    private static void WriteAdvance(List<byte> to, long bytes, bool bigEndian)
    {
        ulong scaled = (ulong)bytes / CodeAlignment;
        if (scaled == 0) return;
        if (scaled <= 0x3f) to.Add((byte)(AdvanceLoc | (byte)scaled));
        else if (scaled <= 0xff) { to.Add(AdvanceLoc1); to.Add((byte)scaled); }
        else if (scaled <= 0xffff) { to.Add(AdvanceLoc2); AddNumber(to, scaled, 2, bigEndian); }
        else { to.Add(AdvanceLoc4); AddNumber(to, scaled, 4, bigEndian); }
    }

    /// <summary>The low <paramref name="size"/> bytes of <paramref name="value"/> in the target's data order.</summary>
    public static void AddNumber(List<byte> to, ulong value, int size, bool bigEndian)
    {
        for (int i = 0; i < size; i++)
            to.Add((byte)(value >> (8 * (bigEndian ? size - 1 - i : i))));
    }
}
