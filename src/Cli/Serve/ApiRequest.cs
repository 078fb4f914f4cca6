using Microsoft.AspNetCore.Http;
using System.Text.Json;

namespace A64Asm.Cli.Serve;

/// <summary>A request the API refuses: its status and the message sent back as {"error": message}.</summary>
public sealed class ApiError(int status, string message) : Exception(message)
{
    public int Status { get; } = status;

    public static ApiError BadRequest(string message) => new(StatusCodes.Status400BadRequest, message);
}

/// <summary>
/// One API request's JSON body, read with a size cap and checked field by field: a field the endpoint does not know is
/// refused (a typo must not be silently ignored), and each accessor names the field and the type it wants.
/// </summary>
public sealed class ApiRequest : IDisposable
{
    readonly JsonDocument _document;

    ApiRequest(JsonDocument document) => _document = document;

    JsonElement Root => _document.RootElement;

    public void Dispose() => _document.Dispose();

    /// <summary>Reads and parses the body of <paramref name="context"/>, refusing more than <paramref name="limit"/> bytes.</summary>
    public static async Task<ApiRequest> ReadAsync(HttpContext context, long limit, IReadOnlyCollection<string> fields)
    {
        string path = context.Request.Path.Value ?? "";
        var body = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = await context.Request.Body.ReadAsync(buffer, context.RequestAborted)) > 0)
        {
            if (body.Length + read > limit)
            {
                // Read the rest (Kestrel's own cap bounds it) so that the client, still sending, gets the reply rather
                // than a reset connection.
                while (await context.Request.Body.ReadAsync(buffer, context.RequestAborted) > 0) { }
                throw TooLarge(path, limit);
            }
            body.Write(buffer, 0, read);
        }
        if (body.Length == 0)
            throw ApiError.BadRequest("request body is empty: expected a JSON object");
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body.GetBuffer().AsMemory(0, (int)body.Length), new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException e)
        {
            throw ApiError.BadRequest($"request body is not valid JSON (line {(e.LineNumber ?? 0) + 1}, byte {(e.BytePositionInLine ?? 0) + 1})");
        }
        var request = new ApiRequest(document);
        if (request.Root.ValueKind != JsonValueKind.Object)
        {
            request.Dispose();
            throw ApiError.BadRequest("request body must be a JSON object");
        }
        foreach (var property in request.Root.EnumerateObject())
            if (!fields.Contains(property.Name))
            {
                string name = property.Name;
                request.Dispose();
                throw ApiError.BadRequest($"unknown field \"{name}\" (expected {string.Join(", ", fields.Select(f => $"\"{f}\""))})");
            }
        return request;
    }

    public static ApiError TooLarge(string path, long limit) =>
        new(StatusCodes.Status413PayloadTooLarge, $"request body is larger than {Size(limit)}, the limit of {path}");

    /// <summary>"1 MiB", "24 MiB", "512 KiB".</summary>
    public static string Size(long bytes) => bytes % (1 << 20) == 0 ? $"{bytes >> 20} MiB" : $"{bytes >> 10} KiB";

    public bool Has(string name) => Root.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null;

    public string? String(string name)
    {
        if (!Root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            return null;
        if (value.ValueKind != JsonValueKind.String)
            throw ApiError.BadRequest($"\"{name}\" must be a string");
        return value.GetString();
    }

    public bool Bool(string name)
    {
        if (!Root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            return false;
        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw ApiError.BadRequest($"\"{name}\" must be true or false"),
        };
    }

    /// <summary>The members of an object field, or none when it is absent.</summary>
    public IEnumerable<JsonProperty> Object(string name)
    {
        if (!Root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            return [];
        if (value.ValueKind != JsonValueKind.Object)
            throw ApiError.BadRequest($"\"{name}\" must be an object");
        return value.EnumerateObject().ToList();
    }

    /// <summary>Exactly one of <paramref name="names"/> must be given.</summary>
    public string OneOf(params string[] names)
    {
        var given = names.Where(Has).ToList();
        if (given.Count == 1)
            return given[0];
        string list = string.Join(", ", names.SkipLast(1).Select(n => $"\"{n}\"")) + $" or \"{names[^1]}\"";
        throw ApiError.BadRequest(given.Count == 0 ? $"expected one of {list}" : $"give only one of {list}");
    }

    /// <summary>Base64 of at most <paramref name="limit"/> bytes.</summary>
    public byte[] Base64(string name, long limit)
    {
        string text = String(name) ?? throw ApiError.BadRequest($"\"{name}\" is required");
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(text);
        }
        catch (FormatException)
        {
            throw ApiError.BadRequest($"\"{name}\" is not base64");
        }
        if (bytes.Length > limit)
            throw new ApiError(StatusCodes.Status413PayloadTooLarge, $"\"{name}\" is {bytes.Length} bytes, more than the limit of {Size(limit)}");
        return bytes;
    }
}
