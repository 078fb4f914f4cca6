namespace A64Asm.Linker.Input;

/// <summary>
/// The objects of a link, in ld's order: each object file where it is named, and each archive's members that define
/// a symbol still undefined at that point, pulled in as ld pulls them (the index in order, again and again until a
/// pass pulls nothing; an undefined weak reference pulls nothing). A symbol first referenced after an archive is not
/// looked for in it, as in ld without --start-group.
/// </summary>
internal sealed class InputFiles
{
    public List<InputObject> Objects { get; } = new();
    public List<MapArchiveMember> Members { get; } = new();

    private readonly HashSet<string> _defined = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _undefined = new(StringComparer.Ordinal);

    public static InputFiles Load(IReadOnlyList<LinkerInput> inputs)
    {
        var files = new InputFiles();
        foreach (var input in inputs)
        {
            if (Archive.IsArchive(input.Bytes))
                files.Pull(Archive.Read(input.Name, input.Bytes));
            else
                files.Add(InputObject.Read(input));
        }
        return files;
    }

    private void Add(InputObject obj)
    {
        Objects.Add(obj);
        foreach (var symbol in obj.Symbols.Skip(1).Where(s => !s.IsLocal))
        {
            if (!symbol.IsUndefined)
            {
                _defined.Add(symbol.Name);
                _undefined.Remove(symbol.Name);
            }
            else if (!symbol.IsWeak && !_defined.Contains(symbol.Name))
                _undefined.TryAdd(symbol.Name, obj.Name);
        }
    }

    private void Pull(Archive archive)
    {
        var included = new HashSet<ArchiveMember>(ReferenceEqualityComparer.Instance);
        bool pulled;
        do
        {
            pulled = false;
            foreach (var (symbol, member) in archive.Index)
            {
                if (included.Contains(member) || !_undefined.TryGetValue(symbol, out var referencedBy)) continue;
                included.Add(member);
                var name = $"{archive.Name}({member.Name})";
                Members.Add(new MapArchiveMember(name, referencedBy, symbol));
                Add(InputObject.Read(new LinkerInput(name, member.Bytes)));
                pulled = true;
            }
        }
        while (pulled);
    }
}
