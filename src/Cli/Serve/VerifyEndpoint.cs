using System.CommandLine;
using System.Text.Json;
using A64Asm.Cli.Commands;
using A64Asm.Linker.Kexec;

namespace A64Asm.Cli.Serve;

/// <summary>
/// POST /api/verify: {"sample": true} or {"source": text, "name": "x.S"} (assembled here, as <c>a64asm FILE.S --verify</c>
/// does, so each finding names its source line) or {"image": base64, "offsets": the --offsets JSON}, with
/// {"options": {"caches": "on", ...}} spelled as verify's options are. The report is VerifyReport's JSON, as
/// <c>--json</c> prints it; the run is VerifyRunner's.
/// </summary>
public static class VerifyEndpoint
{
    public static readonly string[] Fields = ["sample", "source", "name", "image", "offsets", "options"];
    public const int MostImageBytes = 16 << 20;

    /// <summary>verify's options a request may set. Not --kimage-fields (it reads a file of the host), --json (always on) or
    /// --max-kimage-size (the server keeps the CLI's limit).</summary>
    static readonly HashSet<string> ValueOptions = ["page-size", "pages", "seed", "caches", "dcache", "icache", "mmu", "el", "max-steps",
        "timeout", "convention", "mmu-at-entry"];
    static readonly HashSet<string> FlagOptions = ["matrix", "el2-stub", "big-endian"];
    const string ListOption = "kimage-field";

    public static byte[] Run(ApiRequest request, TimeSpan timeLimit)
    {
        var settings = Settings(request, timeLimit);
        string which = request.OneOf("sample", "source", "image");
        ServedAssembly? assembly = null;
        string report;
        if (which == "image")
        {
            if (request.Has("name"))
                throw ApiError.BadRequest("\"name\" goes with \"source\"");
            byte[] image = request.Base64("image", MostImageBytes);
            KexecOffsets? kexec = null;
            if (request.String("offsets") is { } offsetsText)
            {
                if (!KexecOffsetsReader.TryParse(offsetsText, "offsets", out var parsed, out string error))
                    throw ApiError.BadRequest($"\"offsets\": not an offsets file: {error}");
                kexec = parsed;
            }
            else if (settings.Convention is null)
                throw ApiError.BadRequest("an image needs \"offsets\" (what a64asm --offsets wrote) or the option \"convention\"");
            report = Report(w => VerifyRunner.Run(image, kexec, "offsets", settings, w));
        }
        else
        {
            if (request.Has("offsets"))
                throw ApiError.BadRequest("\"offsets\" goes with \"image\"; an assembled source has its own");
            var (name, text) = AssembleEndpoint.Source(request);
            assembly = ServedAssembly.Run(name, text);
            if (assembly.Errors.Count > 0 || assembly.Linked is null)
                return AssemblyFailed(assembly);
            var linked = assembly.Linked;
            var lines = ImageLines.Of(assembly.Lines, linked, name, linked.BaseAddress);
            report = Report(w => VerifyRunner.Run(linked.Flat, assembly.Kexec, "--verify", settings, w, sourceLines: lines));
        }
        return JsonReply.Build(w =>
        {
            w.WriteStartObject();
            w.WritePropertyName("report");
            w.WriteRawValue(report);
            if (assembly is not null)
            {
                w.WriteStartObject("assembly");
                AssembleEndpoint.WriteAssembly(w, assembly);
                w.WriteEndObject();
            }
            w.WriteEndObject();
        });
    }

    static string Report(Action<TextWriter> run)
    {
        var text = new StringWriter { NewLine = "\n" };
        run(text);
        return text.ToString();
    }

    /// <summary>A source that does not assemble or link is not verified: the reply says why, as /api/assemble would.</summary>
    static byte[] AssemblyFailed(ServedAssembly assembly) => JsonReply.Build(w =>
    {
        w.WriteStartObject();
        w.WriteString("error", assembly.Errors.Count > 0 ? "the source has errors; nothing was verified" : $"the source does not link: {assembly.LinkError}");
        w.WriteStartObject("assembly");
        AssembleEndpoint.WriteAssembly(w, assembly);
        w.WriteEndObject();
        w.WriteEndObject();
    });

    /// <summary>
    /// The options as the command line would give them, read and checked by verify's own option set
    /// (VerifyOptionSet.Validate), so a bad value is refused with the CLI's message.
    /// </summary>
    static VerifySettings Settings(ApiRequest request, TimeSpan timeLimit)
    {
        var args = new List<string>();
        bool timeout = false;
        foreach (var option in request.Object("options"))
        {
            string name = option.Name;
            var value = option.Value;
            if (FlagOptions.Contains(name))
            {
                if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                    throw ApiError.BadRequest($"option \"{name}\" must be true or false");
                if (value.ValueKind == JsonValueKind.True) args.Add("--" + name);
            }
            else if (ValueOptions.Contains(name))
            {
                string text = value.ValueKind switch
                {
                    JsonValueKind.String => value.GetString()!,
                    JsonValueKind.Number => value.GetRawText(),
                    _ => throw ApiError.BadRequest($"option \"{name}\" must be a string or a number"),
                };
                if (name == "timeout")
                {
                    timeout = true;
                    if (!double.TryParse(text, out double seconds) || seconds > timeLimit.TotalSeconds)
                        throw ApiError.BadRequest($"option \"timeout\": '{text}' is more than the server's limit of {timeLimit.TotalSeconds:0} s");
                }
                args.Add("--" + name);
                args.Add(text);
            }
            else if (name == ListOption)
            {
                if (value.ValueKind != JsonValueKind.Array || value.EnumerateArray().Any(v => v.ValueKind != JsonValueKind.String))
                    throw ApiError.BadRequest($"option \"{name}\" must be an array of strings (NAME=OFF)");
                foreach (var v in value.EnumerateArray())
                {
                    args.Add("--" + name);
                    args.Add(v.GetString()!);
                }
            }
            else
            {
                throw ApiError.BadRequest($"unknown option \"{name}\" (expected {string.Join(", ", ValueOptions.Concat(FlagOptions).Append(ListOption).Order().Select(o => $"\"{o}\""))})");
            }
        }
        // The verifier's own clock stops the run inside the server's limit.
        if (!timeout)
        {
            args.Add("--timeout");
            args.Add(((int)Math.Max(1, timeLimit.TotalSeconds)).ToString());
        }
        args.Add("--json");
        var set = new VerifyOptionSet();
        var command = new Command("verify");
        foreach (var o in set.All)
            command.Add(o);
        var parse = command.Parse(args);
        if (CommandLineErrors.Find(parse) is { Count: > 0 } problems)
            throw ApiError.BadRequest(problems[0]);
        return set.Validate(parse, null);
    }
}
