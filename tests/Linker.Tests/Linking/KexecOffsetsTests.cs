using A64Asm.Linker.Kexec;

namespace A64Asm.Linker.Tests.Linking;

public class KexecOffsetsTests
{
    private static LinkedImage Image(ulong baseAddress, byte[] flat, Dictionary<string, ulong> symbols) =>
        new(baseAddress, flat, symbols, []);

    private static LinkedImage Sample()
    {
        var flat = new byte[0x1018];
        BitConverter.GetBytes(0xf0ul).CopyTo(flat, 0x1000);
        BitConverter.GetBytes(0xe0ul).CopyTo(flat, 0x1008);
        BitConverter.GetBytes(0xe8ul).CopyTo(flat, 0x1010);
        return Image(0, flat, new()
        {
            ["arm64_relocate_new_kernel_size"] = 0x1000,
            ["arm64_kexec_kimage_start_offset"] = 0x1008,
            ["arm64_kexec_kimage_head_offset"] = 0x1010,
        });
    }

    [Fact]
    public void JsonHasStableKeyOrderNumbersAndHex()
    {
        Assert.True(KexecOffsets.TryRead(Sample(), out var offsets));
        Assert.Equal("""
            {
              "arm64_relocate_new_kernel_size": 240,
              "arm64_kexec_kimage_start_offset": 224,
              "arm64_kexec_kimage_head_offset": 232,
              "hex": {
                "arm64_relocate_new_kernel_size": "0xf0",
                "arm64_kexec_kimage_start_offset": "0xe0",
                "arm64_kexec_kimage_head_offset": "0xe8"
              }
            }

            """.Replace("\r\n", "\n"), KexecOffsetsWriter.Format(offsets, "out.json"));
    }

    [Fact]
    public void HeaderHasOneDefinePerValue()
    {
        Assert.True(KexecOffsets.TryRead(Sample(), out var offsets));
        var header = KexecOffsetsWriter.Format(offsets, "out.h");
        Assert.Contains("#define ARM64_RELOCATE_NEW_KERNEL_SIZE 0xf0\n", header);
        Assert.Contains("#define ARM64_KEXEC_KIMAGE_START_OFFSET 0xe0\n", header);
        Assert.Contains("#define ARM64_KEXEC_KIMAGE_HEAD_OFFSET 0xe8\n", header);
        Assert.StartsWith("/* kexec patch offsets", header);
        Assert.EndsWith("#endif\n", header);
    }

    [Fact]
    public void AbsentSymbolsAreLeftOut()
    {
        var flat = new byte[16];
        flat[8] = 0x42;
        var image = Image(0x1000, flat, new() { ["arm64_kexec_kimage_head_offset"] = 0x1008, ["other"] = 0x1000 });
        Assert.True(KexecOffsets.TryRead(image, out var offsets));
        Assert.Equal(["arm64_kexec_kimage_head_offset"], offsets.Values.Select(v => v.Symbol));
        Assert.Equal(0x42ul, offsets["arm64_kexec_kimage_head_offset"]);
        Assert.Null(offsets["arm64_relocate_new_kernel_size"]);
        Assert.False(KexecOffsets.TryRead(Image(0, flat, new()), out _));
    }

    [Fact]
    public void SymbolOutsideTheImageIsAnError()
    {
        var image = Image(0, new byte[8], new() { ["arm64_relocate_new_kernel_size"] = 4 });
        var error = Assert.Throws<LinkError>(() => KexecOffsets.TryRead(image, out _));
        Assert.Equal("'arm64_relocate_new_kernel_size' at 0x4 is not inside the image's contents", error.Message);
    }
}
