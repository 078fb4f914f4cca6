namespace A64Asm.Verifier.Tests;

/// <summary>The committed blobs are what tools/gen-kexec-blobs.sh makes from the sample with GNU binutils today.</summary>
public class BlobRegenerationTests
{
    [OracleFact]
    public void Committed_blobs_match_a_fresh_binutils_build()
    {
        string dir = Directory.CreateTempSubdirectory("kexec-blobs").FullName;
        try
        {
            Tool.Check("bash", Repo.Path("tools/gen-kexec-blobs.sh"), dir);
            var committed = Directory.GetFiles(Vectors.KexecDir).Select(Path.GetFileName).Order().ToList();
            Assert.Equal(committed, Directory.GetFiles(dir).Select(Path.GetFileName).Order().ToList());
            foreach (var name in committed)
                Assert.True(File.ReadAllBytes(Path.Combine(dir, name!)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(Vectors.KexecDir, name!))),
                    $"{name} differs from a fresh build: run tools/gen-kexec-blobs.sh and commit");
        }
        finally { Directory.Delete(dir, true); }
    }
}
