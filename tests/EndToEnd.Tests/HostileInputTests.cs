namespace A64Asm.EndToEnd.Tests;

/// <summary>Hostile input at the command line (issue 16): a located error naming the limit, status 1, no output.</summary>
public class HostileInputTests
{
    static string Nested(string open, string inner, string close, int depth) =>
        string.Concat(Enumerable.Repeat(open, depth)) + inner + string.Concat(Enumerable.Repeat(close, depth));

    /// <summary>Assembles <paramref name="source"/> with -c into a fresh folder; the object must not appear.</summary>
    static (int Status, string Stdout, string[] Stderr) AssembleObject(string source, params string[] extra)
    {
        string dir = TempDir.Create();
        string src = Path.Combine(dir, "h.s");
        File.WriteAllText(src, source);
        string obj = Path.Combine(dir, "h.o");
        var (status, stdout, stderr) = Cli.Run([src, "-c", "-o", obj, .. extra]);
        if (status != 0)
            Assert.False(File.Exists(obj));
        return (status, stdout, stderr.Replace("\r", "").Split('\n').Select(l => l.Replace(dir + Path.DirectorySeparatorChar, "")).ToArray());
    }

    [Fact]
    public void Deeply_nested_parentheses_in_an_immediate_are_a_located_error()
    {
        var (status, stdout, stderr) = AssembleObject("nop\nmov x0, #" + Nested("(", "1", ")", 100_000) + "\n");
        Assert.Equal(1, status);
        Assert.Equal("", stdout);
        Assert.Equal("h.s:2:1010: error: expression nesting exceeds the limit of 1000", stderr[0]);
    }

    [Fact]
    public void Deeply_nested_brackets_are_a_located_error()
    {
        var (status, _, stderr) = AssembleObject("ldr x0, " + Nested("[", "x1", "]", 100_000) + "\n");
        Assert.Equal(1, status);
        Assert.Equal("h.s:1:1009: error: expression nesting exceeds the limit of 1000", stderr[0]);
    }

    [Fact]
    public void Explain_refuses_deep_nesting_with_the_same_message()
    {
        var (status, stdout, stderr) = Cli.Run("explain", "mov x0, #" + Nested("(", "1", ")", 30_000));
        Assert.Equal(1, status);
        Assert.Equal("", stdout);
        Assert.Equal("<explain>:1:1010: error: expression nesting exceeds the limit of 1000", stderr.Split('\n')[0]);
    }

    [Fact]
    public void A_huge_space_is_refused_before_anything_is_reserved_and_the_old_output_stays()
    {
        string dir = TempDir.Create();
        string src = Path.Combine(dir, "h.s");
        File.WriteAllText(src, "nop\n.space 0x80000000\nnop\n");
        string obj = Path.Combine(dir, "h.o");
        File.WriteAllText(obj, "previous build");
        var (status, stdout, stderr) = Cli.Run(src, "-c", "-o", obj);
        Assert.Equal(1, status);
        Assert.Equal("", stdout);
        Assert.Equal($"{src}:2:1: error: .space 2147483648 would make section .text 2147483652 bytes long, " +
                     "which exceeds the limit of 268435456 (use --max-section-size to raise it)", stderr.Split('\n')[0]);
        Assert.Equal("previous build", File.ReadAllText(obj));
    }

    [Fact]
    public void Max_section_size_raises_the_limit()
    {
        var (status, _, stderr) = AssembleObject(".bss\n.space 0x20000000\n", "--max-section-size", "1G");
        Assert.Equal("", string.Join("\n", stderr));
        Assert.Equal(0, status);
    }

    [Fact]
    public void A_bad_limit_value_is_one_line_naming_the_option()
    {
        var (status, _, stderr) = AssembleObject("nop\n", "--max-section-size", "abc");
        Assert.Equal(1, status);
        Assert.Equal(["a64asm: error: --max-section-size: 'abc' is not a number (1 to 1073741824)", "Try 'a64asm --help'", ""], stderr);
    }

    [Fact]
    public void A_device_as_input_is_refused_in_one_line()
    {
        if (!OperatingSystem.IsLinux()) return;
        string dir = TempDir.Create();
        string obj = Path.Combine(dir, "z.o");
        var (status, stdout, stderr) = Cli.Run("-c", "/dev/zero", "-o", obj);
        Assert.Equal(1, status);
        Assert.Equal("", stdout);
        Assert.Equal("a64asm: error: '/dev/zero' is not a regular file\n", stderr.Replace("\r", ""));
        Assert.False(File.Exists(obj));
    }

    [Fact]
    public void A_runaway_macro_stops_at_the_expansion_budget_given_on_the_command_line()
    {
        string doubling = ".macro m n\n.if \\n\nm \\n-1\nm \\n-1\n.else\nnop\n.endif\n.endm\nm 40\n";
        var (status, stdout, stderr) = AssembleObject(doubling, "--max-expansions", "1000");
        Assert.Equal(1, status);
        Assert.Equal("", stdout);
        Assert.Equal("h.s:4:1: error: macro expansions exceed the limit of 1000 (use --max-expansions to raise it)", stderr[0]);
    }

    [Fact]
    public void Including_a_device_is_refused_by_name()
    {
        if (!OperatingSystem.IsLinux()) return;
        var (status, _, stderr) = AssembleObject("nop\n.include \"/dev/zero\"\n");
        Assert.Equal(1, status);
        Assert.Equal(["h.s:2:10: error: '/dev/zero' is not a regular file", " .include \"/dev/zero\"", "          ^", ""], stderr);
    }

    [Fact]
    public void Seventy_thousand_sections_end_in_seconds_with_the_elf_limit_named()
    {
        string source = string.Concat(Enumerable.Range(0, 70_000).Select(i => $".section .s{i},\"ax\"\nnop\n"));
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var (status, _, stderr) = AssembleObject(source);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(60), $"took {watch.Elapsed}");
        Assert.Equal(1, status);
        Assert.Equal(["a64asm: error: the object needs 70007 section headers, which exceeds the limit of 65279 (ELF extended section numbering is not supported)", ""],
                     stderr);
    }
}
