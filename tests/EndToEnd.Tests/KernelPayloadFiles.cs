using System.Buffers.Binary;

namespace A64Asm.EndToEnd.Tests;

/// <summary>The small kernel payloads the verify tests hand to <c>--kernel</c> and <c>--dtb</c>, written by the tests.</summary>
static class KernelPayloadFiles
{
    /// <summary>Image header flags: bit 0 the kernel's endianness, bits 1-2 its page size (1 = 4K, 2 = 16K, 3 = 64K).</summary>
    public static ulong Flags(int pageShift, bool bigEndian) => (bigEndian ? 1UL : 0) | (ulong)((pageShift - 10) / 2) << 1;

    /// <summary>An arm64 Image header (text_offset 0x80000, image_size 0x30000, the given flags) and a few words after it.
    /// The header's fields are little-endian whatever the kernel's endianness.</summary>
    public static string WriteImage(string dir, ulong flags, string name = "Image")
    {
        var image = new byte[0x1234];
        BinaryPrimitives.WriteUInt32LittleEndian(image, 0x14000010);   // b +64, over the header
        BinaryPrimitives.WriteUInt64LittleEndian(image.AsSpan(8), 0x80000);
        BinaryPrimitives.WriteUInt64LittleEndian(image.AsSpan(16), 0x30000);
        BinaryPrimitives.WriteUInt64LittleEndian(image.AsSpan(24), flags);
        "ARM\x64"u8.CopyTo(image.AsSpan(56));
        for (int i = 64; i < image.Length; i++) image[i] = (byte)(i * 7 + 1);
        string path = Path.Combine(dir, name);
        File.WriteAllBytes(path, image);
        return path;
    }

    /// <summary>A 64-byte FDT: header, empty reservation map, FDT_END.</summary>
    public static string WriteDtb(string dir)
    {
        var dtb = new byte[64];
        uint[] header = [0xd00dfeed, 64, 56, 60, 40, 17, 16, 0, 0, 4];
        for (int i = 0; i < header.Length; i++) BinaryPrimitives.WriteUInt32BigEndian(dtb.AsSpan(4 * i), header[i]);
        BinaryPrimitives.WriteUInt32BigEndian(dtb.AsSpan(56), 9);
        string path = Path.Combine(dir, "board.dtb");
        File.WriteAllBytes(path, dtb);
        return path;
    }
}
