using A64Asm.Assembler.Diagnostics;

namespace A64Asm.Assembler.Tests.Layout;

/// <summary>
/// .cfi_* → .eh_frame. The objects are compared whole with GNU as by ObjectComparisonTests (tests/vectors/elf/cfi-*.s);
/// these pin the bytes GNU as 2.40 wrote for one input, so they hold without the oracle too, and the errors.
/// </summary>
public class CallFrameTests
{
    private const string Function = """
        f:
        	.cfi_startproc
        	stp x29, x30, [sp, #-16]!
        	.cfi_def_cfa_offset 16
        	.cfi_offset 29, -16
        	.cfi_offset x30, -8
        	mov x29, sp
        	ldp x29, x30, [sp], #16
        	.cfi_restore 30
        	.cfi_restore 29
        	.cfi_def_cfa_offset 0
        	ret
        	.cfi_endproc
        g:
        	.cfi_startproc
        	nop
        	.cfi_endproc

        """;

    [Fact]
    public void Two_functions_share_one_CIE_with_GNU_as_bytes()
    {
        // aarch64-linux-gnu-as 2.40, readelf -x .eh_frame.
        Assert.Equal(
            "10000000" + "00000000" + "017a5200" + "04781e01" + "1b0c1f00" +
            "1c000000" + "18000000" + "00000000" + "10000000" + "00410e10" + "9d029e01" + "42dedd0e" + "00000000" +
            "10000000" + "38000000" + "00000000" + "04000000" + "00000000",
            Asm.Hex(Function, ".eh_frame"));
    }

    [Fact]
    public void Each_FDE_start_is_a_PREL32_against_its_section()
    {
        var obj = Asm.Object(Function);
        var eh = obj.Sections.Single(s => s.Name == ".eh_frame");
        Assert.Equal(8, eh.Alignment);
        Assert.Equal(Elf.SectionFlags.Alloc, eh.Flags);
        Assert.Equal([(0x1cL, 0L), (0x3cL, 0x10L)], eh.Relocations.Select(r => (r.Offset, r.Addend + r.Symbol!.Value)));
        Assert.All(eh.Relocations, r => Assert.Equal(Isa.Fixups.FixupKind.Prel32, r.Kind));
    }

    [Fact]
    public void No_frames_no_eh_frame()
    {
        Assert.DoesNotContain(Asm.Object("nop\n.cfi_sections .eh_frame\n").Sections, s => s.Name == ".eh_frame");
    }

    [Theory]
    [InlineData(".cfi_endproc\n", "test.s:1:1: error: .cfi_endproc without corresponding .cfi_startproc")]
    [InlineData("nop\n .cfi_def_cfa_offset 8\n", "test.s:2:2: error: CFI instruction used without previous .cfi_startproc")]
    [InlineData("f:\n.cfi_startproc\nnop\n", "test.s:2:1: error: open CFI at the end of file; missing .cfi_endproc directive")]
    [InlineData(".cfi_startproc\n.cfi_startproc\n.cfi_endproc\n", "test.s:2:1: error: previous CFI entry not closed (missing .cfi_endproc)")]
    [InlineData(".cfi_startproc\n.cfi_offset x31, 8\n.cfi_endproc\n", "test.s:2:13: error: bad register expression")]
    [InlineData(".cfi_startproc\n.cfi_offset v1, 8\n.cfi_endproc\n", "test.s:2:13: error: bad register expression")]
    [InlineData(".cfi_startproc\n.cfi_offset x1, 12\n.cfi_endproc\n", "test.s:2:17: error: register save offset not a multiple of 8")]
    [InlineData(".cfi_startproc\n.cfi_offset x1\n.cfi_endproc\n", "test.s:2:1: error: .cfi_offset takes 2 arguments")]
    [InlineData(".cfi_startproc\n.cfi_restore_state\n.cfi_endproc\n", "test.s:2:1: error: CFI state restore without previous remember")]
    [InlineData(".cfi_startproc\n.cfi_personality 0x50, p\n.cfi_endproc\n", "test.s:2:18: error: invalid or unsupported encoding in .cfi_personality")]
    [InlineData(".cfi_startproc\n.cfi_lsda 0x9b\n.cfi_endproc\n", "test.s:2:1: error: .cfi_lsda requires encoding and symbol arguments")]
    [InlineData(".cfi_startproc bogus\n.cfi_endproc\n", "test.s:1:16: error: .cfi_startproc takes nothing or 'simple'")]
    [InlineData(".cfi_sections .sframe\n", "test.s:1:15: error: .cfi_sections: unsupported section '.sframe' (.eh_frame and .debug_frame are)")]
    [InlineData(".cfi_startproc\n.cfi_bogus\n.cfi_endproc\n", "test.s:2:1: error: unknown directive '.cfi_bogus'")]
    public void Errors_name_the_directive(string source, string expected)
    {
        Assert.Equal(expected, Asm.ErrorLine(source));
    }

    [Fact]
    public void Escape_bytes_that_do_not_fit_warn_as_GNU_as()
    {
        var diagnostics = new CollectingDiagnostics();
        var obj = Asm.Object(".cfi_startproc\n.cfi_escape 0x100, 0x2e\n.cfi_endproc\n", diagnostics);
        Assert.Equal("test.s:2:13: warning: value 0x100 truncated to 0x0", diagnostics.Warnings.Single().Split('\n')[0]);
        Assert.Contains(obj.Sections, s => s.Name == ".eh_frame");
    }

    [Theory]
    [InlineData(".cfi_escape", ".cfi_escape 0", "test.s:2:1: warning: zero assumed for missing expression")]
    [InlineData(".cfi_escape 1,,2", ".cfi_escape 1,0,2", "test.s:2:15: warning: zero assumed for missing expression")]
    public void A_missing_escape_byte_is_zero_with_GNU_as_warning(string missing, string written, string warning)
    {
        var diagnostics = new CollectingDiagnostics();
        var obj = Asm.Object($".cfi_startproc\n{missing}\nnop\n.cfi_endproc\n", diagnostics);
        var expected = Asm.Object($".cfi_startproc\n{written}\nnop\n.cfi_endproc\n");
        Assert.Equal(warning, diagnostics.Warnings.Single().Split('\n')[0]);
        Assert.Equal(expected.Sections.Single(s => s.Name == ".eh_frame").Data, obj.Sections.Single(s => s.Name == ".eh_frame").Data);
    }
}
