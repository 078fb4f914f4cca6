using System.Text.RegularExpressions;

namespace A64Asm.EndToEnd.Tests;

/// <summary>
/// Input that gcc -E already preprocessed: its line markers point diagnostics (errors, warnings, and errors the
/// assembler raises later on a statement) at the original file and line, with the include chain; merge-conflict
/// lines are errors at their line. .s is read as gas reads it, .S through the preprocessor.
/// </summary>
public class PreprocessedInputTests
{
    /// <summary>As gcc -E writes k.S, whose line 3 includes inc/h.h (line 2 of which warns), the adr on k.S:5.</summary>
    const string Marked = """
        # 0 "k.S"
        # 0 "<built-in>"
        # 0 "<command-line>"
        # 1 "k.S"
        nop

        # 1 "inc/h.h" 1

        .warning "careful"
        # 4 "k.S" 2
        nop
        adr x0, later
        .skip 0x200000
        later: nop

        """;

    static string Write(string name, string text)
    {
        string path = Path.Combine(TempDir.Create(), name);
        File.WriteAllText(path, text);
        return path;
    }

    [Theory]
    [InlineData("k.s")]
    [InlineData("k.S")]
    public void Warnings_and_late_errors_name_the_original_file_and_line(string name)
    {
        string src = Write(name, Marked);
        string obj = Path.Combine(Path.GetDirectoryName(src)!, "k.o");
        var (status, stdout, stderr) = Cli.Run(src, "-c", "-o", obj);
        Assert.Equal(1, status);
        Assert.Equal("", stdout);
        Assert.Equal("""
            inc/h.h:2:1: warning: careful
             .warning "careful"
             ^
            in file included from k.S:3
            k.S:5:9: error: pc-relative address offset out of range
             adr x0, later
                     ^

            """, stderr.Replace("\r", ""));
        Assert.False(File.Exists(obj));
    }

    [Fact]
    public void An_error_in_a_marked_header_carries_the_include_chain()
    {
        string src = Write("k.s", Marked.Replace(".warning \"careful\"", "bogus x0"));
        var (status, _, stderr) = Cli.Run(src, "-c", "-o", Path.Combine(Path.GetDirectoryName(src)!, "k.o"));
        Assert.Equal(1, status);
        // The run goes on after the header's error, as GNU as does, and reports the one after it too.
        Assert.Equal("inc/h.h:2:1: error: unknown mnemonic `bogus'\n bogus x0\n ^\nin file included from k.S:3\n"
            + "k.S:5:9: error: pc-relative address offset out of range\n adr x0, later\n         ^\n", stderr.Replace("\r", ""));
    }

    [Fact]
    public void Markers_change_no_byte_of_the_output()
    {
        string marked = Write("k.s", Marked.Replace(".skip 0x200000", ".skip 0x20"));
        string plain = Write("p.s", string.Join("\n", Marked.Replace(".skip 0x200000", ".skip 0x20").Split('\n').Where(l => !l.StartsWith('#'))));
        string a = marked + ".bin", b = plain + ".bin";
        Assert.Equal(0, Cli.Run(marked, "-o", a).Status);
        Assert.Equal(0, Cli.Run(plain, "-o", b).Status);
        Assert.Equal(File.ReadAllBytes(b), File.ReadAllBytes(a));
    }

    [Theory]
    [InlineData("# 12 \"h.S\" 2 junk\nnop\n", "x.s:1:14: error: junk at end of line marker, first unrecognized character is 'j'\n # 12 \"h.S\" 2 junk\n              ^\n")]
    [InlineData("# 7\nbogus\n", "x.s:2:1: error: unknown mnemonic `bogus'\n bogus\n ^\n")]
    [InlineData("#line 40 \"o.S\"\nbogus\n", "x.s:2:1: error: unknown mnemonic `bogus'\n bogus\n ^\n")]
    [InlineData("  # 30 \"ind.S\"\nbogus\n", "x.s:2:1: error: unknown mnemonic `bogus'\n bogus\n ^\n")]
    [InlineData("#7 \"f.S\" // note\nbogus\n", "f.S:7:1: error: unknown mnemonic `bogus'\n bogus\n ^\n")]
    public void In_s_files_only_what_gas_takes_for_a_marker_is_one(string source, string expected)
    {
        string src = Write("x.s", source);
        var (status, _, stderr) = Cli.Run(src, "-c", "-o", Path.Combine(Path.GetDirectoryName(src)!, "x.o"));
        Assert.Equal(1, status);
        Assert.Equal(expected.Replace("x.s:", src + ":"), stderr.Replace("\r", ""));
    }

    [Fact]
    public void An_unsupported_marker_flag_is_warned_about_once_even_when_layout_passes_rerun_the_lines()
    {
        // .skip b - a needs the later labels: the streaming run gives up and the lines are read again.
        string src = Write("w.s", "# 5 \"k.S\" 7\n.skip b - a\na: nop\nb: nop\n");
        var (status, _, stderr) = Cli.Run(src, "-c", "-o", Path.Combine(Path.GetDirectoryName(src)!, "w.o"));
        Assert.Equal(0, status);
        Assert.Equal($"{src}:1:1: warning: unsupported flag 7 in line directive\n # 5 \"k.S\" 7\n ^\n", stderr.Replace("\r", ""));
    }

    [Theory]
    [InlineData("m.s")]
    [InlineData("m.S")]
    public void A_committed_conflict_marker_fails_at_its_line_with_no_output(string name)
    {
        string src = Write(name, "nop\n<<<<<<< HEAD\nmov x0, #1\n=======\nmov x0, #2\n>>>>>>> fix\n");
        string obj = Path.Combine(Path.GetDirectoryName(src)!, "m.o");
        File.WriteAllText(obj, "previous build");
        var (status, stdout, stderr) = Cli.Run(src, "-c", "-o", obj);
        Assert.Equal(1, status);
        Assert.Equal("", stdout);
        Assert.Equal($"{src}:2:1: error: version control conflict marker in file\n <<<<<<< HEAD\n ^\n", stderr.Replace("\r", ""));
        Assert.Equal("previous build", File.ReadAllText(obj));
    }

    /// <summary>gcc -E, then gas, on a tree with an error in a header: gas's file:line for it is ours.</summary>
    [OracleFact]
    public void Gcc_E_output_errors_name_the_place_gas_names()
    {
        string dir = TempDir.Create();
        Directory.CreateDirectory(Path.Combine(dir, "include", "asm"));
        File.WriteAllText(Path.Combine(dir, "include", "asm", "defs.h"), "#define SHIFT 12\n\n.macro twice r\n add \\r, \\r, \\r\n.endm\nbogus_in_header x1\n");
        File.WriteAllText(Path.Combine(dir, "k.S"), "#include <asm/defs.h>\n\nnop\nmov x0, #(1 << SHIFT)\n");
        var (rc, pre, err) = Gnu.RunIn(dir, "gcc", "-E", "-Iinclude", "k.S");
        Assert.True(rc == 0, err);
        File.WriteAllText(Path.Combine(dir, "k.i.s"), pre);
        var (gasRc, _, gasErr) = Gnu.RunIn(dir, "as", "k.i.s", "-o", "gas.o");
        Assert.Equal(1, gasRc);
        var gasPlace = Regex.Match(gasErr, @"^(\S+):(\d+): Error", RegexOptions.Multiline);
        Assert.True(gasPlace.Success, gasErr);

        var (status, _, stderr) = Cli.Run(Path.Combine(dir, "k.i.s"), "-c", "-o", Path.Combine(dir, "ours.o"));
        Assert.Equal(1, status);
        Assert.Equal("include/asm/defs.h:6:1: error: unknown mnemonic `bogus_in_header'\n bogus_in_header x1\n ^\nin file included from k.S:1\n",
                     stderr.Replace("\r", ""));
        Assert.StartsWith($"{gasPlace.Groups[1].Value}:{gasPlace.Groups[2].Value}:", stderr);
    }

    [OracleTheory]
    [InlineData("rk.s")]
    [InlineData("rk.S")]
    public void The_sample_fed_as_gcc_E_output_builds_the_same_image_and_errors_name_the_sample(string name)
    {
        // gcc does not predefine __ASSEMBLY__ (the kernel's build passes it); a64asm does.
        var (rc, pre, err) = Gnu.Run("gcc", "-E", "-D__ASSEMBLY__", "-Isamples/include", "samples/relocate_kernel.S");
        Assert.True(rc == 0, err);
        string dir = TempDir.Create();
        string src = Path.Combine(dir, name);
        File.WriteAllText(src, pre);
        Assert.Equal(0, Cli.Run(src, "-o", Path.Combine(dir, "pre.bin")).Status);
        Assert.Equal(0, Cli.Run("samples/relocate_kernel.S", "-I", "samples/include", "-o", Path.Combine(dir, "direct.bin")).Status);
        Assert.Equal(File.ReadAllBytes(Path.Combine(dir, "direct.bin")), File.ReadAllBytes(Path.Combine(dir, "pre.bin")));

        const string Statement = "ldr x18, [x15], #8";
        Assert.Single(pre.Split('\n'), l => l.Trim() == Statement);
        int line = Array.FindIndex(File.ReadAllLines(Repo.Path("samples/relocate_kernel.S")), l => l.Trim() == Statement) + 1;
        // gcc -E wrote the statement's leading tab as one space: the quoted line is the text read.
        File.WriteAllText(src, pre.Replace(Statement, "bogus x18, [x15], #8"));
        string bin = Path.Combine(dir, "bad.bin");
        var (status, _, stderr) = Cli.Run(src, "-o", bin);
        Assert.Equal(1, status);
        Assert.Equal($"samples/relocate_kernel.S:{line}:2: error: unknown mnemonic `bogus'\n  bogus x18, [x15], #8\n  ^\n", stderr.Replace("\r", ""));
        Assert.False(File.Exists(bin));
    }
}
