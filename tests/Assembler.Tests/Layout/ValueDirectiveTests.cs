using A64Asm.Assembler.Diagnostics;

namespace A64Asm.Assembler.Tests.Layout;

/// <summary>
/// .float family, LEB128, .stringN, .dcb.* and .incbin. Whole objects are compared with GNU as through
/// tests/vectors/elf (float-data.s, leb128-strings-dcb.s, incbin.s); the bytes here are GNU as 2.40's, so they hold
/// without the oracle.
/// </summary>
public class ValueDirectiveTests
{
    [Theory]
    [InlineData(".float 1.5, -0.1, 0f3.25, 0x10, nan, -inf", "0000c03f" + "cdccccbd" + "00005040" + "00002041" + "ffffff7f" + "000080ff")]
    [InlineData(".double 0d-2.75e-300, nan", "9a4e16ac6b77bd81" + "ffffffffffffff7f")]
    [InlineData(".float16 1.5, 65504, 0.1, 65520, 6e-8", "003e" + "ff7b" + "662e" + "007c" + "0100")]
    [InlineData(".bfloat16 1.5, 0.1, 3.4e38, 1e-40", "c03f" + "cd3d" + "807f" + "0100")]
    [InlineData(".uleb128 0, 127, 128, 624485, -1", "00" + "7f" + "8001" + "e58e26" + "ffffffffffffffffff01")]
    [InlineData(".sleb128 -1, 63, -64, 64, -123456", "7f" + "3f" + "40" + "c000" + "c0bb78")]
    [InlineData(".uleb128 b - a\na: .byte 0\nb:", "0100")]
    [InlineData(".string16 \"ab\"\n.string32 \"a\"", "610062000000" + "6100000000000000")]
    [InlineData(".dcb.w 2, 0x1234\n.dcb.l 1, 5\n.dcb 1, 1\n.dcb.s 1, 1.5", "34123412" + "05000000" + "0100" + "0000c03f")]
    [InlineData(".dc.x 1.5, -2, 0.1", "00000000000000c0ff3f" + "000000000000008000c0" + "cdccccccccccccccfb3f")]
    [InlineData(".dc.x 9.2e-4952, 3.36210314311209350626e-4932", "01000000000000000000" + "00000000000000000100")]
    [InlineData(".dcb.x 1, 1.5\n.dcb.x 1", "00000000000000c0ff3f" + "000000000000000000000000")]
    [InlineData(".ds.x 1, -1\n.ds.p 1, 5\n.ds 1\n.ds.d 1, 2", "ffffffffffffffffffffffff" + "050000000000000000000000" + "0000" + "0200000000000000")]
    [InlineData(".dc 1\n.dc.b 2\n.dc.w 3\n.dc.l 4\n.dc.a 5\n.dc.s 1.5\n.dc.d 1.5",
        "0100" + "02" + "0300" + "04000000" + "0500000000000000" + "0000c03f" + "000000000000f83f")]
    public void Data_bytes_are_GNU_as_bytes(string source, string hex) => Assert.Equal(hex, Asm.Hex(".data\n" + source + "\n", ".data"));

    [Theory]
    [InlineData(".float 1.5x", "test.s:2:11: error: junk at end of line, first unrecognized character is 'x'")]
    [InlineData(".float abc", "test.s:2:8: error: junk at end of line, first unrecognized character is 'a'")]
    [InlineData(".double 1e400", "test.s:2:9: error: cannot create floating-point number")]
    [InlineData(".float 3.5e38", "test.s:2:8: error: cannot create floating-point number")]
    [InlineData(".float16 1e6", "test.s:2:10: error: cannot create floating-point number")]
    [InlineData(".dcb.b -1", "test.s:2:8: error: .dcb.b count is negative (-1)")]
    [InlineData(".dc.x 1e5000", "test.s:2:7: error: cannot create floating-point number")]
    [InlineData(".dc.x 5e-4952", "test.s:2:7: error: cannot create floating-point number")]
    [InlineData(".dc.x 1.5x", "test.s:2:10: error: junk at end of line, first unrecognized character is 'x'")]
    [InlineData(".ds.x -1, 5", "test.s:2:7: error: .ds.x count is negative (-1)")]
    [InlineData(".ds.p 1, 2, 3", "test.s:2:13: error: .ds.p takes a count and a value")]
    [InlineData(".string16 1", "test.s:2:11: error: .string16 expects strings")]
    [InlineData(".incbin \"no-such-file.bin\"", "test.s:2:9: error: file not found: no-such-file.bin")]
    [InlineData(".incbin nofile", "test.s:2:9: error: .incbin expects a file name in quotes")]
    [InlineData(".sleb128 foo", "test.s:2:10: error: expression is not absolute: symbol 'foo' is undefined")]
    public void Bad_arguments_are_refused(string line, string expected) => Assert.Equal(expected, Asm.ErrorLine(".data\n" + line + "\n"));

    [Fact]
    public void Incbin_checks_skip_and_count_against_the_size()
    {
        using var dir = new TempDir();
        File.WriteAllBytes(dir.Path("b.bin"), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
        var options = new AssemblerOptions();
        options.IncludeDirs.Add(dir.Root);
        var obj = AsmDriver.AssembleText("test.s", ".data\n.incbin \"b.bin\", 2, 3\n.incbin \"b.bin\", 9\n", options, new CollectingDiagnostics());
        Assert.Equal(new byte[] { 3, 4, 5, 10 }, obj.Sections.Single(s => s.Name == ".data").Data);
        var error = Assert.Throws<AsmError>(() => AsmDriver.AssembleText("test.s", ".data\n.incbin \"b.bin\", 2, 20\n", options, new CollectingDiagnostics()));
        Assert.Equal("test.s:2:1: error: skip (2) or count (20) invalid for file size (10)", error.Render().Split('\n')[0]);
    }

    [Fact]
    public void Zero_counts_warn_as_GNU_as()
    {
        using var dir = new TempDir();
        File.WriteAllBytes(dir.Path("b.bin"), [1, 2]);
        var options = new AssemblerOptions();
        options.IncludeDirs.Add(dir.Root);
        var diagnostics = new CollectingDiagnostics();
        AsmDriver.AssembleText("test.s", ".data\n.incbin \"b.bin\", 1, 0\n.incbin \"b.bin\", 2\n.dcb.b 0, 9\n", options, diagnostics);
        Assert.Equal(["test.s:2:1: warning: .incbin count zero, ignoring 'b.bin'", "test.s:4:1: warning: .space repeat count is zero, ignored"],
            diagnostics.Warnings.Select(w => w.Split('\n')[0]));
    }
}
