using A64Asm.Verifier.Kexec;

namespace A64Asm.EndToEnd.Tests.Generations;

/// <summary>
/// The samples are working relocation routines, not just text that assembles: the GNU reference of each one
/// runs in the emulator against a generated kimage, entered the way its convention says, and every page lands
/// with the boot registers right. Left out until the verifier models them (issue 12's verifier part): v6,
/// entered with the MMU on; the big-endian builds; and 2014-spin-table, whose boot lock is a word in the
/// control page that today's checks count as a stray store.
/// </summary>
public class GenerationRunTests
{
    public static TheoryData<string> RunnableCases => new(GenerationCase.All
        .Where(c => !c.BigEndian && !c.Sample.MmuOnAtEntry && c.Sample.Convention != "spin-table")
        .Select(c => c.Id));

    [Theory]
    [MemberData(nameof(RunnableCases))]
    public void GNU_reference_relocates_a_kimage_with_its_convention(string id)
    {
        var c = GenerationCase.ById(id);
        byte[] image = File.ReadAllBytes(Repo.PathOf(c.ReferenceImage));
        var symbols = ReadSymbols(c);
        var (blob, layout, convention) = c.Sample.Convention switch
        {
            "patched-quads" => (image, new KexecLayout(
                Quad(image, symbols["arm64_kexec_kimage_start_offset"]), Quad(image, symbols["arm64_kexec_kimage_head_offset"])),
                KexecConvention.PatchedOffsets),
            "patched-globals" => PatchedGlobals(image, symbols),
            "kimage-struct" => (image, new KexecLayout(0, 0), KexecConvention.KimageStructure),
            _ => (image, new KexecLayout(0, 0), KexecConvention.RegisterArguments),
        };
        var report = KexecVerifier.Verify(blob, layout, new VerifyOptions
        {
            PageSize = 1 << c.PageShift,
            Pages = 40,
            Convention = convention,
            KimageFields = convention == KexecConvention.KimageStructure ? KimageFields(c) : null,
        });
        Assert.True(report.Passed, $"{c.Describe}: " + string.Join("\n", report.Findings));
        Assert.Equal(report.PagesChecked, report.PagesCopied);
    }

    /// <summary>The kernel copies relocate_new_kernel .. +relocate_new_kernel_size and patches the quads by symbol.</summary>
    static (byte[], KexecLayout, KexecConvention) PatchedGlobals(byte[] image, Dictionary<string, ulong> symbols)
    {
        ulong start = symbols["relocate_new_kernel"];
        ulong imageBase = symbols.Where(s => s.Key is "kexec_hardboot_page" or "relocate_new_kernel").Min(s => s.Value);
        ulong size = Quad(image, symbols["relocate_new_kernel_size"] - imageBase);
        byte[] blob = image.AsSpan((int)(start - imageBase), (int)size).ToArray();
        return (blob, new KexecLayout(symbols["kexec_kimage_start"] - start, symbols["kexec_kimage_head"] - start), KexecConvention.PatchedOffsets);
    }

    /// <summary>The field offsets come from the sample's own asm-offsets.h, as the issue wants them read.</summary>
    static KimageFieldOffsets KimageFields(GenerationCase c)
    {
        var defines = File.ReadAllLines(Repo.PathOf($"{c.Sample.Dir}/include/asm/asm-offsets.h"))
            .Select(l => l.Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries))
            .Where(w => w.Length == 3 && w[0] == "#define")
            .ToDictionary(w => w[1], w => ulong.Parse(w[2]));
        return new KimageFieldOffsets(defines["KIMAGE_HEAD"], defines["KIMAGE_START"], defines["KIMAGE_ARCH_DTB_MEM"]);
    }

    static ulong Quad(byte[] image, ulong at) => BitConverter.ToUInt64(image, (int)at);

    static Dictionary<string, ulong> ReadSymbols(GenerationCase c) =>
        File.ReadAllLines(Repo.PathOf(c.ReferenceSymbols))
            .Select(l => l.Split(' '))
            .Where(p => p.Length == 3)
            .GroupBy(p => p[2])
            .ToDictionary(g => g.Key, g => Convert.ToUInt64(g.First()[0], 16));
}
