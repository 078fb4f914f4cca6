using System.Globalization;
using System.Text.RegularExpressions;
using A64Asm.Cli.Commands;
using A64Asm.Cli.Output;

namespace A64Asm.Cli.Serve;

/// <summary>
/// POST /api/disasm {"hex": "0xa94166b8 d503201f"} or {"base64": blob (flat binary or ELF file)}, optional
/// {"base": "0x1000"}: the listing <c>a64asm disasm</c> prints (DisasmListing), line by line, with each word's address
/// and value picked out so the page can explain it.
/// </summary>
public static partial class DisasmEndpoint
{
    public static readonly string[] Fields = ["hex", "base64", "base"];
    public const int MostBlobBytes = 512 << 10;

    public static byte[] Run(ApiRequest request)
    {
        ulong? at = request.String("base") is { } b ? Address(b) : null;
        byte[] bytes = request.OneOf("hex", "base64") == "hex" ? Words(request.String("hex")!) : request.Base64("base64", MostBlobBytes);
        if (bytes.Length == 0)
            throw ApiError.BadRequest("nothing to disassemble: the input is empty");
        DisasmFile file;
        if (DisasmElfReader.IsElf(bytes))
        {
            if (at is not null)
                throw ApiError.BadRequest("\"base\" applies to flat binaries; an ELF file has its own addresses");
            file = DisasmElfReader.Read("upload", bytes);
        }
        else
        {
            file = new DisasmFile("upload", "binary", false, [new DisasmSection(".data", at ?? 0, bytes, [], [], [])]);
        }
        var listing = new StringWriter { NewLine = "\n" };
        DisasmListing.Write(file, listing);
        string text = listing.ToString();
        return JsonReply.Build(w =>
        {
            w.WriteStartObject();
            w.WriteString("listing", text);
            w.WriteStartArray("lines");
            // The listing ends with a newline, not with an empty line.
            foreach (var line in text.EndsWith('\n') ? text[..^1].Split('\n') : text.Split('\n'))
            {
                w.WriteStartObject();
                w.WriteString("text", line);
                var m = WordLine().Match(line);
                if (m.Success)
                {
                    w.WriteString("address", "0x" + m.Groups[1].Value);
                    w.WriteString("word", m.Groups[2].Value);
                }
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    // A listing row of one instruction word: "  1c:\ta94166b8 \tldp\t...".
    [GeneratedRegex(@"^\s*([0-9a-f]+):\t([0-9a-f]{8}) \t")]
    private static partial Regex WordLine();

    [GeneratedRegex(@"^(0[xX])?[0-9a-fA-F]{1,8}$")]
    private static partial Regex HexWord();

    /// <summary>Words as hex, separated by spaces, commas or newlines; laid out little-endian as the CPU fetches them.</summary>
    static byte[] Words(string text)
    {
        var tokens = text.Split([' ', '\t', '\r', '\n', ','], StringSplitOptions.RemoveEmptyEntries);
        var bytes = new byte[tokens.Length * 4];
        for (int i = 0; i < tokens.Length; i++)
        {
            string t = tokens[i];
            if (!HexWord().IsMatch(t))
                throw ApiError.BadRequest($"\"hex\": '{(t.Length > 40 ? t[..40] + "..." : t)}' (word {i + 1}) is not a 32-bit word in hex");
            uint word = uint.Parse(t.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? t.AsSpan(2) : t, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
            BitConverter.TryWriteBytes(bytes.AsSpan(i * 4), word);
        }
        return bytes;
    }

    static ulong Address(string text) =>
        DisasmCommand.TryParseBase(text, out ulong v) ? v : throw ApiError.BadRequest($"\"base\": '{text}' is not a word-aligned address");
}
