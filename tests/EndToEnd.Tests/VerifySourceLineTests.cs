using System.Text.Json;

namespace A64Asm.EndToEnd.Tests;

/// <summary>
/// Issue 14: with <c>--verify</c> the assembler built the image, so each finding names the line a reviewer would
/// mark (file:line and the text as assembled, and the macro it came from), not only the PC.
/// </summary>
public class VerifySourceLineTests
{
    static string Sample => File.ReadAllText(Repo.Path("samples/relocate_kernel.S"));

    /// <summary>The sample with one line changed, written where the test can name it.</summary>
    static string Mutated(string from, string to)
    {
        string text = Sample;
        Assert.Contains(from, text);
        string path = Path.Combine(TempDir.Create(), "k.S");
        File.WriteAllText(path, text.Replace(from, to));
        return path;
    }

    static string Findings(string stdout) => stdout.Replace("\r", "")[stdout.Replace("\r", "").IndexOf("\n[", StringComparison.Ordinal)..].TrimStart('\n');

    [Fact]
    public void The_reviewers_icache_finding_names_the_first_line_fetched()
    {
        var (status, stdout, _) = Cli.Run("samples/relocate_kernel.S", "-I", "samples/include", "-o", Path.Combine(TempDir.Create(), "r.bin"),
            "--verify", "--caches", "on");
        Assert.Equal(1, status);
        Assert.Equal("[icache-stale] at 0x7ff00000 (ldr\tx18, 0x7ff000e8): instructions fetched from line 0x7ff00000, written without an instruction-cache invalidation since, with SCTLR.I set\n"
            + "    source: samples/relocate_kernel.S:36: ldr x18, .Lkimage_head\n"
            + "    why: the control page was copied with only a D-cache clean; with the I-cache on the CPU may execute whatever stale lines it held for those addresses (the review: \"there may be stale values in the instruction cache\").\n",
            Findings(stdout));
    }

    [Fact]
    public void A_register_left_nonzero_is_put_on_the_branch_line_in_text_and_json()
    {
        string source = Mutated(" mov x1, xzr\n", " mov x1, #0x3f\n");
        var (status, stdout, _) = Cli.Run(source, "-I", "samples/include", "-o", Path.Combine(TempDir.Create(), "k.bin"), "--verify");
        Assert.Equal(1, status);
        Assert.Contains("[boot-protocol-x1-x3] at 0x7ff000dc (br\tx4): x1-x3 nonzero at the branch to kimage_start: x1=0x3f\n"
            + $"    source: {source}:120: br x4\n", stdout.Replace("\r", ""));

        (status, stdout, _) = Cli.Run(source, "-I", "samples/include", "-o", Path.Combine(TempDir.Create(), "k.bin"), "--verify", "--json");
        Assert.Equal(1, status);
        string json = stdout[stdout.IndexOf("{\n  \"passed", StringComparison.Ordinal)..];
        var finding = Assert.Single(JsonDocument.Parse(json).RootElement.GetProperty("findings").EnumerateArray());
        var where = finding.GetProperty("source");
        Assert.Equal(source, where.GetProperty("file").GetString());
        Assert.Equal(120, where.GetProperty("line").GetInt32());
        Assert.Equal("br x4", where.GetProperty("text").GetString());
        Assert.False(where.TryGetProperty("context", out _));
    }

    [Fact]
    public void A_finding_inside_a_macro_names_the_body_line_and_the_use()
    {
        string source = Mutated(" mov x1, xzr\n", " mov x1, #0x3f\n");
        string text = File.ReadAllText(source).Replace(" br x4\n", " enter x4\n");
        int use = text[..text.IndexOf(" enter x4", StringComparison.Ordinal)].Split('\n').Length;
        // The definition goes first, so the use moves down by its three lines.
        File.WriteAllText(source, ".macro enter reg\n br \\reg\n.endm\n" + text);
        var (status, stdout, _) = Cli.Run(source, "-I", "samples/include", "-o", Path.Combine(TempDir.Create(), "k.bin"), "--verify");
        Assert.Equal(1, status);
        Assert.Contains($"    source: {source}:2: br x4 (in macro 'enter' expanded from {source}:{use + 3})\n", stdout.Replace("\r", ""));
    }
}
