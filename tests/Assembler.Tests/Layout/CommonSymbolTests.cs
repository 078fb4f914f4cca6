namespace A64Asm.Assembler.Tests.Layout;

/// <summary>.comm and .lcomm; whole objects against GNU as in tests/vectors/elf/comm-lcomm.s.</summary>
public class CommonSymbolTests
{
    [Fact]
    public void Comm_makes_a_common_symbol_whose_value_is_its_alignment()
    {
        var obj = Asm.Object(".comm a, 100\n.comm b, 3\n.comm c, 8, 8\n.comm d, 0\n");
        Assert.Equal([("a", 16L, 100L), ("b", 4L, 3L), ("c", 8L, 8L), ("d", 1L, 0L)],
            obj.Symbols.Where(s => s.IsCommon).Select(s => (s.Name, s.Value, s.Size)));
        Assert.All(obj.Symbols.Where(s => s.IsCommon), s => Assert.Equal(Elf.SymbolBinding.Global, s.Binding));
    }

    [Fact]
    public void Lcomm_and_local_comm_go_after_the_bss_contents()
    {
        var obj = Asm.Object(".lcomm lb, 1\n.lcomm lc, 8\n.local lx\n.comm lx, 3, 4\n.bss\n.skip 3\n");
        Assert.Equal([("lb", 3L), ("lc", 8L), ("lx", 16L)],
            obj.Symbols.Where(s => s.Name.StartsWith('l')).Select(s => (s.Name, s.Value)));
        var bss = obj.Sections.Single(s => s.Name == ".bss");
        Assert.Equal(19, bss.Size);
        Assert.Equal(8, bss.Alignment);
    }

    [Theory]
    [InlineData(".comm x\n", "test.s:1:1: error: .comm takes a symbol, a size and an optional alignment")]
    [InlineData(".comm x, 4, 3\n", "test.s:1:13: error: alignment not a power of 2")]
    [InlineData(".lcomm y, 4, 4\n", "test.s:1:1: error: .lcomm takes a symbol and a size")]
    [InlineData("z: .comm z, 4\n", "test.s:1:10: error: symbol 'z' is already defined")]
    [InlineData(".comm w, -1\n", "test.s:1:10: error: .comm size -1 is out of range (0 to 268435456)")]
    public void Bad_arguments_are_refused(string source, string expected) => Assert.Equal(expected, Asm.ErrorLine(source));
}
