using A64Asm.Assembler;
using A64Asm.Assembler.Diagnostics;
using A64Asm.Assembler.Elf;

namespace A64Asm.Fuzz;

/// <summary>A source from the repository that mutations start from, with the include folders it needs.</summary>
public sealed record CorpusText(string Name, string Text, bool Preprocess, IReadOnlyList<string> IncludeDirs,
    IReadOnlyList<string> SystemIncludeDirs, IReadOnlyList<string> ForcedIncludes);

/// <summary>
/// What mutations start from, read once per worker: the samples and the vector sources, ELF objects assembled from
/// them, the vector images, and the sample's image with the offsets files a64asm writes for it.
/// </summary>
public sealed class Corpus
{
    public required IReadOnlyList<CorpusText> Texts { get; init; }
    public required IReadOnlyList<byte[]> Objects { get; init; }
    public required IReadOnlyList<byte[]> Images { get; init; }
    public required byte[] SampleImage { get; init; }
    public required string OffsetsJson { get; init; }
    public required string OffsetsHeader { get; init; }
    public required string RepoRoot { get; init; }

    public static Corpus Load(string repoRoot)
    {
        var texts = new List<CorpusText>();
        string sampleInclude = Path.Combine(repoRoot, "samples", "include");
        texts.Add(Read(Path.Combine(repoRoot, "samples", "relocate_kernel.S"), [sampleInclude], [], []));
        foreach (var dir in Directory.GetDirectories(Path.Combine(repoRoot, "samples", "generations")).Order(StringComparer.Ordinal))
        {
            string include = Path.Combine(dir, "include");
            string kconfig = Path.Combine(include, "linux", "kconfig.h");
            string compiler = Path.Combine(include, "compiler");
            texts.Add(Read(Path.Combine(dir, "relocate_kernel.S"), [include, sampleInclude],
                Directory.Exists(compiler) ? [compiler] : [], File.Exists(kconfig) ? [kconfig] : []));
        }
        foreach (var file in Directory.EnumerateFiles(Path.Combine(repoRoot, "tests", "vectors"), "*.*", SearchOption.AllDirectories)
                     .Where(f => f.EndsWith(".s", StringComparison.Ordinal) || f.EndsWith(".S", StringComparison.Ordinal))
                     .Order(StringComparer.Ordinal))
            texts.Add(Read(file, [sampleInclude], [], []));

        var images = Directory.EnumerateFiles(Path.Combine(repoRoot, "tests", "vectors"), "*.bin", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal).Select(File.ReadAllBytes).ToList();
        var objects = texts.Where(t => !t.Preprocess && t.Text.Length < 40_000).Take(12).Select(Assemble).OfType<byte[]>().ToList();
        var (image, json, header) = SampleOutputs(repoRoot);
        return new Corpus
        {
            Texts = texts, Objects = objects, Images = images, SampleImage = image, OffsetsJson = json, OffsetsHeader = header,
            RepoRoot = repoRoot,
        };
    }

    static CorpusText Read(string path, string[] includes, string[] systemIncludes, string[] forced) =>
        new(Path.GetFileName(path), File.ReadAllText(path), path.EndsWith(".S", StringComparison.Ordinal), includes, systemIncludes, forced);

    static byte[]? Assemble(CorpusText text)
    {
        try
        {
            var obj = AsmDriver.AssembleText(text.Name, text.Text, CaseRunner.QuietOptions(text), new CollectingDiagnostics());
            return ElfObjectWriter.Write(obj);
        }
        catch (AsmError)
        {
            return null;   // a vector of error cases: nothing to link
        }
    }

    // The sample built the way a user builds it, so the offsets files are the ones verify reads in practice.
    static (byte[] Image, string Json, string Header) SampleOutputs(string repoRoot)
    {
        string dir = Directory.CreateTempSubdirectory("a64asm-fuzz-corpus-").FullName;
        try
        {
            string source = Path.Combine(repoRoot, "samples", "relocate_kernel.S");
            string include = Path.Combine(repoRoot, "samples", "include");
            string image = Path.Combine(dir, "reloc.bin");
            foreach (var offsets in new[] { "o.json", "o.h" })
            {
                int status = A64Asm.Cli.App.Run([source, "-I", include, "-o", image, "--offsets", Path.Combine(dir, offsets)], TextWriter.Null, TextWriter.Null);
                if (status != 0)
                    throw new InvalidOperationException($"the sample does not build (status {status}); the corpus needs it");
            }
            return (File.ReadAllBytes(image), File.ReadAllText(Path.Combine(dir, "o.json")), File.ReadAllText(Path.Combine(dir, "o.h")));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>The folder holding A64Asm.sln, found upwards from <paramref name="start"/>.</summary>
    public static string? FindRepoRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "A64Asm.sln")))
                return dir.FullName;
        return null;
    }
}
