using A64Asm.Verifier.Kexec;

namespace A64Asm.Verifier.Tests;

/// <summary>The committed blobs under tests/vectors/kexec (regenerate with tools/gen-kexec-blobs.sh).</summary>
internal static class Vectors
{
    public static string RepoRoot { get; } = FindRoot();

    public static string KexecDir => Path.Combine(RepoRoot, "tests", "vectors", "kexec");

    public static byte[] Blob(string name) => File.ReadAllBytes(Path.Combine(KexecDir, name + ".bin"));

    public static KexecLayout Layout(string name)
    {
        var parts = File.ReadAllText(Path.Combine(KexecDir, name + ".offsets")).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return new KexecLayout(Convert.ToUInt64(parts[0], 16), Convert.ToUInt64(parts[1], 16));
    }

    public static VerifyReport Verify(string name, VerifyOptions? options = null) =>
        KexecVerifier.Verify(Blob(name), Layout(name), options ?? new VerifyOptions());

    // Builds go to a private artifacts directory outside the tree, so start from this source file's own path.
    private static string FindRoot([System.Runtime.CompilerServices.CallerFilePath] string source = "")
    {
        foreach (var start in new[] { Path.GetDirectoryName(source)!, AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "A64Asm.sln"))) return dir.FullName;
        throw new InvalidOperationException("cannot find the repository root (A64Asm.sln) above " + AppContext.BaseDirectory);
    }
}
