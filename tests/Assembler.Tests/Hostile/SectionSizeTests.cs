using A64Asm.Assembler.Diagnostics;
using static A64Asm.Assembler.Tests.Hostile.Hostile;

namespace A64Asm.Assembler.Tests.Hostile;

/// <summary>Sizes are checked before anything is reserved, in arithmetic that cannot wrap (issue 16).</summary>
public class SectionSizeTests
{
    const string Limit = "which exceeds the limit of 268435456 (use --max-section-size to raise it)";

    [Theory]
    [InlineData("nop\n.space 0x80000000\n", "h.s:2:1: error: .space 2147483648 would make section .text 2147483652 bytes long, ")]
    [InlineData(".space 0xffffffff\n", "h.s:1:1: error: .space 4294967295 would make section .text 4294967295 bytes long, ")]
    [InlineData(".data\n.fill 1<<40, 8, 0\n", "h.s:2:1: error: .fill 1099511627776, 8 would make section .data 8796093022208 bytes long, ")]
    // size × count is 2^64 and 2^64 + 4: in 64-bit arithmetic they would wrap to 0 and 4.
    [InlineData(".data\n.fill 0x2000000000000000, 8, 0\n", "h.s:2:1: error: .fill 2305843009213693952, 8 would make section .data 18446744073709551616 bytes long, ")]
    [InlineData(".data\n.fill 0x4000000000000001, 4, 0\n", "h.s:2:1: error: .fill 4611686018427387905, 4 would make section .data 18446744073709551620 bytes long, ")]
    [InlineData("nop\n.org 0x7fffffff\n", "h.s:2:1: error: .org 0x7fffffff would make section .text 2147483647 bytes long, ")]
    [InlineData("nop\n.org 1<<62\nlab: nop\n", "h.s:2:1: error: .org 0x4000000000000000 would make section .text 4611686018427387904 bytes long, ")]
    [InlineData("nop\n. = 1<<40\nnop\n", "h.s:2:1: error: .org 0x10000000000 would make section .text 1099511627776 bytes long, ")]
    [InlineData("nop\n.align 31\n", "h.s:2:1: error: .align 31 asks for 2147483648-byte alignment, ")]
    [InlineData("nop\n.balign 1<<30\n", "h.s:2:1: error: .balign 1073741824 asks for 1073741824-byte alignment, ")]
    [InlineData(".bss\n.space 1<<62\n", "h.s:2:1: error: .space 4611686018427387904 would make section .bss 4611686018427387904 bytes long, ")]
    [InlineData("nop\n.space 1<<40\nlab: nop\n", "h.s:2:1: error: .space 1099511627776 would make section .text 1099511627780 bytes long, ")]
    [InlineData("nop\n.skip 1<<32\nnop\n", "h.s:2:1: error: .skip 4294967296 would make section .text 4294967300 bytes long, ")]
    [InlineData(".align 31\nnop\n", "h.s:1:1: error: .align 31 asks for 2147483648-byte alignment, ")]
    public void Oversized_directives_are_refused_on_their_line(string source, string message) =>
        Assert.Equal(message + Limit, ErrorOf(source));

    [Fact]
    public void A_size_known_only_after_its_line_is_checked_in_the_layout_passes()
    {
        Assert.Equal("h.s:2:1: error: .space 4294967296 would make section .text 4294967300 bytes long, " + Limit,
                     ErrorOf("nop\n.space size\nnop\n.set size, 1<<32\n"));
    }

    [Fact]
    public void The_limit_can_be_raised_and_lowered()
    {
        var options = new AssemblerOptions { MaxSectionSize = 1L << 30 };
        var obj = AsmDriver.AssembleText("h.s", ".bss\n.space 0x30000000\n", options, new CollectingDiagnostics());
        Assert.Equal(0x30000000, obj.Sections.Single(s => s.Name == ".bss").Size);
        // Statements that grow a section a little at a time meet the same limit when their bytes are reserved.
        var error = Assert.Throws<AsmError>(() => AsmDriver.AssembleText("h.s", ".data\n.space 1024\n.byte 1\n",
            new AssemblerOptions { MaxSectionSize = 1024 }, new CollectingDiagnostics()));
        Assert.Equal("h.s:3:1: error: .balign 4096 would make section .data 8192 bytes long, which exceeds the limit of 5000 (use --max-section-size to raise it)",
                     ErrorOf(".data\n.space 4100\n.balign 4096\n", options: new AssemblerOptions { MaxSectionSize = 5000 }));
        Assert.Equal("section .data would be 1025 bytes long, which exceeds the limit of 1024 (use --max-section-size to raise it)", error.Message);
    }

    [Fact]
    public void Limit_options_take_numbers_with_binary_suffixes()
    {
        var options = new AssemblerOptions();
        var limit = AssemblerLimits.All.Single(l => l.Option == "--max-section-size");
        AssemblerLimits.Set(options, limit, "512M");
        Assert.Equal(512L << 20, options.MaxSectionSize);
        AssemblerLimits.Set(options, limit, "0x1000");
        Assert.Equal(0x1000, options.MaxSectionSize);
        foreach (string bad in new[] { "abc", "", "2G", "0", "-1", "1T" })
            Assert.Equal($"--max-section-size: '{bad}' is not a number (1 to 1073741824)",
                         Assert.Throws<AsmError>(() => AssemblerLimits.Set(options, limit, bad)).Message);
    }
}
