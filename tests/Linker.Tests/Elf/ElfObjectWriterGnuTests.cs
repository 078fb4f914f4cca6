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
        if (!GnuTools.Require()) return;
        using var dir = new TempDir();
        dir.Write("mine.o", ElfObjectWriter.Write(ObjectBuilder.Caller()));
        var result = GnuTools.Ok("readelf", ["-a", "-W", "mine.o"], dir.Root);
        Assert.Equal("", result.StdErr);
        Assert.Contains("Class:                             ELF64", result.StdOut);
        Assert.Contains("Type:                              REL (Relocatable file)", result.StdOut);
        Assert.Contains("Machine:                           AArch64", result.StdOut);
        Assert.Matches(@"Number of section headers:\s+9\n", result.StdOut);
        Assert.Contains("Relocation section '.rela.text'", result.StdOut);
        Assert.Contains("Relocation section '.rela.data'", result.StdOut);
    }

    [OracleFact]
    public void SectionsRelocationsAndSymbolsMatchGnuAs()
    {
        if (!GnuTools.Require()) return;
        using var dir = new TempDir();
        GnuTools.Assemble(ObjectBuilder.CallerSource, dir, "gnu");
        dir.Write("mine.o", ElfObjectWriter.Write(ObjectBuilder.Caller()));

        string Sections(string file) => Regex.Replace(
            Lines(GnuTools.Ok("readelf", ["-S", "-W", file], dir.Root).StdOut, @"^\s+\[\s*\d+\]"),
            @"(?m)^(\s+\[\s*\d+\]\s+\S*\s+\S+\s+[0-9a-f]{16}) [0-9a-f]{6}", "$1 OFFSET");
        string Relocs(string file) => Lines(GnuTools.Ok("readelf", ["-r", "-W", file], dir.Root).StdOut, @"^[0-9a-f]{16}");
        string Symbols(string file) => Lines(GnuTools.Ok("readelf", ["-s", "-W", file], dir.Root).StdOut, @"^\s+\d+:");

        Assert.Equal(Sections("gnu.o"), Sections("mine.o"));
        Assert.Equal(Relocs("gnu.o"), Relocs("mine.o"));
        Assert.Equal(Symbols("gnu.o"), Symbols("mine.o"));
    }

    [OracleFact]
    public void GnuLdLinksIt()
    {
        if (!GnuTools.Require()) return;
        using var dir = new TempDir();
        dir.Write("mine.o", ElfObjectWriter.Write(ObjectBuilder.Caller()));
        GnuTools.Assemble(".text\n.globl ext\next: ret\n", dir, "ext");
        var result = GnuTools.Ok("ld", ["-Ttext=0", "mine.o", "ext.o", "-o", "out.elf"], dir.Root);
        Assert.Equal("", result.StdErr);
        var symbols = GnuTools.Ok("readelf", ["-s", "-W", "out.elf"], dir.Root).StdOut;
        Assert.Matches(@"0000000000000014\s+0 NOTYPE  GLOBAL DEFAULT\s+\d+ ext", symbols);
    }

    private static string Lines(string text, string pattern) =>
        string.Join('\n', text.Split('\n').Where(l => Regex.IsMatch(l, pattern)).Select(l => l.TrimEnd()));
}
