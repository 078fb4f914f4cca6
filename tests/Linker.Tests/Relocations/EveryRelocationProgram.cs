using A64Asm.Assembler;
using A64Asm.Assembler.Diagnostics;
using A64Asm.Assembler.Elf;

namespace A64Asm.Linker.Tests.Relocations;

/// <summary>
/// tests/vectors/link/every-reloc-{a,b}.s as objects from either assembler, in a scratch folder where GNU ld can
/// read them: NAME.gas.o from GNU as, NAME.mc.o from llvm-mc, NAME.a64.o from a64asm (in process, as `a64asm -c`
/// writes it).
/// </summary>
public static class EveryRelocationProgram
{
    public static readonly string[] Halves = ["a", "b"];

    /// <summary>The addresses every link of the pair uses, in ld's spelling (our linker reads the same flags).</summary>
    public static readonly string[] Placement = ["-Ttext=0x80000", "--section-start=.rodata=0x81000"];

    public static string SourcePath(string half) => Path.Combine(Repo.Root, "tests", "vectors", "link", $"every-reloc-{half}.s");

    /// <summary>GNU as's object of one half, written to the folder; its file name.</summary>
    public static string GasObject(TempDir dir, string half, bool bigEndian = false)
    {
        var name = bigEndian ? $"{half}.gas.be.o" : $"{half}.gas.o";
        Gnu.CheckIn(dir.Root, "as", [.. bigEndian ? ["-EB"] : Array.Empty<string>(), SourcePath(half), "-o", name]);
        return name;
    }

    /// <summary>llvm-mc's object of one half, written to the folder; its file name.</summary>
    public static string LlvmMcObject(TempDir dir, string half)
    {
        var name = $"{half}.mc.o";
        var program = OracleTools.Which("llvm-mc-14") is not null ? "llvm-mc-14" : "llvm-mc";
        Tool.CheckIn(dir.Root, program, "-triple=aarch64-linux-gnu", "-filetype=obj", SourcePath(half), "-o", name);
        return name;
    }

    /// <summary>a64asm's object of one half, written to the folder; its file name.</summary>
    public static string OurObject(TempDir dir, string half, bool bigEndian = false)
    {
        var name = bigEndian ? $"{half}.a64.be.o" : $"{half}.a64.o";
        var diagnostics = new CollectingDiagnostics();
        var obj = AsmDriver.Assemble(SourcePath(half), new AssemblerOptions { BigEndian = bigEndian }, diagnostics);
        dir.Write(name, ElfObjectWriter.Write(obj));
        return name;
    }

    public static LinkerOptions Options()
    {
        var options = new LinkerOptions();
        foreach (var flag in Placement)
            Assert.True(options.TryParseFlag(flag, null, out _), flag);
        return options;
    }

    /// <summary>Our linker over objects in <paramref name="dir"/>.</summary>
    public static LinkedImage LinkOurs(TempDir dir, params string[] objects) =>
        A64Asm.Linker.Linker.Link(objects.Select(o => new LinkerInput(o, File.ReadAllBytes(dir.Path(o)))).ToList(), Options());
}
