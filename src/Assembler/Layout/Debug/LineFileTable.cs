namespace A64Asm.Assembler.Layout.Debug;

/// <summary>
/// The include_directories and file_names of a DWARF 2-4 line table, numbered from 1 as GNU as numbers them: a
/// name's directory part (up to its last '/') becomes a directory entry shared by every file under it, the rest
/// the file's name. A '/' alone in front stays part of the name ("/x.s" has no directory).
/// </summary>
internal sealed class LineFileTable
{
    private readonly List<string> _directories = new();
    // Slot 0 is unused; a null slot is a number .file has not assigned (yet).
    private readonly List<(string Name, int Directory, string Given)?> _files = new() { null };

    public IReadOnlyList<string> Directories => _directories;

    /// <summary>The highest file number in use (0: none).</summary>
    public int Count => _files.Count - 1;

    public (string Name, int Directory)? this[int number] =>
        number > 0 && number < _files.Count && _files[number] is { } f ? (f.Name, f.Directory) : null;

    public bool IsAssigned(int number) => this[number] is not null;

    /// <summary>What was given for slot <paramref name="number"/> (null: unassigned).</summary>
    public string? GivenName(int number) => number > 0 && number < _files.Count ? _files[number]?.Given : null;

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

    /// <summary>.file N "path": slot <paramref name="number"/> takes the file.</summary>
    public void Assign(int number, string path)
    {
        var (name, directory) = Split(path);
        while (_files.Count <= number)
            _files.Add(null);
        _files[number] = (name, directory, path);
    }

    /// <summary>-g's own entries go when a .file N says the input brings its own line information.</summary>
    public void Clear()
    {
        _directories.Clear();
        _files.RemoveRange(1, _files.Count - 1);
    }

    /// <summary>The name as a whole: its directory entry, '/', and its name.</summary>
    public string FullName(int number) =>
        this[number] is { } f ? (f.Directory == 0 ? f.Name : _directories[f.Directory - 1] + "/" + f.Name) : "";

    private (string Name, int Directory) Split(string path)
    {
        int slash = path.LastIndexOf('/');
        if (slash <= 0)
            return (path, 0);
        string directory = path[..slash];
        int index = _directories.IndexOf(directory);
        if (index < 0)
        {
            _directories.Add(directory);
            index = _directories.Count - 1;
        }
        return (path[(slash + 1)..], index + 1);
    }
}
