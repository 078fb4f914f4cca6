using A64Asm.Assembler.Diagnostics;

namespace A64Asm.Assembler.Tests.Driver;

/// <summary>The sample end to end through AsmDriver, against GNU as on the same file and headers.</summary>
public class SampleOracleTests
{
    private static readonly string Sample = Path.Combine("samples", "relocate_kernel.S");

    public static TheoryData<int> PageShifts => new() { 12, 14, 16 };

    [OracleTheory]
    [MemberData(nameof(PageShifts))]
    public void Sample_text_matches_GNU_as(int pageShift)
    {
        byte[] expected = Gnu.PreprocessedSectionBytes(Sample, ["-I", "samples/include", $"-DPAGE_SHIFT={pageShift}"]);
        byte[] actual = AssembleSample(pageShift);
        Assert.Equal(Convert.ToHexString(expected), Convert.ToHexString(actual));
    }

    [Fact]
    public void Sample_has_the_kexec_offsets_for_4K_pages()
    {
        byte[] text = AssembleSample(12);
        Assert.Equal(0x1018, text.Length);
        Assert.Equal(0xf0, BitConverter.ToInt64(text, 0x1000));
        Assert.Equal(0xe0, BitConverter.ToInt64(text, 0x1008));
        Assert.Equal(0xe8, BitConverter.ToInt64(text, 0x1010));
    }

    [Fact]
    public void Sample_symbols_are_global_at_their_offsets()
    {
        var obj = AsmDriver.Assemble(Path.Combine(Repo.Root, Sample), Options(12), new CollectingDiagnostics());
        var symbols = obj.Symbols.Where(s => s.Type != Elf.SymbolType.Section && s.Name is not ("$x" or "$d")).ToDictionary(s => s.Name);
        Assert.Equal(0, symbols["arm64_relocate_new_kernel"].Value);
        Assert.Equal(0x1000, symbols["arm64_relocate_new_kernel_size"].Value);
        Assert.Equal(Elf.SymbolBinding.Global, symbols["arm64_kexec_kimage_head_offset"].Binding);
        Assert.DoesNotContain(obj.Symbols, s => s.Name.StartsWith(".L"));
        Assert.Empty(obj.Sections.Single(s => s.Name == ".text").Relocations);
    }

    internal static byte[] AssembleSample(int pageShift)
    {
        var obj = AsmDriver.Assemble(Path.Combine(Repo.Root, Sample), Options(pageShift), new CollectingDiagnostics());
        return obj.Sections.Single(s => s.Name == ".text").Data;
    }

    private static AssemblerOptions Options(int pageShift)
    {
        var options = new AssemblerOptions();
        options.IncludeDirs.Add(Path.Combine(Repo.Root, "samples", "include"));
        options.Defines.Add(new("PAGE_SHIFT", pageShift.ToString()));
        return options;
    }
}
