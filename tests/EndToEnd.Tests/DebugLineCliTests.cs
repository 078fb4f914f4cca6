using A64Asm.Assembler;
using A64Asm.Assembler.Diagnostics;
using A64Asm.Assembler.Elf;

namespace A64Asm.EndToEnd.Tests;

/// <summary>-g, --gdwarf-N and their -Wa, forms reach the assembler: the CLI's object is the one the assembler
/// makes with that DWARF version, and differs from the object without them.</summary>
public class DebugLineCliTests
{
    [Theory]
    [InlineData("-g", 2)]
    [InlineData("-Wa,-g", 2)]
    [InlineData("--gdwarf-3", 3)]
    [InlineData("-Wa,--gdwarf-4", 4)]
    [InlineData("-Wa,-gdwarf-2", 2)]
    [InlineData("--gdwarf-5", 5)]
    public void Debug_flags_select_the_line_table_version(string flag, int version)
    {
        using var dir = new TempDir();
        string src = dir.Path("x.s");
        File.WriteAllText(src, "f:\n\tmov x0, #1\n\tret\n");
        string obj = dir.Path("x.o");
        var (status, _, stderr) = Cli.Run(src, "-c", flag, "-o", obj);
        Assert.Equal("", stderr);
        Assert.Equal(0, status);
        byte[] expected = ElfObjectWriter.Write(AsmDriver.Assemble(src, new AssemblerOptions { DwarfVersion = version }, new CollectingDiagnostics()));
        byte[] plain = ElfObjectWriter.Write(AsmDriver.Assemble(src, new AssemblerOptions(), new CollectingDiagnostics()));
        Assert.Equal(expected, File.ReadAllBytes(obj));
        Assert.NotEqual(plain.Length, expected.Length);
    }
}
