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
        error = "";
        if (path.EndsWith(".h", StringComparison.OrdinalIgnoreCase))
        {
            foreach (var name in KexecOffsets.SymbolNames)
                if (HeaderValue(text, KexecOffsets.MacroNameOf(name)) is { } v)
                    values.Add(new KexecOffset(name, KexecOffsets.MacroNameOf(name), v));
        }
        else
        {
            try
            {
                using var doc = JsonDocument.Parse(text);
                var root = doc.RootElement;
                foreach (var name in KexecOffsets.SymbolNames)
                    if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var e) && e.TryGetUInt64(out ulong v))
                        values.Add(new KexecOffset(name, KexecOffsets.MacroNameOf(name), v));
            }
            catch (JsonException e)
            {
                error = e.Message;
                offsets = new KexecOffsets(values);
                return false;
            }
        }
        offsets = new KexecOffsets(values);
        return true;
    }

    static ulong? HeaderValue(string text, string macro)
    {
        foreach (var line in text.Split('\n'))
        {
            var parts = line.Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 3 && parts[0] == "#define" && parts[1] == macro)
            {
                string v = parts[2];
                return v.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
                    ? ulong.TryParse(v[2..], System.Globalization.NumberStyles.HexNumber, null, out ulong h) ? h : null
                    : ulong.TryParse(v, out ulong d) ? d : null;
            }
        }
        return null;
    }
}
