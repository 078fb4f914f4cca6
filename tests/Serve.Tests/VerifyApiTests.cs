using System.Text.Json;
using System.Text.Json.Nodes;

namespace A64Asm.Serve.Tests;

[Collection("server")]
public sealed class VerifyApiTests(ServerFixture server)
{
    /// <summary>A report without its timings, which differ from run to run.</summary>
    static string Stable(string reportJson)
    {
        var node = JsonNode.Parse(reportJson)!.AsObject();
        node.Remove("timeMs");
        return node.ToJsonString();
    }

    [Fact]
    public async Task The_sample_with_caches_on_reports_what_verify_json_reports_with_the_source_line()
    {
        var (status, body) = await server.Post("/api/verify", """{"sample": true, "options": {"caches": "on"}}""");
        Assert.Equal(200, status);
        var report = body.GetProperty("report");
        Assert.False(report.GetProperty("passed").GetBoolean());
        var finding = Assert.Single(report.GetProperty("findings").EnumerateArray());
        Assert.Equal("icache-stale", finding.GetProperty("id").GetString());
        var source = finding.GetProperty("source");
        Assert.Equal(("samples/relocate_kernel.S", 36, "ldr x18, .Lkimage_head"),
            (source.GetProperty("file").GetString(), source.GetProperty("line").GetInt32(), source.GetProperty("text").GetString()));
        Assert.True(body.GetProperty("assembly").GetProperty("ok").GetBoolean());

        using var dir = new TempDir();
        var (cliStatus, stdout, _) = Cli.Run("samples/relocate_kernel.S", "-I", "samples/include", "-o", dir.Path("r.bin"),
            "--verify", "--caches", "on", "--json", "--timeout", "60");
        Assert.Equal(1, cliStatus);
        // The command prints the offsets table first, then the report.
        Assert.Equal(Stable(stdout[stdout.IndexOf("{\n", StringComparison.Ordinal)..]), Stable(report.GetRawText()));
    }

    [Fact]
    public async Task An_uploaded_image_with_its_offsets_reports_what_verify_reports()
    {
        using var dir = new TempDir();
        Assert.Equal(0, Cli.Run("samples/relocate_kernel.S", "-I", "samples/include", "-o", dir.Path("r.bin"), "--offsets", dir.Path("o.json")).Status);
        string image = Convert.ToBase64String(File.ReadAllBytes(dir.Path("r.bin")));
        string offsets = File.ReadAllText(dir.Path("o.json"));
        var (status, body) = await server.Post("/api/verify",
            $$$"""{"image": "{{{image}}}", "offsets": {{{ServerFixture.Quote(offsets)}}}, "options": {"pages": 32, "seed": "7"}}""");
        Assert.Equal(200, status);
        Assert.True(body.GetProperty("report").GetProperty("passed").GetBoolean());
        Assert.False(body.TryGetProperty("assembly", out _));
        var (cliStatus, stdout, _) = Cli.Run("verify", dir.Path("r.bin"), "--offsets", dir.Path("o.json"), "--pages", "32", "--seed", "7", "--json", "--timeout", "60");
        Assert.Equal(0, cliStatus);
        Assert.Equal(Stable(stdout), Stable(body.GetProperty("report").GetRawText()));
    }

    [Fact]
    public async Task A_source_with_errors_is_not_verified()
    {
        var (status, body) = await server.Post("/api/verify", """{"source": "bogus\n"}""");
        Assert.Equal(200, status);
        Assert.Equal("the source has errors; nothing was verified", ServerFixture.Error(body));
        Assert.Equal("input.S:1:1: error: unknown mnemonic `bogus'\n bogus\n ^",
            body.GetProperty("assembly").GetProperty("errors")[0].GetProperty("text").GetString());
        Assert.False(body.TryGetProperty("report", out _));
    }

    [Theory]
    [InlineData("""{"sample": true, "options": {"pages": "abc"}}""", "--pages: 'abc' is not a number (1 to 1048576)")]
    [InlineData("""{"sample": true, "options": {"caches": "maybe"}}""", "--caches: 'maybe' is not on or off")]
    [InlineData("""{"sample": true, "options": {"kimage-fields": "/etc/passwd"}}""",
        "unknown option \"kimage-fields\" (expected \"big-endian\", \"caches\", \"convention\", \"dcache\", \"el\", \"el2-stub\", \"icache\", \"kimage-field\", \"matrix\", \"max-steps\", \"mmu\", \"mmu-at-entry\", \"page-size\", \"pages\", \"seed\", \"timeout\")")]
    [InlineData("""{"sample": true, "options": {"matrix": "yes"}}""", "option \"matrix\" must be true or false")]
    [InlineData("""{"sample": true, "options": {"caches": true}}""", "option \"caches\" must be a string or a number")]
    [InlineData("""{"sample": true, "options": {"timeout": 600}}""", "option \"timeout\": '600' is more than the server's limit of 60 s")]
    [InlineData("""{"sample": true, "options": {"matrix": true, "caches": "on"}}""", "--matrix runs every entry state: it cannot be combined with --caches")]
    [InlineData("""{"sample": true, "options": []}""", "\"options\" must be an object")]
    [InlineData("""{"image": "AAAAAA=="}""", "an image needs \"offsets\" (what a64asm --offsets wrote) or the option \"convention\"")]
    [InlineData("""{"image": "AAAAAA==", "offsets": "{}"}""", "offsets: cannot tell the hand-off convention (no arm64_kexec_* offsets, no marked control code): pass --convention")]
    [InlineData("""{"sample": true, "offsets": "{}"}""", "\"offsets\" goes with \"image\"; an assembled source has its own")]
    [InlineData("""{"options": {}}""", "expected one of \"sample\", \"source\" or \"image\"")]
    public async Task Bad_input_is_400_with_the_reason(string json, string error)
    {
        var (status, body) = await server.Post("/api/verify", json);
        Assert.Equal((400, error), (status, ServerFixture.Error(body)));
    }

    [Fact]
    public async Task Oversized_uploads_are_413()
    {
        string image = Convert.ToBase64String(new byte[(16 << 20) + 4]);
        var (status, body) = await server.Post("/api/verify", $$$"""{"image": "{{{image}}}", "options": {"convention": "regs"}}""");
        Assert.Equal((413, "\"image\" is 16777220 bytes, more than the limit of 16 MiB"), (status, ServerFixture.Error(body)));
        (status, body) = await server.Post("/api/verify", $$"""{"image": "{{new string('A', 24 << 20)}}"}""");
        Assert.Equal((413, "request body is larger than 24 MiB, the limit of /api/verify"), (status, ServerFixture.Error(body)));
    }
}

[Collection("server")]
public sealed class PageTests(ServerFixture server)
{
    [Theory]
    [InlineData("/", "text/html", "<title>a64asm</title>")]
    [InlineData("/app.js", "text/javascript", "/api/assemble")]
    [InlineData("/style.css", "text/css", ".diagram")]
    public async Task The_pages_come_from_the_executable(string path, string type, string content)
    {
        using var response = await server.Client.GetAsync(path);
        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal(type, response.Content.Headers.ContentType!.MediaType);
        Assert.Contains(content, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Nothing_else_is_served()
    {
        foreach (var path in new[] { "/nope.js", "/..%2fREADME.md", "/samples/relocate_kernel.S" })
        {
            using var response = await server.Client.GetAsync(path);
            Assert.Equal(404, (int)response.StatusCode);
        }
    }

    [Fact]
    public async Task The_sample_is_the_repositorys()
    {
        var body = JsonDocument.Parse(await server.Client.GetStringAsync("/api/sample")).RootElement;
        Assert.Equal("samples/relocate_kernel.S", body.GetProperty("name").GetString());
        Assert.Equal(File.ReadAllText(Repo.Path("samples/relocate_kernel.S")), body.GetProperty("source").GetString());
    }

    [Fact]
    public async Task The_api_takes_posts_only()
    {
        using var response = await server.Client.GetAsync("/api/assemble");
        Assert.Equal(405, (int)response.StatusCode);
    }
}
