namespace A64Asm.Verifier.Caches;

/// <summary>
/// A line-state model of the data cache under SCTLR_ELx.C. It does not hold data: memory always has the bytes
/// the program wrote, and the model says which lines an observer with caches off (the new kernel at entry, a
/// secondary CPU, a DMA master) would not see because they sit dirty in the cache, or could lose to the
/// eviction of an older dirty line.
/// </summary>
public sealed class DataCacheModel
{
    private readonly int _lineShift;
    private readonly Dictionary<ulong, LineState[]> _frames = new();   // per 4K frame, a state per line
    private readonly int _linesPerFrame;

    public DataCacheModel(int lineSize)
    {
        if (lineSize < 16 || (lineSize & (lineSize - 1)) != 0) throw new ArgumentOutOfRangeException(nameof(lineSize));
        LineSize = lineSize;
        _lineShift = System.Numerics.BitOperations.Log2((uint)lineSize);
        _linesPerFrame = Math.Max(1, 4096 / lineSize);
    }

    public int LineSize { get; }
    /// <summary>Whether data accesses are cacheable (SCTLR_ELx.C, and M for Normal memory); set by the CPU.</summary>
    public bool Cacheable { get; set; }

    /// <summary>Lines dirtied by the program whose data were then discarded by an invalidate: (pc, line address).</summary>
    public List<(ulong Pc, ulong Line)> DiscardedWrites { get; } = new();

    public LineState this[ulong address]
    {
        get => _frames.TryGetValue(address >> 12, out var lines) ? lines[LineIndex(address)] : LineState.Invalid;
        set => Lines(address)[LineIndex(address)] = value;
    }

    /// <summary>Marks lines as holding older dirty data, as memory the previous kernel used may.</summary>
    public void SeedStaleDirty(ulong address, ulong length)
    {
        for (ulong a = address & ~(ulong)(LineSize - 1); a < address + length; a += (ulong)LineSize)
            this[a] = LineState.StaleDirty;
    }

    public void OnStore(ulong address, int size)
    {
        if (!Cacheable) return;      // Non-cacheable stores go to memory; a line they miss keeps its state.
        for (ulong a = address & ~(ulong)(LineSize - 1); a < address + (ulong)size; a += (ulong)LineSize)
            this[a] = LineState.Dirty;
    }

    public void OnLoad(ulong address, int size)
    {
        if (!Cacheable) return;
        for (ulong a = address & ~(ulong)(LineSize - 1); a < address + (ulong)size; a += (ulong)LineSize)
            if (this[a] == LineState.Invalid) this[a] = LineState.Clean;
    }

    public void Maintain(DataMaintenance op, ulong address, ulong pc)
    {
        ulong line = address & ~(ulong)(LineSize - 1);
        var state = this[line];
        switch (op)
        {
            case DataMaintenance.InvalidateToPoC:
                if (state == LineState.Dirty) DiscardedWrites.Add((pc, line));
                if (state != LineState.Invalid) this[line] = LineState.Invalid;
                break;
            case DataMaintenance.CleanToPoC:
                if (state is LineState.Dirty or LineState.StaleDirty) this[line] = LineState.Clean;
                break;
            case DataMaintenance.CleanInvalidateToPoC:
                if (state != LineState.Invalid) this[line] = LineState.Invalid;
                break;
            case DataMaintenance.CleanToPoU:
                // The PoU is not the PoC: a line cleaned only to the PoU may still be dirty in a system cache.
                break;
            case DataMaintenance.ZeroByVa:
                OnStore(line, LineSize);
                break;
        }
    }

    /// <summary>Lines in [address, address+length) an observer with caches off would not see correctly.</summary>
    public IEnumerable<(ulong Line, LineState State)> Incoherent(ulong address, ulong length)
    {
        for (ulong frame = address >> 12; frame <= (address + length - 1) >> 12; frame++)
        {
            if (!_frames.TryGetValue(frame, out var lines)) continue;
            for (int i = 0; i < lines.Length; i++)
            {
                ulong a = (frame << 12) + ((ulong)i << _lineShift);
                if (a < address || a >= address + length) continue;
                if (lines[i] is LineState.Dirty or LineState.StaleDirty) yield return (a, lines[i]);
            }
        }
    }

    private LineState[] Lines(ulong address)
    {
        if (!_frames.TryGetValue(address >> 12, out var lines))
            _frames[address >> 12] = lines = new LineState[_linesPerFrame];
        return lines;
    }

    private int LineIndex(ulong address) => (int)((address & 0xFFF) >> _lineShift);
}
