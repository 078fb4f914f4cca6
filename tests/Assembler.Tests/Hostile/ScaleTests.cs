using A64Asm.Assembler.Elf;
using System.Diagnostics;
using A64Asm.Assembler.Diagnostics;
using A64Asm.Assembler.Tests.Driver;

namespace A64Asm.Assembler.Tests.Hostile;

/// <summary>Inputs that were quadratic: a literal pool per line, tens of thousands of sections (issue 16).</summary>
public class ScaleTests
{
    static ObjectFile Assemble(string source) =>
        AsmDriver.AssembleText("h.s", source, new AssemblerOptions(), new CollectingDiagnostics());

    [Theory]
    [InlineData(".fill 1<<40, 0, 0\nnop\n")]
    [InlineData(".fill 0x7fffffffffffffff, 0, 9\nnop\n")]
    public void Fill_items_of_no_bytes_write_nothing_however_many(string source)
    {
        // Found by tools/fuzz: each of 2^40 empty items was copied in turn (GNU as: 3 ms).
        var obj = Assemble(source);
        Assert.Equal("1F2003D5", Convert.ToHexString(obj.Sections.Single(s => s.Name == ".text").Data));
    }

    [Fact]
    public void A_literal_pool_per_line_is_linear()
    {
        // Each round: the ldr, 4 bytes of padding, the 8-byte literal; and a $x/$d pair of mapping symbols, which
        // were each found by a scan of all earlier ones (50,000 rounds took minutes).
        var watch = Stopwatch.StartNew();
        var obj = Assemble(".rept 50000\nldr x0, =0x123456789\n.ltorg\n.endr\n");
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), $"took {watch.Elapsed}");
        Assert.Equal(50_000 * 16, obj.Sections.Single(s => s.Name == ".text").Data.Length);
        Assert.Equal(50_000, obj.Symbols.Count(s => s.Name == "$d"));
    }

    [OracleFact]
    public void Pools_between_code_and_data_match_gnu_as()
    {
        string source = ".rept 300\nldr x0, =0x123456789\nldr w1, =7\n.ltorg\n.byte 1\nnop\n.balign 16\n.endr\n";
        Assert.Equal(Gnu.SectionBytes(source), Assemble(source).Sections.Single(s => s.Name == ".text").Data);
    }

    [Fact]
    public void Many_sections_are_linear_and_too_many_for_elf_are_refused_by_count()
    {
        var watch = Stopwatch.StartNew();
        var obj = Assemble(string.Concat(Enumerable.Range(0, 20_000).Select(i => $".section .s{i},\"ax\"\nnop\n")));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), $"took {watch.Elapsed}");
        Assert.Equal(20_003, obj.Sections.Count);

        var many = Assemble(string.Concat(Enumerable.Range(0, 70_000).Select(i => $".section .s{i},\"a\"\n.byte 1\n")));
        var error = Assert.Throws<AsmError>(() => Elf.ElfObjectWriter.Write(many));
        Assert.Equal("the object needs 70007 section headers, which exceeds the limit of 65279 (ELF extended section numbering is not supported)",
                     error.Message);
    }
}
