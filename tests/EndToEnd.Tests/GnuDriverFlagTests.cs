namespace A64Asm.EndToEnd.Tests;

/// <summary>The command line a kernel build hands gcc: each flag taken with its meaning, or refused with a message.</summary>
public class GnuDriverFlagTests
{
    /// <summary>A source that needs -include (CONFIG_X), -isystem (SYS_Y), -Wa,--defsym (DEFSYM_Z) and -Wa,-I (.include).</summary>
    static (string Dir, string Src) KernelStyleTree()
    {
        string dir = TempDir.Create();
        Directory.CreateDirectory(Path.Combine(dir, "cfg"));
        Directory.CreateDirectory(Path.Combine(dir, "sys"));
        Directory.CreateDirectory(Path.Combine(dir, "asinc"));
        File.WriteAllText(Path.Combine(dir, "cfg", "kconfig.h"), "#define CONFIG_X 3\n");
        File.WriteAllText(Path.Combine(dir, "sys", "sysdefs.h"), "#define SYS_Y 4\n");
        File.WriteAllText(Path.Combine(dir, "asinc", "extra.inc"), "mov x3, #5\n");
        string src = Path.Combine(dir, "k.S");
        File.WriteAllText(src, """
            #include <sysdefs.h>
            #ifndef __ASSEMBLY__
            #error no __ASSEMBLY__
            #endif
            mov x0, #CONFIG_X
            mov x1, #SYS_Y
            mov x2, #DEFSYM_Z
            .include "extra.inc"

            """);
        return (dir, src);
    }

    [Fact]
    public void Kernel_build_flags_are_taken_with_their_gcc_meaning()
    {
        var (dir, src) = KernelStyleTree();
        string bin = Path.Combine(dir, "k.bin");
        var (status, _, stderr) = Cli.Run(src, "-o", bin, "-nostdinc", "-isystem", Path.Combine(dir, "sys"),
            "-include", Path.Combine(dir, "cfg", "kconfig.h"), "-D__ASSEMBLY__", "-mabi=lp64", "-march=armv8.2-a+crypto+nolse",
            "-mcpu=cortex-a53", "-EL", "-mlittle-endian", $"-Wa,-EL,-march=armv8-a,--defsym,DEFSYM_Z=6,-I,{Path.Combine(dir, "asinc")}");
        Assert.Equal("", stderr);
        Assert.Equal(0, status);
        // mov x0, #3; mov x1, #4; mov x2, #6; mov x3, #5
        Assert.Equal(Convert.FromHexString("600080D2810080D2C20080D2A30080D2"), File.ReadAllBytes(bin));
    }

    [Fact]
    public void Gcc_march_and_fpic_set_the_predefined_macros_as_gcc_does()
    {
        string dir = TempDir.Create();
        string src = Path.Combine(dir, "m.S");
        File.WriteAllText(src, """
            #if defined(__ARM_FEATURE_CRYPTO) && !defined(__ARM_FEATURE_ATOMICS) && __PIC__ == 2 && defined(__linux__)
            mov x0, #1
            #endif
            # Clear the carry flag (gcc passes this line on; gas reads it as a comment).

            """);
        string bin = Path.Combine(dir, "m.bin");
        var (status, _, stderr) = Cli.Run(src, "-o", bin, "-march=armv8.2-a+crypto+nolse", "-fPIC", "-Wa,-march=armv8-a");
        Assert.Equal("", stderr);
        Assert.Equal(0, status);
        Assert.Equal(Convert.FromHexString("200080D2"), File.ReadAllBytes(bin));
    }

    [Theory]
    [InlineData("--fatal-warnings")]
    [InlineData("-Wa,--fatal-warnings")]
    public void Fatal_warnings_fail_the_run_and_write_nothing(string flag)
    {
        string dir = TempDir.Create();
        string src = Path.Combine(dir, "w.s");
        File.WriteAllText(src, ".byte 300\n");
        string obj = Path.Combine(dir, "w.o");
        var (status, _, stderr) = Cli.Run(src, "-c", "-o", obj, flag);
        Assert.Equal($"{src}:1:7: warning: value 0x12c truncated to 0x2c\n .byte 300\n       ^\na64asm: error: 1 warning, treating warnings as errors\n", stderr);
        Assert.Equal(1, status);
        Assert.False(File.Exists(obj));
    }

    [Theory]
    [InlineData("-W")]
    [InlineData("--no-warn")]
    [InlineData("-Wa,--no-warn,--fatal-warnings")]
    public void No_warn_silences_warnings(string flag)
    {
        string dir = TempDir.Create();
        string src = Path.Combine(dir, "w.s");
        File.WriteAllText(src, ".byte 300\n");
        string obj = Path.Combine(dir, "w.o");
        var (status, _, stderr) = Cli.Run(src, "-c", "-o", obj, flag);
        Assert.Equal("", stderr);
        Assert.Equal(0, status);
        Assert.True(File.Exists(obj));
    }

    [Fact]
    public void Joined_spellings_work_too()
    {
        var (dir, src) = KernelStyleTree();
        string bin = Path.Combine(dir, "k.bin");
        var (status, _, stderr) = Cli.Run(src, "-o", bin, "-isystem" + Path.Combine(dir, "sys"),
            "-include" + Path.Combine(dir, "cfg", "kconfig.h"), $"-Wa,--defsym=DEFSYM_Z=6,-I{Path.Combine(dir, "asinc")}");
        Assert.Equal("", stderr);
        Assert.Equal(0, status);
        Assert.Equal(Convert.FromHexString("600080D2810080D2C20080D2A30080D2"), File.ReadAllBytes(bin));
    }

    [Fact]
    public void Wa_I_is_for_dot_include_only_as_in_gas()
    {
        var (dir, _) = KernelStyleTree();
        string src = Path.Combine(dir, "hash.S");
        File.WriteAllText(src, "#include <extra.inc>\n");
        string bin = Path.Combine(dir, "hash.bin");
        var (status, _, stderr) = Cli.Run(src, "-o", bin, $"-Wa,-I,{Path.Combine(dir, "asinc")}");
        Assert.Equal(1, status);
        Assert.Equal($"{src}:1:10: error: 'extra.inc' file not found\n #include <extra.inc>\n          ^\n", stderr.Replace("\r", ""));
        Assert.False(File.Exists(bin));
    }

    [Theory]
    [InlineData("-mabi=ilp32", "'-mabi=ilp32' is not supported: a64asm assembles for the LP64 ABI only (ELF64 objects)")]
    [InlineData("-mabi=lp32", "unrecognized argument in option '-mabi=lp32' (valid: lp64; ilp32 is not supported)")]
    [InlineData("-Wa,-mabi=ilp32", "'-Wa,-mabi=ilp32' is not supported: a64asm assembles for the LP64 ABI only (ELF64 objects)")]
    [InlineData("-march=armv8-q", "unknown architecture 'armv8-q' in '-march=armv8-q'")]
    [InlineData("-march=armv8.1-a+lse+crc+nolsee", "unknown architectural extension `lsee' in '-march=armv8.1-a+lse+crc+nolsee'")]
    [InlineData("-march=armv8.1-a+lse+crc+nosimd+lsee", "must specify extensions to add before specifying those to remove in '-march=armv8.1-a+lse+crc+nosimd+lsee'")]
    [InlineData("-Wa,-march=armv8-a+", "missing architectural extension in '-Wa,-march=armv8-a+'")]
    [InlineData("-Wa,-mcpu=cortex-a76+nosimd+crc", "must specify extensions to add before specifying those to remove in '-Wa,-mcpu=cortex-a76+nosimd+crc'")]
    [InlineData("-Wa,-mcpu=thunderxt88", "unknown cpu 'thunderxt88' in '-Wa,-mcpu=thunderxt88'")]
    [InlineData("-march=", "missing argument to '-march='")]
    [InlineData("-Wa,-march=armv7-a", "unknown architecture 'armv7-a' in '-Wa,-march=armv7-a'")]
    [InlineData("-mcpu=cortex-a9", "unknown cpu 'cortex-a9' in '-mcpu=cortex-a9'")]
    [InlineData("--gdwarf-7", "unrecognized DWARF version in '--gdwarf-7' (a64asm takes 2, 3, 4 or 5)")]
    [InlineData("-Wa,--gdwarf-sections", "assembler option '--gdwarf-sections' (from '-Wa,--gdwarf-sections') is not supported by a64asm")]
    [InlineData("-Wa,-EL,--noexecstack", "assembler option '--noexecstack' (from '-Wa,-EL,--noexecstack') is not supported by a64asm")]
    [InlineData("-Wa,--defsym", "'-Wa,--defsym': --defsym needs NAME=VALUE")]
    [InlineData("-include", "missing filename after '-include'")]
    [InlineData("-isystem", "missing path after '-isystem'")]
    [InlineData("--bogus", "unrecognized command-line option '--bogus'")]
    [InlineData("-fomit-frame-pointer", "unrecognized command-line option '-fomit-frame-pointer'")]
    public void Flags_a64asm_cannot_honour_are_refused_by_name(string flag, string message)
    {
        var (dir, src) = KernelStyleTree();
        string bin = Path.Combine(dir, "k.bin");
        var (status, stdout, stderr) = Cli.Run(src, "-o", bin, "-isystem", Path.Combine(dir, "sys"),
            "-include", Path.Combine(dir, "cfg", "kconfig.h"), "--defsym", "DEFSYM_Z=6", "-I", Path.Combine(dir, "asinc"), flag);
        Assert.Equal(1, status);
        Assert.Equal("", stdout);
        Assert.Equal($"a64asm: error: {message}\nTry 'a64asm --help'\n", stderr.Replace("\r", ""));
        Assert.False(File.Exists(bin));
    }

    [Fact]
    public void The_last_endianness_flag_wins_as_in_gcc()
    {
        var (dir, src) = KernelStyleTree();
        string bin = Path.Combine(dir, "k.bin");
        var (status, _, stderr) = Cli.Run(src, "-o", bin, "-isystem", Path.Combine(dir, "sys"), "-include", Path.Combine(dir, "cfg", "kconfig.h"),
            "--defsym", "DEFSYM_Z=6", "-I", Path.Combine(dir, "asinc"), "-EB", "-mlittle-endian");
        Assert.Equal("", stderr);
        Assert.Equal(0, status);
        Assert.True(File.Exists(bin));
    }

    [Fact]
    public void Several_unknown_options_are_each_named_and_no_help_page_is_printed()
    {
        var (status, stdout, stderr) = Cli.Run("samples/relocate_kernel.S", "-Wall", "-O2");
        Assert.Equal(1, status);
        Assert.Equal("", stdout);
        Assert.Equal("a64asm: error: unrecognized command-line option '-Wall'\na64asm: error: unrecognized command-line option '-O2'\nTry 'a64asm --help'\n",
                     stderr.Replace("\r", ""));
    }

    [Fact]
    public void Preprocessor_flags_do_nothing_to_a_dot_s_file_as_with_gcc()
    {
        // gcc runs no cpp on .s, so -include of a missing file and -isystem are never looked at (gcc -c p.s -include none.h exits 0).
        string dir = TempDir.Create();
        string src = Path.Combine(dir, "p.s");
        File.WriteAllText(src, "nop\n");
        string obj = Path.Combine(dir, "p.o");
        var (status, _, stderr) = Cli.Run(src, "-c", "-o", obj, "-include", Path.Combine(dir, "none.h"), "-isystem", dir);
        Assert.Equal("", stderr);
        Assert.Equal(0, status);
        Assert.True(File.Exists(obj));
    }

    [Fact]
    public void Isystem_is_not_searched_by_dot_include_as_gcc_does_not_pass_it_to_as()
    {
        var (dir, _) = KernelStyleTree();
        string src = Path.Combine(dir, "inc.S");
        File.WriteAllText(src, ".include \"extra.inc\"\n");
        var (status, _, stderr) = Cli.Run(src, "-c", "-o", Path.Combine(dir, "inc.o"), "-isystem", Path.Combine(dir, "asinc"));
        Assert.Equal(1, status);
        Assert.Equal($"{src}:1:10: error: can't open include file 'extra.inc'\n .include \"extra.inc\"\n          ^\n", stderr.Replace("\r", ""));
    }

    [Fact]
    public void Dash_x_chooses_whether_the_preprocessor_runs_whatever_the_file_name()
    {
        string dir = TempDir.Create();
        string lower = Path.Combine(dir, "v.s");
        File.WriteAllText(lower, "#define V 3\nmov x0, #V\n");
        var (status, _, stderr) = Cli.Run(lower, "-o", Path.Combine(dir, "v.bin"), "-x", "assembler-with-cpp");
        Assert.Equal("", stderr);
        Assert.Equal(0, status);
        Assert.Equal(Convert.FromHexString("600080D2"), File.ReadAllBytes(Path.Combine(dir, "v.bin")));

        // Unpreprocessed, #line is a comment to gas: the error stays on the line as read.
        string upper = Path.Combine(dir, "l.S");
        File.WriteAllText(upper, "#line 9 \"o.S\"\nbogus\n");
        Assert.StartsWith("o.S:9:1: error: unknown mnemonic `bogus'", Cli.Run(upper, "-c", "-o", Path.Combine(dir, "l.o")).Stderr);
        Assert.StartsWith($"{upper}:2:1: error: unknown mnemonic `bogus'", Cli.Run(upper, "-c", "-o", Path.Combine(dir, "l.o"), "-xassembler").Stderr);
    }

    [Fact]
    public void Dash_x_with_a_language_a64asm_does_not_read_is_refused()
    {
        var (status, stdout, stderr) = Cli.Run("samples/relocate_kernel.S", "-x", "c", "-o", Path.Combine(TempDir.Create(), "r.bin"));
        Assert.Equal(1, status);
        Assert.Equal("", stdout);
        Assert.Equal("a64asm: error: language 'c' is not one a64asm reads (-x assembler, -x assembler-with-cpp)\nTry 'a64asm --help'\n", stderr.Replace("\r", ""));
    }
}
