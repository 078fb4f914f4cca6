namespace A64Asm.Assembler.Layout.Debug;

/// <summary>
/// The include_directories and file_names of a line table, numbered from 1 as GNU as numbers them: a name's
/// directory part (up to its last '/') becomes a directory entry shared by every file under it, the rest the file's
/// name. A '/' alone in front stays part of the name ("/x.s" has no directory). DWARF 5 adds entry 0 of both: the
/// compilation directory (`.file 0 "dir" "name"`'s, else '.') and the primary file (else file 1's).
/// </summary>
internal sealed class LineFileTable
{
    private readonly List<string> _directories = new();
    private string? _directoryZero;
    // Slot 0 is unused; a null slot is a number .file has not assigned (yet).
    private readonly List<(string Name, int Directory, string Given)?> _files = new() { null };

    public IReadOnlyList<string> Directories => _directories;

    /// <summary>The highest file number in use (0: none).</summary>
    public int Count => _files.Count - 1;

    public (string Name, int Directory)? this[int number] =>
        number >= 0 && number < _files.Count && _files[number] is { } f ? (f.Name, f.Directory) : null;

    public bool IsAssigned(int number) => this[number] is not null;

    /// <summary>What was given for slot <paramref name="number"/> (null: unassigned).</summary>
    public string? GivenName(int number) => number >= 0 && number < _files.Count ? _files[number]?.Given : null;

    /// <summary>The file number for <paramref name="path"/>: an existing entry with the same directory and name, else
    /// a new one at the end (-g, which numbers the files as their first instruction comes).</summary>
    public int Find(string path)
    {
        var (name, directory) = Split(path);
        for (int i = 1; i < _files.Count; i++)
            if (_files[i] is { } f && f.Directory == directory && f.Name == name)
                return i;
        _files.Add((name, directory, path));
        return _files.Count - 1;
    }

    /// <summary>DWARF 5's directory 0: what `.file 0` named, else the compilation directory.</summary>
    public string DirectoryZero(string compilationDirectory) => _directoryZero ?? compilationDirectory;

    /// <summary>DWARF 5's file 0, when `.file 0` named it (else file 1 stands for it).</summary>
    public (string Name, int Directory)? FileZero => _files[0] is { } f ? (f.Name, f.Directory) : null;

    /// <summary>.file N "path" or .file N "dir" "name": slot <paramref name="number"/> takes the file; N = 0 (DWARF 5)
    /// also sets directory 0.</summary>
    public void Assign(int number, string path, string? directoryName = null)
    {
        if (number == 0 && directoryName is not null)
            _directoryZero = directoryName;
        // A directory part of the name itself is its entry, as without a directory (GNU as, `.file 0 "/b" "src/a.c"`).
        var (name, directory) = directoryName is null || path.LastIndexOf('/') > 0 ? Split(path)
            : (path, number == 0 || directoryName == _directoryZero ? 0 : DirectoryIndex(directoryName));
        while (_files.Count <= number)
            _files.Add(null);
        _files[number] = (name, directory, directoryName is null ? path : directoryName + "/" + path);
    }

    /// <summary>-g's own entries go when a .file N says the input brings its own line information.</summary>
    public void Clear()
    {
        _directories.Clear();
        _directoryZero = null;
        _files.RemoveRange(1, _files.Count - 1);
        _files[0] = null;
    }

    /// <summary>The name as a whole: its directory entry, '/', and its name.</summary>
    public string FullName(int number) =>
        this[number] is { } f ? (f.Directory == 0 ? f.Name : _directories[f.Directory - 1] + "/" + f.Name) : "";

    private (string Name, int Directory) Split(string path)
    {
        int slash = path.LastIndexOf('/');
        if (slash <= 0)
            return (path, 0);
        return (path[(slash + 1)..], DirectoryIndex(path[..slash]));
    }

    private int DirectoryIndex(string directory)
    {
        int index = _directories.IndexOf(directory);
        if (index < 0)
        {
            _directories.Add(directory);
            index = _directories.Count - 1;
        }
        return index + 1;
    }
}
