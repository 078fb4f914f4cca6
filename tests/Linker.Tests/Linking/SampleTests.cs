using A64Asm.Linker.Kexec;
using A64Asm.Linker.Tests.Support;

namespace A64Asm.Linker.Tests.Linking;

/// <summary>samples/relocate_kernel.S through GNU cpp and as, then our linker against GNU ld + objcopy.</summary>
public class SampleTests
{
    private static (LinkedImage Image, byte[] Gnu) LinkSample(int pageShift)
    {
        using var dir = new TempDir();
        var obj = Gnu.PreprocessedObject(Sample.Path, Sample.CppArgs(pageShift), dir, "rk");
        var gnu = Gnu.LinkFlat(["rk.o"], dir, "-Ttext=0", "-e", "0");
        var image = A64Asm.Linker.Linker.Link([new LinkerInput("rk.o", obj)], new LinkerOptions());
        return (image, gnu);
    }

    [OracleTheory]
    [InlineData(12)]
    [InlineData(14)]
    [InlineData(16)]
    public void ImageIsIdenticalToGnuLd(int pageShift)
    {
        var (image, gnu) = LinkSample(pageShift);
        ImageComparison.AssertSame(gnu, image.Flat);
    }

    [OracleFact]
    public void FourKPagesGiveTheKnownOffsets()
    {
        var (image, _) = LinkSample(12);
        Assert.Equal(4120, image.Flat.Length);
        Assert.True(KexecOffsets.TryRead(image, out var offsets));
        Assert.Equal(0xf0ul, offsets["arm64_relocate_new_kernel_size"]);
        Assert.Equal(0xe0ul, offsets["arm64_kexec_kimage_start_offset"]);
        Assert.Equal(0xe8ul, offsets["arm64_kexec_kimage_head_offset"]);
        Assert.Equal(0x1000ul, image.Symbols["arm64_relocate_new_kernel_size"]);
    }

    [OracleFact]
    public void ImageMatchesTheCommittedReference()
    {
        var reference = Repo.Path("tests/vectors/e2e/relocate_kernel.ps12.bin");
        var (image, _) = LinkSample(12);
        ImageComparison.AssertSame(File.ReadAllBytes(reference), image.Flat);
    }
}
