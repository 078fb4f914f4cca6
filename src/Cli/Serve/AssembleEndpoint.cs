using System.Text.Json;
using A64Asm.Assembler.Diagnostics;

namespace A64Asm.Cli.Serve;

/// <summary>
/// POST /api/assemble {"source": text, "name": "x.S"} or {"sample": true}: each source line's bytes, the errors as the
/// CLI prints them, and for a source that links, the image's sections and kexec offsets.
/// </summary>
public static class AssembleEndpoint
{
    public static readonly string[] Fields = ["source", "name", "sample"];

    /// <summary>Lines listed in a reply: a megabyte of .rept can make millions, and the reply must stay small.</summary>
    public const int MostLines = 20_000;

    /// <summary>Bytes shown for one line: a .fill or a .rept body is one line of any size.</summary>
    public const int MostLineBytes = 64;

    public static byte[] Run(ApiRequest request)
    {
        var (name, text) = Source(request);
        var run = ServedAssembly.Run(name, text);
        return JsonReply.Build(w =>
        {
            w.WriteStartObject();
            WriteAssembly(w, run);
            w.WriteEndObject();
        });
    }

    /// <summary>The request's source: the bundled sample, or the text given under a checked name.</summary>
    public static (string Name, string Text) Source(ApiRequest request)
    {
        if (request.OneOf("source", "sample") == "sample")
        {
            if (!request.Bool("sample"))
                throw ApiError.BadRequest("\"sample\" must be true when given");
            if (request.Has("name"))
                throw ApiError.BadRequest("\"name\" goes with \"source\"; the sample is named " + BundledFiles.SamplePath);
            return (BundledFiles.SamplePath, BundledFiles.Sample);
        }
        string name = request.String("name") ?? "input.S";
        bool plain = name.Length is > 2 and <= 100 && (name.EndsWith(".S", StringComparison.Ordinal) || name.EndsWith(".s", StringComparison.Ordinal))
            && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' or '/')
            && !name.StartsWith('/') && !name.Split('/').Contains("..");
        if (!plain)
            throw ApiError.BadRequest($"\"name\": '{name}' is not a relative file name ending in .S or .s (letters, digits, . _ - /; at most 100 characters)");
        return (name, request.String("source")!);
    }

    public static void WriteAssembly(Utf8JsonWriter w, ServedAssembly run)
    {
        w.WriteString("file", run.Name);
        w.WriteBoolean("ok", run.Errors.Count == 0);
        w.WriteStartArray("errors");
        foreach (var e in run.Errors)
        {
            w.WriteStartObject();
            if (e.Location?.Pos is { } pos)
            {
                w.WriteString("file", pos.File.DisplayPath);
                w.WriteNumber("line", pos.Line);
                w.WriteNumber("column", pos.Column);
            }
            w.WriteString("message", e.Message);
            // What the CLI prints for this error: file:line:col: error: message, the line, the caret, the chain.
            w.WriteString("text", DiagnosticRenderer.Render(Severity.Error, e.Location, e.Message));
            w.WriteEndObject();
        }
        w.WriteEndArray();
        WriteStrings(w, "warnings", run.Warnings);
        WriteStrings(w, "printed", run.Printed);
        w.WriteStartArray("lines");
        foreach (var range in run.Lines.Ranges.Take(MostLines))
        {
            var all = run.BytesOf(range);
            var bytes = all.Length > MostLineBytes ? all[..MostLineBytes] : all;
            w.WriteStartObject();
            w.WriteString("file", range.File);
            w.WriteNumber("line", range.Line);
            w.WriteString("text", range.Text);
            if (range.Context is not null) w.WriteString("context", range.Context);
            w.WriteString("section", range.Section);
            w.WriteNumber("offset", range.Offset);
            w.WriteNumber("size", range.Length);
            w.WriteString("bytes", JsonReply.Hex(bytes));
            if (all.Length > bytes.Length) w.WriteNumber("bytesLeftOut", all.Length - bytes.Length);
            // Instruction words as explain and disasm write them (0xa9415eb6 for the bytes b6 5e 41 a9).
            if (bytes.Length > 0 && bytes.Length % 4 == 0 && range.Offset % 4 == 0)
            {
                w.WriteStartArray("words");
                for (int i = 0; i < bytes.Length; i += 4)
                    w.WriteStringValue(BitConverter.ToUInt32(bytes.Slice(i, 4)).ToString("x8"));
                w.WriteEndArray();
            }
            w.WriteEndObject();
        }
        w.WriteEndArray();
        if (run.Lines.Ranges.Count > MostLines)
            w.WriteNumber("linesLeftOut", run.Lines.Ranges.Count - MostLines);
        if (run.LinkError is not null)
            w.WriteString("linkError", run.LinkError);
        if (run.Linked is { } linked)
            WriteImage(w, linked, run.Kexec);
    }

    static void WriteImage(Utf8JsonWriter w, A64Asm.Linker.LinkedImage linked, A64Asm.Linker.Kexec.KexecOffsets? kexec)
    {
        w.WriteStartObject("image");
        w.WriteNumber("size", linked.Flat.Length);
        w.WriteString("base", $"0x{linked.BaseAddress:x}");
        w.WriteStartArray("sections");
        foreach (var s in linked.Sections)
        {
            w.WriteStartObject();
            w.WriteString("name", s.Name);
            w.WriteString("address", $"0x{s.Address:x}");
            w.WriteNumber("size", s.Size);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("offsets");
        foreach (var v in kexec?.Values ?? [])
        {
            w.WriteStartObject();
            w.WriteString("symbol", v.Symbol);
            w.WriteString("value", $"0x{v.Value:x}");
            // An *_offset names the quad machine_kexec patches: show what the image holds there before patching.
            if (v.Symbol.EndsWith("_offset", StringComparison.Ordinal) && v.Value + 8 <= (ulong)linked.Flat.Length)
                w.WriteString("quad", $"0x{linked.Quad(linked.Flat.AsSpan((int)v.Value, 8)):x16}");
            w.WriteEndObject();
        }
        w.WriteEndArray();
        if (kexec?.ControlCode is { } code)
        {
            w.WriteStartObject("controlCode");
            w.WriteString("offset", $"0x{code.Offset:x}");
            w.WriteString("size", $"0x{code.Size:x}");
            w.WriteEndObject();
        }
        w.WriteEndObject();
    }

    static void WriteStrings(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values) w.WriteStringValue(v);
        w.WriteEndArray();
    }
}
