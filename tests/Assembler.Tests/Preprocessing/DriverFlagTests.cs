using A64Asm.Assembler.Diagnostics;
using A64Asm.Assembler.Preprocessing;

namespace A64Asm.Assembler.Tests.Preprocessing;

/// <summary>-include, -isystem and -EB/-EL as the preprocessor sees them, stated outright and checked against gcc.</summary>
public class DriverFlagTests
{
    const string ByteOrderProbe = """
        #ifdef __AARCH64EB__
        eb __AARCH64EB__
        #endif
        #ifdef __AARCH64EL__
        el __AARCH64EL__
        #endif
        #ifdef __ARM_BIG_ENDIAN
        arm_big __ARM_BIG_ENDIAN
        #endif
        #if __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
        order big __BYTE_ORDER__ __FLOAT_WORD_ORDER__
        #elif __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
        order little __BYTE_ORDER__ __FLOAT_WORD_ORDER__ __ORDER_PDP_ENDIAN__
        #endif
        arch __aarch64__ __LP64__ _LP64 __ASSEMBLER__
        """;

    [Fact]
    public void Little_endian_by_default()
    {
        Assert.Equal("el 1\norder little 1234 1234 3412\narch 1 1 1 1", PpTestKit.Output(ByteOrderProbe));
    }

    [Fact]
    public void Big_endian_defines_what_gcc_mbig_endian_defines()
    {
        var kit = new PpTestKit().With("t.S", ByteOrderProbe);
        kit.Options.BigEndian = true;
        Assert.Equal("eb 1\narm_big 1\norder big 4321 4321\narch 1 1 1 1", kit.Text());
    }

    [OracleTheory]
    [InlineData(false)]
    [InlineData(true)]
    public void Byte_order_macros_match_gcc(bool bigEndian)
    {
        using var dir = new TempDir();
        string file = Path.Combine(dir.Root, "order.S");
        File.WriteAllText(file, ByteOrderProbe + "\n");
        var options = new PreprocessorOptions { BigEndian = bigEndian };
        var mine = Preprocessor.Run(file, options, new CollectingDiagnostics());
        Assert.Equal(GccOracle.Preprocess(file, [bigEndian ? "-mbig-endian" : "-mlittle-endian"]),
                     GccOracle.Normalize(mine.Select(l => l.Text)));
    }

    [Fact]
    public void Forced_includes_run_in_order_before_the_first_line()
    {
        var kit = new PpTestKit()
            .With("t.S", "main A B\n")
            .With("a.h", "#define A 1\nfrom_a\n")
            .With("inc/b.h", "#define B A\nfrom_b __INCLUDE_LEVEL__\n");
        kit.Options.ForcedIncludes.AddRange(["a.h", "b.h"]);
        kit.Options.IncludeDirs.Add("inc");
        Assert.Equal("from_a\nfrom_b 1\nmain 1 1", kit.Text());
    }

    [Fact]
    public void A_missing_forced_include_is_an_error_naming_it()
    {
        var kit = new PpTestKit().With("t.S", "nop\n");
        kit.Options.ForcedIncludes.Add("config.h");
        Assert.Equal("-include config.h: 'config.h' file not found", kit.Error());
    }

    [Fact]
    public void An_error_in_a_forced_include_names_the_command_line()
    {
        var kit = new PpTestKit().With("t.S", "nop\n").With("bad.h", "\n#error stop\n");
        kit.Options.ForcedIncludes.Add("bad.h");
        Assert.Equal("bad.h:2:2: #error stop\nin file included from <command-line>:1", kit.Error());
    }

    [Fact]
    public void Isystem_is_searched_after_the_I_directories_for_both_kinds_of_include()
    {
        var kit = new PpTestKit()
            .With("t.S", "#include <both.h>\n#include \"sysonly.h\"\n#include <next.h>\n")
            .With("user/both.h", "user_both\n")
            .With("sys/both.h", "sys_both\n")
            .With("sys/sysonly.h", "sys_only\n")
            .With("user/next.h", "user_next\n#include_next <next.h>\n")
            .With("sys/next.h", "sys_next\n");
        kit.Options.IncludeDirs.Add("user");
        kit.Options.SystemIncludeDirs.Add("sys");
        Assert.Equal("user_both\nsys_only\nuser_next\nsys_next", kit.Text());
    }

    [OracleFact]
    public void Forced_include_and_isystem_match_gcc()
    {
        using var dir = new TempDir();
        string P(string rel) => Path.Combine(dir.Root, rel);
        void Write(string rel, string text)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(P(rel))!);
            File.WriteAllText(P(rel), text);
        }
        Write("src/main.S", "main CONFIG_X SYS_Y\n#include <both.h>\n#include \"sysonly.h\"\n#include <next.h>\n");
        Write("cfg/kconfig.h", "#define CONFIG_X 7\nforced __INCLUDE_LEVEL__\n");
        Write("user/both.h", "user_both\n");
        Write("sys/both.h", "sys_both\n");
        Write("sys/sysonly.h", "#define SYS_Y 9\nsys_only SYS_Y\n");
        Write("user/next.h", "user_next\n#include_next <next.h>\n");
        Write("sys/next.h", "sys_next\n");
        var options = new PreprocessorOptions();
        options.IncludeDirs.Add(P("user"));
        options.SystemIncludeDirs.Add(P("sys"));
        options.ForcedIncludes.Add(P("cfg/kconfig.h"));
        var mine = Preprocessor.Run(P("src/main.S"), options, new CollectingDiagnostics());
        var gcc = GccOracle.Preprocess(P("src/main.S"), ["-nostdinc", "-I", P("user"), "-isystem", P("sys"), "-include", P("cfg/kconfig.h")]);
        Assert.Equal(gcc, GccOracle.Normalize(mine.Select(l => l.Text)));
    }
}
