using A64Asm.Fuzz;

namespace A64Asm.Fuzz.Tests;

/// <summary>
/// The CI smoke run of tools/fuzz (issue 16): a fixed seed and a count that takes about a minute on the project's
/// 2-core machine, in worker processes as a maintainer's campaign runs, so a stack overflow or a hang fails it too.
/// Any finding fails the test and names the case file that replays it.
/// </summary>
public class FuzzSmokeTests
{
    /// <summary>Inputs in the smoke run; A64ASM_FUZZ_COUNT changes it (0 skips nothing: the count must be at least 1).</summary>
    static int SmokeCount => int.TryParse(Environment.GetEnvironmentVariable("A64ASM_FUZZ_COUNT"), out int n) && n > 0 ? n : 4000;

    [Fact]
    public void A_bounded_campaign_over_every_target_finds_nothing()
    {
        using var dir = new TempDir();
        string fuzzer = typeof(CaseFactory).Assembly.Location;
        var run = Tool.Run("dotnet", fuzzer, "--seed", "20261206", "--count", SmokeCount.ToString(), "--out", dir.Path("findings"),
            "--repo", Repo.Root, "--timeout-ms", "10000", "--jobs", "2");
        Assert.True(run.Status == 0, $"fuzz smoke run failed (status {run.Status}); replay a case with `a64asm-fuzz --replay FILE`:\n{run.Stdout}\n{run.Stderr}");
        Assert.Contains($"{SmokeCount:N0} inputs in", run.Stdout);
        Assert.Contains("0 finding(s)", run.Stdout);
    }

    [Fact]
    public void Every_target_makes_the_same_input_from_the_same_seed_and_index()
    {
        var corpus = Corpus.Load(Repo.Root);
        foreach (var target in CaseFactory.Targets)
        {
            var a = new CaseFactory(corpus).Make(target, 7, 12345);
            var b = new CaseFactory(corpus).Make(target, 7, 12345);
            Assert.Equal(a.ToJson(Outcome.Accepted), b.ToJson(Outcome.Accepted));
        }
    }

    [Fact]
    public void A_saved_case_replays_with_its_files_and_arguments()
    {
        var corpus = Corpus.Load(Repo.Root);
        var made = new CaseFactory(corpus).Make("disasm", 3, 99);
        var read = FuzzCase.FromJson(made.ToJson(new Outcome(OutcomeKind.Crash, "detail")));
        Assert.Equal(made.Target, read.Target);
        Assert.Equal(made.Args, read.Args);
        Assert.Equal(made.Files.Select(f => f.Bytes), read.Files.Select(f => f.Bytes));
    }

    [Fact]
    public void An_exception_that_is_not_the_products_own_error_is_a_crash()
    {
        using var scratch = new TempDir();
        var runner = new CaseRunner(Repo.Root, scratch.Root);
        // explain takes no file: a case naming an unknown target throws ArgumentException inside the runner.
        var outcome = runner.Run(new FuzzCase("no-such-target", 1, 0, [], []));
        Assert.Equal(OutcomeKind.Crash, outcome.Kind);
        Assert.StartsWith("System.ArgumentException: unknown target 'no-such-target'", outcome.Detail);
    }

    [Fact]
    public void A_located_error_is_a_rejection_not_a_finding()
    {
        using var scratch = new TempDir();
        var runner = new CaseRunner(Repo.Root, scratch.Root);
        var outcome = runner.Run(new FuzzCase("asm-grammar", 1, 0, [CaseFile.Text("in.s", "mov x0, #((1)\n")], []));
        Assert.Equal(OutcomeKind.Rejected, outcome.Kind);
    }
}
