using System.Text.Json;
using A64Asm.Cli.Serve;

namespace A64Asm.Serve.Tests;

[Collection("server")]
public sealed class AssembleApiTests(ServerFixture server)
{
    [Fact]
    public async Task A_line_gives_its_word_and_bytes()
    {
        var (status, body) = await server.Post("/api/assemble", """{"source": "ldp x22, x23, [x21, #16]\n"}""");
        Assert.Equal(200, status);
        Assert.True(body.GetProperty("ok").GetBoolean());
        var line = Assert.Single(body.GetProperty("lines").EnumerateArray());
        Assert.Equal("input.S", line.GetProperty("file").GetString());
        Assert.Equal(1, line.GetProperty("line").GetInt32());
        Assert.Equal("b65e41a9", line.GetProperty("bytes").GetString());
        Assert.Equal(["a9415eb6"], line.GetProperty("words").EnumerateArray().Select(w => w.GetString()));
    }

    [Fact]
    public async Task Errors_carry_the_command_lines_exact_text()
    {
        const string source = "ldp x22, x23, [x21, #16]\n  bogus x1\n";
        var (status, body) = await server.Post("/api/assemble", $$"""{"source": {{ServerFixture.Quote(source)}}, "name": "input.S"}""");
        Assert.Equal(200, status);
        Assert.False(body.GetProperty("ok").GetBoolean());
        var error = Assert.Single(body.GetProperty("errors").EnumerateArray());
        Assert.Equal(2, error.GetProperty("line").GetInt32());
        Assert.Equal(3, error.GetProperty("column").GetInt32());
        Assert.Equal("unknown mnemonic `bogus'", error.GetProperty("message").GetString());
        Assert.Equal("input.S:2:3: error: unknown mnemonic `bogus'\n   bogus x1\n   ^", error.GetProperty("text").GetString());

        // The same file through the command line prints the same text.
        using var dir = new TempDir();
        File.WriteAllText(dir.Path("input.S"), source);
        var (cliStatus, _, stderr) = Cli.Run(dir.Path("input.S"), "-o", dir.Path("x.bin"));
        Assert.Equal(1, cliStatus);
        Assert.Equal(error.GetProperty("text").GetString() + "\n", stderr.Replace(dir.Root + "/", ""));
    }

    [Fact]
    public async Task The_sample_gives_the_kexec_offsets_and_the_bytes_the_command_line_writes()
    {
        var (status, body) = await server.Post("/api/assemble", """{"sample": true}""");
        Assert.Equal(200, status);
        Assert.Equal("samples/relocate_kernel.S", body.GetProperty("file").GetString());
        var image = body.GetProperty("image");
        Assert.Equal(
            ["arm64_relocate_new_kernel_size = 0xf0", "arm64_kexec_kimage_start_offset = 0xe0", "arm64_kexec_kimage_head_offset = 0xe8"],
            image.GetProperty("offsets").EnumerateArray().Select(o => $"{o.GetProperty("symbol").GetString()} = {o.GetProperty("value").GetString()}"));

        using var dir = new TempDir();
        var (cliStatus, _, stderr) = Cli.Run("samples/relocate_kernel.S", "-I", "samples/include", "-o", dir.Path("reloc.bin"));
        Assert.True(cliStatus == 0, stderr);
        byte[] flat = File.ReadAllBytes(dir.Path("reloc.bin"));
        Assert.Equal(flat.Length, image.GetProperty("size").GetInt32());
        // Every line's bytes are the image's bytes at its offset (the sample is one .text at 0).
        var lines = body.GetProperty("lines").EnumerateArray().ToList();
        Assert.True(lines.Count > 50);
        foreach (var line in lines)
        {
            int offset = line.GetProperty("offset").GetInt32(), size = line.GetProperty("size").GetInt32();
            int shown = Math.Min(size, AssembleEndpoint.MostLineBytes);
            Assert.Equal(Convert.ToHexString(flat, offset, shown).ToLowerInvariant(), line.GetProperty("bytes").GetString());
            Assert.Equal(size - shown, line.TryGetProperty("bytesLeftOut", out var left) ? left.GetInt32() : 0);
        }
        var first = lines[0];
        Assert.Equal(("samples/relocate_kernel.S", 36, "ldr x18, .Lkimage_head"),
            (first.GetProperty("file").GetString(), first.GetProperty("line").GetInt32(), first.GetProperty("text").GetString()));
    }

    [Fact]
    public async Task An_include_of_a_host_file_is_not_found()
    {
        var (status, body) = await server.Post("/api/assemble", """{"source": "#include \"/etc/hostname\"\nnop\n"}""");
        Assert.Equal(200, status);
        var error = Assert.Single(body.GetProperty("errors").EnumerateArray());
        Assert.Equal("'/etc/hostname' file not found", error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task A_source_that_does_not_link_still_gives_its_lines()
    {
        var (status, body) = await server.Post("/api/assemble", """{"source": "  b elsewhere\n"}""");
        Assert.Equal(200, status);
        Assert.True(body.GetProperty("ok").GetBoolean());
        Assert.Equal("input.S:1:5: error: undefined symbol 'elsewhere'\n   b elsewhere\n     ^", body.GetProperty("linkError").GetString());
        using var dir = new TempDir();
        File.WriteAllText(dir.Path("input.S"), "  b elsewhere\n");
        var (cliStatus, _, stderr) = Cli.Run(dir.Path("input.S"), "-o", dir.Path("x.bin"));
        Assert.Equal(1, cliStatus);
        Assert.Equal(body.GetProperty("linkError").GetString() + "\n", stderr.Replace(dir.Root + "/", ""));
        Assert.False(body.TryGetProperty("image", out _));
        Assert.Single(body.GetProperty("lines").EnumerateArray());
    }

    [Theory]
    [InlineData("""{"source": "nop", "name": "../x.S"}""", "\"name\": '../x.S' is not a relative file name ending in .S or .s (letters, digits, . _ - /; at most 100 characters)")]
    [InlineData("""{"source": 12}""", "\"source\" must be a string")]
    [InlineData("""{"name": "x.S"}""", "expected one of \"source\" or \"sample\"")]
    [InlineData("""{"source": "nop", "sample": true}""", "give only one of \"source\" or \"sample\"")]
    [InlineData("""{"sample": false}""", "\"sample\" must be true when given")]
    [InlineData("""{"sample": "yes"}""", "\"sample\" must be true or false")]
    [InlineData("""{"source": "nop", "optons": {}}""", "unknown field \"optons\" (expected \"source\", \"name\", \"sample\")")]
    [InlineData("""["nop"]""", "request body must be a JSON object")]
    [InlineData("""{"source": "nop" """, "request body is not valid JSON (line 1, byte 18)")]
    [InlineData("", "request body is empty: expected a JSON object")]
    public async Task Malformed_requests_are_400_with_the_reason(string json, string error)
    {
        var (status, body) = await server.Post("/api/assemble", json);
        Assert.Equal((400, error), (status, ServerFixture.Error(body)));
    }

    [Fact]
    public async Task A_body_that_is_not_json_by_its_type_is_415()
    {
        using var content = new StringContent("""{"source": "nop"}""", System.Text.Encoding.UTF8, "text/plain");
        var (status, body) = await server.Send("/api/assemble", content);
        Assert.Equal((415, "Content-Type must be application/json"), (status, ServerFixture.Error(body)));
    }

    [Fact]
    public async Task An_oversized_body_is_413_declared_or_streamed()
    {
        string json = $$"""{"source": "{{new string(' ', 1 << 20)}}"}""";
        var (status, body) = await server.Post("/api/assemble", json);
        Assert.Equal((413, "request body is larger than 1 MiB, the limit of /api/assemble"), (status, ServerFixture.Error(body)));

        // Without a Content-Length the server counts as it reads.
        using var streamed = new StreamContent(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json)));
        streamed.Headers.ContentType = new("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/assemble") { Content = streamed };
        request.Headers.TransferEncodingChunked = true;
        using var response = await server.Client.SendAsync(request);
        Assert.Equal(413, (int)response.StatusCode);
        Assert.Equal("request body is larger than 1 MiB, the limit of /api/assemble",
            ServerFixture.Error(JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement));
    }

    [Fact]
    public async Task A_body_just_under_the_limit_is_taken()
    {
        string prefix = """{"source": "nop\n""", suffix = "\"}";
        string json = prefix + new string(' ', (1 << 20) - prefix.Length - suffix.Length) + suffix;
        Assert.Equal(1 << 20, System.Text.Encoding.UTF8.GetByteCount(json));
        var (status, body) = await server.Post("/api/assemble", json);
        Assert.Equal(200, status);
        Assert.True(body.GetProperty("ok").GetBoolean());
    }
}
