namespace A64Asm.TestSupport;

/// <summary>A scratch folder for one test, removed when disposed.</summary>
public sealed class TempDir : IDisposable
{
    public string Root { get; } = Create();

    public string Path(string name) => System.IO.Path.Combine(Root, name);

    /// <summary>Writes <paramref name="bytes"/> to <paramref name="name"/> in this folder and returns the name.</summary>
    public string Write(string name, byte[] bytes)
    {
        File.WriteAllBytes(Path(name), bytes);
        return name;
    }

    /// <summary>A new empty folder under the system's temp folder that nothing removes (for tests that leave the
    /// outputs to look at).</summary>
    public static string Create()
    {
        string dir = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "a64asm-test-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(dir);
        return dir;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A file still open elsewhere only leaves litter in the temp folder; the test's verdict stands.
        }
    }
}
