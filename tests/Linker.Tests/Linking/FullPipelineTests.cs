using A64Asm.Assembler;
using A64Asm.Assembler.Diagnostics;
using A64Asm.Assembler.Elf;
using A64Asm.Linker.Tests.Support;

namespace A64Asm.Linker.Tests.Linking;

/// <summary>
/// Our whole chain (AsmDriver → ElfObjectWriter → Linker) against GNU's (gcc -E → as → ld → objcopy), and our
/// objects through GNU ld: each stage is checked where it meets the other toolchain.
/// </summary>
public class FullPipelineTests
{
    private static byte[] OurObject(string displayPath, string text, AssemblerOptions? options = null) =>
        ElfObjectWriter.Write(AsmDriver.AssembleText(displayPath, text, options ?? new AssemblerOptions(), new CollectingDiagnostics()));

    [OracleTheory]
    [InlineData(12)]
    [InlineData(16)]
    public void SampleThroughOurChainEqualsGnuChain(int pageShift)
    {
        using var dir = new TempDir();
        Gnu.PreprocessedObject(Sample.Path, Sample.CppArgs(pageShift), dir, "gnu");
        var gnu = Gnu.LinkFlat(["gnu.o"], dir, "-Ttext=0", "-e", "0");

        var options = new AssemblerOptions();
        options.IncludeDirs.Add(Repo.Path("samples/include"));
        options.Defines.Add(new("PAGE_SHIFT", pageShift.ToString()));
        var path = Repo.Path("samples/relocate_kernel.S");
        var ours = ElfObjectWriter.Write(AsmDriver.Assemble(path, options, new CollectingDiagnostics()));

        var readelf = Gnu.CheckIn(dir.Root, "readelf", ["-a", "-W", dir.Write("ours.o", ours)]);
        Assert.Equal("", readelf.Stderr);
        ImageComparison.AssertSame(gnu, A64Asm.Linker.Linker.Link([new("ours.o", ours)], new LinkerOptions()).Flat);

        File.Delete(dir.Path("ref.bin"));
        ImageComparison.AssertSame(gnu, Gnu.LinkFlat(["ours.o"], dir, "-Ttext=0", "-e", "0"));
    }

    [OracleFact]
    public void CrossObjectProgramThroughOurAssembler()
    {
        const string caller = ".text\n.globl _start\n_start: bl callee\nadrp x0, datum\nldr x1, [x0, :lo12:datum]\nb.ne callee\n.data\n.quad callee\n";
        const string callee = ".text\nnop\n.globl callee\ncallee: ret\n.data\n.balign 8\n.globl datum\ndatum: .quad 42\n";
        using var dir = new TempDir();
        Gnu.Object(caller, dir, "a");
        Gnu.Object(callee, dir, "b");
        var gnu = Gnu.LinkFlat(["a.o", "b.o"], dir, "-Ttext=0", "-e", "0");

        var image = A64Asm.Linker.Linker.Link(
            [new("a.o", OurObject("a.s", caller)), new("b.o", OurObject("b.s", callee))], new LinkerOptions());
        ImageComparison.AssertSame(gnu, image.Flat);
    }
}
