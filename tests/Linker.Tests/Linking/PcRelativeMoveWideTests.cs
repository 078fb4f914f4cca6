using A64Asm.Linker.Tests.Support;

namespace A64Asm.Linker.Tests.Linking;

/// <summary>R_AARCH64_MOVW_PREL_G0..G3 (and _NC) and ADR_PREL_PG_HI21_NC in GNU as's objects, linked by us and by GNU
/// ld: the same image, for a target above and below the code (movz for a positive offset, movn below).</summary>
public class PcRelativeMoveWideTests
{
    private const string Code = """
        .text
        .globl _start
        _start:
            movz x0, #:prel_g1:far
            movk x0, #:prel_g0_nc:far
            movz x1, #:prel_g0:near
            movz x2, #:prel_g2:far
            movk x2, #:prel_g1_nc:far
            movz x3, #:prel_g3:far
            movk x3, #:prel_g2_nc:far
            adrp x4, :pg_hi21_nc:far
        near: nop
        """;

    private const string Far = """
        .globl far
        .section .far, "ax"
        far: ret
        """;

    [OracleTheory(Oracle.GnuBinutils)]
    [InlineData("0x80000", "0x12345678")]   // far above: positive offsets, movz
    [InlineData("0x40000000", "0x10000")]   // far below: negative offsets, movn
    public void Links_as_GNU_ld_links_them(string text, string far)
    {
        LinkCompare.SameAsGnu([Code, Far], $"-Ttext={text}", $"--section-start=.far={far}");
    }
}
