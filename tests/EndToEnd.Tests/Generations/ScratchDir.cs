namespace A64Asm.EndToEnd.Tests.Generations;

/// <summary>A temporary folder for one test's outputs, removed afterwards: these tests run a hundred builds a pass.</summary>
sealed class ScratchDir : IDisposable
{
    public string Path { get; } = Repo.TempDir();

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A file still open elsewhere only leaves litter in the temp folder; the test's verdict stands.
        }
    }
}
