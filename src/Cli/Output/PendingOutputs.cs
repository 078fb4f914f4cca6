using A64Asm.Assembler.Diagnostics;

namespace A64Asm.Cli.Output;

/// <summary>
/// The files one run writes, all or nothing. Each target is checked when it is declared, before any work (its folder
/// exists, it is not a folder, no other option names it) and gets an empty temporary file beside it, so a path that
/// cannot be written fails the run before anything is assembled. Contents are set as the run produces them; only
/// <see cref="Commit"/>, called once the whole run has succeeded, renames each temporary over its target. Disposing
/// without committing removes the temporaries: a failing run leaves every existing output byte for byte as it was.
/// Special files (/dev/null, a FIFO) are written in place at commit instead: renaming over one would replace it.
/// </summary>
public sealed class PendingOutputs : IDisposable
{
    private sealed class Target(string option, string path, string fullPath)
    {
        public string Option { get; } = option;
        public string Path { get; } = path;
        public string FullPath { get; } = fullPath;
        /// <summary>Null for a special file, written in place.</summary>
        public string? Temporary { get; set; }
        public byte[]? Contents { get; set; }
        /// <summary>An ELF executable: a new file gets the execute bits ld gives it.</summary>
        public bool Executable { get; set; }
    }

    private readonly List<Target> _targets = new();
    private readonly HashSet<string> _inputs = new(StringComparer.Ordinal);
    private bool _committed;

    /// <summary>An input of the run: an output naming it is refused (the run would overwrite what it reads).</summary>
    public void Input(string path) => _inputs.Add(Path.GetFullPath(path));

    /// <summary>Declares the output <paramref name="option"/> names and returns the handle to give its contents to.</summary>
    /// <exception cref="UsageError">The path is a folder, in a folder that does not exist, an input, or already an output.</exception>
    /// <exception cref="CliError">The temporary file beside it cannot be created (permissions, a full disk).</exception>
    public int Declare(string option, string path)
    {
        string full = Path.GetFullPath(path);
        // Through a symlink the file it points at is what gets replaced, and the link stays.
        if (File.Exists(full) && new FileInfo(full).LinkTarget is not null)
            full = File.ResolveLinkTarget(full, returnFinalTarget: true)?.FullName ?? full;
        if (_inputs.Contains(full))
            throw new UsageError($"{option}: '{path}' is also an input");
        if (_targets.FirstOrDefault(t => t.FullPath == full) is { } other)
            throw new UsageError($"{option}: '{path}' is also the {other.Option} output");
        var kind = FileKind.Of(full);
        if (kind == PathKind.Directory)
            throw new UsageError($"{option}: '{path}' is a directory");
        string folder = Path.GetDirectoryName(full) ?? ".";
        if (!Directory.Exists(folder))
            throw new UsageError($"{option}: cannot write '{path}': No such file or directory");
        var target = new Target(option, path, full);
        if (kind != PathKind.Special)
            target.Temporary = CreateTemporary(target, folder);
        _targets.Add(target);
        return _targets.Count - 1;
    }

    public void Set(int handle, byte[] contents) => _targets[handle].Contents = contents;

    public void SetText(int handle, string text) => Set(handle, System.Text.Encoding.UTF8.GetBytes(text));

    /// <summary>The output is a program (ld's ELF executable): a new file is made executable, as ld makes it.</summary>
    public void SetExecutable(int handle) => _targets[handle].Executable = true;

    /// <summary>Writes every temporary, then renames each over its target and writes special files in place.</summary>
    public void Commit()
    {
        foreach (var t in _targets.Where(t => t.Temporary is not null))
            Write(t, t.Temporary!, FileMode.Truncate);
        foreach (var t in _targets)
        {
            if (t.Temporary is null)
            {
                Write(t, t.FullPath, FileMode.Open);
                continue;
            }
            if (!KeepPermissions(t) && t.Executable)
                MakeExecutable(t.Temporary);
            File.Move(t.Temporary, t.FullPath, overwrite: true);
            t.Temporary = null;
        }
        _committed = true;
    }

    public IEnumerable<string> Paths => _targets.Select(t => t.Path);

    public void Dispose()
    {
        if (_committed) return;
        foreach (var t in _targets.Where(t => t.Temporary is not null))
        {
            try { File.Delete(t.Temporary!); }
            catch (IOException) { /* nothing else a failing run can do; the target is untouched either way */ }
            catch (UnauthorizedAccessException) { }
        }
    }

    private static string CreateTemporary(Target target, string folder)
    {
        string name = Path.GetFileName(target.FullPath);
        for (int attempt = 0; ; attempt++)
        {
            string tmp = Path.Combine(folder, $".{name}.{Environment.ProcessId}.{attempt}.tmp");
            try
            {
                // CreateNew: a file of that name that is not ours is never truncated.
                new FileStream(tmp, FileMode.CreateNew, FileAccess.Write, FileShare.None).Dispose();
                return tmp;
            }
            catch (IOException) when (File.Exists(tmp) && attempt < 100)
            {
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new CliError($"{target.Option}: cannot write '{target.Path}': {Reason(e)}");
            }
        }
    }

    private static void Write(Target t, string path, FileMode mode)
    {
        try
        {
            // A special file is shared with whoever reads it (a FIFO's reader holds it open): no lock is taken there.
            using var fs = new FileStream(path, mode, FileAccess.Write, mode == FileMode.Open ? FileShare.ReadWrite : FileShare.None);
            fs.Write(t.Contents ?? []);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliError($"{t.Option}: cannot write '{t.Path}': {Reason(e)}");
        }
    }

    /// <summary>A file replaced by a build keeps the mode it had (an executable bit, a group's write). False when
    /// there was no file to keep the mode of.</summary>
    private static bool KeepPermissions(Target t)
    {
        if (OperatingSystem.IsWindows() || !File.Exists(t.FullPath)) return false;
        try { File.SetUnixFileMode(t.Temporary!, File.GetUnixFileMode(t.FullPath)); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
        return true;
    }

    /// <summary>ld creates a program with mode 0777 less the umask: the new file already has 0666 less the umask, so
    /// each class that may read it may now execute it. Without the bit, qemu-aarch64 and the shell refuse to run it.</summary>
    private static void MakeExecutable(string path)
    {
        if (OperatingSystem.IsWindows()) return;
        try
        {
            var mode = File.GetUnixFileMode(path);
            if ((mode & UnixFileMode.UserRead) != 0) mode |= UnixFileMode.UserExecute;
            if ((mode & UnixFileMode.GroupRead) != 0) mode |= UnixFileMode.GroupExecute;
            if ((mode & UnixFileMode.OtherRead) != 0) mode |= UnixFileMode.OtherExecute;
            File.SetUnixFileMode(path, mode);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
    }

    private static string Reason(Exception e) => e switch
    {
        UnauthorizedAccessException => "Permission denied",
        DirectoryNotFoundException => "No such file or directory",
        _ => e.Message,
    };
}
