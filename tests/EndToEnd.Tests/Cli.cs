namespace A64Asm.EndToEnd.Tests;

/// <summary>Runs the CLI in-process, capturing its streams.</summary>
static class Cli
{
    public static (int Status, string Stdout, string Stderr) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
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
