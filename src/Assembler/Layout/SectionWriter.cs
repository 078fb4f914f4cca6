using System.Buffers.Binary;
using A64Asm.Assembler.Diagnostics;
using A64Asm.Assembler.Elf;

namespace A64Asm.Assembler.Layout;

/// <summary>
/// Writes at '.' of the current section: bytes, fills, alignment padding, and the mapping symbols that say what the
/// bytes are. While not <see cref="Emitting"/> (layout passes over the tail) it only advances '.', so a statement
/// runs the same code whether it is being laid out or emitted.
/// </summary>
internal sealed class SectionWriter(SectionTable sections, MappingSymbols mapping)
{
    private const uint NopWord = 0xd503201f;
    private readonly byte[] _scratch = new byte[16];

    public bool Emitting { get; set; } = true;

    /// <summary>Data in big-endian order (-EB); instruction words stay little-endian.</summary>
    public bool BigEndian { get; set; }

    public AsmSection Current => sections.Current;

    public MappingSymbols Mapping => mapping;

    /// <summary>Room for <paramref name="count"/> (at most 16) bytes at '.'; a scratch buffer when not emitting.</summary>
    public Span<byte> Reserve(int count)
    {
        if (Emitting && !Current.IsNoBits)
            return Current.Reserve(count);
        Current.Location += count;
        return _scratch.AsSpan(0, count);
    }

    /// <summary>Advances '.' by <paramref name="count"/> bytes of <paramref name="value"/>.</summary>
    public void Fill(long count, byte value)
    {
        if (count <= 0) return;
        if (Emitting && !Current.IsNoBits)
            Current.Reserve(count).Fill(value);
        else
            Current.Location += count;
    }

    /// <summary><paramref name="repeat"/> items of <paramref name="size"/> bytes, each holding <paramref name="value"/>'s
    /// low 4 bytes and zeros after them (.fill, as GNU as).</summary>
    public void FillItems(long repeat, int size, long value)
    {
        // Items of no bytes write nothing, however many (a loop over 2^40 of them would not end).
        if (repeat == 0 || size == 0)
            return;
        if (!Emitting || Current.IsNoBits)
        {
            Current.Location += repeat * size;
            return;
        }
        Span<byte> item = stackalloc byte[8];
        item.Clear();
        WriteNumber(item[..Math.Min(size, 4)], value);
        var span = Current.Reserve(repeat * size);
        for (long i = 0; i < repeat; i++)
            item[..size].CopyTo(span.Slice((int)(i * size), size));
    }

    public void WriteBytes(byte[] bytes)
    {
        if (Emitting && !Current.IsNoBits)
            bytes.CopyTo(Current.Reserve(bytes.Length));
        else
            Current.Location += bytes.Length;
    }

    /// <summary>The low bytes of <paramref name="value"/> as a number of the span's length, in the target's data order.</summary>
    public void WriteNumber(Span<byte> at, long value) => ByteOrder.Write(at, (ulong)value, BigEndian);

    /// <summary>Pads '.' to <paramref name="alignment"/> with the fill pattern, or in code with zeros up to the next
    /// instruction boundary and then NOPs (GNU as); nothing when more than <paramref name="max"/> bytes are needed.</summary>
    public void AlignTo(long alignment, long? fill, int fillSize, long? max)
    {
        Current.RequireAlignment(alignment);
        Current.Fragment++;
        long padding = (alignment - Current.Location % alignment) % alignment;
        if (padding == 0 || (max is { } limit && padding > limit))
            return;
        if (!Emitting || Current.IsNoBits)
        {
            Current.Location += padding;
            return;
        }
        var span = Current.Reserve(padding);
        if (fill is { } pattern)
        {
            for (int i = 0; i < span.Length; i++)
            {
                int byteOfPattern = BigEndian ? fillSize - 1 - i % fillSize : i % fillSize;
                span[i] = (byte)(pattern >> (8 * byteOfPattern));
            }
        }
        else if (Current.IsCode)
        {
            int misaligned = (int)(padding % 4);
            span[..misaligned].Clear();
            for (int i = misaligned; i + 4 <= span.Length; i += 4)
                BinaryPrimitives.WriteUInt32LittleEndian(span[i..], NopWord);
        }
    }

    /// <summary>GNU as pads an instruction in a code section that follows data to a 4-byte boundary with zeros (labels
    /// stay put); after code it does not (a subsection can begin at an odd offset).</summary>
    public void AlignInstruction()
    {
        Current.RequireAlignment(4);
        if (Current.IsCode && (Current.Location & 3) != 0 && _codeAfterData)
            Fill(4 - (Current.Location & 3), 0);
    }

    /// <summary>--max-section-size: no section may grow past this many bytes (see <see cref="AsmSection.MaxSize"/>).</summary>
    public long MaxSectionSize
    {
        get => sections.MaxSectionSize;
        set => sections.MaxSectionSize = value;
    }

    /// <summary>Throws unless '.' may advance by <paramref name="count"/> bytes in the current section. Checked before
    /// anything is reserved, in 128-bit arithmetic so no user value (.fill 1&lt;&lt;62, 8) can wrap.</summary>
    public void CheckRoom(Int128 count, SourceLocation at, string what)
    {
        Int128 end = Current.Location + count;
        if (end <= MaxSectionSize)
            return;
        throw new AsmError(at, $"{what} would make section {Current.Name} {end} bytes long, " +
                               $"which exceeds the limit of {MaxSectionSize} (use --max-section-size to raise it)");
    }

    // Mapping symbols mark what the emitting pass writes; layout passes write nothing.
    // Whether the code being placed follows data (set by MarkCode, read by AlignInstruction).
    private bool _codeAfterData;

    public void MarkCode(int phase)
    {
        _codeAfterData = Current.MarkedData;
        Current.MarkedData = false;
        if (Emitting) mapping.MarkCode(phase);
    }

    public void MarkData()
    {
        Current.MarkedData = true;
        if (Emitting) mapping.MarkData();
    }

    public void MarkDataAfterOperands()
    {
        Current.MarkedData = true;
        if (Emitting) mapping.MarkDataAfterOperands();
    }

    public void MarkFill()
    {
        Current.MarkedData = true;
        if (Emitting) mapping.MarkFill();
    }

    public void MarkPoolGroup(bool aligned)
    {
        Current.MarkedData = aligned || !Current.IsCode;
        if (Emitting) mapping.MarkPoolGroup(aligned);
    }

    public void MarkAlignment(bool codeFill, long padding)
    {
        Current.MarkedData = !Current.IsCode;
        if (Emitting) mapping.MarkAlignment(codeFill, padding);
    }
}
