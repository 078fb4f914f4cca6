using System.Runtime.CompilerServices;

namespace A64Asm.Assembler.Tests.Driver;

internal static class Repo
{
    public static string Root { get; } = FindRoot();

    // From this source file's location: test binaries may be built into an artifacts directory outside the repo.
    private static string FindRoot([CallerFilePath] string thisFile = "")
    {
        foreach (var start in new[] { Path.GetDirectoryName(thisFile), AppContext.BaseDirectory })
            for (var dir = start is null ? null : new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "A64Asm.sln")))
                    return dir.FullName;
        throw new InvalidOperationException("repository root (A64Asm.sln) not found");
    }
}
