using A64Asm.Assembler;
using A64Asm.Assembler.Diagnostics;
using A64Asm.Assembler.Elf;
using A64Asm.Linker.Output;

namespace A64Asm.Linker.Tests.Relocations;

/// <summary>
/// GNU readelf -a -W and llvm-readelf -a read every object a64asm writes for the vector files (tests/vectors), and the
/// ELF executable a64asm links from each object that links on its own, without one warning.
/// </summary>
public class ReadelfCleanTests
{
    private static readonly string Vectors = Path.Combine(Repo.Root, "tests", "vectors");

    private static IEnumerable<string> Files() =>
        Directory.EnumerateFiles(Vectors, "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".s") || f.EndsWith(".S")).Order(StringComparer.Ordinal)
            .Select(f => Path.GetRelativePath(Vectors, f))
            // Statements every assembler must refuse: no object to read.
            .Where(f => !f.StartsWith("refused" + Path.DirectorySeparatorChar, StringComparison.Ordinal));

    public static TheoryData<string> VectorFiles() => new(Files());

    // Every row, and what the vector's "// as:" line asks of GNU as: -EB, --gdwarf-N.
    private static AssemblerOptions OptionsFor(string path)
    {
        string flags = File.ReadLines(path).FirstOrDefault(l => l.StartsWith("// as:", StringComparison.Ordinal)) ?? "";
        var dwarf = System.Text.RegularExpressions.Regex.Match(flags, "--gdwarf-([2-5])");
        return new AssemblerOptions
        {
            Features = A64Asm.Isa.ArchFeatures.All,
            BigEndian = flags.Contains("-EB"),
            DwarfVersion = dwarf.Success ? dwarf.Groups[1].Value[0] - '0' : null,
        };
    }

    [OracleTheory(Oracle.GnuBinutils, Oracle.LlvmMc)]
    [MemberData(nameof(VectorFiles))]
    public void ObjectAndItsExecutableReadCleanly(string vector)
    {
        using var dir = new TempDir();
        var path = Path.Combine(Vectors, vector);
        var options = OptionsFor(path);
        var obj = ElfObjectWriter.Write(AsmDriver.Assemble(path, options, new CollectingDiagnostics()));
        AssertReadsCleanly(dir.Path(dir.Write("vector.o", obj)));

        LinkedImage image;
        try
        {
            image = A64Asm.Linker.Linker.Link([new LinkerInput("vector.o", obj)], new LinkerOptions());
        }
        catch (LinkError e)
        {
            // Only what cannot link alone is let off: a symbol another object would define, or what the flat static
            // link refuses by name (GOT/TLS relocations, common symbols, allocated notes).
            Assert.All(e.Messages, m => Assert.Matches("undefined reference|unsupported relocation R_AARCH64_|common symbol '.*' is not supported|allocated notes are not supported", m));
            return;
        }
        AssertReadsCleanly(dir.Path(dir.Write("vector.elf", ElfExecutableWriter.Write(image))));
    }

    [OracleFact(Oracle.GnuBinutils, Oracle.LlvmMc)]
    public void EveryRelocationProgramExecutableReadsCleanly()
    {
        using var dir = new TempDir();
        var image = EveryRelocationProgram.LinkOurs(dir, EveryRelocationProgram.OurObject(dir, "a"), EveryRelocationProgram.OurObject(dir, "b"));
        AssertReadsCleanly(dir.Path(dir.Write("every.elf", ElfExecutableWriter.Write(image, "_start"))));
    }

    /// <summary>The vector files that link alone are most of them: the executable half of the theory is not vacuous.</summary>
    [Fact]
    public void MostVectorsLinkAlone()
    {
        int linked = 0, total = 0;
        foreach (var vector in Files())
        {
            var path = Path.Combine(Vectors, vector);
            var options = OptionsFor(path);
            var obj = ElfObjectWriter.Write(AsmDriver.Assemble(path, options, new CollectingDiagnostics()));
            total++;
            try
            {
                A64Asm.Linker.Linker.Link([new LinkerInput("v.o", obj)], new LinkerOptions());
                linked++;
            }
            catch (LinkError) { }
        }
        Assert.True(linked >= total / 2, $"{linked} of {total} vectors link alone");
    }

    private static void AssertReadsCleanly(string file)
    {
        foreach (var run in new[] { Gnu.Run("readelf", "-a", "-W", file), Tool.Run(LlvmReadelf, "-a", file) })
        {
            Assert.True(run.Status == 0, $"{run.Command}: status {run.Status}\n{run.Stderr}");
            Assert.Equal("", run.Stderr);
            var warnings = run.Stdout.Split('\n').Where(l => l.Contains("warning", StringComparison.OrdinalIgnoreCase)).ToList();
            Assert.True(warnings.Count == 0, $"{run.Command}:\n{string.Join('\n', warnings)}");
        }
    }

    // Installed beside llvm-mc, by the same package.
    private static string LlvmReadelf => OracleTools.Which("llvm-readelf") is not null ? "llvm-readelf" : "llvm-readelf-14";
}
