using System.Runtime.CompilerServices;

namespace A64Asm.Verifier.Emulation;

/// <summary>
/// Sparse physical memory in 4K frames over a 48-bit address space: only mapped frames cost storage, so a
/// kimage spread over many GiB of addresses costs its pages only. Frames live in pooled pinned slabs and are
/// reached through raw pointers, which is what keeps the interpreter's load/store path short.
/// </summary>
public sealed unsafe class PhysicalMemory : IDisposable
{
    public const int FrameShift = 12;
    public const int FrameSize = 1 << FrameShift;
    public const int AddressBits = 48;
    private const int RegionShift = 30;                          // one second-level table per GiB
    private const int FramesPerRegion = 1 << (RegionShift - FrameShift);

    private readonly int[]?[] _regions = new int[]?[1 << (AddressBits - RegionShift)];
    private readonly List<byte[]> _slabs = new();
    private readonly List<nint> _slabBases = new();
    // Per frame, indexed by frame index (1-based; 0 means unmapped).
    private ulong[] _frameAddress = new ulong[1024];
    private FrameRole[] _role = new FrameRole[1024];
    private ulong[] _istaleLines = new ulong[1024];
    private bool[] _written = new bool[1024];
    private int _frameCount;

    public int FrameCount => _frameCount;
    public long MappedBytes => (long)_frameCount << FrameShift;

    /// <summary>Maps [address, address+length) frame by frame; frames already mapped keep contents and take the new role.</summary>
    public void Map(ulong address, ulong length, FrameRole role)
    {
        if (length == 0) return;
        ulong first = address >> FrameShift, last = (address + length - 1) >> FrameShift;
        for (ulong fn = first; fn <= last; fn++)
        {
            int idx = FrameIndex(fn);
            if (idx == 0) idx = AddFrame(fn);
            _role[idx] = role;
        }
    }

    public bool IsMapped(ulong address) => FrameIndexOf(address) != 0;

    public FrameRole RoleOf(ulong address)
    {
        int idx = FrameIndexOf(address);
        return idx == 0 ? FrameRole.Ram : _role[idx];
    }

    /// <summary>The frame index for an address, 0 when unmapped.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int FrameIndexOf(ulong address) => address >> AddressBits != 0 ? 0 : FrameIndex(address >> FrameShift);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int FrameIndex(ulong frameNumber)
    {
        var table = _regions[frameNumber >> (RegionShift - FrameShift)];
        return table is null ? 0 : table[(int)(frameNumber & (FramesPerRegion - 1))];
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public byte* FramePointer(int frameIndex)
    {
        int zeroBased = frameIndex - 1;
        return (byte*)_slabBases[zeroBased / SlabPool.SlabFrames] + ((long)(zeroBased % SlabPool.SlabFrames) << FrameShift);
    }

    public FrameRole Role(int frameIndex) => _role[frameIndex];
    public ulong FrameAddress(int frameIndex) => _frameAddress[frameIndex];

    /// <summary>Marks a frame written; returns true the first time, so callers record who wrote it first.</summary>
    public bool MarkWritten(int frameIndex)
    {
        if (_written[frameIndex]) return false;
        _written[frameIndex] = true;
        return true;
    }

    public bool WasWritten(int frameIndex) => _written[frameIndex];

    /// <summary>Per frame, a bit per 64-byte line written since the last instruction-cache invalidation covering it.</summary>
    public ref ulong IStaleLines(int frameIndex) => ref _istaleLines[frameIndex];

    /// <summary>The array behind <see cref="IStaleLines"/>, for the store fast path; replaced when frames are added.</summary>
    internal ulong[] IStaleArray => _istaleLines;

    public void ClearAllIStale() => Array.Clear(_istaleLines, 0, _frameCount + 1);

    /// <summary>The 4K frame containing <paramref name="address"/> as a span; throws when unmapped.</summary>
    public Span<byte> Frame(ulong address)
    {
        int idx = FrameIndexOf(address);
        if (idx == 0) throw new InvalidOperationException($"no memory at 0x{address:x}");
        return new Span<byte>(FramePointer(idx), FrameSize);
    }

    /// <summary>Copies out of mapped memory, across frames.</summary>
    public void Read(ulong address, Span<byte> destination)
    {
        while (!destination.IsEmpty)
        {
            int offset = (int)(address & (FrameSize - 1));
            int n = Math.Min(FrameSize - offset, destination.Length);
            Frame(address).Slice(offset, n).CopyTo(destination);
            destination = destination[n..];
            address += (ulong)n;
        }
    }

    /// <summary>Copies into mapped memory, across frames, without counting as a guest store.</summary>
    public void Write(ulong address, ReadOnlySpan<byte> source)
    {
        while (!source.IsEmpty)
        {
            int offset = (int)(address & (FrameSize - 1));
            int n = Math.Min(FrameSize - offset, source.Length);
            source[..n].CopyTo(Frame(address).Slice(offset, n));
            source = source[n..];
            address += (ulong)n;
        }
    }

    public ulong ReadUInt64(ulong address)
    {
        Span<byte> b = stackalloc byte[8];
        Read(address, b);
        return BitConverter.ToUInt64(b);
    }

    public void WriteUInt64(ulong address, ulong value) => Write(address, BitConverter.GetBytes(value));

    private int AddFrame(ulong frameNumber)
    {
        int idx = AllocateFrame(frameNumber);
        // Pooled slabs hold old data: a newly mapped frame starts as zeros, like RAM a loader cleared.
        new Span<byte>(FramePointer(idx), FrameSize).Clear();
        return idx;
    }

    private int AllocateFrame(ulong frameNumber)
    {
        var table = _regions[frameNumber >> (RegionShift - FrameShift)] ??= new int[FramesPerRegion];
        int idx = ++_frameCount;
        if (idx > (long)_slabs.Count * SlabPool.SlabFrames)
        {
            var slab = SlabPool.Rent();
            _slabs.Add(slab);
            _slabBases.Add((nint)Unsafe.AsPointer(ref slab[0]));
        }
        if (idx >= _role.Length) Grow(idx + 1);
        _frameAddress[idx] = frameNumber << FrameShift;
        table[(int)(frameNumber & (FramesPerRegion - 1))] = idx;
        return idx;
    }

    /// <summary>
    /// Maps a frame whose contents the caller is about to overwrite entirely, skipping the clear.
    /// The kimage builder fills gigabytes this way; clearing first would double the memory traffic.
    /// </summary>
    public byte* MapUninitialized(ulong frameAddress, FrameRole role)
    {
        ulong fn = frameAddress >> FrameShift;
        int idx = FrameIndex(fn);
        if (idx == 0) idx = AllocateFrame(fn);
        _role[idx] = role;
        return FramePointer(idx);
    }

    /// <summary>Reserves per-frame bookkeeping for <paramref name="frames"/> more frames up front.</summary>
    public void Reserve(int frames)
    {
        if (_frameCount + frames + 1 > _role.Length) Grow(_frameCount + frames + 1);
    }

    private void Grow(int needed)
    {
        int size = Math.Max(needed, _role.Length * 2);
        Array.Resize(ref _frameAddress, size);
        Array.Resize(ref _role, size);
        Array.Resize(ref _istaleLines, size);
        Array.Resize(ref _written, size);
    }

    public void Dispose()
    {
        foreach (var slab in _slabs) SlabPool.Return(slab);
        _slabs.Clear();
        _slabBases.Clear();
        Array.Clear(_regions);
        _frameCount = 0;
    }
}
