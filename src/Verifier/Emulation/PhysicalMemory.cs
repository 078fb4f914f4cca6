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
    private ulong[] _expect = new ulong[1024];                    // destination frames: the stream they must end up as, + 1
    // Source frames, and destination frames that know what they must hold, cycle through rings of storage: a frame
    // pushed out is one whose contents are a stream again (an unwritten source, a correctly copied destination),
    // so it is regenerated if touched later. Frames that are not (written sources, wrong copies) keep storage.
    private sealed class Ring(int capacity)
    {
        public readonly nint[] Storage = new nint[capacity];
        public readonly int[] Owner = new int[capacity];
        public int Next;
    }
    // Rings small enough to stay in the CPU caches: generating, copying and comparing a page then costs no memory
    // traffic (with 32 MiB rings the run was bound by it), and the OS has few first-touch faults. The source ring
    // is the larger so that a destination is released while its source is still held: the release compares the
    // two instead of regenerating the stream.
    private readonly Ring _sourceRing = new(512);                 // 2 MiB
    private readonly Ring _destinationRing = new(256);            // 1 MiB
    // Stream -> the source frame mapped with it (0: none), for that comparison.
    private int[] _streamSource = new int[1024];
    private readonly byte[] _scratch = new byte[FrameSize];
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
        var ring = _role[frameIndex] switch
        {
            FrameRole.Source => _sourceRing,
            FrameRole.Destination when _expect[frameIndex] != 0 => _destinationRing,
            _ => null,
        };
        nint slot = ring is null ? 0 : TakeRingSlot(ring, frameIndex);
        byte* p = slot != 0 ? (byte*)slot : NewStorage();
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

    private nint TakeRingSlot(Ring ring, int frameIndex)
    {
        int slot = ring.Next;
        int owner = ring.Owner[slot];
        if (owner != 0 && !TryRelease(owner)) return 0;   // the ring waits at a pinned frame; others get fresh storage
        ring.Next = (slot + 1) % ring.Owner.Length;
        if (ring.Storage[slot] == 0) ring.Storage[slot] = (nint)NewStorage();
        ring.Owner[slot] = frameIndex;
        return ring.Storage[slot];
    }

    private bool TryRelease(int frameIndex)
    {
        if (_role[frameIndex] == FrameRole.Source)
        {
            if (_written[frameIndex]) return false;
        }
        else
        {
            ulong stream = _expect[frameIndex] - 1;
            if (!new Span<byte>((void*)_ptr[frameIndex], FrameSize).SequenceEqual(StreamContents(stream))) return false;
            _fill[frameIndex] = FrameFill.Stream;
            _stream[frameIndex] = stream;
        }
        _ptr[frameIndex] = 0;
        Evicted?.Invoke(_frameAddress[frameIndex]);
        return true;
    }

    /// <summary>What a frame of <paramref name="stream"/> holds: its unwritten source frame when one is in memory, else generated.</summary>
    private ReadOnlySpan<byte> StreamContents(ulong stream)
    {
        int source = stream < (ulong)_streamSource.Length ? _streamSource[stream] : 0;
        if (source != 0 && _ptr[source] != 0 && !_written[source] && _role[source] == FrameRole.Source
            && _fill[source] == FrameFill.Stream && _stream[source] == stream)
            return new ReadOnlySpan<byte>((void*)_ptr[source], FrameSize);
        Xorshift.Fill(_scratch, StreamSeed, stream);
        return _scratch;
    }

    public ulong StreamOf(int frameIndex) => _stream[frameIndex];

    /// <summary>
    /// Makes <paramref name="destination"/> hold what <paramref name="source"/> holds, when the source is an
    /// untouched stream: the destination then becomes that stream too, with no storage until it is touched (a
    /// whole-frame copy at the cost of a few fields). False when the source's contents are not a stream.
    /// </summary>
    internal bool TryShareStream(int destination, int source)
    {
        if (_ptr[source] != 0 || _fill[source] != FrameFill.Stream) return false;
        ulong stream = _stream[source];
        if (_ptr[destination] != 0) Xorshift.Fill(new Span<byte>((void*)_ptr[destination], FrameSize), StreamSeed, stream);
        else
        {
            _fill[destination] = FrameFill.Stream;
            _stream[destination] = stream;
        }
        return true;
    }

    /// <summary>What <see cref="Xorshift.WordAt(in ValueTuple{ulong, ulong, ulong, ulong}, int)"/> needs to read words of a stream frame without materializing it.</summary>
    internal (ulong, ulong, ulong, ulong) StreamLanes(int frameIndex) => Xorshift.Lanes(StreamSeed, _stream[frameIndex]);

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
    public void MapDeferred(ulong frameAddress, FrameRole role, FrameFill fill, ulong stream = 0, ulong? expectedStream = null)
    {
        ulong fn = frameAddress >> FrameShift;
        int idx = FrameIndex(fn);
        if (idx == 0) idx = AllocateFrame(fn);
        _role[idx] = role;
        _fill[idx] = fill;
        _stream[idx] = stream;
        _expect[idx] = expectedStream is { } e ? e + 1 : 0;
        if (role == FrameRole.Source && fill == FrameFill.Stream && stream < 1UL << 24)
        {
            if (stream >= (ulong)_streamSource.Length) Array.Resize(ref _streamSource, Math.Max((int)stream + 1, _streamSource.Length * 2));
            _streamSource[stream] = idx;
        }
        if (_ptr[idx] != 0) Generate(idx, new Span<byte>((void*)_ptr[idx], FrameSize));
    }

    /// <summary>Reserves per-frame bookkeeping for <paramref name="frames"/> more frames up front.</summary>
    public void Reserve(int frames)
    {
        // Headroom for the few frames a harness maps after a bulk reservation (the control page), so that one more
        // frame does not double every array.
        const int headroom = 64;
        if (_frameCount + frames + 1 > _role.Length) Grow(_frameCount + frames + 1 + headroom);
        // Kimage sources map one stream per frame, numbered from 0.
        if (frames > _streamSource.Length && frames < 1 << 24) Array.Resize(ref _streamSource, frames);
    }

    private void Grow(int needed)
    {
        int size = Math.Max(needed, _role.Length * 2);
        HugePages.Resize(ref _frameAddress, size);
        HugePages.Resize(ref _role, size);
        HugePages.Resize(ref _istaleLines, size);
        HugePages.Resize(ref _written, size);
        HugePages.Resize(ref _ptr, size);
        HugePages.Resize(ref _fill, size);
        HugePages.Resize(ref _stream, size);
        HugePages.Resize(ref _expect, size);
    }

    public void Dispose()
    {
        foreach (var slab in _slabs) SlabPool.Return(slab);
        _slabs.Clear();
        _slabBases.Clear();
        Array.Clear(_regions);
        _frameCount = 0;
        _storageCount = 0;
        foreach (var ring in new[] { _sourceRing, _destinationRing })
        {
            Array.Clear(ring.Storage);
            Array.Clear(ring.Owner);
            ring.Next = 0;
        }
        Array.Clear(_ptr);
    }
}
