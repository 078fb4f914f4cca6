using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using A64Asm.Cli.Serve;

namespace A64Asm.Serve.Tests;

/// <summary>One server for the API tests, in this process, on a free loopback port.</summary>
public sealed class ServerFixture : IAsyncLifetime
{
    public ServeHost Host { get; private set; } = null!;
    public HttpClient Client { get; } = new() { Timeout = TimeSpan.FromMinutes(2) };

    public async Task InitializeAsync()
    {
        Host = await ServeHost.StartAsync(0, TimeSpan.FromSeconds(60));
        Client.BaseAddress = new Uri(Host.Url);
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Host.DisposeAsync();
    }

    /// <summary>POSTs <paramref name="json"/> as application/json; the status and the parsed reply.</summary>
    public async Task<(int Status, JsonElement Body)> Post(string path, string json)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        return await Send(path, content);
    }

    public async Task<(int Status, JsonElement Body)> Send(string path, HttpContent content)
    {
        using var response = await Client.PostAsync(path, content);
        string text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, JsonDocument.Parse(text).RootElement.Clone());
    }

    /// <summary>A JSON string literal of <paramref name="text"/>.</summary>
    public static string Quote(string text) => JsonSerializer.Serialize(text, JsonContext.Default.String);

    public static string Error(JsonElement body) => body.GetProperty("error").GetString()!;
}

[System.Text.Json.Serialization.JsonSerializable(typeof(string))]
internal sealed partial class JsonContext : System.Text.Json.Serialization.JsonSerializerContext;

[CollectionDefinition("server")]
public sealed class ServerCollection : ICollectionFixture<ServerFixture>;
