using A64Asm.Assembler.Diagnostics;
using A64Asm.Cli.Commands;
using A64Asm.Cli.Output;
using A64Asm.Isa.Explain;

namespace A64Asm.Cli.Serve;

/// <summary>
/// POST /api/explain {"text": "ldp x22, x23, [x21, #16]"} or {"text": "0xa94166b8"}: what <c>a64asm explain</c> shows,
/// as data — the same word lookup (ExplainCommand.WordOf) and the same table (InstructionExplainer).
/// </summary>
public static class ExplainEndpoint
{
    public static readonly string[] Fields = ["text"];

    public static byte[] Run(ApiRequest request)
    {
        string text = (request.String("text") ?? throw ApiError.BadRequest("\"text\" is required (one instruction, or a word as 0x........)")).Trim();
        if (text.Contains('\n'))
            throw ApiError.BadRequest("\"text\" must be one line");
        (uint word, string? mnemonic) = Word(text);
        if (!InstructionExplainer.TryExplain(word, mnemonic, out var e))
            throw ApiError.BadRequest($"0x{word:x8} is not an instruction the table allocates (.inst 0x{word:x8} ; undefined)");
        return JsonReply.Build(w =>
        {
            w.WriteStartObject();
            w.WriteString("word", $"0x{e.Word:x8}");
            w.WriteString("text", e.Text);
            w.WriteString("form", e.FormId);
            w.WriteString("syntax", e.Form.Syntax);
            w.WriteString("feature", e.Form.Feature.ToString().ToLowerInvariant());
            w.WriteString("formText", e.FormText);
            if (e.WrittenAsAlias) w.WriteString("writtenSyntax", e.Written.Syntax);
            if (e.PreferredText is not null) w.WriteString("preferredText", e.PreferredText);
            w.WriteStartArray("fields");
            foreach (var f in e.Fields)
            {
                w.WriteStartObject();
                w.WriteString("name", f.Name);
                w.WriteNumber("msb", f.Field.Msb);
                w.WriteNumber("lsb", f.Field.Lsb);
                w.WriteString("range", f.Field.Range);
                w.WriteString("bits", f.Bits);
                w.WriteNumber("value", f.Value);
                w.WriteBoolean("fixed", f.Field.Fixed is not null);
                w.WriteString("meaning", f.Meaning);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            // Exactly what the command prints, for a plain-text view.
            w.WriteString("rendered", ExplainText.Render(e));
            w.WriteEndObject();
        });
    }

    static (uint, string?) Word(string text)
    {
        try
        {
            return ExplainCommand.WordOf(text);
        }
        catch (AsmError e)
        {
            throw ApiError.BadRequest(e.Render());
        }
        catch (CliError e)
        {
            throw ApiError.BadRequest(e.Message);
        }
    }
}
