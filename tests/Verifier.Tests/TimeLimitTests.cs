using System.Diagnostics;
using A64Asm.Verifier.Kexec;

namespace A64Asm.Verifier.Tests;

/// <summary>The wall-clock bound (issue 16): a run that will not end stops near the limit with its own finding, whatever
/// the step bound.</summary>
public class TimeLimitTests
{
    // b . : a loop that never reaches kimage_start.
    static readonly byte[] BranchToSelf = [0x00, 0x00, 0x00, 0x14];

    [Fact]
    public void A_loop_stops_at_the_time_limit_with_a_timeout_finding()
    {
        var clock = Stopwatch.StartNew();
        var report = KexecVerifier.Verify(BranchToSelf, new KexecLayout(0, 0), new VerifyOptions
        {
            Convention = KexecConvention.RegisterArguments,
            Pages = 4,
            MaxSteps = long.MaxValue,
            TimeLimit = TimeSpan.FromSeconds(1),
        });
        Assert.InRange(clock.Elapsed.TotalSeconds, 1, 15);
        Assert.False(report.Passed);
        var f = Assert.Single(report.Findings);
        Assert.Equal(FindingIds.Timeout, f.Id);
        Assert.Equal(0x7FF0_0000UL, f.Pc);
        Assert.StartsWith("no branch to kimage_start within the time limit of 1 s (", f.Summary);
        Assert.EndsWith(" instructions)", f.Summary);
        Assert.True(report.Instructions > 0);
    }

    [Fact]
    public void Without_a_time_limit_the_step_bound_still_ends_the_run()
    {
        var report = KexecVerifier.Verify(BranchToSelf, new KexecLayout(0, 0), new VerifyOptions
        {
            Convention = KexecConvention.RegisterArguments,
            Pages = 4,
            MaxSteps = 100_000,
        });
        var f = Assert.Single(report.Findings);
        Assert.Equal(FindingIds.StepLimit, f.Id);
        // The block engine finishes the block it is in: a few instructions past the bound.
        Assert.InRange(report.Instructions, 100_000, 101_000);
    }
}
