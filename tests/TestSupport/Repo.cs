using System.Runtime.CompilerServices;

namespace A64Asm.TestSupport;

/// <summary>Paths into the repository, for every test project.</summary>
public static class Repo
{
    public static string Root { get; } = FindRoot();

    public static string Path(string relative) => System.IO.Path.Combine(Root, relative);

    // The test binaries may be built into an --artifacts-path outside the tree, so this source file's own path
    // (compiled in) is tried first.
    private static string FindRoot([CallerFilePath] string thisFile = "")
    {
        foreach (var start in new[] { System.IO.Path.GetDirectoryName(thisFile) ?? "", AppContext.BaseDirectory, Environment.CurrentDirectory })
            for (var dir = start.Length == 0 ? null : new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(System.IO.Path.Combine(dir.FullName, "A64Asm.sln")))
                    return dir.FullName;
        throw new InvalidOperationException("A64Asm.sln not found above " + AppContext.BaseDirectory);
    }
}
