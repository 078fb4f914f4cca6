namespace A64Asm.EndToEnd.Tests.Generations;

/// <summary>Runs a64asm on a generation case and holds the result against GNU's image.</summary>
static class GenerationBuild
{
    /// <summary>Either the image a64asm wrote, or the first line of what it said when it failed.</summary>
    public sealed record Outcome(byte[]? Image, string? Error);

    public static Outcome Ours(GenerationCase c, string[] args, string output)
    {
        var (status, _, stderr) = Cli.Run(args);
        if (status != 0)
            return new Outcome(null, FirstMessage(stderr) ?? $"exit status {status} with nothing on stderr");
        return File.Exists(output) ? new Outcome(File.ReadAllBytes(output), null) : new Outcome(null, "exit status 0 but no image written");
    }

    static string? FirstMessage(string stderr) =>
        stderr.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Contains("error", StringComparison.OrdinalIgnoreCase))
        ?? stderr.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0);

    /// <summary>
    /// A case not in pending.txt must match; a pending one must still fail, or the list is stale.
    /// </summary>
    public static void Judge(GenerationCase c, string input, Outcome outcome, byte[] gnu, PendingList.Entry? pending)
    {
        string? problem = outcome.Error is { } e ? "a64asm failed: " + e : ImageComparison.FirstDifference(gnu, outcome.Image!);
        if (pending is null)
            Assert.True(problem is null, $"{c.Describe}, {input}: {problem}");
        else
            Assert.True(problem is not null,
                $"{c.Describe}, {input} now matches GNU, but {PendingList.File} line {pending.Line} ('{pending.Name}') still lists it: " +
                "take it off (tools/gen-generations.sh --pending rewrites the list)");
    }
}
