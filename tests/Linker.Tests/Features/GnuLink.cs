namespace A64Asm.Linker.Tests.Features;

/// <summary>
/// One link of GNU as objects, done twice: by aarch64-linux-gnu-ld (+ objcopy -O binary) and by our linker with the
/// same ld options, in one scratch folder that the test can read ld's other outputs (map, ELF) from.
/// </summary>
sealed class GnuLink : IDisposable
{
    public TempDir Dir { get; } = new();
    public List<string> Objects { get; } = new();

    public GnuLink(params string[] sources)
    {
        for (int i = 0; i < sources.Length; i++)
        {
            Gnu.Object(sources[i], Dir, $"o{i}");
            Objects.Add($"o{i}.o");
        }
    }

    /// <summary>Adds an archive made by aarch64-linux-gnu-ar (rcs) from <paramref name="members"/> (name, source).</summary>
    public string Archive(string name, params (string Member, string Source)[] members)
    {
        foreach (var (member, source) in members)
            Gnu.Object(source, Dir, member);
        Tool.CheckIn(Dir.Root, Gnu.Prefix + "ar", ["rcs", name, .. members.Select(m => m.Member + ".o")]);
        return name;
    }

    public LinkerInput Input(string file) => new(file, File.ReadAllBytes(Dir.Path(file)));

    /// <summary>ld with <paramref name="ldArgs"/> then objcopy -O binary over <paramref name="files"/>: the reference image (ld's ELF is ref.elf).</summary>
    public byte[] Reference(IEnumerable<string> files, params string[] ldArgs) => Gnu.LinkFlat(files, Dir, ldArgs);

    /// <summary>Our options for the same ld arguments; a -T script is read from the scratch folder when there is one.</summary>
    public static LinkerOptions Options(params string[] ldArgs) => Options(null, ldArgs);

    public LinkerOptions ScriptOptions(params string[] ldArgs) => Options(Dir, ldArgs);

    private static LinkerOptions Options(TempDir? dir, string[] ldArgs)
    {
        var options = new LinkerOptions();
        for (int i = 0; i < ldArgs.Length; i++)
        {
            if (ldArgs[i] == "--defsym") options.Defsyms.Add(Defsym.Parse(ldArgs[++i]));
            else if (ldArgs[i] == "-T") options.Script = A64Asm.Linker.Script.LinkerScript.Parse(ldArgs[++i], File.ReadAllText(dir!.Path(ldArgs[i])));
            else if (options.TryParseFlag(ldArgs[i], i + 1 < ldArgs.Length ? ldArgs[i + 1] : null, out var consumed) && consumed) i++;
        }
        return options;
    }

    public void Dispose() => Dir.Dispose();
}
