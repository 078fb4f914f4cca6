using System.Text;

namespace A64Asm.Assembler.Diagnostics;

/// <summary>Reads source files as File.ReadAllText does, without its chunked decoding: a 20 MB source is one
/// read and one UTF-8 decode into the final string.</summary>
public static class SourceFiles
{
    /// <summary>The file as lines for the assembler, kept as UTF-8 when it is (see <see cref="SourceLines"/>); null when it does not exist.</summary>
    public static SourceText? Open(string path)
    {
        if (!File.Exists(path))
            return null;
        byte[] bytes = File.ReadAllBytes(path);
        if (bytes.Length >= 2 && (bytes[0] == 0xFE && bytes[1] == 0xFF || bytes[0] == 0xFF && bytes[1] == 0xFE))
            return new SourceText(path, File.ReadAllText(path));
        int bom = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
        return new SourceText(path, bytes, bom);
    }

    public static string? Read(string path)
    {
        if (!File.Exists(path))
            return null;
        byte[] bytes = File.ReadAllBytes(path);
        // UTF-16/32 byte-order marks: let the reader that knows them decode.
        if (bytes.Length >= 2 && (bytes[0] == 0xFE && bytes[1] == 0xFF || bytes[0] == 0xFF && bytes[1] == 0xFE))
            return File.ReadAllText(path);
        int bom = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
        return Encoding.UTF8.GetString(bytes, bom, bytes.Length - bom);
    }
}
