using A64Asm.Assembler.Diagnostics;
using A64Asm.Assembler.Tests.Layout;

namespace A64Asm.Assembler.Tests.Encoding;

/// <summary>
/// What GNU as 2.40 says of system register names (src/Isa/Table/sys.isa): a warning, and the word still written,
/// for writing a read-only register, reading a write-only one or a deprecated name; an error naming the register,
/// PSTATE field or operation the -march selection lacks, its caret at the name.
/// </summary>
public class SystemRegisterDiagnosticsTests
{
    [Theory]
    [InlineData("msr midr_el1, x0", "test.s:1:5: warning: specified register cannot be written to", "000018d5")]
    [InlineData("mrs x1, icc_sgi1r_el1", "test.s:1:9: warning: specified register cannot be read from", "a1cb38d5")]
    [InlineData("mrs x2, SPSR_HYP", "test.s:1:9: warning: system register name 'spsr_hyp' is deprecated and may be removed in a future release", "02403cd5")]
    public void Warns_as_gnu_as_and_writes_the_word(string line, string warning, string hex)
    {
        var diagnostics = new CollectingDiagnostics();
        var obj = Asm.Object(line + "\n", diagnostics);
        Assert.Equal(warning, Assert.Single(diagnostics.Warnings).Split('\n')[0]);
        Assert.Equal(hex, Convert.ToHexString(obj.Sections.Single(s => s.Name == ".text").Data).ToLowerInvariant());
    }

    [Fact]
    public void The_warning_comes_out_once_when_layout_takes_more_passes()
    {
        var diagnostics = new CollectingDiagnostics();
        Asm.Object("msr midr_el1, x0\nb later\n.fill later - ., 1, 0\nlater: nop\n", diagnostics);
        Assert.Equal("test.s:1:5: warning: specified register cannot be written to", Assert.Single(diagnostics.Warnings).Split('\n')[0]);
    }

    [Theory]
    [InlineData("msr s3_0_c0_c0_0, x0")]   // the generic name of midr_el1: GNU does not check it
    [InlineData("mrs x0, midr_el1")]
    [InlineData("msr icc_sgi1r_el1, x0")]
    public void Silent_where_gnu_as_is(string line)
    {
        var diagnostics = new CollectingDiagnostics();
        Asm.Object(line + "\n", diagnostics);
        Assert.Empty(diagnostics.Warnings);
    }

    [Theory]
    [InlineData("mrs x0, ZCR_EL1", "test.s:1:9: error: selected processor does not support system register name 'zcr_el1'")]
    [InlineData("msr pan, x0", "test.s:1:5: error: selected processor does not support PSTATE field name 'pan'")]
    [InlineData("msr tco, #1", "test.s:1:5: error: selected processor does not support PSTATE field name 'tco'")]
    [InlineData("dc cvap, x0", "test.s:1:4: error: selected processor does not support system register name 'cvap'")]
    [InlineData("tlbi rvae1is, x0", "test.s:1:6: error: selected processor does not support system register name 'rvae1is'")]
    [InlineData("cpp rctx, x0", "test.s:1:5: error: selected processor does not support system register name 'rctx'")]
    [InlineData("dsb synxs", "test.s:1:1: error: selected processor does not support `dsb synxs'")]
    public void Armv8_a_refuses_by_name_as_gnu_as(string line, string error)
    {
        var thrown = Assert.Throws<AsmError>(() => Asm.Object(line + "\n", null, new AssemblerOptions { Arch = "armv8-a" }));
        Assert.Equal(error, thrown.Render().Split('\n')[0]);
        Assert.Equal(error, Assert.Throws<AsmError>(() => Asm.Object(line + "\n")).Render().Split('\n')[0]);   // the default
        Asm.Object(line + "\n", null, new AssemblerOptions { Arch = "all" });
    }
}
