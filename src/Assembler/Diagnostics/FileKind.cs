using System.Runtime.InteropServices;
using System.Text;

namespace A64Asm.Assembler.Diagnostics;

/// <summary>What a path names now: nothing, a regular file, a directory, or something else (a device such as
/// /dev/null or /dev/zero, a FIFO, a socket).</summary>
public enum PathKind { Missing, Regular, Directory, Special }

/// <summary>
/// What kind of file a path names, asked before it is opened or replaced: opening a FIFO to read blocks until a writer
/// comes, a device such as /dev/zero reads forever, and renaming over /dev/null would replace it. .NET says whether a
/// path is a directory but not whether it is a device or a FIFO, so this asks Linux's statx (after symlinks), whose
/// record has the same layout on every architecture. Elsewhere (or on a libc without statx) every existing
/// non-directory counts as regular.
/// </summary>
public static class FileKind
{
    private const int AtFdCwd = -100;
    private const uint StatxType = 0x1;
    private const int TypeMask = 0xF000;
    private const int RegularFile = 0x8000;
    private const int DirectoryFile = 0x4000;

    private static bool _unavailable = !OperatingSystem.IsLinux();

    [StructLayout(LayoutKind.Explicit, Size = 256)]
    private struct StatxRecord
    {
        [FieldOffset(0)] public uint Mask;
        [FieldOffset(28)] public ushort Mode;
    }

    [DllImport("libc.so.6", EntryPoint = "statx")]
    private static extern int Statx(int dirFd, byte[] path, int flags, uint mask, out StatxRecord record);

    /// <summary>False only when the path exists and is something other than a regular file (after symlinks).</summary>
    public static bool IsRegularOrUnknown(string path) => Of(path) is PathKind.Missing or PathKind.Regular;

    public static PathKind Of(string path)
    {
        if (Directory.Exists(path))
            return PathKind.Directory;
        if (!File.Exists(path))
            return PathKind.Missing;
        if (_unavailable)
            return PathKind.Regular;
        try
        {
            if (Statx(AtFdCwd, Encoding.UTF8.GetBytes(path + "\0"), 0, StatxType, out var record) != 0 || (record.Mask & StatxType) == 0)
                return PathKind.Regular;
            return (record.Mode & TypeMask) switch
            {
                RegularFile => PathKind.Regular,
                DirectoryFile => PathKind.Directory,
                _ => PathKind.Special,
            };
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            _unavailable = true;
            return PathKind.Regular;
        }
    }
}
