using System.Collections.Concurrent;

namespace A64Asm.Verifier.Emulation;

/// <summary>
/// Large pinned byte arrays that back emulated physical memory. A 1 GiB kimage needs 2 GiB of frames; allocating
/// them fresh every run costs more in OS page faults than the emulation itself, so slabs are returned here on
/// dispose and reused by the next run in the same process.
/// </summary>
internal static class SlabPool
{
    public const int SlabFrames = 16384;                        // 64 MiB of 4K frames
    public const int SlabBytes = SlabFrames << PhysicalMemory.FrameShift;

    private static readonly ConcurrentBag<byte[]> Free = new();

    public static byte[] Rent() =>
        Free.TryTake(out var slab) ? slab : GC.AllocateUninitializedArray<byte>(SlabBytes, pinned: true);

    public static void Return(byte[] slab) => Free.Add(slab);

    /// <summary>Drops the pooled slabs (tests that want to measure a cold start call this).</summary>
    public static void Trim() { while (Free.TryTake(out _)) { } }
}
