using System.Buffers.Binary;
using System.Text;

namespace A64Asm.Linker.Tests.Features;

/// <summary>Finds a section of a little-endian ELF64 file by name, so that a test can spoil one field of a good object.</summary>
static class ElfBytes
{
    /// <summary>The file offset of the section header of <paramref name="name"/>.</summary>
    public static int Header(byte[] file, string name)
    {
        int shoff = (int)BinaryPrimitives.ReadUInt64LittleEndian(file.AsSpan(0x28));
        int count = BinaryPrimitives.ReadUInt16LittleEndian(file.AsSpan(0x3c));
        int strndx = BinaryPrimitives.ReadUInt16LittleEndian(file.AsSpan(0x3e));
        int names = (int)BinaryPrimitives.ReadUInt64LittleEndian(file.AsSpan(shoff + strndx * 64 + 24));
        for (int i = 0; i < count; i++)
        {
            int header = shoff + i * 64;
            int at = names + (int)BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(header));
            int end = Array.IndexOf(file, (byte)0, at);
            if (Encoding.ASCII.GetString(file, at, end - at) == name) return header;
        }
        throw new InvalidOperationException($"no section {name}");
    }

    /// <summary>The file offset of the contents of <paramref name="name"/>.</summary>
    public static int Contents(byte[] file, string name) =>
        (int)BinaryPrimitives.ReadUInt64LittleEndian(file.AsSpan(Header(file, name) + 24));

    public static void PutU64(byte[] file, int at, ulong value) => BinaryPrimitives.WriteUInt64LittleEndian(file.AsSpan(at), value);
}
