using A64Asm.Linker.Kexec;

namespace A64Asm.Linker.Tests.Linking;

/// <summary>What the writer writes, the reader reads back, in both forms.</summary>
public class KexecOffsetsReaderTests
{
    static readonly KexecOffsets Sample = new(
    [
        new("arm64_relocate_new_kernel_size", KexecOffsets.MacroNameOf("arm64_relocate_new_kernel_size"), 0xf0),
        new("arm64_kexec_kimage_start_offset", KexecOffsets.MacroNameOf("arm64_kexec_kimage_start_offset"), 0xe0),
        new("arm64_kexec_kimage_head_offset", KexecOffsets.MacroNameOf("arm64_kexec_kimage_head_offset"), 0xe8),
    ]);

    [Theory]
    [InlineData("o.json")]
    [InlineData("o.h")]
    public void Round_trip_through_the_writer(string path)
    {
        Assert.True(KexecOffsetsReader.TryParse(KexecOffsetsWriter.Format(Sample, path), path, out var read, out string error), error);
        Assert.Equal(Sample.Values, read.Values);
    }

    [Fact]
    public void Malformed_json_is_reported_with_the_parsers_message()
    {
        Assert.False(KexecOffsetsReader.TryParse("{ \"arm64_kexec_kimage_start_offset\": ", "o.json", out var read, out string error));
        Assert.Empty(read.Values);
        Assert.StartsWith("Expected", error);
    }

    [Fact]
    public void Missing_symbols_are_absent_not_zero()
    {
        Assert.True(KexecOffsetsReader.TryParse("#define ARM64_KEXEC_KIMAGE_HEAD_OFFSET 0xe8\n", "o.h", out var read, out _));
        Assert.Null(read["arm64_kexec_kimage_start_offset"]);
        Assert.Equal(0xe8UL, read["arm64_kexec_kimage_head_offset"]);
    }
}
