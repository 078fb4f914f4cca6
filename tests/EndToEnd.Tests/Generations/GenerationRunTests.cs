using A64Asm.Verifier.Kexec;

namespace A64Asm.EndToEnd.Tests.Generations;

/// <summary>
/// The samples are working relocation routines, not just text that assembles: the GNU reference of each one
/// runs in the emulator against a generated kimage, entered the way its convention says (big-endian builds
/// big-endian, v6 with the MMU on), and every page lands with the boot registers right. GenerationVerifyTests
/// does the same through a64asm's own build and `--verify`, with the convention picked from the image.
/// </summary>
public class GenerationRunTests
{
    public static TheoryData<string> RunnableCases => new(GenerationCase.All.Select(c => c.Id));

    [Theory]
    [MemberData(nameof(RunnableCases))]
    public void GNU_reference_relocates_a_kimage_with_its_convention(string id)
    {
        var c = GenerationCase.ById(id);
        byte[] image = File.ReadAllBytes(Repo.Path(c.ReferenceImage));
        var symbols = ReadSymbols(c);
        var convention = ConventionPicker.Parse(c.Sample.Convention)
            ?? throw new InvalidOperationException($"{c.Sample.Dir}/sample.conf: no convention '{c.Sample.Convention}'");
        var (blob, layout) = convention switch
        {
            KexecConvention.PatchedOffsets => (image, new KexecLayout(
                Quad(image, symbols["arm64_kexec_kimage_start_offset"]), Quad(image, symbols["arm64_kexec_kimage_head_offset"]))),
            KexecConvention.PatchedGlobals or KexecConvention.SpinTable => PatchedGlobals(image, symbols),
            _ => (image, new KexecLayout(0, 0)),
        };
        var report = KexecVerifier.Verify(blob, layout, new VerifyOptions
        {
            PageSize = 1 << c.PageShift,
            Pages = 40,
            Convention = convention,
            KimageFields = convention == KexecConvention.KimageStructure ? KimageFields(c) : null,
            KernelMapAtEntry = c.Sample.MmuOnAtEntry,
            BigEndian = c.BigEndian,
        });
        Assert.True(report.Passed, $"{c.Describe}: " + string.Join("\n", report.Findings));
        Assert.Equal(report.PagesChecked, report.PagesCopied);
    }

    /// <summary>The kernel copies relocate_new_kernel .. +relocate_new_kernel_size and patches the quads (and the dtb) by symbol.</summary>
    static (byte[], KexecLayout) PatchedGlobals(byte[] image, Dictionary<string, ulong> symbols)
    {
        ulong start = symbols["relocate_new_kernel"];
        ulong imageBase = symbols.Where(s => s.Key is "kexec_hardboot_page" or "relocate_new_kernel").Min(s => s.Value);
        ulong size = Quad(image, symbols["relocate_new_kernel_size"] - imageBase);
        byte[] blob = image.AsSpan((int)(start - imageBase), (int)size).ToArray();
        return (blob, new KexecLayout(symbols["kexec_kimage_start"] - start, symbols["kexec_kimage_head"] - start)
        {
            DtbOffset = symbols.TryGetValue("kexec_dtb_addr", out ulong dtb) ? dtb - start : null,
        });
    }

    /// <summary>The field offsets come from the sample's own asm-offsets.h, as the issue wants them read.</summary>
    static KimageFieldOffsets KimageFields(GenerationCase c)
    {
        string path = $"{c.Sample.Dir}/include/asm/asm-offsets.h";
        var fields = new Dictionary<string, ulong>(StringComparer.Ordinal);
        Assert.True(KimageFieldNames.TryAddHeader(fields, File.ReadAllText(Repo.Path(path)), path, out string error), error);
        return KimageFieldNames.Build(fields, out error) ?? throw new InvalidOperationException(error);
    }

    static ulong Quad(byte[] image, ulong at) => BitConverter.ToUInt64(image, (int)at);

    static Dictionary<string, ulong> ReadSymbols(GenerationCase c) =>
        File.ReadAllLines(Repo.Path(c.ReferenceSymbols))
            .Select(l => l.Split(' '))
            .Where(p => p.Length == 3)
            .GroupBy(p => p[2])
            .ToDictionary(g => g.Key, g => Convert.ToUInt64(g.First()[0], 16));
}
