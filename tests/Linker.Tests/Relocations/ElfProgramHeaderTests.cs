using System.Text.RegularExpressions;
using A64Asm.Linker.Output;
using A64Asm.Linker.Tests.Support;

namespace A64Asm.Linker.Tests.Relocations;

/// <summary>
/// --format elf's program headers and section file offsets are ld's: readelf -l's LOAD lines and each allocated
/// section's type, address, offset and size are equal for the same objects and placement flags.
/// </summary>
public partial class ElfProgramHeaderTests
{
    private const string Program = """
        .text
        .globl _start
        _start: nop
        adrp x0, d
        .section .rodata
        .quad 1
        .data
        d: .quad 2
        .bss
        .skip 64
        """;

    [OracleTheory]
    [InlineData("-Ttext=0")]                   // no room for the headers below .text: not mapped
    [InlineData("-Ttext=0x10")]                // nor here: the first offset congruent to 0x10 is 0x10010
    [InlineData("-Ttext=0xa0", "-Tdata=0x40000")]
    [InlineData("-Ttext=0x1000")]              // headers mapped from address 0
    [InlineData("-Ttext=0x80000")]             // headers mapped a page below .text, at 0x70000
    [InlineData("-Ttext=0x80100")]
    [InlineData("-Ttext=0x80000", "--section-start=.rodata=0x81000")]
    [InlineData("-Ttext=0x40000000", "-Tdata=0x1000")] // the data segment first, with the headers
    [InlineData("-Ttext=0x80000", "--section-start=.rodata=0x80400", "--section-start=.data=0x80800")] // one RWX segment
    [InlineData("-Ttext=0x80000", "--section-start=.bss=0x200000")] // a segment of .bss alone
    public void SameAsLd(params string[] placement)
    {
        using var dir = new TempDir();
        Gnu.Object(Program, dir, "p");
        Gnu.CheckIn(dir.Root, "ld", [.. placement, "p.o", "-o", "ld.elf"]);
        var options = new LinkerOptions();
        foreach (var flag in placement)
            Assert.True(options.TryParseFlag(flag, null, out _), flag);
        var image = A64Asm.Linker.Linker.Link([new LinkerInput("p.o", File.ReadAllBytes(dir.Path("p.o")))], options);
        dir.Write("ours.elf", ElfExecutableWriter.Write(image));

        var loads = Loads(dir, "ours.elf");
        Assert.NotEmpty(loads);
        Assert.Equal(Loads(dir, "ld.elf"), loads);
        var sections = AllocatedSections(dir, "ours.elf");
        Assert.Equal([".bss", ".data", ".rodata", ".text"], sections.Select(s => s.Split(' ')[0]));
        Assert.Equal(AllocatedSections(dir, "ld.elf"), sections);
    }

    [OracleFact]
    public void EveryRelocationProgramSameAsLd()
    {
        using var dir = new TempDir();
        Gnu.LinkFlat([EveryRelocationProgram.GasObject(dir, "a"), EveryRelocationProgram.GasObject(dir, "b")], dir, EveryRelocationProgram.Placement);
        var image = EveryRelocationProgram.LinkOurs(dir, "a.gas.o", "b.gas.o");
        dir.Write("ours.elf", ElfExecutableWriter.Write(image));
        var loads = Loads(dir, "ours.elf");
        Assert.Equal(["LOAD 0x000000 0x0000000000070000 0x0000000000070000 0x011070 0x011070 R E 0x10000"], loads);
        Assert.Equal(Loads(dir, "ref.elf"), loads);
        Assert.Equal(AllocatedSections(dir, "ref.elf"), AllocatedSections(dir, "ours.elf"));
    }

    /// <summary>-EB: every ELF field big-endian, the data big-endian as in the flat image, the layout ld's.</summary>
    [OracleFact]
    public void BigEndianSameAsLd()
    {
        using var dir = new TempDir();
        Gnu.Object(Program + "\n.data\n.quad _start\n", dir, "p", "-EB");
        var expected = Gnu.LinkFlat(["p.o"], dir, "-EB", "-Ttext=0x80000");
        var options = new LinkerOptions();
        Assert.True(options.TryParseFlag("-Ttext=0x80000", null, out _));
        var image = A64Asm.Linker.Linker.Link([new LinkerInput("p.o", File.ReadAllBytes(dir.Path("p.o")))], options);
        Assert.True(image.BigEndian);
        dir.Write("ours.elf", ElfExecutableWriter.Write(image));

        var header = Gnu.CheckIn(dir.Root, "readelf", "-h", "ours.elf");
        Assert.Equal("", header.Stderr);
        Assert.Contains("2's complement, big endian", header.Stdout);
        Assert.Contains("Entry point address:               0x80000", header.Stdout);
        Assert.Equal(Loads(dir, "ref.elf"), Loads(dir, "ours.elf"));
        Assert.Equal(AllocatedSections(dir, "ref.elf"), AllocatedSections(dir, "ours.elf"));
        Assert.Contains("0000000000080000 0 NOTYPE GLOBAL DEFAULT 1 _start",
            Spaces().Replace(Gnu.CheckIn(dir.Root, "readelf", "-s", "-W", "ours.elf").Stdout, " "));
        Gnu.CheckIn(dir.Root, "objcopy", "-O", "binary", "ours.elf", "ours.bin");
        ImageComparison.AssertSame(expected, File.ReadAllBytes(dir.Path("ours.bin")));
        ImageComparison.AssertSame(expected, image.Flat);
    }

    private static List<string> Loads(TempDir dir, string file) =>
        Gnu.CheckIn(dir.Root, "readelf", "-l", "-W", file).Stdout.Split('\n')
            .Where(l => l.TrimStart().StartsWith("LOAD")).Select(l => Spaces().Replace(l.Trim(), " ")).ToList();

    /// <summary>"NAME TYPE ADDRESS OFFSET SIZE FLAGS" of each allocated section, by name (ld orders the table its own way).</summary>
    private static List<string> AllocatedSections(TempDir dir, string file) =>
        Gnu.CheckIn(dir.Root, "readelf", "-S", "-W", file).Stdout.Split('\n')
            .Select(l => SectionLine().Match(l)).Where(m => m.Success && m.Groups[6].Value.Contains('A'))
            .Select(m => string.Join(' ', m.Groups.Values.Skip(1).Take(6).Select(g => g.Value))).Order(StringComparer.Ordinal).ToList();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    // [Nr] Name Type Address Off Size ES Flg
    [GeneratedRegex(@"^\s*\[\s*\d+\]\s+(\S+)\s+(\S+)\s+([0-9a-f]{16})\s+([0-9a-f]+)\s+([0-9a-f]+)\s+[0-9a-f]+\s+([A-Za-z]*)\s")]
    private static partial Regex SectionLine();
}
