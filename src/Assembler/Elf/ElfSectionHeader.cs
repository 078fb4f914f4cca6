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

/// <summary>Little-endian primitive writes into a growing buffer.</summary>
internal sealed class ElfByteWriter
{
    private readonly MemoryStream _stream = new();

    public ulong Position => (ulong)_stream.Length;

    public void U8(byte v) => _stream.WriteByte(v);
    public void U16(ushort v) { Span<byte> b = stackalloc byte[2]; System.Buffers.Binary.BinaryPrimitives.WriteUInt16LittleEndian(b, v); _stream.Write(b); }
    public void U32(uint v) { Span<byte> b = stackalloc byte[4]; System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(b, v); _stream.Write(b); }
    public void U64(ulong v) { Span<byte> b = stackalloc byte[8]; System.Buffers.Binary.BinaryPrimitives.WriteUInt64LittleEndian(b, v); _stream.Write(b); }
    public void I64(long v) => U64((ulong)v);
    public void Bytes(ReadOnlySpan<byte> bytes) => _stream.Write(bytes);

    public void PadTo(ulong position)
    {
        while (Position < position) _stream.WriteByte(0);
    }

    public byte[] ToArray() => _stream.ToArray();
}
