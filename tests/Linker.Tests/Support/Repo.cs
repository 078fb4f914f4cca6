using System.Runtime.CompilerServices;

namespace A64Asm.Linker.Tests.Support;

/// <summary>
/// Paths in the repository: found above the test binaries, or — when they are built into a private
/// --artifacts-path outside the tree — from where this source file was compiled.
/// </summary>
public static class Repo
{
    public static string Root { get; } = FindRoot();

    public static string Path(string relative) => System.IO.Path.Combine(Root, relative);

    private static string FindRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory, SourceDirectory() })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(System.IO.Path.Combine(dir.FullName, "A64Asm.sln"))) return dir.FullName;
        throw new InvalidOperationException("A64Asm.sln not found above " + AppContext.BaseDirectory);
    }

    private static string SourceDirectory([CallerFilePath] string file = "") => System.IO.Path.GetDirectoryName(file) ?? "/";
}
