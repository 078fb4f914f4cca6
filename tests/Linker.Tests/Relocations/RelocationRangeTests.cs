using A64Asm.Assembler.Elf;
using A64Asm.Isa.Fixups;
using A64Asm.Linker.Tests.Support;

namespace A64Asm.Linker.Tests.Relocations;

/// <summary>
/// Every relocation type at the edges of its range (<see cref="RelocationEdges"/>): the field's bytes at each end,
/// and one past it the error naming object, section, offset, symbol, value and allowed range, on one line.
/// </summary>
public class RelocationRangeTests
{
    private const uint Nop = 0xd503201f;

    public static TheoryData<RelocationEdge> AllRows() => RelocationEdges.Rows(_ => true);

    public static TheoryData<RelocationEdge> RowsLdAgreesWith() => RelocationEdges.Rows(r => r.LdAgrees);

    [Theory]
    [MemberData(nameof(AllRows))]
    public void FieldAtTheEdgeOrTheSiteNamingError(RelocationEdge row)
    {
        var inputs = new List<LinkerInput> { new("edge.o", EdgeObject(row)), new("target.o", TargetObject(row.Target)) };
        if (row.Fits)
        {
            var image = A64Asm.Linker.Linker.Link(inputs, TextAtZero());
            Assert.Equal(row.Expected, Convert.ToHexString(image.Flat, 8, row.Size).ToLowerInvariant());
            return;
        }
        var error = Assert.Throws<LinkError>(() => A64Asm.Linker.Linker.Link(inputs, TextAtZero()));
        Assert.Equal("edge.o:(.text+0x8): " + row.Expected, Assert.Single(error.Messages));
    }

    /// <summary>The same relocations made by GNU as and linked by GNU ld, where ld holds to the ABI's ranges too.</summary>
    [OracleTheory]
    [MemberData(nameof(RowsLdAgreesWith))]
    public void GnuLdAgrees(RelocationEdge row)
    {
        using var dir = new TempDir();
        Gnu.Object($".text\nnop\nnop\n{row.Source}\n", dir, "edge");
        Gnu.Object($".globl target\n.set target, 0x{row.Target:x}\n", dir, "target");
        var ld = Gnu.RunIn(dir.Root, "ld", "-Ttext=0", "-e", "0", "edge.o", "target.o", "-o", "out.elf");
        if (!row.Fits)
        {
            Assert.NotEqual(0, ld.Status);
            Assert.Contains($"relocation truncated to fit: {Fixup.ElfName(row.Kind)} against symbol `target'", ld.Stderr);
            return;
        }
        Assert.True(ld.Status == 0, ld.Stderr);
        Gnu.CheckIn(dir.Root, "objcopy", "-O", "binary", "out.elf", "out.bin");
        Assert.Equal(row.Expected, Convert.ToHexString(File.ReadAllBytes(dir.Path("out.bin")), 8, row.Size).ToLowerInvariant());
    }

    [Fact]
    public void EveryRelocationTypeHasItsEdges()
    {
        var kinds = Fixup.All.Where(s => s.IsStatic).Select(s => s.Kind).Where(k => k != FixupKind.None);
        foreach (var kind in kinds)
        {
            var rows = RelocationEdges.All.Where(r => r.Kind == kind).ToList();
            var range = Fixup.Range(kind);
            Assert.True(rows.Count(r => r.Fits) >= 2, $"{Fixup.ElfName(kind)}: fewer than two values that fit");
            if (range.IsChecked)
            {
                // Both ends of the range, and one past each.
                Assert.Contains(rows, r => r.X == range.Min && r.Fits);
                Assert.Contains(rows, r => r.X == range.Max && r.Fits);
                Assert.Contains(rows, r => r.X == range.Min - range.Multiple && !r.Fits);
                Assert.Contains(rows, r => r.X == range.Max + range.Multiple && !r.Fits);
            }
            // A misaligned value, where a link can make one (an adrp's page difference is always whole pages).
            if (range.Multiple > 1 && Fixup.Spec(kind).Base != FixupBase.PageRelative)
                Assert.Contains(rows, r => r.X % range.Multiple != 0 && !r.Fits);
        }
    }

    /// <summary>nop, nop, then the field: an instruction word, or zeros for data.</summary>
    private static byte[] EdgeObject(RelocationEdge row)
    {
        var obj = new ObjectFile();
        uint[] field = row.Size switch { 8 => [0, 0], 2 => [0], _ => [row.Word] };
        var text = ObjectBuilder.Code(obj, ".text", [Nop, Nop, .. field]);
        var target = ObjectBuilder.Symbol(obj, "target", null, binding: SymbolBinding.Global);
        ObjectBuilder.Reloc(text, 8, row.Kind, target);
        return ElfObjectWriter.Write(obj);
    }

    private static byte[] TargetObject(ulong value)
    {
        var obj = new ObjectFile();
        obj.Symbols.Add(new ObjectSymbol("target") { IsAbsolute = true, Value = (long)value, Binding = SymbolBinding.Global });
        return ElfObjectWriter.Write(obj);
    }

    private static LinkerOptions TextAtZero()
    {
        var options = new LinkerOptions();
        Assert.True(options.TryParseFlag("-Ttext=0", null, out _));
        return options;
    }
}
