using System.Text.Json;

namespace A64Asm.Linker.Kexec;

/// <summary>Reads back either form <see cref="KexecOffsetsWriter.Format"/> writes, for tools that patch or verify the image.</summary>
public static class KexecOffsetsReader
{
    /// <summary>
    /// A header when <paramref name="path"/> ends in ".h", JSON otherwise (as the writer chooses). Symbols the text
    /// does not give are absent from the result; false only when the JSON itself is malformed.
    /// </summary>
    public static bool TryParse(string text, string path, out KexecOffsets offsets, out string error)
    {
        var values = new List<KexecOffset>();
        KexecControlCode? code = null;
        var slots = new List<KexecPatchSlot>();
        bool bigEndian = false;
        error = "";
        if (path.EndsWith(".h", StringComparison.OrdinalIgnoreCase))
        {
            foreach (var name in KexecOffsets.SymbolNames)
                if (HeaderValue(text, KexecOffsets.MacroNameOf(name)) is { } v)
                    values.Add(new KexecOffset(name, KexecOffsets.MacroNameOf(name), v));
            if (HeaderValue(text, KexecOffsetsWriter.OffsetMacro) is { } offset && HeaderValue(text, KexecOffsetsWriter.SizeMacro) is { } size
                && HeaderWord(text, KexecOffsetsWriter.MarkMacro) is { } markText && KexecControlCode.ParseMark(markText.Trim('"')) is { } mark)
                code = new KexecControlCode(offset, size, mark);
            foreach (var role in KexecPatchSlot.Roles)
                if (HeaderValue(text, KexecOffsetsWriter.SlotMacro(role)) is { } at)
                    slots.Add(new KexecPatchSlot(role, at));
            bigEndian = HeaderValue(text, KexecOffsetsWriter.BigEndianMacro) is 1;
        }
        else
        {
            try
            {
                using var doc = JsonDocument.Parse(text);
                var root = doc.RootElement;
                foreach (var name in KexecOffsets.SymbolNames)
                    if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var e))
                        values.Add(new KexecOffset(name, KexecOffsets.MacroNameOf(name), Unsigned(e, name)));
                if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty(KexecOffsetsWriter.ControlCodeKey, out var c)
                    && c.ValueKind == JsonValueKind.Object
                    && c.TryGetProperty("offset", out var o) && Unsigned(o, "control_code.offset") is var offset
                    && c.TryGetProperty("size", out var z) && Unsigned(z, "control_code.size") is var size
                    && c.TryGetProperty("marked_by", out var m) && m.ValueKind == JsonValueKind.String
                    && KexecControlCode.ParseMark(m.GetString()!) is { } mark)
                    code = new KexecControlCode(offset, size, mark);
                if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty(KexecOffsetsWriter.PatchSlotsKey, out var p)
                    && p.ValueKind == JsonValueKind.Object)
                    foreach (var role in KexecPatchSlot.Roles)
                        if (p.TryGetProperty(role, out var r))
                            slots.Add(new KexecPatchSlot(role, Unsigned(r, "patch_slots." + role)));
                bigEndian = root.ValueKind == JsonValueKind.Object && root.TryGetProperty(KexecOffsetsWriter.BigEndianKey, out var be)
                    && be.ValueKind == JsonValueKind.True;
            }
            catch (Exception e) when (e is JsonException or FormatException)
            {
                error = e.Message;
                offsets = new KexecOffsets(values);
                return false;
            }
        }
        offsets = new KexecOffsets(values) { ControlCode = code, PatchSlots = slots, BigEndian = bigEndian };
        return true;
    }

    static ulong? HeaderValue(string text, string macro)
    {
        if (HeaderWord(text, macro) is { } v)
            return v.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
                    ? ulong.TryParse(v[2..], System.Globalization.NumberStyles.HexNumber, null, out ulong h) ? h : null
                    : ulong.TryParse(v, out ulong d) ? d : null;
        return null;
    }

    // A value that is there must be an unsigned 64-bit number: a string or a negative one is the file's mistake, said so.
    private static ulong Unsigned(JsonElement e, string key) =>
        e.ValueKind == JsonValueKind.Number && e.TryGetUInt64(out ulong v) ? v
            : throw new FormatException($"'{key}' is {e.GetRawText()}, not an unsigned 64-bit number");

    /// <summary>The value word of "#define MACRO VALUE", or null when no such line is there.</summary>
    static string? HeaderWord(string text, string macro)
    {
        foreach (var line in text.Split('\n'))
        {
            var parts = line.Split((char[])[' ', '\t', '\r'], StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 3 && parts[0] == "#define" && parts[1] == macro)
                return parts[2];
        }
        return null;
    }
}
