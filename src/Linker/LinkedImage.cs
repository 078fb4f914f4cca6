namespace A64Asm.Linker;

/// <summary>An output section of the image: where it is and what it holds.</summary>
public sealed record LinkedSection(string Name, ulong Address, ulong Size, ulong Alignment, ulong Flags, bool IsNoBits)
{
    public ulong End => Address + Size;
}

/// <summary>
/// The result of a link. <see cref="Flat"/> is what objcopy -O binary writes: the bytes from the lowest allocated
/// PROGBITS section to the end of the highest, gaps zero-filled; <see cref="BaseAddress"/> is the address of its
/// first byte (the .text start when there are no PROGBITS sections and the image is empty).
/// </summary>
public sealed class LinkedImage
{
    public LinkedImage(ulong baseAddress, byte[] flat, IReadOnlyDictionary<string, ulong> symbols, IReadOnlyList<LinkedSection> sections)
    {
        BaseAddress = baseAddress;
        Flat = flat;
        Symbols = symbols;
        Sections = sections;
    }

    public ulong BaseAddress { get; }

    /// <summary>Linked from big-endian objects: the image's data is big-endian (its instructions are not).</summary>
    public bool BigEndian { get; init; }
    public byte[] Flat { get; }

    /// <summary>What -Map writes: the layout with each input section and its symbols (null for a cut-down image).</summary>
    public LinkMapData? Map { get; init; }

    /// <summary>Every defined global and weak symbol, by name (ordinal order), with its final address or value.</summary>
    public IReadOnlyDictionary<string, ulong> Symbols { get; }

    /// <summary>Non-empty output sections in address-assignment order.</summary>
    public IReadOnlyList<LinkedSection> Sections { get; }

    /// <summary>A quad of the image's data, in its byte order.</summary>
    public ulong Quad(ReadOnlySpan<byte> bytes) =>
        BigEndian ? System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(bytes) : System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(bytes);

    /// <summary>The bytes of the flat image at an address, or false if they are not in it.</summary>
    public bool TryRead(ulong address, int length, out ReadOnlySpan<byte> bytes)
    {
        bytes = default;
        if (address < BaseAddress || address - BaseAddress + (ulong)length > (ulong)Flat.Length) return false;
        bytes = Flat.AsSpan((int)(address - BaseAddress), length);
        return true;
    }
}
