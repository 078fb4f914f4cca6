using System.Text;
using System.Text.Json;
using A64Asm.Cli.Serve;

namespace A64Asm.Serve.Tests;

[Collection("server")]
public sealed class ServeCommandTests(ServerFixture server)
{
    [Fact]
    public void A_bad_port_is_a_command_line_error()
    {
        var (status, stdout, stderr) = Cli.Run("serve", "--port", "http");
        Assert.Equal((1, "", "a64asm: error: --port: 'http' is not a number (0 to 65535)\nTry 'a64asm serve --help'\n"), (status, stdout, stderr));
        (status, _, stderr) = Cli.Run("serve", "--port", "65536");
        Assert.Equal((1, "a64asm: error: --port: '65536' is not a number (0 to 65535)\nTry 'a64asm serve --help'\n"), (status, stderr));
    }

    [Fact]
    public void A_port_in_use_is_an_error_naming_it()
    {
        int port = new Uri(server.Host.Url).Port;
        var (status, stdout, stderr) = Cli.Run("serve", "--port", port.ToString());
        Assert.Equal((1, ""), (status, stdout));
        Assert.Equal($"a64asm: error: serve: cannot listen on 127.0.0.1:{port}: Failed to bind to address http://127.0.0.1:{port}: address already in use.\n", stderr);
    }

    [Fact]
    public void Help_shows_serves_own_options()
    {
        var (status, stdout, _) = Cli.Run("serve", "--help");
        Assert.Equal(0, status);
        Assert.Contains(" serve [options]", stdout);
        Assert.Contains("--port <N>", stdout);
        Assert.Contains("--time-limit <SECONDS>", stdout);
        Assert.DoesNotContain("<file>", stdout);
    }

    [Fact]
    public async Task A_reply_lists_at_most_20000_lines()
    {
        var (status, body) = await server.Post("/api/assemble", $$"""{"source": "{{string.Concat(Enumerable.Repeat("nop\\n", 20_005))}}"}""");
        Assert.Equal(200, status);
        Assert.Equal(AssembleEndpoint.MostLines, body.GetProperty("lines").GetArrayLength());
        Assert.Equal(5, body.GetProperty("linesLeftOut").GetInt32());
    }

    [Fact]
    public async Task A_reply_shows_at_most_64_bytes_of_a_line()
    {
        var (status, body) = await server.Post("/api/assemble", """{"source": ".rept 1000\nnop\n.endr\n.fill 100, 1, 0xab\n"}""");
        Assert.Equal(200, status);
        var lines = body.GetProperty("lines").EnumerateArray().ToList();
        Assert.Equal([(4000, 64, 3936), (100, 64, 36)],
            lines.Select(l => (l.GetProperty("size").GetInt32(), l.GetProperty("bytes").GetString()!.Length / 2, l.GetProperty("bytesLeftOut").GetInt32())));
        Assert.Equal(string.Concat(Enumerable.Repeat("1f2003d5", 16)), lines[0].GetProperty("bytes").GetString());
        Assert.Equal(16, lines[0].GetProperty("words").GetArrayLength());
    }

    [Fact]
    public async Task A_request_over_the_time_limit_is_503()
    {
        await using var host = await ServeHost.StartAsync(0, TimeSpan.FromSeconds(1));
        using var client = new HttpClient { BaseAddress = new Uri(host.Url) };
        // Three million statements: seconds of work on any machine.
        using var content = new StringContent("""{"source": ".rept 100000\n.rept 30\nnop\n.endr\n.endr\n", "name": "heavy.s"}""", Encoding.UTF8, "application/json");
        using var response = await client.PostAsync("/api/assemble", content);
        Assert.Equal(503, (int)response.StatusCode);
        Assert.Equal("the request took longer than the server's limit of 1 s",
            JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString());
    }
}

[Collection("server")]
public sealed class HostHeaderTests(ServerFixture server)
{
    [Fact]
    public async Task Only_the_loopback_names_are_served()
    {
        foreach (var (host, status) in new[] { ("rebound.example", 400), ("localhost", 200), ("127.0.0.1", 200) })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/");
            request.Headers.Host = $"{host}:{new Uri(server.Host.Url).Port}";
            using var response = await server.Client.SendAsync(request);
            Assert.Equal(status, (int)response.StatusCode);
            if (status == 400)
                Assert.Equal($"{{\"error\":\"Host '{request.Headers.Host}' is not this server (127.0.0.1 or localhost)\"}}", await response.Content.ReadAsStringAsync());
        }
    }
}
