using System.Runtime.CompilerServices;

namespace A64Asm.Verifier.Emulation;

/// <summary>What an untouched frame holds.</summary>
public enum FrameFill : byte { Zero, Poison, Stream }

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
    private int _storageCount;                                     // 4K storage slots handed out of the slabs
    // Frames are materialized on first touch: until then their contents are a function of their fill.
    private nint[] _ptr = new nint[1024];
    private FrameFill[] _fill = new FrameFill[1024];
    private ulong[] _stream = new ulong[1024];
    // Streamed (source) frames share a ring of storage: a frame pushed out is regenerated if touched again.
    private readonly nint[] _ringStorage = new nint[RingFrames];
    private readonly int[] _ringOwner = new int[RingFrames];
    private int _ringNext;
    private const int RingFrames = 8192;                           // 32 MiB
    // Per frame, indexed by frame index (1-based; 0 means unmapped).
    private ulong[] _frameAddress = new ulong[1024];
    private FrameRole[] _role = new FrameRole[1024];
    private ulong[] _istaleLines = new ulong[1024];
    private bool[] _written = new bool[1024];
    private int _frameCount;

    public int FrameCount => _frameCount;
    /// <summary>Seed of <see cref="FrameFill.Stream"/> contents.</summary>
    public ulong StreamSeed { get; set; }
    public byte Poison { get; set; } = 0xDB;
    /// <summary>Raised with a frame's address when its storage is recycled (the CPU drops its TLB entry).</summary>
    public event Action<ulong>? Evicted;
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

    /// <summary>The frame's storage, materializing it (zeros, poison or its stream) on first touch.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public byte* FramePointer(int frameIndex)
    {
        nint p = _ptr[frameIndex];
        return p != 0 ? (byte*)p : Materialize(frameIndex);
    }

    /// <summary>The frame's storage if it has any (never materializes; safe from several threads).</summary>
    public byte* PointerIfMaterialized(int frameIndex) => (byte*)_ptr[frameIndex];

    public FrameFill Fill(int frameIndex) => _fill[frameIndex];

    /// <summary>Writes what an untouched frame holds into <paramref name="destination"/> (4K).</summary>
    public void Generate(int frameIndex, Span<byte> destination)
    {
        switch (_fill[frameIndex])
        {
            case FrameFill.Stream: Xorshift.Fill(destination, StreamSeed, _stream[frameIndex]); break;
            case FrameFill.Poison: destination.Fill(Poison); break;
            default: destination.Clear(); break;
        }
    }

    private byte* Materialize(int frameIndex)
    {
        byte* p;
        if (_fill[frameIndex] == FrameFill.Stream && TakeRingSlot(frameIndex) is var ring && ring != 0) p = (byte*)ring;
        else p = NewStorage();
        _ptr[frameIndex] = (nint)p;
        Generate(frameIndex, new Span<byte>(p, FrameSize));
        return p;
    }

    private byte* NewStorage()
    {
        int slot = _storageCount++;
        if (slot >= _slabs.Count * SlabPool.SlabFrames)
        {
            var slab = SlabPool.Rent();
            _slabs.Add(slab);
            _slabBases.Add((nint)Unsafe.AsPointer(ref slab[0]));
        }
        return (byte*)_slabBases[slot / SlabPool.SlabFrames] + ((long)(slot % SlabPool.SlabFrames) << FrameShift);
    }

    // A written frame keeps its storage for good; only untouched-by-stores streamed frames are recycled.
    private nint TakeRingSlot(int frameIndex)
    {
        int slot = _ringNext;
        int owner = _ringOwner[slot];
        if (owner != 0 && _written[owner]) return 0;
        _ringNext = (slot + 1) % RingFrames;
        if (_ringStorage[slot] == 0) _ringStorage[slot] = (nint)NewStorage();
        if (owner != 0)
        {
            _ptr[owner] = 0;
            Evicted?.Invoke(_frameAddress[owner]);
        }
        _ringOwner[slot] = frameIndex;
        return _ringStorage[slot];
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

    public void WriteUInt64(ulong address, ulong value)
    {
        Span<byte> b = stackalloc byte[8];
        BitConverter.TryWriteBytes(b, value);
        Write(address, b);
    }

    // A newly mapped frame reads as zeros, like RAM a loader cleared (pooled slabs hold old data: Generate clears).
    private int AddFrame(ulong frameNumber) => AllocateFrame(frameNumber);

    private int AllocateFrame(ulong frameNumber)
    {
        var table = _regions[frameNumber >> (RegionShift - FrameShift)] ??= new int[FramesPerRegion];
        int idx = ++_frameCount;
        if (idx >= _role.Length) Grow(idx + 1);
        _frameAddress[idx] = frameNumber << FrameShift;
        table[(int)(frameNumber & (FramesPerRegion - 1))] = idx;
        return idx;
    }

    /// <summary>
    /// Maps a 4K frame whose contents are generated when first touched: a seeded stream (source pages) or
    /// poison (destinations). A gigabyte kimage then costs no up-front fill, and source pages live only as long
    /// as the copy needs them.
    /// </summary>
    public void MapDeferred(ulong frameAddress, FrameRole role, FrameFill fill, ulong stream = 0)
    {
        ulong fn = frameAddress >> FrameShift;
        int idx = FrameIndex(fn);
        if (idx == 0) idx = AllocateFrame(fn);
        _role[idx] = role;
        _fill[idx] = fill;
        _stream[idx] = stream;
        if (_ptr[idx] != 0) Generate(idx, new Span<byte>((void*)_ptr[idx], FrameSize));
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
        Array.Resize(ref _ptr, size);
        Array.Resize(ref _fill, size);
        Array.Resize(ref _stream, size);
    }

    public void Dispose()
    {
        foreach (var slab in _slabs) SlabPool.Return(slab);
        _slabs.Clear();
        _slabBases.Clear();
        Array.Clear(_regions);
        _frameCount = 0;
        _storageCount = 0;
        Array.Clear(_ringStorage);
        Array.Clear(_ringOwner);
        Array.Clear(_ptr);
    }
}
