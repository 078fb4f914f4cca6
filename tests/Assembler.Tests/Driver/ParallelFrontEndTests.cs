using A64Asm.Assembler.Diagnostics;

namespace A64Asm.Assembler.Tests.Driver;

/// <summary>The opt-in two-thread front end (A64ASM_THREADS=2) must give the same bytes as the default one.</summary>
public class ParallelFrontEndTests
{
    const string Source = """
        .macro twice op, a, b
        \op \a, \a, \b
        \op \a, \a, \b
        .endm
        .set n, 3
        1: twice add, x1, #4
        .if n == 3
        .rept n
        ldr x2, [x3], #8
        .endr
        .else
        nop
        .endif
        .ifdef n
        b 1b
        .endif
        ldr x0, =0x123456789
        .quad 2f - 1b
        2: ret
        """;

    [Fact]
    public void Parallel_and_sequential_front_ends_agree()
    {
        byte[] Assemble(bool parallel)
        {
            bool saved = AsmDriver.ParallelParsing;
            AsmDriver.ParallelParsing = parallel;
            try
            {
                return AsmDriver.AssembleText("p.s", Source, new AssemblerOptions(), new CollectingDiagnostics())
                    .Sections.Single(s => s.Name == ".text").Data;
            }
            finally
            {
                AsmDriver.ParallelParsing = saved;
            }
        }

        byte[] sequential = Assemble(false);
        Assert.Equal(48, sequential.Length); // 10 instructions, a .quad and the 8-byte pool entry
        Assert.Equal(Convert.ToHexString(sequential), Convert.ToHexString(Assemble(true)));
    }
}
