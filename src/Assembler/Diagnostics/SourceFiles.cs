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
        byte[] bytes = ReadChecked(path);
        if (bytes.Length >= 2 && (bytes[0] == 0xFE && bytes[1] == 0xFF || bytes[0] == 0xFF && bytes[1] == 0xFE))
            return new SourceText(path, File.ReadAllText(path));
        int bom = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
        return new SourceText(path, bytes, bom);
    }

    public static string? Read(string path)
    {
        if (!File.Exists(path))
            return null;
        byte[] bytes = ReadChecked(path);
        // UTF-16/32 byte-order marks: let the reader that knows them decode.
        if (bytes.Length >= 2 && (bytes[0] == 0xFE && bytes[1] == 0xFF || bytes[0] == 0xFF && bytes[1] == 0xFE))
            return File.ReadAllText(path);
        int bom = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
        return Encoding.UTF8.GetString(bytes, bom, bytes.Length - bom);
    }

    /// <summary>Source files larger than this are refused before they are read (a mistaken path to an image, say).</summary>
    public const long MaxFileBytes = 256L << 20;

    private static byte[] ReadChecked(string path) => ReadInput(path, MaxFileBytes);

    /// <summary>
    /// Any input file the tools read whole (images, objects, offsets files): refused, with a message naming it, when it
    /// is missing, not a regular file, or larger than <paramref name="maxBytes"/>. Checked before opening: a FIFO would
    /// block the open and a device (/dev/zero) never ends.
    /// </summary>
    public static byte[] ReadInput(string path, long maxBytes)
    {
        if (!File.Exists(path))
            throw new SourceFileRefused($"{path}: No such file or directory");
        if (!FileKind.IsRegularOrUnknown(path))
            throw new SourceFileRefused($"'{path}' is not a regular file");
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1);
        long length = stream.Length;
        if (length > maxBytes)
            throw new SourceFileRefused($"'{path}' is {length} bytes, which exceeds the limit of {maxBytes}");
        byte[] bytes = new byte[length];
        stream.ReadExactly(bytes);
        return bytes;
    }
}

/// <summary>A source or include file refused before reading; the message names the file and says why.</summary>
public sealed class SourceFileRefused(string message) : IOException(message);
