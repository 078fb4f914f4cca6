using System.Runtime.InteropServices;
using System.Text;

namespace A64Asm.Cli.Output;

/// <summary>What an output path names now: nothing, a regular file, a directory, or something else (a device such as
/// /dev/null, a FIFO, a socket), which is written in place because renaming over it would replace it.</summary>
public enum PathKind { Missing, Regular, Directory, Special }

/// <summary>
/// Tells the kinds apart with Linux's statx (after symlinks): .NET says whether a path is a directory but not whether it
/// is a device or a FIFO. Elsewhere, or without statx, every existing non-directory counts as regular.
/// </summary>
public static class PathKinds
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
