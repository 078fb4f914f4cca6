using System.Reflection;
using System.Text;

namespace A64Asm.Cli.Serve;

/// <summary>
/// What the server needs inside the executable (EmbeddedResource in A64Asm.Cli.csproj): the pages under serve/ and the
/// sample with its headers under samples/, by the paths they have in the repository.
/// </summary>
public static class BundledFiles
{
    public const string SamplePath = "samples/relocate_kernel.S";
    public const string SampleIncludeDir = "samples/include";

    static readonly Assembly Self = typeof(BundledFiles).Assembly;

    /// <summary>The sample and its headers: path → text.</summary>
    public static readonly IReadOnlyDictionary<string, string> Sources = Self.GetManifestResourceNames()
        .Where(n => n.StartsWith("samples/", StringComparison.Ordinal))
        .ToDictionary(n => n, n => Encoding.UTF8.GetString(Read(n)!), StringComparer.Ordinal);

    public static string Sample => Sources[SamplePath];

    /// <summary>A page file (index.html, app.js, style.css), or null.</summary>
    public static byte[]? Page(string name) =>
        name.Contains('/') || name.Contains('\\') ? null : Read("serve/" + name);

    static byte[]? Read(string resource)
    {
        using var stream = Self.GetManifestResourceStream(resource);
        if (stream is null) return null;
        var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        return bytes.ToArray();
    }

    /// <summary>
    /// The assembler's file reader for the server: the bundled headers and the request's own source, looked up by
    /// path, never the host's files.
    /// </summary>
    public static Func<string, string?> Reader(string mainPath, string mainText) => path =>
    {
        string normal = Normalize(path);
        return normal == mainPath ? mainText : Sources.GetValueOrDefault(normal);
    };

    /// <summary>"samples/include/./asm/../asm/page.h" → "samples/include/asm/page.h"; a path above the root stays unmatched.</summary>
    static string Normalize(string path)
    {
        var parts = new List<string>();
        foreach (var part in path.Split('/'))
        {
            if (part is "" or ".") continue;
            if (part == "..")
            {
                if (parts.Count == 0) return "/";
                parts.RemoveAt(parts.Count - 1);
                continue;
            }
            parts.Add(part);
        }
        return string.Join('/', parts);
    }
}
