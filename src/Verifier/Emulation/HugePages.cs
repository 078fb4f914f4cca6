using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace A64Asm.Verifier.Emulation;

/// <summary>
/// Large per-frame tables asked to be backed by 2 MiB pages. A gigabyte kimage needs tens of megabytes of them,
/// touched once each while it is built; under virtualization a 4K first-touch fault costs microseconds, so a
/// quarter of the verify went to them. Linux only, and only a hint: where it is not honoured nothing changes.
/// </summary>
internal static unsafe partial class HugePages
{
    private const int MadvHugePage = 14;
    private const nuint HugePage = 2 << 20;
    private static bool _unavailable = !OperatingSystem.IsLinux();

    [LibraryImport("libc.so.6", EntryPoint = "madvise")]
    private static partial int Madvise(void* address, nuint length, int advice);

    /// <summary>A zeroed array, pinned (the advice is about its addresses), advised before anything touches it.</summary>
    public static T[] Allocate<T>(int length) where T : unmanaged
    {
        nuint bytes = (nuint)length * (nuint)sizeof(T);
        if (_unavailable || bytes < HugePage / 2) return new T[length];
        var array = GC.AllocateUninitializedArray<T>(length, pinned: true);
        nuint p = (nuint)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(array));
        // Whole 2 MiB blocks around the array: a block half outside it still gets a large page when the rest of the
        // block is untouched heap (a fresh region); where it is not, the kernel falls back to small pages.
        nuint start = p & ~(HugePage - 1), end = (p + bytes + HugePage - 1) & ~(HugePage - 1);
        try { Madvise((void*)start, end - start, MadvHugePage); }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException) { _unavailable = true; }
        array.AsSpan().Clear();
        return array;
    }

    /// <summary><see cref="Array.Resize{T}"/> into an <see cref="Allocate{T}"/> array.</summary>
    public static void Resize<T>(ref T[] array, int length) where T : unmanaged
    {
        var fresh = Allocate<T>(length);
        array.AsSpan(0, Math.Min(array.Length, length)).CopyTo(fresh);
        array = fresh;
    }
}
