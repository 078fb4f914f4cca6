namespace A64Asm.Cli.Output;

/// <summary>
/// A run's outputs (image or object, offsets, listing), written together or not at all: each is written to a
/// temporary file beside its target as soon as it is known, and <see cref="Commit"/> renames them over their targets
/// only once the whole run has succeeded. A run that fails later (a second output's folder missing, --verify finding
/// a fault) leaves every earlier file as it was; <see cref="Dispose"/> removes the temporary files.
/// </summary>
public sealed class StagedOutputs : IDisposable
{
    readonly List<(string Temp, string Target)> _staged = [];

    public void Add(string path, ReadOnlySpan<byte> bytes)
    {
        string full = Path.GetFullPath(path);
        if (Directory.Exists(full))
            throw new CliError($"cannot open output file {path}: Is a directory");
        string dir = Path.GetDirectoryName(full) ?? ".";
        if (!Directory.Exists(dir))
            throw new CliError($"cannot open output file {path}: No such file or directory");
        string temp = Path.Combine(dir, $".{Path.GetFileName(full)}.{Environment.ProcessId}.{_staged.Count}.tmp");
        try
        {
            using var fs = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None);
            fs.Write(bytes);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
        _staged.Add((temp, full));
    }

    public void AddText(string path, string text) => Add(path, System.Text.Encoding.UTF8.GetBytes(text));

    /// <summary>Puts every staged output in place, in the order they were added.</summary>
    public void Commit()
    {
        foreach (var (temp, target) in _staged)
            File.Move(temp, target, overwrite: true);
        _staged.Clear();
    }

    public void Dispose()
    {
        foreach (var (temp, _) in _staged)
        {
            try
            {
                File.Delete(temp);
            }
            catch (IOException)
            {
                // Best effort: the run's own error is what the user needs to see.
            }
        }
        _staged.Clear();
    }
}
