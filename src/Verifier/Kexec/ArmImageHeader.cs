using System.Buffers.Binary;

namespace A64Asm.Verifier.Kexec;

/// <summary>
/// The 64-byte header at the start of an arm64 kernel Image, as Documentation/arm64/booting describes it: two code
/// words, then text_offset, image_size and flags (little-endian u64 at 8, 16, 24), and the magic "ARM\x64" at 56.
/// </summary>
public sealed record ArmImageHeader(ulong TextOffset, ulong ImageSize, ulong Flags)
{
    public const int Size = 64;
    public const int MagicOffset = 56;
    /// <summary>"ARM\x64" read as a little-endian u32.</summary>
    public const uint Magic = 0x644D_5241;

    /// <summary>Flags bit 0: the kernel is big-endian.</summary>
    public bool BigEndian => (Flags & 1) != 0;

    /// <summary>Flags bits 1-2: the kernel's page size in bytes, or 0 when the header leaves it unspecified.</summary>
    public int PageSize => ((Flags >> 1) & 3) switch { 1 => 4096, 2 => 16384, 3 => 65536, _ => 0 };

    /// <summary>Flags bit 3: the kernel may be placed anywhere in physical memory (else as close to the base of DRAM as it can).</summary>
    public bool PlaceAnywhere => (Flags & 8) != 0;

    /// <summary>
    /// Reads and checks the header; a file that is not an Image kexec can load is an <see cref="InvalidPayloadException"/>
    /// whose message starts with "Image: ". Disagreements with the run (page size, endianness) are findings, made by
    /// <see cref="Compare"/>, because the run can still go on and show what else happens.
    /// </summary>
    public static ArmImageHeader Read(ReadOnlySpan<byte> image, string name)
    {
        if (image.Length < Size)
            throw new InvalidPayloadException($"Image: {name}: {image.Length} bytes, shorter than the {Size}-byte arm64 Image header");
        uint magic = BinaryPrimitives.ReadUInt32LittleEndian(image[MagicOffset..]);
        if (magic != Magic)
            throw new InvalidPayloadException(
                $"Image: {name}: no arm64 Image magic \"ARM\\x64\" at offset 56 (found {Convert.ToHexString(image.Slice(MagicOffset, 4)).ToLowerInvariant()}): not a kernel Image (a vmlinux ELF or a compressed Image.gz is not loadable as is)");
        var header = new ArmImageHeader(
            BinaryPrimitives.ReadUInt64LittleEndian(image[8..]),
            BinaryPrimitives.ReadUInt64LittleEndian(image[16..]),
            BinaryPrimitives.ReadUInt64LittleEndian(image[24..]));
        if (header.ImageSize == 0)
            throw new InvalidPayloadException(
                $"Image: {name}: image_size is 0, as in kernels before 3.17, whose headers do not say how much memory the kernel needs (text_offset and flags are not given either): the kimage cannot be placed");
        if (header.ImageSize < (ulong)image.Length)
            throw new InvalidPayloadException($"Image: {name}: image_size 0x{header.ImageSize:x} is smaller than the file (0x{image.Length:x} bytes)");
        return header;
    }

    /// <summary>The header against the run: the page size the control page was built for and the byte order of the run.</summary>
    public IEnumerable<Finding> Compare(int controlPageSize, bool bigEndianRun)
    {
        if (PageSize != 0 && PageSize != controlPageSize)
            yield return new Finding(FindingIds.ImagePageSize,
                $"the Image header says {PageSize / 1024}K pages (flags 0x{Flags:x}), the control page was built for {controlPageSize / 1024}K pages",
                null, null,
                "the new kernel was built for another granule than the kernel that kexecs it: the flags exist so a loader can refuse an Image whose page size it has not checked the CPU and the setup for, before the jump rather than after it (the 4K/64K mismatch the 2015 review raised).");
        if (BigEndian != bigEndianRun)
            yield return new Finding(FindingIds.ImageEndianness,
                $"the Image header says a {(BigEndian ? "big" : "little")}-endian kernel (flags bit 0), the run is {(bigEndianRun ? "big" : "little")}-endian",
                null, null,
                "the new kernel is entered with SCTLR_ELx.EE as the old kernel left it: a kernel of the other byte order reads its first data words byte-swapped and does not boot.");
    }
}

/// <summary>A --kernel, --dtb or --initrd file the verifier cannot load; the message says which and why.</summary>
public sealed class InvalidPayloadException(string message) : Exception(message);
