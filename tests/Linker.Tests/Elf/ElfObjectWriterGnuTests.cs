using System.Text.RegularExpressions;
using A64Asm.Assembler.Elf;
using A64Asm.Linker.Tests.Support;

namespace A64Asm.Linker.Tests.Elf;

/// <summary>The writer's objects as GNU binutils sees them.</summary>
public class ElfObjectWriterGnuTests
{
    [OracleFact]
    public void ReadelfReadsItWithoutWarnings()
    {
        using var dir = new TempDir();
        dir.Write("mine.o", ElfObjectWriter.Write(ObjectBuilder.Caller()));
        var result = Gnu.CheckIn(dir.Root, "readelf", ["-a", "-W", "mine.o"]);
        Assert.Equal("", result.Stderr);
        Assert.Contains("Class:                             ELF64", result.Stdout);
        Assert.Contains("Type:                              REL (Relocatable file)", result.Stdout);
        Assert.Contains("Machine:                           AArch64", result.Stdout);
        Assert.Matches(@"Number of section headers:\s+9\n", result.Stdout);
        Assert.Contains("Relocation section '.rela.text'", result.Stdout);
        Assert.Contains("Relocation section '.rela.data'", result.Stdout);
    }

    [OracleFact]
    public void SectionsRelocationsAndSymbolsMatchGnuAs()
    {
        using var dir = new TempDir();
        Gnu.Object(ObjectBuilder.CallerSource, dir, "gnu");
        dir.Write("mine.o", ElfObjectWriter.Write(ObjectBuilder.Caller()));

        string Sections(string file) => Regex.Replace(
            Lines(Gnu.CheckIn(dir.Root, "readelf", ["-S", "-W", file]).Stdout, @"^\s+\[\s*\d+\]"),
            @"(?m)^(\s+\[\s*\d+\]\s+\S*\s+\S+\s+[0-9a-f]{16}) [0-9a-f]{6}", "$1 OFFSET");
        string Relocs(string file) => Lines(Gnu.CheckIn(dir.Root, "readelf", ["-r", "-W", file]).Stdout, @"^[0-9a-f]{16}");
        string Symbols(string file) => Lines(Gnu.CheckIn(dir.Root, "readelf", ["-s", "-W", file]).Stdout, @"^\s+\d+:");

        Assert.Equal(Sections("gnu.o"), Sections("mine.o"));
        Assert.Equal(Relocs("gnu.o"), Relocs("mine.o"));
        Assert.Equal(Symbols("gnu.o"), Symbols("mine.o"));
    }

    [OracleFact]
    public void GnuLdLinksIt()
    {
        using var dir = new TempDir();
        dir.Write("mine.o", ElfObjectWriter.Write(ObjectBuilder.Caller()));
        Gnu.Object(".text\n.globl ext\next: ret\n", dir, "ext");
        var result = Gnu.CheckIn(dir.Root, "ld", ["-Ttext=0", "mine.o", "ext.o", "-o", "out.elf"]);
        Assert.Equal("", result.Stderr);
        var symbols = Gnu.CheckIn(dir.Root, "readelf", ["-s", "-W", "out.elf"]).Stdout;
        Assert.Matches(@"0000000000000014\s+0 NOTYPE  GLOBAL DEFAULT\s+\d+ ext", symbols);
    }

    private static string Lines(string text, string pattern) =>
        string.Join('\n', text.Split('\n').Where(l => Regex.IsMatch(l, pattern)).Select(l => l.TrimEnd()));
}
