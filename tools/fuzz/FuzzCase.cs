using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace A64Asm.Fuzz;

/// <summary>One file a case writes before it runs (a source, an object, an image, an offsets file).</summary>
public sealed record CaseFile(string Name, byte[] Bytes)
{
    public static CaseFile Text(string name, string text) => new(name, Encoding.UTF8.GetBytes(text));
}

/// <summary>
/// One generated input: which target runs it, its files and its arguments. <see cref="Seed"/> and <see cref="Index"/>
/// regenerate it; the saved form (<see cref="ToJson"/>) replays it even after the generators change.
/// </summary>
public sealed record FuzzCase(string Target, ulong Seed, long Index, IReadOnlyList<CaseFile> Files, IReadOnlyList<string> Args)
{
    public string ToJson(Outcome outcome)
    {
        var files = new JsonArray();
        foreach (var f in Files)
        {
            var node = new JsonObject { ["name"] = f.Name };
            if (IsPlainText(f.Bytes))
                node["text"] = Encoding.UTF8.GetString(f.Bytes);
            else
                node["base64"] = Convert.ToBase64String(f.Bytes);
            files.Add(node);
        }
        var json = new JsonObject
        {
            ["target"] = Target,
            ["seed"] = Seed,
            ["index"] = Index,
            ["outcome"] = outcome.Kind.ToString(),
            ["detail"] = outcome.Detail,
            ["args"] = new JsonArray(Args.Select(a => (JsonNode?)JsonValue.Create(a)).ToArray()),
            ["files"] = files,
        };
        return json.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    public static FuzzCase FromJson(string text)
    {
        var json = JsonNode.Parse(text) ?? throw new InvalidDataException("empty case file");
        var files = json["files"]!.AsArray().Select(f => new CaseFile(
            f!["name"]!.GetValue<string>(),
            f["text"] is { } t ? Encoding.UTF8.GetBytes(t.GetValue<string>()) : Convert.FromBase64String(f["base64"]!.GetValue<string>())));
        return new FuzzCase(json["target"]!.GetValue<string>(), json["seed"]!.GetValue<ulong>(), json["index"]!.GetValue<long>(),
            files.ToList(), json["args"]!.AsArray().Select(a => a!.GetValue<string>()).ToList());
    }

    // JSON keeps text readable for a maintainer; anything that would not survive a UTF-8 round trip goes as base64.
    static bool IsPlainText(byte[] bytes)
    {
        if (bytes.Contains((byte)0)) return false;
        try
        {
            return new UTF8Encoding(false, true).GetString(bytes) is { } s && Encoding.UTF8.GetByteCount(s) == bytes.Length;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}

public enum OutcomeKind
{
    /// <summary>The product took the input.</summary>
    Accepted,
    /// <summary>The product refused it with its own located error (AsmError, LinkError, CliError) or a one-line CLI error.</summary>
    Rejected,
    /// <summary>Any other exception, or a stack trace printed by the CLI.</summary>
    Crash,
    /// <summary>Ran past the per-input wall-clock limit.</summary>
    Hang,
    /// <summary>OutOfMemoryException, or the process grew past the memory limit.</summary>
    Memory,
    /// <summary>A failed CLI run changed, replaced or left beside an output that existed before it.</summary>
    Clobbered,
    /// <summary>A failed CLI run printed no error, or one not in the GNU form.</summary>
    BadMessage,
    /// <summary>The worker process died (stack overflow, signal) while running the input.</summary>
    Died,
}

public sealed record Outcome(OutcomeKind Kind, string Detail = "")
{
    public bool IsFinding => Kind is not (OutcomeKind.Accepted or OutcomeKind.Rejected);

    public static readonly Outcome Accepted = new(OutcomeKind.Accepted);
    public static readonly Outcome Rejected = new(OutcomeKind.Rejected);
}
