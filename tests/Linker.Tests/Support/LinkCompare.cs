using A64Asm.Linker;

namespace A64Asm.Linker.Tests.Support;

/// <summary>Assembles sources with GNU as, links them with our linker and with GNU ld + objcopy, and compares.</summary>
public static class LinkCompare
{
    public static LinkedImage SameAsGnu(string[] sources, params string[] ldArgs)
    {
        using var dir = new TempDir();
        var names = new List<string>();
        var inputs = new List<LinkerInput>();
        for (int i = 0; i < sources.Length; i++)
        {
            var name = $"o{i}";
            inputs.Add(new LinkerInput(name + ".o", Gnu.Object(sources[i], dir, name)));
            names.Add(name + ".o");
        }
        var options = new LinkerOptions();
        var args = ldArgs.Length == 0 ? ["-Ttext=0"] : ldArgs;
        for (int i = 0; i < args.Length; i++)
            if (options.TryParseFlag(args[i], i + 1 < args.Length ? args[i + 1] : null, out var consumed) && consumed)
                i++;

        var expected = Gnu.LinkFlat(names, dir, ["-e", "0", .. args]);
        var image = A64Asm.Linker.Linker.Link(inputs, options);
        ImageComparison.AssertSame(expected, image.Flat);
        return image;
    }

    /// <summary>Assembles sources with GNU as and links them with ours only (for error tests).</summary>
    public static LinkedImage Ours(string[] sources, LinkerOptions? options = null)
    {
        using var dir = new TempDir();
        var inputs = sources.Select((s, i) => new LinkerInput($"o{i}.o", Gnu.Object(s, dir, $"o{i}"))).ToList();
        return A64Asm.Linker.Linker.Link(inputs, options ?? new LinkerOptions());
    }
}
