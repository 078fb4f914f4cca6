using System.Text.Json;

namespace A64Asm.Serve.Tests;

[Collection("server")]
public sealed class ExplainApiTests(ServerFixture server)
{
    [Fact]
    public async Task A_line_gives_the_field_diagram_of_the_explain_table()
    {
        var (status, body) = await server.Post("/api/explain", """{"text": "ldp x22, x23, [x21, #16]"}""");
        Assert.Equal(200, status);
        Assert.Equal("0xa9415eb6", body.GetProperty("word").GetString());
        Assert.Equal("LDP_64_off", body.GetProperty("form").GetString());
        var fields = body.GetProperty("fields").EnumerateArray().ToList();
        Assert.Equal(["opc", "-", "V", "-", "L", "imm7", "Rt2", "Rn", "Rt"], fields.Select(f => f.GetProperty("name").GetString()));
        Assert.Equal(["[31:30]", "[29:27]", "[26]", "[25:23]", "[22]", "[21:15]", "[14:10]", "[9:5]", "[4:0]"], fields.Select(f => f.GetProperty("range").GetString()));
        var imm7 = fields[5];
        Assert.Equal(("0000010", 2u, "offset 2 × 8 = 16 bytes"), (imm7.GetProperty("bits").GetString(), imm7.GetProperty("value").GetUInt32(), imm7.GetProperty("meaning").GetString()));
        // The text view is the command's output, character for character.
        var (cliStatus, stdout, _) = Cli.Run("explain", "ldp x22, x23, [x21, #16]");
        Assert.Equal(0, cliStatus);
        Assert.Equal(stdout, body.GetProperty("rendered").GetString());
    }

    [Fact]
    public async Task A_word_gives_its_instruction()
    {
        var (status, body) = await server.Post("/api/explain", """{"text": "0xa94166b8"}""");
        Assert.Equal(200, status);
        Assert.Equal("ldp x24, x25, [x21, #16]", body.GetProperty("text").GetString());
        Assert.Equal(Cli.Run("explain", "0xa94166b8").Stdout, body.GetProperty("rendered").GetString());
    }

    [Theory]
    [InlineData("""{"text": "0xffffffff"}""", "0xffffffff is not an instruction the table allocates (.inst 0xffffffff ; undefined)")]
    [InlineData("""{"text": "bogus x1"}""", "<explain>:1:1: error: unknown mnemonic `bogus'\n bogus x1\n ^")]
    [InlineData("""{"text": ""}""", "explain: expected an instruction or a 0x word")]
    [InlineData("""{"text": "nop\nnop"}""", "\"text\" must be one line")]
    [InlineData("""{}""", "\"text\" is required (one instruction, or a word as 0x........)")]
    [InlineData("""{"word": "0x0"}""", "unknown field \"word\" (expected \"text\")")]
    [InlineData("""{"text": ["nop"]}""", "\"text\" must be a string")]
    public async Task Bad_input_is_400_with_the_reason(string json, string error)
    {
        var (status, body) = await server.Post("/api/explain", json);
        Assert.Equal((400, error), (status, ServerFixture.Error(body)));
    }

    [Fact]
    public async Task An_oversized_body_is_413()
    {
        var (status, body) = await server.Post("/api/explain", $$"""{"text": "{{new string('x', 1 << 20)}}"}""");
        Assert.Equal((413, "request body is larger than 1 MiB, the limit of /api/explain"), (status, ServerFixture.Error(body)));
    }
}

[Collection("server")]
public sealed class DisasmApiTests(ServerFixture server)
{
    [Fact]
    public async Task Hex_words_give_the_listing_disasm_prints()
    {
        var (status, body) = await server.Post("/api/disasm", """{"hex": "0xa94166b8, d503201f\n0x58000752"}""");
        Assert.Equal(200, status);
        var words = body.GetProperty("lines").EnumerateArray().Where(l => l.TryGetProperty("word", out _)).ToList();
        Assert.Equal(["0x0 a94166b8 ldp\tx24, x25, [x21, #16]", "0x4 d503201f nop", "0x8 58000752 ldr\tx18, 0xf0"],
            words.Select(l => $"{l.GetProperty("address").GetString()} {l.GetProperty("word").GetString()} {l.GetProperty("text").GetString()!.Split(" \t", 2)[1]}"));

        using var dir = new TempDir();
        File.WriteAllBytes(dir.Path("words.bin"), [0xb8, 0x66, 0x41, 0xa9, 0x1f, 0x20, 0x03, 0xd5, 0x52, 0x07, 0x00, 0x58]);
        var (cliStatus, stdout, _) = Cli.Run("disasm", dir.Path("words.bin"));
        Assert.Equal(0, cliStatus);
        Assert.Equal(stdout.Replace(dir.Path("words.bin"), "upload"), body.GetProperty("listing").GetString());
        // The lines are the listing's lines, each once.
        Assert.Equal(body.GetProperty("listing").GetString(), string.Concat(body.GetProperty("lines").EnumerateArray().Select(l => l.GetProperty("text").GetString() + "\n")));
    }

    [Fact]
    public async Task An_uploaded_object_gives_the_listing_with_its_symbols()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.Path("a.s"), "entry:\n  ldp x22, x23, [x21, #16]\n  b entry\n");
        Assert.Equal(0, Cli.Run("-c", dir.Path("a.s"), "-o", dir.Path("a.o")).Status);
        string blob = Convert.ToBase64String(File.ReadAllBytes(dir.Path("a.o")));
        var (status, body) = await server.Post("/api/disasm", $$"""{"base64": "{{blob}}"}""");
        Assert.Equal(200, status);
        var (_, stdout, _) = Cli.Run("disasm", dir.Path("a.o"));
        Assert.Equal(stdout.Replace(dir.Path("a.o"), "upload"), body.GetProperty("listing").GetString());
        Assert.Contains("<entry>:", stdout);
    }

    [Fact]
    public async Task A_base_moves_the_addresses()
    {
        var (status, body) = await server.Post("/api/disasm", """{"hex": "d503201f", "base": "0x1000"}""");
        Assert.Equal(200, status);
        Assert.Equal("0x1000", body.GetProperty("lines").EnumerateArray().Single(l => l.TryGetProperty("word", out _)).GetProperty("address").GetString());
    }

    [Theory]
    [InlineData("""{"hex": "d503201f zz"}""", "\"hex\": 'zz' (word 2) is not a 32-bit word in hex")]
    [InlineData("""{"hex": "0x123456789"}""", "\"hex\": '0x123456789' (word 1) is not a 32-bit word in hex")]
    [InlineData("""{"hex": "  "}""", "nothing to disassemble: the input is empty")]
    [InlineData("""{"hex": "d503201f", "base": "0x2"}""", "\"base\": '0x2' is not a word-aligned address")]
    [InlineData("""{"base64": "***"}""", "\"base64\" is not base64")]
    [InlineData("""{"hex": "d503201f", "base64": "AAAA"}""", "give only one of \"hex\" or \"base64\"")]
    [InlineData("""{"file": "/etc/passwd"}""", "unknown field \"file\" (expected \"hex\", \"base64\", \"base\")")]
    public async Task Bad_input_is_400_with_the_reason(string json, string error)
    {
        var (status, body) = await server.Post("/api/disasm", json);
        Assert.Equal((400, error), (status, ServerFixture.Error(body)));
    }

    [Fact]
    public async Task Oversized_input_is_413()
    {
        var (status, body) = await server.Post("/api/disasm", $$"""{"hex": "{{string.Join(' ', Enumerable.Repeat("d503201f", 120_000))}}"}""");
        Assert.Equal((413, "request body is larger than 1 MiB, the limit of /api/disasm"), (status, ServerFixture.Error(body)));
        string blob = Convert.ToBase64String(new byte[(512 << 10) + 4]);
        (status, body) = await server.Post("/api/disasm", $$"""{"base64": "{{blob}}"}""");
        Assert.Equal((413, "\"base64\" is 524292 bytes, more than the limit of 512 KiB"), (status, ServerFixture.Error(body)));
    }
}
