using A64Asm.Assembler.Diagnostics;
using A64Asm.Assembler.Tests.Layout;
using A64Asm.TestSupport;

namespace A64Asm.Assembler.Tests.Driver;

/// <summary>-march, .arch and .arch_extension select the instructions accepted, as in GNU as 2.40.</summary>
public class ArchitectureSelectionTests
{
    const string Ldadd = "ldadd x0, x1, [x2]\n";

    private static string Error(string source, string? march = null, int threads = 1) =>
        Assert.Throws<AsmError>(() => Asm.Object(source, options: new AssemblerOptions { Arch = march, Threads = threads })).Render();

    [Fact]
    public void March_refuses_what_the_architecture_lacks_in_gas_words()
    {
        Assert.Equal("test.s:1:1: error: selected processor does not support `ldadd x0,x1,[x2]'\n ldadd x0, x1, [x2]\n ^",
            Error(Ldadd, "armv8-a"));
        var lse = Asm.Object(Ldadd, options: new AssemblerOptions { Arch = "armv8-a+lse" });
        Assert.Equal("4100 20f8".Replace(" ", ""), Convert.ToHexString(lse.Sections.Single(s => s.Name == ".text").Data).ToLowerInvariant());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Arch_takes_away_a_word_the_memo_has_seen(int threads)
    {
        // The first three are encoded (the third from the memo, were it allowed there); after .arch armv8-a the
        // fourth must be refused, whatever the memo holds.
        const string source = ".arch armv8.1-a\n" + Ldadd + Ldadd + Ldadd + ".arch armv8-a\n" + Ldadd;
        Assert.StartsWith("test.s:6:1: error: selected processor does not support `ldadd x0,x1,[x2]'", Error(source, threads: threads));
    }

    [Fact]
    public void Mcpu_and_cpu_select_a_core_and_mcpu_wins_over_march_as_in_gas()
    {
        string Cpu(string cpu, string? march) =>
            Assert.Throws<AsmError>(() => Asm.Object(Ldadd, options: new AssemblerOptions { Cpu = cpu, Arch = march })).Message;
        Assert.Equal("selected processor does not support `ldadd x0,x1,[x2]'", Cpu("cortex-a53", "armv8.1-a"));
        Assert.Equal(4, Asm.Object(Ldadd, options: new AssemblerOptions { Cpu = "cortex-a55", Arch = "armv8-a" }).Sections.Single(s => s.Name == ".text").Data.Length);
        Assert.Equal(4, Asm.Object(Ldadd, options: new AssemblerOptions { Cpu = "cortex-a53+lse" }).Sections.Single(s => s.Name == ".text").Data.Length);
        Assert.StartsWith("test.s:2:1: error: selected processor does not support `ldadd x0,x1,[x2]'", Error(".cpu cortex-a72\n" + Ldadd));
        Assert.Equal(4, Asm.Object(".cpu cortex-a72+lse\n" + Ldadd).Sections.Single(s => s.Name == ".text").Data.Length);
        Assert.StartsWith("test.s:1:1: error: unknown cpu `cortex-a99'", Error(".cpu cortex-a99\n"));
    }

    [Fact]
    public void Mcpu_of_a_core_only_gcc_knows_selects_the_march_gcc_hands_gas()
    {
        // gcc 12 passes gas -march=armv8.1-a+crypto for thunderx2t99, -march=armv8-a+crc for cortex-a57.cortex-a53;
        // gas itself knows neither name, in .cpu either.
        string Refused(string source, string cpu) =>
            Assert.Throws<AsmError>(() => Asm.Object(source, options: new AssemblerOptions { Cpu = cpu })).Message;
        byte[] Text(string source, string cpu) =>
            Asm.Object(source, options: new AssemblerOptions { Cpu = cpu }).Sections.Single(s => s.Name == ".text").Data;
        Assert.Equal("4100 20f8 2008 285e".Replace(" ", ""),
            Convert.ToHexString(Text(Ldadd + "sha1h s0, s1\n", "thunderx2t99")).ToLowerInvariant());
        Assert.Equal("selected processor does not support `fjcvtzs w0,d1'", Refused("fjcvtzs w0, d1\n", "thunderx2t99"));
        Assert.Equal("selected processor does not support `ldadd x0,x1,[x2]'", Refused(Ldadd, "cortex-a57.cortex-a53"));
        Assert.Equal("selected processor does not support `sha1h s0,s1'", Refused("sha1h s0, s1\n", "thunderx2t99+nocrypto"));
        Assert.StartsWith("test.s:1:1: error: unknown cpu `thunderx2t99'", Error(".cpu thunderx2t99\n"));
    }

    [Fact]
    public void Mcpu_reads_gccs_core_table_and_wa_mcpu_reads_gass()
    {
        // gcc's neoverse-n2 is armv9-a with profile, whose registers gas's own neoverse-n2 (armv8.5-a) lacks.
        const string Pmscr = "msr pmscr_el1, x0\n";
        Assert.Equal(4, Text(Pmscr, new AssemblerOptions { Cpu = "neoverse-n2" }).Length);
        Assert.Equal("selected processor does not support system register name 'pmscr_el1'",
            Refused(Pmscr, new AssemblerOptions { AsCpu = "neoverse-n2" }));
        // gcc passes gas the core's -march= after its own -march=, and -Wa, options after both; gas prefers -mcpu=.
        Assert.Equal(4, Text(Ldadd, new AssemblerOptions { Arch = "armv8-a", Cpu = "cortex-a55" }).Length);
        Assert.Equal("selected processor does not support `ldadd x0,x1,[x2]'",
            Refused(Ldadd, new AssemblerOptions { Cpu = "cortex-a55", AsArch = "armv8-a" }));
        Assert.Equal("selected processor does not support `ldadd x0,x1,[x2]'",
            Refused(Ldadd, new AssemblerOptions { Cpu = "cortex-a55", AsArch = "armv8.1-a", AsCpu = "cortex-a53" }));
    }

    [Fact]
    public void The_preprocessor_follows_gccs_march_then_its_mcpu_never_gass()
    {
        Assert.Equal("armv8.2-a+fp16+rcpc+dotprod", new AssemblerOptions { Cpu = "cortex-a76" }.CppArch);
        Assert.Equal("armv8-a", new AssemblerOptions { Arch = "armv8-a", Cpu = "cortex-a76" }.CppArch);
        Assert.Equal("armv8-a+crc+nocrypto", new AssemblerOptions { Cpu = "cortex-a53+nocrypto" }.CppArch);
        Assert.Null(new AssemblerOptions { AsCpu = "cortex-a76", AsArch = "armv8.2-a" }.CppArch);
        Assert.Null(new AssemblerOptions { Cpu = "all" }.CppArch);
    }

    static byte[] Text(string source, AssemblerOptions options) =>
        Asm.Object(source, options: options).Sections.Single(s => s.Name == ".text").Data;

    static string Refused(string source, AssemblerOptions options) =>
        Assert.Throws<AsmError>(() => Asm.Object(source, options: options)).Message;

    [Fact]
    public void Arch_extension_adds_back()
    {
        var obj = Asm.Object(".arch armv8-a\n.arch_extension lse\n" + Ldadd);
        Assert.Equal(4, obj.Sections.Single(s => s.Name == ".text").Data.Length);
    }

    [Theory]
    [InlineData(".arch armv9-z\n", "test.s:1:1: error: unknown architecture `armv9-z'")]
    [InlineData(".arch armv8-a+bogus\n", "test.s:1:1: error: unknown architectural extension `bogus'")]
    [InlineData(".arch_extension bogus\n", "test.s:1:1: error: unknown architectural extension `bogus'")]
    public void Unknown_names_are_errors(string source, string expected)
    {
        Assert.StartsWith(expected, Error(source));
    }

    public static TheoryData<string, string> BadExtensionLists() => new()
    {
        { ".arch armv8-a+nosimd+crc", "must specify extensions to add before specifying those to remove" },
        { ".cpu cortex-a53+nocrc+crypto", "must specify extensions to add before specifying those to remove" },
        { ".arch armv8.1-a+lse+crc+nosimd+lsee", "must specify extensions to add before specifying those to remove" },
        { ".arch armv8.1-a+lsee+nosimd+crc", "unknown architectural extension `lsee+nosimd+crc'" },
        { ".arch armv8.1-a+crc+nolsee", "unknown architectural extension `lsee'" },
        { ".arch_extension nolsee", "unknown architectural extension `lsee'" },
        { ".arch armv8-a+", "missing architectural extension" },
        { ".cpu cortex-a53+crc+", "missing architectural extension" },
    };

    /// <summary>The extension lists of .arch and .cpu are checked as GNU checks them, in GNU's words.</summary>
    [Theory]
    [MemberData(nameof(BadExtensionLists))]
    public void Extension_lists_are_checked_as_gas_checks_them(string directive, string message) =>
        Assert.Equal($"test.s:1:1: error: {message}\n {directive}\n ^", Error(directive + "\n"));

    [OracleTheory(Oracle.GnuBinutils)]
    [MemberData(nameof(BadExtensionLists))]
    public void Gas_says_the_same_of_those_lists(string directive, string message)
    {
        using var scratch = new TempDir();
        string path = scratch.Path("a.s");
        File.WriteAllText(path, directive + "\n");
        var gas = Gnu.Run("as", path, "-o", scratch.Path("a.o"));
        Assert.Contains($"a.s:1: Error: {message}\n", gas.Stderr);
    }

    [Theory]
    [InlineData(".arch armv8-a+crc+nosimd\n")]
    [InlineData(".arch armv8-a+nocrc+nosimd\n")]
    [InlineData(".arch_extension\n")]
    public void Lists_gas_takes_are_taken(string source) => Asm.Object(source);

    [OracleFact]
    public void The_lines_refused_are_those_gas_refuses()
    {
        string[] lines = [Ldadd, ".arch armv8-a\n", Ldadd, "crc32b w0, w1, w2\n", ".arch_extension crc\n", "crc32b w0, w1, w2\n",
            ".arch armv8.1-a\n", Ldadd, ".arch_extension nolse\n", Ldadd, ".arch armv8.2-a+nocrc\n", "crc32b w0, w1, w2\n"];
        using var scratch = new TempDir();
        string path = Path.Combine(scratch.Root, "a.s");
        File.WriteAllText(path, string.Concat(lines));
        // Neither is given an architecture: both start from GNU's default, armv8-a.
        var gas = Gnu.Run("as", path, "-o", Path.Combine(scratch.Root, "a.o"));
        var gasRefused = System.Text.RegularExpressions.Regex.Matches(gas.Stderr, @"a\.s:(\d+): Error: (.*)")
            .Select(m => $"{m.Groups[1].Value}: {m.Groups[2].Value}").ToList();
        Assert.NotEmpty(gasRefused);
        // a64asm stops at its first error: each instruction line with the .arch lines before it, one at a time.
        var ourRefused = new List<string>();
        for (int i = 0; i < lines.Length; i++)
        {
            if (lines[i].StartsWith('.')) continue;
            var prefix = lines.Take(i).Select(l => l.StartsWith('.') ? l : "\n");
            try
            {
                Asm.Object(string.Concat(prefix) + lines[i]);
            }
            catch (AsmError e)
            {
                ourRefused.Add($"{i + 1}: {e.Message}");
            }
        }
        Assert.Equal(gasRefused, ourRefused);
    }
}
