namespace A64Asm.Serve.Tests;

/// <summary>Runs the CLI in-process from the repository's root, capturing its streams: what the API must match.</summary>
static class Cli
{
    public static (int Status, string Stdout, string Stderr) Run(params string[] args)
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        string cwd = Environment.CurrentDirectory;
        lock (typeof(Cli))
        {
            Environment.CurrentDirectory = Repo.Root;
            try
            {
                int status = A64Asm.Cli.App.Run(args, stdout, stderr);
                return (status, stdout.ToString(), stderr.ToString());
            }
            finally
            {
                Environment.CurrentDirectory = cwd;
            }
        }
    }
}
