using Microsoft.AspNetCore.Http;
using System.Text.Json;

namespace A64Asm.Cli.Serve;

/// <summary>Writes a reply with Utf8JsonWriter (no reflection: the CLI is published Native AOT).</summary>
public static class JsonReply
{
    public static byte[] Build(Action<Utf8JsonWriter> write)
    {
        var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            write(w);
        return buffer.ToArray();
    }

    public static byte[] Error(string message) => Build(w =>
    {
        w.WriteStartObject();
        w.WriteString("error", message);
        w.WriteEndObject();
    });

    public static async Task Send(HttpContext context, int status, byte[] body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body, context.RequestAborted);
    }

    /// <summary>Lower-case hex of <paramref name="bytes"/> in memory order, as a listing shows them.</summary>
    public static string Hex(ReadOnlySpan<byte> bytes) => Convert.ToHexString(bytes).ToLowerInvariant();
}
