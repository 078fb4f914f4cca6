using System.Runtime.InteropServices;
using System.Text;

namespace A64Asm.Assembler.Diagnostics;

/// <summary>
/// Whether a path names a regular file, asked before it is opened: opening a FIFO blocks until a writer comes, and
/// a device such as /dev/zero reads forever. .NET does not say what kind of file a path is, so this asks Linux's
/// statx, whose record has the same layout on every architecture. Elsewhere (or on a libc without statx) every
/// existing path counts as regular, as before.
/// </summary>
internal static class FileKind
{
    private const int AtFdCwd = -100;
    private const uint StatxType = 0x1;
    private const int TypeMask = 0xF000;
    private const int RegularFile = 0x8000;

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
    public static bool IsRegularOrUnknown(string path)
    {
        if (_unavailable)
            return true;
        try
        {
            byte[] name = Encoding.UTF8.GetBytes(path + "\0");
            if (Statx(AtFdCwd, name, 0, StatxType, out var record) != 0 || (record.Mask & StatxType) == 0)
                return true;
            return (record.Mode & TypeMask) == RegularFile;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            _unavailable = true;
            return true;
        }
    }
}
