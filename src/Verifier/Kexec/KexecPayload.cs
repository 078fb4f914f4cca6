using System.Buffers.Binary;

namespace A64Asm.Verifier.Kexec;

/// <summary>
/// What <c>kexec -l Image --dtb FILE --initrd FILE</c> loads: the kernel Image with its header read and checked, and
/// the DTB and initrd as they are. Built by <see cref="Load"/>, which refuses files kexec could not load.
/// </summary>
public sealed class KexecPayload
{
    /// <summary>The flattened device tree header's magic, stored big-endian at offset 0.</summary>
    public const uint FdtMagic = 0xD00D_FEED;
    /// <summary>The FDT header: ten big-endian u32 fields (magic, totalsize, offsets, versions, sizes).</summary>
    public const int FdtHeaderSize = 40;

    public required byte[] Kernel { get; init; }
    public required ArmImageHeader Header { get; init; }
    public byte[]? Dtb { get; init; }
    public byte[]? Initrd { get; init; }

    /// <summary>Checks every file; the <paramref name="kernelName"/> etc. appear in the messages (paths on the command line).</summary>
    public static KexecPayload Load(byte[] kernel, string kernelName, byte[]? dtb = null, string dtbName = "dtb",
        byte[]? initrd = null, string initrdName = "initrd")
    {
        var header = ArmImageHeader.Read(kernel, kernelName);
        if (dtb is not null) CheckDtb(dtb, dtbName);
        if (initrd is { Length: 0 })
            throw new InvalidPayloadException($"initrd: {initrdName}: the file is empty");
        return new KexecPayload { Kernel = kernel, Header = header, Dtb = dtb, Initrd = initrd };
    }

    private static void CheckDtb(byte[] dtb, string name)
    {
        if (dtb.Length < FdtHeaderSize)
            throw new InvalidPayloadException($"dtb: {name}: {dtb.Length} bytes, shorter than the {FdtHeaderSize}-byte flattened device tree header");
        uint magic = BinaryPrimitives.ReadUInt32BigEndian(dtb);
        if (magic != FdtMagic)
            throw new InvalidPayloadException($"dtb: {name}: no FDT magic 0xd00dfeed at offset 0 (found 0x{magic:x8}): not a flattened device tree (a .dts must be compiled with dtc first)");
        uint total = BinaryPrimitives.ReadUInt32BigEndian(dtb.AsSpan(4));
        if (total < FdtHeaderSize || total > (uint)dtb.Length)
            throw new InvalidPayloadException($"dtb: {name}: totalsize 0x{total:x} in the header, but the file is 0x{dtb.Length:x} bytes");
    }
}
