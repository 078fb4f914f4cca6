using A64Asm.Isa.Fixups;
using A64Asm.Linker.Input;
using A64Asm.Linker.Output;
using ELFSharp.ELF;
using ELFSharp.ELF.Sections;
using static A64Asm.Linker.Tests.Relocations.EveryRelocationProgram;

namespace A64Asm.Linker.Tests.Relocations;

/// <summary>
/// The two-object program that uses every relocation the linker applies (tests/vectors/link/every-reloc-*.s),
/// linked every way GNU binutils and a64asm can be combined: each flat image must be the one GNU ld + objcopy
/// -O binary make from GNU as's objects at the same addresses.
/// </summary>
public class EveryRelocationTests
{
    /// <summary>ld + objcopy over GNU as's objects: the image every other combination must give.</summary>
    private static byte[] Reference(TempDir dir) =>
        Gnu.LinkFlat([GasObject(dir, "a"), GasObject(dir, "b")], dir, Placement);

    [OracleFact]
    public void GasObjectsLinkedByA64asm()
    {
        using var dir = new TempDir();
        var expected = Reference(dir);
        var image = LinkOurs(dir, "a.gas.o", "b.gas.o");
        Assert.Equal(0x80000ul, image.BaseAddress);
        ImageComparison.AssertSame(expected, image.Flat);
    }

    [OracleFact]
    public void A64asmObjectsLinkedByLd()
    {
        using var dir = new TempDir();
        var expected = Reference(dir);
        var actual = Gnu.LinkFlat([OurObject(dir, "a"), OurObject(dir, "b")], dir, Placement);
        ImageComparison.AssertSame(expected, actual);
    }

    [OracleFact]
    public void A64asmObjectsLinkedByA64asm()
    {
        using var dir = new TempDir();
        var expected = Reference(dir);
        ImageComparison.AssertSame(expected, LinkOurs(dir, OurObject(dir, "a"), OurObject(dir, "b")).Flat);
    }

    [OracleTheory]
    [InlineData("a")]
    [InlineData("b")]
    public void MixedObjectsLinkedByEither(string ours)
    {
        using var dir = new TempDir();
        var expected = Reference(dir);
        var objects = Halves.Select(h => h == ours ? OurObject(dir, h) : $"{h}.gas.o").ToArray();
        ImageComparison.AssertSame(expected, LinkOurs(dir, objects).Flat);
        ImageComparison.AssertSame(expected, Gnu.LinkFlat(objects, dir, Placement));
    }

    /// <summary>-EB: data fields big-endian, instructions not; every combination still gives ld -EB's image.</summary>
    [OracleFact]
    public void BigEndianEveryWay()
    {
        using var dir = new TempDir();
        string[] gas = [GasObject(dir, "a", bigEndian: true), GasObject(dir, "b", bigEndian: true)];
        string[] ours = [OurObject(dir, "a", bigEndian: true), OurObject(dir, "b", bigEndian: true)];
        var expected = Gnu.LinkFlat(gas, dir, ["-EB", .. Placement]);
        for (int i = 0; i < 2; i++)
            Assert.Equal(File.ReadAllBytes(dir.Path(gas[i])), File.ReadAllBytes(dir.Path(ours[i])));
        var image = LinkOurs(dir, gas);
        Assert.True(image.BigEndian);
        ImageComparison.AssertSame(expected, image.Flat);
        ImageComparison.AssertSame(expected, LinkOurs(dir, ours[0], gas[1]).Flat);
        ImageComparison.AssertSame(expected, Gnu.LinkFlat([gas[0], ours[1]], dir, ["-EB", .. Placement]));
    }

    /// <summary>llvm-mc names the symbols in its own order, but asks for the same relocations: the same image from either linker.</summary>
    [OracleFact(Oracle.GnuBinutils, Oracle.LlvmMc)]
    public void LlvmMcObjectsLinkedByEither()
    {
        using var dir = new TempDir();
        var expected = Reference(dir);
        string[] objects = [LlvmMcObject(dir, "a"), LlvmMcObject(dir, "b")];
        ImageComparison.AssertSame(expected, LinkOurs(dir, objects).Flat);
        ImageComparison.AssertSame(expected, Gnu.LinkFlat(objects, dir, Placement));
        ImageComparison.AssertSame(expected, LinkOurs(dir, objects[0], OurObject(dir, "b")).Flat);
    }

    [OracleFact]
    public void ElfOutputHasLdsSectionAddressesAndSymbolValues()
    {
        using var dir = new TempDir();
        Reference(dir); // leaves ld's executable as ref.elf
        var image = LinkOurs(dir, "a.gas.o", "b.gas.o");
        dir.Write("ours.elf", ElfExecutableWriter.Write(image));

        var ld = Contents(dir.Path("ref.elf"));
        var ours = Contents(dir.Path("ours.elf"));
        Assert.Equal([".text", ".rodata"], ours.Sections.Keys);
        foreach (var (name, placed) in ours.Sections)
            Assert.Equal((name, ld.Sections[name]), (name, placed));

        // Every global the two objects define, with ld's value; ld's own (_end, __bss_start, ...) aside.
        var defined = Halves.SelectMany(h => Contents(dir.Path($"{h}.gas.o")).Globals.Keys).Order().ToList();
        Assert.Equal(12, defined.Count);
        Assert.Equal(defined, ours.Globals.Keys.Order());
        foreach (var name in defined)
            Assert.Equal((name, ld.Globals[name]), (name, ours.Globals[name]));
    }

    [OracleTheory]
    [InlineData("a")]
    [InlineData("b")]
    public void A64asmObjectCarriesGasRelocations(string half)
    {
        using var dir = new TempDir();
        string gas = GasObject(dir, half), ours = OurObject(dir, half);
        // Type, offset, addend and symbol or section symbol of every entry, in gas's order.
        Assert.Equal(Relocations(dir, gas), Relocations(dir, ours));
        // And the rest of the object too, so that the symbols the entries name are gas's.
        Assert.Equal(File.ReadAllBytes(dir.Path(gas)), File.ReadAllBytes(dir.Path(ours)));
    }

    [OracleFact]
    public void TheProgramUsesEveryRelocationTheLinkerApplies()
    {
        using var dir = new TempDir();
        var used = Halves.Select(h => InputObject.Read(new LinkerInput(h, File.ReadAllBytes(dir.Path(GasObject(dir, h))))))
            .SelectMany(o => o.Sections.OfType<InputSection>()).SelectMany(s => s.Relocations)
            .Select(r => Fixup.FromElfType(r.Type)).ToHashSet();
        var missing = Fixup.All.Where(s => s.IsStatic).Select(s => s.Kind).Where(k => k != FixupKind.None && !used.Contains(k)).Select(Fixup.ElfName);
        Assert.Empty(missing);
        Assert.DoesNotContain(FixupKind.None, used);
    }

    private static string[] Relocations(TempDir dir, string obj) =>
        Gnu.CheckIn(dir.Root, "readelf", ["-r", "-W", obj]).Stdout.Split('\n');

    private sealed record ElfContents(Dictionary<string, (ulong Address, ulong Size)> Sections, Dictionary<string, ulong> Globals);

    /// <summary>Allocated sections by name with address and size, and the global symbols that are defined, with values.</summary>
    private static ElfContents Contents(string path)
    {
        using var elf = ELFReader.Load<ulong>(path);
        var sections = elf.Sections.Where(s => (s.Flags & SectionFlags.Allocatable) != 0)
            .ToDictionary(s => s.Name, s => (s.LoadAddress, s.Size));
        var globals = elf.Sections.OfType<SymbolTable<ulong>>().Single().Entries
            .Where(e => e.Binding == SymbolBinding.Global && e.PointedSectionIndex != 0)
            .ToDictionary(e => e.Name, e => e.Value);
        return new ElfContents(sections, globals);
    }
}
