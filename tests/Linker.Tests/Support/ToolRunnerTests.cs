namespace A64Asm.Linker.Tests.Support;

/// <summary>TestSupport's runner, which every oracle test of every project goes through.</summary>
public class ToolRunnerTests
{
    [Fact]
    public void Status_stdout_and_stderr_are_captured_apart()
    {
        var run = Tool.Run("/bin/sh", "-c", "printf 'out\\n'; printf 'err\\n' >&2; exit 3");
        Assert.Equal((3, "out\n", "err\n"), (run.Status, run.Stdout, run.Stderr));
    }

    [Fact]
    public void Runs_in_the_folder_given_and_in_the_repository_otherwise()
    {
        using var dir = new TempDir();
        Assert.Equal(new DirectoryInfo(dir.Root).FullName + "\n", Tool.RunIn(dir.Root, "/bin/sh", "-c", "pwd -P").Stdout);
        Assert.Equal(new DirectoryInfo(Repo.Root).FullName + "\n", Tool.Run("/bin/sh", "-c", "pwd -P").Stdout);
    }

    [Fact]
    public void Check_fails_the_test_with_the_command_and_its_stderr()
    {
        var e = Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => Tool.Check("/bin/sh", "-c", "echo broken >&2; exit 1"));
        Assert.StartsWith("/bin/sh -c echo broken >&2; exit 1 failed (1):\nbroken\n", e.Message);
    }

    [Fact]
    public void A_program_not_on_PATH_fails_the_test_and_never_lets_it_pass()
    {
        var e = Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => Tool.Run("a64asm-no-such-oracle"));
        Assert.StartsWith(OracleTools.InCi
            ? "CI=true but a64asm-no-such-oracle not found on PATH"
            : "a64asm-no-such-oracle not found on PATH: a test that runs it must carry [OracleFact]/[OracleTheory]", e.Message);
    }
}
