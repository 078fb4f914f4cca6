namespace A64Asm.EndToEnd.Tests;

/// <summary>Issue 14's entry-state matrix through the command line: <c>verify --matrix</c> and the single-state options.</summary>
public class VerifyMatrixCommandTests
{

    /// <summary>The sample's table rows, kept as a vector file both the in-process and the command-line tests read.</summary>
    static string SampleRows => string.Concat(File.ReadAllLines(Repo.Path("tests/vectors/verify/sample-4k.matrix")).Select(l => "  " + l + "\n"));
    private const string Reason = "the image defines arm64_kexec_kimage_start_offset/_head_offset: machine_kexec patches the quads there (2015/16 series)";

    /// <summary>The sample built for 4K pages, and its offsets file.</summary>
    private static (string Bin, string Offsets) BuildSample()
    {
        string dir = TempDir.Create();
        string bin = Path.Combine(dir, "reloc.bin"), offsets = Path.Combine(dir, "o.json");
        var build = Cli.Run("samples/relocate_kernel.S", "-I", "samples/include", "-o", bin, "--offsets", offsets);
        Assert.True(build.Status == 0, build.Stderr);
        return (bin, offsets);
    }

    [Fact]
    public void Sample_matrix_prints_the_table_of_every_entry_state_and_fails()
    {
        var (bin, offsets) = BuildSample();
        var (status, stdout, stderr) = Cli.Run("verify", bin, "--offsets", offsets, "--matrix");
        Assert.Equal("", stderr);
        Assert.Equal(1, status);
        // The review's stale I-cache wherever SCTLR.I is set, MMU off or on; the copy left dirty in the D-cache only where
        // M and C make the stores cacheable; the MMU left on wherever M is set (the 2015 series turned it off before).
        Assert.Equal($"""
            verify --matrix: FAIL (12 of 16 entry states)
              convention: patched-quads; {Reason}
              kimage: 64 pages of 4K in 4 segments, 1 indirection pages

            """.Replace("\r", "") + SampleRows, stdout.Replace("\r", ""));
    }

    [Fact]
    public void Sample_matrix_as_json()
    {
        var (bin, offsets) = BuildSample();
        var (status, stdout, _) = Cli.Run("verify", bin, "--offsets", offsets, "--matrix", "--json", "--pages", "8");
        Assert.Equal(1, status);
        // One state per line here; the command writes the same JSON indented.
        string compact = string.Join("\n", System.Text.Json.JsonDocument.Parse(stdout).RootElement.GetProperty("states").EnumerateArray()
            .Select(s => System.Text.Json.JsonSerializer.Serialize(s)));
        Assert.Equal("""
            {"el":1,"mmu":false,"dcache":false,"icache":false,"passed":true,"findings":[]}
            {"el":1,"mmu":false,"dcache":false,"icache":true,"passed":false,"findings":["icache-stale"]}
            {"el":1,"mmu":false,"dcache":true,"icache":false,"passed":true,"findings":[]}
            {"el":1,"mmu":false,"dcache":true,"icache":true,"passed":false,"findings":["icache-stale"]}
            {"el":1,"mmu":true,"dcache":false,"icache":false,"passed":false,"findings":["mmu-on-at-branch"]}
            {"el":1,"mmu":true,"dcache":false,"icache":true,"passed":false,"findings":["mmu-on-at-branch","icache-stale"]}
            {"el":1,"mmu":true,"dcache":true,"icache":false,"passed":false,"findings":["mmu-on-at-branch","dcache-dirty-at-branch"]}
            {"el":1,"mmu":true,"dcache":true,"icache":true,"passed":false,"findings":["mmu-on-at-branch","dcache-dirty-at-branch","icache-stale"]}
            {"el":2,"mmu":false,"dcache":false,"icache":false,"passed":true,"findings":[]}
            {"el":2,"mmu":false,"dcache":false,"icache":true,"passed":false,"findings":["icache-stale"]}
            {"el":2,"mmu":false,"dcache":true,"icache":false,"passed":true,"findings":[]}
            {"el":2,"mmu":false,"dcache":true,"icache":true,"passed":false,"findings":["icache-stale"]}
            {"el":2,"mmu":true,"dcache":false,"icache":false,"passed":false,"findings":["mmu-on-at-branch"]}
            {"el":2,"mmu":true,"dcache":false,"icache":true,"passed":false,"findings":["mmu-on-at-branch","icache-stale"]}
            {"el":2,"mmu":true,"dcache":true,"icache":false,"passed":false,"findings":["mmu-on-at-branch","dcache-dirty-at-branch"]}
            {"el":2,"mmu":true,"dcache":true,"icache":true,"passed":false,"findings":["mmu-on-at-branch","dcache-dirty-at-branch","icache-stale"]}
            """.Replace("\r", ""), compact);
        Assert.StartsWith($"{{\n  \"passed\": false,\n  \"convention\": \"patched-quads\",\n  \"conventionReason\": \"{Reason}\",\n  \"states\": [\n    {{\n      \"el\": 1,\n", stdout.Replace("\r", ""));
        Assert.EndsWith("      ]\n    }\n  ]\n}\n", stdout.Replace("\r", ""));
    }

    [Fact]
    public void Verify_flag_runs_the_matrix_in_one_step()
    {
        string dir = TempDir.Create();
        var (status, stdout, _) = Cli.Run("samples/relocate_kernel.S", "-I", "samples/include", "-o", Path.Combine(dir, "r.bin"), "--verify", "--matrix", "--pages", "4");
        Assert.Equal(1, status);
        Assert.Contains("verify --matrix: FAIL (12 of 16 entry states)\n", stdout.Replace("\r", ""));
        Assert.Contains("\n  EL2  off  on   off  pass\n", stdout.Replace("\r", ""));
    }

    [Fact]
    public void One_state_by_its_options_gives_the_findings_of_its_row()
    {
        var (bin, offsets) = BuildSample();
        // C without M: the stores are Device memory and the old kernel's dirty lines are invalidated by the copy's dc ivac.
        var (status, stdout, _) = Cli.Run("verify", bin, "--offsets", offsets, "--dcache", "on");
        Assert.True(status == 0, stdout);
        Assert.StartsWith("verify: PASS\n", stdout.Replace("\r", ""));

        (status, stdout, _) = Cli.Run("verify", bin, "--offsets", offsets, "--el", "1", "--mmu", "on", "--dcache", "on", "--icache", "off");
        Assert.Equal(1, status);
        var ids = stdout.Replace("\r", "").Split('\n').Where(l => l.StartsWith('[')).Select(l => l[1..l.IndexOf(']')]);
        Assert.Equal(["mmu-on-at-branch", "dcache-dirty-at-branch"], ids);
        Assert.Contains("[dcache-dirty-at-branch] at 0x7ff000dc (br\tx4): 4096 destination lines (first at 0x", stdout);

        // --icache overrides the I half of --caches.
        (status, stdout, _) = Cli.Run("verify", bin, "--offsets", offsets, "--caches", "on", "--icache", "off");
        Assert.True(status == 0, stdout);
    }

    [Fact]
    public void Matrix_with_a_fixed_state_and_bad_state_values_are_errors()
    {
        var (bin, offsets) = BuildSample();
        foreach (var (args, message) in new[]
        {
            (new[] { "--matrix", "--caches", "on" }, "--matrix runs every entry state: it cannot be combined with --caches"),
            (new[] { "--matrix", "--el", "1" }, "--matrix runs every entry state: it cannot be combined with --el"),
            (new[] { "--el", "3" }, "--el: '3' is not a number (1 to 2)"),
            (new[] { "--mmu", "maybe" }, "--mmu: 'maybe' is not on or off"),
            (new[] { "--icache", "1" }, "--icache: '1' is not on or off"),
        })
        {
            var (status, stdout, stderr) = Cli.Run(["verify", bin, "--offsets", offsets, .. args]);
            Assert.Equal(1, status);
            Assert.Equal("", stdout);
            Assert.Equal($"a64asm: error: {message}\nTry 'a64asm verify --help'", stderr.Replace("\r", "").Trim());
        }
    }

    [Fact]
    public void A_state_the_convention_never_enters_in_is_an_error()
    {
        // The kimage-struct entry's fixed parts checked before anything runs (the sample's bytes are never executed).
        var (bin, _) = BuildSample();
        string[] fields = ["--convention", "kimage-struct", "--kimage-field", "KIMAGE_HEAD=72", "--kimage-field", "KIMAGE_START=64", "--kimage-field", "KIMAGE_ARCH_DTB_MEM=0x230"];
        foreach (var (args, message) in new[]
        {
            (new[] { "--el2-stub", "--el", "2" }, "--el: --el2-stub: the kernel ran at EL1 over the hyp stub, so the code is entered at EL1 and reaches EL2 through hvc"),
            (new[] { "--mmu-at-entry", "on", "--mmu", "off" }, "--mmu: kimage-struct with --mmu-at-entry on enters with the MMU on (v5.15 on)"),
            (new[] { "--mmu-at-entry", "on", "--el", "2" }, "--el: kimage-struct with --mmu-at-entry on is entered at EL1 (the EL2 entry of a VHE kernel is not modelled)"),
        })
        {
            var (status, stdout, stderr) = Cli.Run(["verify", bin, .. fields, .. args]);
            Assert.Equal(1, status);
            Assert.Equal("", stdout);
            Assert.Equal($"a64asm: error: {message}", stderr.Replace("\r", "").Trim());
        }
    }
}
