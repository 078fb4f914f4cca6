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
    // DWARF 5 checksums given by `.file N ... md5 V`, by slot; when any is given every entry carries one (zero if none).
    private readonly Dictionary<int, UInt128> _md5 = new();

    /// <summary>Whether the file entries have a DW_LNCT_MD5 column. GNU as gives them one when some checksum's first
    /// byte as written (the low one, or the high one in a big-endian object) is not zero.</summary>
    public bool Md5Column(bool bigEndian) => _md5.Values.Any(v => (bigEndian ? (byte)(v >> 120) : (byte)v) != 0);

    /// <summary>The checksum slot <paramref name="number"/> was given (null: none).</summary>
    public UInt128? GivenMd5(int number) => _md5.TryGetValue(number, out var sum) ? sum : null;

    /// <summary>Slot <paramref name="number"/>'s checksum (zero when it was given none).</summary>
    public UInt128 Md5(int number) => _md5.GetValueOrDefault(number);

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
    public void Assign(int number, string path, string? directoryName = null, UInt128? md5 = null)
    {
        if (md5 is { } sum)
            _md5[number] = sum;
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
        _md5.Clear();
    }

    /// <summary>How GNU as names the file in slot <paramref name="number"/> when another .file wants the slot: its
    /// directory entry (directory 0 only when `.file 0` named one), '/', and its name.</summary>
    public string OccupantName(int number) => this[number] is not { } f ? ""
        : f.Directory > 0 ? _directories[f.Directory - 1] + "/" + f.Name
        : _directoryZero is { } zero ? zero + "/" + f.Name : f.Name;

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
