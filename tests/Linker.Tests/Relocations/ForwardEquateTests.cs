using A64Asm.Assembler;
using A64Asm.Assembler.Diagnostics;
using A64Asm.Assembler.Elf;

namespace A64Asm.Linker.Tests.Relocations;

/// <summary>tests/vectors/link/forward-global-equates.s: a64asm's object is GNU as's, relocations and folded data alike.</summary>
public class ForwardEquateTests
{
    [OracleFact]
    public void GlobalEquatesNamedBeforeTheirDefinitionKeepTheirRelocations()
    {
        using var dir = new TempDir();
        var source = Path.Combine(Repo.Root, "tests", "vectors", "link", "forward-global-equates.s");
        Gnu.CheckIn(dir.Root, "as", source, "-o", "gas.o");
        dir.Write("ours.o", ElfObjectWriter.Write(AsmDriver.Assemble(source, new AssemblerOptions(), new CollectingDiagnostics())));

        var relocations = Gnu.CheckIn(dir.Root, "readelf", "-r", "-W", "ours.o").Stdout;
        Assert.Equal(Gnu.CheckIn(dir.Root, "readelf", "-r", "-W", "gas.o").Stdout, relocations);
        Assert.Contains("contains 4 entries", relocations);
        Assert.Equal(File.ReadAllBytes(dir.Path("gas.o")), File.ReadAllBytes(dir.Path("ours.o")));
    }
}
