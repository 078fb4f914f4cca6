using A64Asm.Verifier.Kexec;

namespace A64Asm.Verifier.Tests;

/// <summary>The committed blobs under tests/vectors/kexec (regenerate with tools/gen-kexec-blobs.sh).</summary>
internal static class Vectors
{
    public static string KexecDir => Repo.Path("tests/vectors/kexec");

    public static byte[] Blob(string name) => File.ReadAllBytes(Path.Combine(KexecDir, name + ".bin"));

    public static KexecLayout Layout(string name)
    {
        var parts = File.ReadAllText(Path.Combine(KexecDir, name + ".offsets")).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return new KexecLayout(Convert.ToUInt64(parts[0], 16), Convert.ToUInt64(parts[1], 16));
    }

    public static VerifyReport Verify(string name, VerifyOptions? options = null) =>
        KexecVerifier.Verify(Blob(name), Layout(name), options ?? new VerifyOptions());
}
