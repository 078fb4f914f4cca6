namespace A64Asm.EndToEnd.Tests;

/// <summary>A subcommand's help shows its own usage and arguments, not the assembler's FILE (issue 15).</summary>
public class SubcommandHelpTests
{
    [Theory]
    [InlineData("verify", "a64asm verify <image> [options]")]
    [InlineData("link", "a64asm link <objects>... [options]")]
    [InlineData("disasm", "a64asm disasm <file> [options]")]
    [InlineData("explain", "a64asm explain <instruction> [options]")]
    [InlineData("serve", "a64asm serve [options]")]
    public void Usage_names_only_the_subcommands_arguments(string command, string usage)
    {
        var (status, stdout, _) = Cli.Run(command, "--help");
        Assert.Equal(0, status);
        var lines = stdout.Replace("\r", "").Split('\n');
        // The program's own name comes first (the test host's, in process).
        string line = lines[Array.IndexOf(lines, "Usage:") + 1].Trim();
        Assert.Equal(usage["a64asm ".Length..], line[(line.IndexOf(' ') + 1)..]);
        Assert.DoesNotContain("Assembly source", stdout);
    }

    [Fact]
    public void The_assemblers_own_help_still_names_its_file()
    {
        var (status, stdout, _) = Cli.Run("--help");
        Assert.Equal(0, status);
        Assert.Contains("<file>  Assembly source (.S is run through the built-in C preprocessor)", stdout);
    }
}
