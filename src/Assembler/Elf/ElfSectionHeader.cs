namespace A64Asm.Assembler.Elf;

/// <summary>One section header as written, with the contents that go at its offset (none for NOBITS).</summary>
internal sealed record ElfSectionHeader(
    string Name, uint Type, ulong Flags, ulong Alignment, ulong EntrySize, uint Link, uint Info, byte[] Contents)
{
    /// <summary>sh_size: the contents' length, except for NOBITS sections, which occupy no file space.</summary>
    public ulong Size { get; init; } = (ulong)Contents.Length;

    public void WriteTo(ElfByteWriter file, uint nameOffset, ulong offset)
    {
        file.U32(nameOffset);
        file.U32(Type);
        file.U64(Flags);
        file.U64(0); // sh_addr: relocatable objects are not placed
        file.U64(offset);
        file.U64(Size);
        file.U32(Link);
        file.U32(Info);
        file.U64(Type == ElfConstants.ShtNull ? 0 : Alignment);
        file.U64(EntrySize);
    }
}

/// <summary>Primitive writes, in the file's byte order (ELFDATA2LSB or, for -EB, ELFDATA2MSB), into a growing buffer.</summary>
internal sealed class ElfByteWriter(bool bigEndian, int capacity = 0)
{
    // The object writer knows the file's size: one buffer of that size, not doublings of a large section.
    private readonly MemoryStream _stream = new(capacity);

    public bool BigEndian => bigEndian;

    public ulong Position => (ulong)_stream.Length;

    public void U8(byte v) => _stream.WriteByte(v);
    public void U16(ushort v) => Number(v, 2);
    public void U32(uint v) => Number(v, 4);
    public void U64(ulong v) => Number(v, 8);

    private void Number(ulong v, int size)
    {
        Span<byte> b = stackalloc byte[size];
        ByteOrder.Write(b, v, bigEndian);
        _stream.Write(b);
    }

    public void I64(long v) => U64((ulong)v);
    public void Bytes(ReadOnlySpan<byte> bytes) => _stream.Write(bytes);

    public void PadTo(ulong position)
    {
        while (Position < position) _stream.WriteByte(0);
    }

    /// <summary>The bytes written; the buffer itself when it was sized exactly (no second copy of a large file).</summary>
    public byte[] ToArray() =>
        _stream.Length == _stream.Capacity && _stream.TryGetBuffer(out var buffer) && buffer.Offset == 0 && buffer.Array!.Length == _stream.Length
            ? buffer.Array
            : _stream.ToArray();
}
