namespace A64Asm.Assembler.Layout.Debug;

/// <summary>
/// The opcodes of a line-number program, chosen as GNU as chooses them (its header: minimum instruction length 4,
/// line_base -5, line_range 14, opcode_base 13): a special opcode when the line and address steps fit one,
/// DW_LNS_const_add_pc and a special opcode when the address step is up to 17 units more, else DW_LNS_advance_pc;
/// a line step outside [-5, 8] goes first in DW_LNS_advance_line.
/// </summary>
internal static class LineProgramEncoder
{
    public const int MinInstructionLength = 4;
    public const int LineBase = -5;
    public const int LineRange = 14;
    public const int OpcodeBase = 13;
    /// <summary>The address step (in instruction units) of opcode 255 with no line step: DW_LNS_const_add_pc's.</summary>
    public const int MaxSpecialAddressDelta = (255 - OpcodeBase) / LineRange;

    // The operand counts of the standard opcodes 1-12, which the header lists.
    public static readonly byte[] StandardOpcodeLengths = [0, 1, 1, 1, 1, 0, 0, 0, 1, 0, 0, 1];

    public const byte Copy = 1, AdvancePc = 2, AdvanceLine = 3, SetFile = 4, SetColumn = 5, NegateStmt = 6,
        SetBasicBlock = 7, ConstAddPc = 8, SetPrologueEnd = 10, SetEpilogueBegin = 11, SetIsa = 12;
    public const byte ExtendedOp = 0, EndSequence = 1, SetAddress = 2, SetDiscriminator = 4;

    /// <summary>A row <paramref name="lineDelta"/> lines and <paramref name="addressDelta"/> bytes after the previous.</summary>
    public static void AdvanceRow(List<byte> output, long lineDelta, long addressDelta)
    {
        // Bytes that are not a whole instruction (data in code) are rounded down, as GNU as does.
        long units = addressDelta / MinInstructionLength;
        long biased = lineDelta - LineBase;
        bool copyAfter = false;
        if ((ulong)biased >= LineRange)
        {
            output.Add(AdvanceLine);
            Leb128.Signed(output, lineDelta);
            biased = -LineBase;
            lineDelta = 0;
            copyAfter = true;
        }
        if (lineDelta == 0 && units == 0)
        {
            output.Add(Copy);
            return;
        }
        long opcodeBase = biased + OpcodeBase;
        if (units < 256 + MaxSpecialAddressDelta)
        {
            long special = opcodeBase + units * LineRange;
            if (special <= 255)
            {
                output.Add((byte)special);
                return;
            }
            special = opcodeBase + (units - MaxSpecialAddressDelta) * LineRange;
            if (special <= 255)
            {
                output.Add(ConstAddPc);
                output.Add((byte)special);
                return;
            }
        }
        output.Add(AdvancePc);
        Leb128.Unsigned(output, units);
        output.Add(copyAfter ? Copy : (byte)opcodeBase);
    }

    /// <summary>The end of a section's sequence, <paramref name="addressDelta"/> bytes after its last row.</summary>
    public static void EndOfSequence(List<byte> output, long addressDelta)
    {
        long units = addressDelta / MinInstructionLength;
        if (units == MaxSpecialAddressDelta)
            output.Add(ConstAddPc);
        else if (units != 0)
        {
            output.Add(AdvancePc);
            Leb128.Unsigned(output, units);
        }
        output.AddRange([ExtendedOp, 1, EndSequence]);
    }
}
