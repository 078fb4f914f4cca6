using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using A64Asm.Verifier.Caches;

namespace A64Asm.Verifier.Emulation;

/// <summary>Guest loads and stores: a direct-mapped software TLB in front of <see cref="PhysicalMemory"/>.</summary>
public sealed unsafe partial class Machine
{
    private const int TlbBits = 6;
    private const int TlbSize = 1 << TlbBits;
    private const ulong Offset = PhysicalMemory.FrameSize - 1;

    // Tags hold frame number + 1 so that zero means empty.
    private readonly ulong[] _readTag = new ulong[TlbSize];
    private readonly nint[] _readPtr = new nint[TlbSize];
    private readonly ulong[] _writeTag = new ulong[TlbSize];
    private readonly nint[] _writePtr = new nint[TlbSize];
    private readonly int[] _writeFrame = new int[TlbSize];
    private readonly List<StrayStore> _strayStores = new();
    private ulong[] _istale = Array.Empty<ulong>();
    private ulong _maintainedFrame = ulong.MaxValue;
    // With the MMU off every data access is Device-nGnRnE, where any misaligned access faults.
    private bool _strictAlignment;
    // SCTLR_ELx.EE: data accesses of the current EL are big-endian (instruction fetches never are).
    private bool _bigEndianData;

    public IReadOnlyList<StrayStore> StrayStores => _strayStores;

    private readonly List<(ulong Start, ulong End)> _expectedStores = new();

    /// <summary>
    /// A physical range outside the destinations that the convention says the code writes (the spin-table's boot lock
    /// word): a store wholly inside it is not stray, and does not hide a later stray store elsewhere in its frame.
    /// </summary>
    public void ExpectStores(ulong address, ulong length) => _expectedStores.Add((address, address + length));

    private bool IsExpectedStore(ulong pa, int size)
    {
        foreach (var (start, end) in _expectedStores)
            if (pa >= start && pa + (ulong)size <= end) return true;
        return false;
    }

    /// <summary>Translation with the MMU on (v5.15+ entry state); null: addresses are physical, as with the MMU off.</summary>
    public KernelAddressMap? KernelMap { get; set; }

    /// <summary>The physical address of a data access: the address itself unless a kernel map is in force.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ulong Physical(ulong address) => KernelMap is null || !Cpu.MmuOn ? address : Translated(address);

    private ulong Translated(ulong address)
    {
        if (KernelMap!.Translate(address, Cpu.Sys[SystemRegisters.TTBR1_EL1], out string why) is { } pa) return pa;
        Fault(FaultKind.Translation, address, $"translation fault at 0x{address:x}: {why}");
        return 0;
    }

    public void FlushTlb()
    {
        Array.Clear(_readTag);
        Array.Clear(_writeTag);
        _maintainedFrame = ulong.MaxValue;
        _strictAlignment = !Cpu.MmuOn || Cpu.AlignmentCheck;
        _bigEndianData = Cpu.BigEndianData;
        // SCTLR.C alone makes nothing cacheable: with stage 1 off (and HCR_EL2.DC 0) the Arm ARM gives every data access
        // the Device-nGnRnE type; only instruction fetches follow SCTLR.I without the MMU.
        if (DataCache is not null) DataCache.Cacheable = Cpu.DataCacheOn && Cpu.MmuOn;
    }

    private void DropTlbEntries(ulong frameAddress)
    {
        ulong tag = TlbTag(frameAddress);
        int slot = TlbSlotOf(tag);
        if (_readTag[slot] == tag) _readTag[slot] = 0;
        if (_writeTag[slot] == tag) _writeTag[slot] = 0;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong TlbTag(ulong address) => (address >> PhysicalMemory.FrameShift) + 1;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int TlbSlotOf(ulong tag) => (int)(tag & (TlbSize - 1));

    /// <summary>The slot of <paramref name="tags"/> whose entry covers all of [address, address + size), or -1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int TlbHit(ulong[] tags, ulong address, int size)
    {
        ulong tag = TlbTag(address);
        int slot = TlbSlotOf(tag);
        return tags[slot] == tag && (address & Offset) <= (ulong)(PhysicalMemory.FrameSize - size) ? slot : -1;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void CheckAlignment(ulong address, int size, string what)
    {
        if (_strictAlignment && (address & (ulong)(size - 1)) != 0) AlignmentFault(address, size, what);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private byte* ReadPointer(ulong address, int size)
    {
        CheckAlignment(address, size, "load");
        int slot = TlbHit(_readTag, address, size);
        return slot >= 0 ? (byte*)_readPtr[slot] + (address & Offset) : ReadPointerSlow(address, size);
    }

    /// <summary>As <see cref="ReadPointer"/>; a store through the TLB marks its line stale in the I-cache model.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private byte* WritePointer(ulong address, int size)
    {
        CheckAlignment(address, size, "store");
        int slot = TlbHit(_writeTag, address, size);
        if (slot < 0) return WritePointerSlow(address, size);
        _istale[_writeFrame[slot]] |= LineBit(address);
        return (byte*)_writePtr[slot] + (address & Offset);
    }

    private byte* ReadPointerSlow(ulong address, int size)
    {
        int idx = Memory.FrameIndexOf(Physical(address));
        if (idx == 0) Fault(FaultKind.Unmapped, address, $"load of {size} bytes from unmapped address 0x{address:x}");
        if ((address & Offset) > (ulong)(PhysicalMemory.FrameSize - size)) return null;   // crosses a frame: byte path
        int slot = TlbSlotOf(TlbTag(address));
        _readTag[slot] = TlbTag(address);
        _readPtr[slot] = (nint)Memory.FramePointer(idx);
        return Memory.FramePointer(idx) + (address & Offset);
    }

    private byte* WritePointerSlow(ulong address, int size)
    {
        ulong pa = Physical(address);
        int idx = Memory.FrameIndexOf(pa);
        if (idx == 0) Fault(FaultKind.Unmapped, address, $"store of {size} bytes to unmapped address 0x{address:x}");
        if (_expectedStores.Count > 0 && IsExpectedStore(pa, size))
        {
            // Recorded as a write for the caches only; the byte path keeps the frame out of the write TLB, so the
            // next store to it comes back here and is judged on its own.
            if (_istale.Length <= Memory.FrameCount) _istale = Memory.IStaleArray;
            _istale[idx] |= LineBit(pa);
            DataCache?.OnStore(pa, size);
            return null;
        }
        NoteStore(idx, pa, size);
        if ((address & Offset) > (ulong)(PhysicalMemory.FrameSize - size))
        {
            ulong last = address + (ulong)size - 1;
            ulong lastPa = Physical(last);
            int next = Memory.FrameIndexOf(lastPa);
            if (next == 0) Fault(FaultKind.Unmapped, last, $"store of {size} bytes runs into unmapped address 0x{last:x}");
            NoteStore(next, lastPa, 1);
            return null;                                   // crosses a frame: byte path
        }
        // Stores to code frames (re-decoded after the write) and stores the cache model must see stay slow.
        if (_decodedFrames.ContainsKey(idx)) return null;
        byte* p = Memory.FramePointer(idx) + (address & Offset);
        if (DataCache is not null) return p;
        int slot = TlbSlotOf(TlbTag(address));
        _writeTag[slot] = TlbTag(address);
        _writePtr[slot] = (nint)Memory.FramePointer(idx);
        _writeFrame[slot] = idx;
        return p;
    }

    private void NoteStore(int idx, ulong address, int size)
    {
        if (_istale.Length <= Memory.FrameCount) _istale = Memory.IStaleArray;
        _istale[idx] |= LineBit(address);
        if (Memory.MarkWritten(idx))
        {
            var role = Memory.Role(idx);
            if (role is not (FrameRole.Destination or FrameRole.Ram))
                _strayStores.Add(new StrayStore(_pc, address, role, CurrentStep()));
        }
        DataCache?.OnStore(address, size);
    }

    /// <summary>
    /// The bit of an address's 64-byte line in its frame's I-cache staleness word: every store sets it, IC IVAU
    /// clears it, and a fetch with SCTLR.I set from a line whose bit is set is the stale-I-cache finding.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong LineBit(ulong address) => 1UL << (int)((address >> 6) & 63);

    /// <summary>The bits of every line from the one holding <paramref name="first"/> to the one holding <paramref name="last"/>, in one frame.</summary>
    internal static ulong LineBits(ulong first, ulong last) => (LineBit(last) | (LineBit(last) - 1)) & ~(LineBit(first) - 1);

    private void AlignmentFault(ulong address, int size, string what) =>
        Fault(FaultKind.Alignment, address,
            $"misaligned {what} of {size} bytes at 0x{address:x}" + (Cpu.MmuOn ? " with SCTLR.A set" : " with the MMU off (Device memory)"));

    /// <summary>A load of 1, 2, 4 or 8 bytes, zero-extended, in the data endianness of the current EL.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong Load(ulong a, int size)
    {
        var p = ReadPointer(a, size);
        ulong v = p == null ? LoadBytes(a, size) : size switch { 8 => *(ulong*)p, 4 => *(uint*)p, 2 => *(ushort*)p, _ => *p };
        return _bigEndianData ? SwapBytes(v, size) : v;
    }

    /// <summary>A store of the low 1, 2, 4 or 8 bytes of <paramref name="v"/>, in the data endianness of the current EL.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Store(ulong a, ulong v, int size)
    {
        if (_bigEndianData) v = SwapBytes(v, size);
        var p = WritePointer(a, size);
        if (p == null) { StoreBytes(a, v, size); return; }
        switch (size)
        {
            case 8: *(ulong*)p = v; break;
            case 4: *(uint*)p = (uint)v; break;
            case 2: *(ushort*)p = (ushort)v; break;
            default: *p = (byte)v; break;
        }
    }

    /// <summary>The low <paramref name="size"/> bytes of <paramref name="v"/> in the opposite byte order.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong SwapBytes(ulong v, int size) => BinaryPrimitives.ReverseEndianness(v) >> (64 - 8 * size);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong Load64(ulong a) => Load(a, 8);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public uint Load32(ulong a) => (uint)Load(a, 4);
    public ushort Load16(ulong a) => (ushort)Load(a, 2);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Store64(ulong a, ulong v) => Store(a, v, 8);

    // Accesses that straddle two frames (allowed when alignment is not enforced) go byte by byte.
    private ulong LoadBytes(ulong a, int size)
    {
        ulong v = 0;
        for (int i = 0; i < size; i++) v |= (ulong)*ReadPointer(a + (ulong)i, 1) << (8 * i);
        return v;
    }

    // Already checked and noted by WritePointerSlow: write the bytes, then refresh any decoded copy of them.
    private void StoreBytes(ulong a, ulong v, int size)
    {
        for (int i = 0; i < size; i++)
        {
            ulong ai = a + (ulong)i;
            *(Memory.FramePointer(Memory.FrameIndexOf(Physical(ai))) + (ai & Offset)) = (byte)(v >> (8 * i));
        }
        for (ulong w = a & ~3UL; w < a + (ulong)size; w += 4)
            if (_decodedFrames.TryGetValue(Memory.FrameIndexOf(Physical(w)), out var code))
            {
                code.Decoded[(int)((w & Offset) >> 2)] = A64Asm.Isa.Decoding.A64Decoder.Decode(BitConverter.ToUInt32(Memory.Frame(w).Slice((int)(w & Offset), 4)));
                code.Invalidate();   // pre-decoded blocks may hold the old word
                _codeVersion++;
            }
    }

    /// <summary>IC IALLU/IALLUIS: every line written so far may now be fetched fresh.</summary>
    private void InvalidateInstructionCacheAll()
    {
        Memory.ClearAllIStale();
        Counters.CacheMaintenance++;
    }

    /// <summary>IC IVAU: the I-cache line holding the address is invalidated.</summary>
    private void InvalidateInstructionCacheLine(ulong address)
    {
        address = Physical(address);
        int idx = Memory.FrameIndexOf(address);
        Counters.CacheMaintenance++;
        if (idx == 0) return;
        int line = Model.InstructionLineSize;
        ulong start = address & ~(ulong)(line - 1);
        for (ulong a = start; a < start + (ulong)line; a += 64)
            if ((a >> 12) == (address >> 12)) Memory.IStaleLines(idx) &= ~LineBit(a);
    }

    private void MaintainDataCache(DataMaintenance op, ulong address)
    {
        Counters.CacheMaintenance++;
        if (op == DataMaintenance.ZeroByVa)
        {
            int block = 4 << (int)(Cpu.Sys[SystemRegisters.DCZID_EL0] & 15);
            ulong start = address & ~(ulong)(block - 1);
            for (ulong a = start; a < start + (ulong)block; a += 8) Store64(a, 0);
            return;
        }
        // DC by VA to unmapped memory faults like a load would (the MMU-off translation has nothing there).
        // Frames are never unmapped, so the last frame found mapped needs no second look (a page takes 64 of these);
        // a kernel map changes only with TTBR1 or SCTLR, which forget that frame.
        ulong pa = Physical(address);
        if ((address >> PhysicalMemory.FrameShift) != _maintainedFrame)
        {
            if (!Memory.IsMapped(pa)) Fault(FaultKind.Unmapped, address, $"cache maintenance at unmapped address 0x{address:x}");
            _maintainedFrame = address >> PhysicalMemory.FrameShift;
        }
        DataCache?.Maintain(op, pa, _pc);
    }
}
