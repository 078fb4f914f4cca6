namespace A64Asm.EndToEnd.Tests;

/// <summary>A symbol the image needs and nothing defines (issue 12): an error at each use, with the line and a
/// caret, status 1, and no image written.</summary>
public class UndefinedSymbolTests
{
    [Fact]
    public void Every_use_of_a_missing_symbol_is_reported_at_its_place_and_nothing_is_written()
    {
        string dir = TempDir.Create();
        string src = Path.Combine(dir, "u.s");
        File.WriteAllText(src, "\tnop\n\tldr x1, =MISSING\n\tldr x2, =OTHER + 8\n\t.quad missing_quad\n\tbl missing_fn\n");
        string outBin = Path.Combine(dir, "u.bin");
        var (status, stdout, stderr) = Cli.Run(src, "-o", outBin);
        Assert.Equal(1, status);
        Assert.Equal("", stdout);
        Assert.Equal(string.Join("\n",
            $"{src}:2:11: error: undefined symbol 'MISSING'", "\tldr x1, =MISSING".Insert(0, " "), " \t         ^",
            $"{src}:3:11: error: undefined symbol 'OTHER'", " \tldr x2, =OTHER + 8", " \t         ^",
            $"{src}:4:8: error: undefined symbol 'missing_quad'", " \t.quad missing_quad", " \t      ^",
            $"{src}:5:5: error: undefined symbol 'missing_fn'", " \tbl missing_fn", " \t   ^"), stderr.Replace("\r", "").TrimEnd('\n'));
        Assert.False(File.Exists(outBin));
    }

    [Fact]
    public void A_branch_to_a_missing_local_label_is_an_error_at_each_branch_even_for_an_object()
    {
        string dir = TempDir.Create();
        string src = Path.Combine(dir, "l.s");
        File.WriteAllText(src, "\tb .Lnowhere\n\tnop\n\tcbz x0, .Lnowhere\n");
        string outObj = Path.Combine(dir, "l.o");
        var (status, _, stderr) = Cli.Run("-c", src, "-o", outObj);
        Assert.Equal(1, status);
        Assert.Equal(string.Join("\n",
            $"{src}:1:4: error: undefined local symbol '.Lnowhere'", " \tb .Lnowhere", " \t  ^",
            $"{src}:3:10: error: undefined local symbol '.Lnowhere'", " \tcbz x0, .Lnowhere", " \t        ^"), stderr.Replace("\r", "").TrimEnd('\n'));
        Assert.False(File.Exists(outObj));
    }

    [Fact]
    public void A_missing_define_used_as_an_immediate_names_the_symbol()
    {
        string dir = TempDir.Create();
        string src = Path.Combine(dir, "d.S");
        File.WriteAllText(src, "\tmov x0, #PAGE_SIZE\n");
        string outBin = Path.Combine(dir, "d.bin");
        var (status, _, stderr) = Cli.Run(src, "-o", outBin);
        Assert.Equal(1, status);
        Assert.Equal($"{src}:1:10: error: undefined symbol PAGE_SIZE used as an immediate value", stderr.Replace("\r", "").Split('\n')[0]);
        Assert.False(File.Exists(outBin));
    }
}
