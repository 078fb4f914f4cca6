using System.Buffers.Binary;

namespace A64Asm.Verifier.Tests.Payloads;

/// <summary>
/// A tiny arm64 Image and DTB written by the tests: the 64-byte Image header (Documentation/arm64/booting) in front
/// of a few instructions, and an FDT that is a header with an empty structure block. Enough for kexec's placement
/// and the checks at the branch; no kernel source is involved.
/// </summary>
internal static class TestPayloads
{
    /// <summary>Flags bits 1-2 for a page size (booting: 1 = 4K, 2 = 16K, 3 = 64K; 0 = unspecified).</summary>
    public static ulong PageSizeFlag(int pageSize) => pageSize switch { 4096 => 1UL << 1, 16384 => 2UL << 1, 65536 => 3UL << 1, _ => 0 };

    // What the new kernel would do first with the DTB x0 points at: read its first word and compare it with the FDT
    // magic (stored big-endian, so read little-endian it is 0xedfe0dd0); x3 = 1 when it matches. The verifier
    // stops at the branch to the Image, so these are never run: they make the payload a program rather than padding.
    // Encodings from llvm-mc -triple=aarch64.
    private static readonly uint[] FirstInstructions =
    [
        0xb9400001, // ldr  w1, [x0]
        0x5281ba02, // mov  w2, #0xdd0
        0x72bdbfc2, // movk w2, #0xedfe, lsl #16
        0x6b02003f, // cmp  w1, w2
        0x9a9f17e3, // cset x3, eq
        0x14000000, // b    .
    ];

    /// <summary>An Image of <paramref name="fileBytes"/> bytes (at least the header and the code) claiming
    /// <paramref name="imageSize"/> bytes of memory; code0 branches over the header to the instructions.</summary>
    public static byte[] Image(ulong flags, ulong textOffset = 0x80000, ulong imageSize = 0x30000, int fileBytes = 0x2345)
    {
        var image = new byte[fileBytes];
        BinaryPrimitives.WriteUInt32LittleEndian(image, 0x14000010);                 // code0: b +64
        BinaryPrimitives.WriteUInt64LittleEndian(image.AsSpan(8), textOffset);
        BinaryPrimitives.WriteUInt64LittleEndian(image.AsSpan(16), imageSize);
        BinaryPrimitives.WriteUInt64LittleEndian(image.AsSpan(24), flags);
        "ARM\x64"u8.CopyTo(image.AsSpan(56));
        for (int i = 0; i < FirstInstructions.Length; i++)
            BinaryPrimitives.WriteUInt32LittleEndian(image.AsSpan(64 + 4 * i), FirstInstructions[i]);
        // The rest differs byte by byte, so a page copied to the wrong place or shifted does not match by luck.
        for (int i = 64 + 4 * FirstInstructions.Length; i < image.Length; i++) image[i] = (byte)(i * 13 + (i >> 8));
        return image;
    }

    /// <summary>A 64-byte flattened device tree: the 40-byte header (version 17), an empty memory reservation
    /// map, and a structure block holding only FDT_END.</summary>
    public static byte[] Dtb()
    {
        var dtb = new byte[64];
        uint[] header = [0xd00dfeed, 64, 56, 60, 40, 17, 16, 0, 0, 4];
        // magic, totalsize, off_dt_struct, off_dt_strings, off_mem_rsvmap, version, last_comp_version,
        // boot_cpuid_phys, size_dt_strings, size_dt_struct
        for (int i = 0; i < header.Length; i++) BinaryPrimitives.WriteUInt32BigEndian(dtb.AsSpan(4 * i), header[i]);
        BinaryPrimitives.WriteUInt32BigEndian(dtb.AsSpan(56), 9);                    // FDT_END
        return dtb;
    }

    /// <summary>An initrd whose bytes say where they are.</summary>
    public static byte[] Initrd(int bytes = 0x3200)
    {
        var initrd = new byte[bytes];
        for (int i = 0; i < bytes; i++) initrd[i] = (byte)(i ^ (i >> 8) ^ 0x5a);
        return initrd;
    }
}
