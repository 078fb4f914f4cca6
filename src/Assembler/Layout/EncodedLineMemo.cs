namespace A64Asm.Assembler.Layout;

/// <summary>
/// Instruction words by the exact text of the statement that produced them, for statements whose word followed
/// from their text alone: no label, no fixup, no value of a defined symbol or of '.', no register alias. The same
/// text met again gives the same word as long as the names it looked up are still undefined (bare words such as
/// barrier, system-register and cache-operation names are looked up as symbols first, as gas does), so its parse
/// and encoding are skipped. A text is admitted on its second encoding (a one-slot-per-hash filter remembers the
/// first), so the texts that occur once, most of a large file, do not evict the ones that repeat.
/// Direct-mapped, and kept in plain arrays (texts in one character arena, names as indices) rather than objects:
/// entries replaced at every line would otherwise be old objects pointing at young ones, which every collection
/// has to trace.
/// One thread may add while another finds (the two-thread front end finds on its parsing thread, and the
/// assembling thread adds), without a lock: a slot carries a version that is odd while it is being written, the
/// arena is only appended to within a generation, and a find that saw either change under it reports a miss.
/// </summary>
internal sealed class EncodedLineMemo
{
    // 16K slots of 32 bytes stay in the L2 cache; most lookups (new texts) end at the slot's hash.
    private const int SlotBits = 14;
    private const int ArenaChars = 1 << 21;
    private const int MaxNames = 1 << 12;

    private const int SeenSlots = 1 << 16;

    private readonly Slot[] _slots = new Slot[1 << SlotBits];
    private readonly int[] _seenOnce = new int[SeenSlots];
    private readonly char[] _arena = new char[ArenaChars];
    private readonly string?[] _names = new string?[MaxNames];
    private int _nameCount;
    private readonly Dictionary<string, int> _nameIds = new(StringComparer.Ordinal);
    private int _arenaUsed;
    // Slots of an earlier generation are empty: clearing is one increment when the arena fills up.
    private int _generation = 1;

    private struct Slot
    {
        public int Version;
        public int Generation;
        public int Hash;
        public int TextStart, TextLength;
        // Name ids (below MaxNames) or -1; short, so the feature fits in the 32 bytes.
        public short Name0, Name1;
        public uint Word;
        public Isa.Feature Needs;
    }

    /// <summary>The word memoized for <paramref name="text"/> and the names that must still be undefined for it to hold.</summary>
    public bool TryFind(string text, out MemoHit hit)
    {
        hit = default;
        int hash = HashOf(text);
        ref var slot = ref _slots[SlotOf(hash)];
        int version = Volatile.Read(ref slot.Version);
        int generation = Volatile.Read(ref _generation);
        if ((version & 1) != 0 || slot.Hash != hash || slot.Generation != generation || slot.TextLength != text.Length
            || !_arena.AsSpan(slot.TextStart, slot.TextLength).SequenceEqual(text))
            return false;
        var found = new MemoHit(slot.Word, slot.Name0 < 0 ? null : _names[slot.Name0], slot.Name1 < 0 ? null : _names[slot.Name1],
            Needs: slot.Needs);
        // Neither this slot nor the arena and names (rewritten only after a new generation starts) changed meanwhile;
        // the fence keeps the reads above from being done after these.
        Interlocked.MemoryBarrier();
        if (Volatile.Read(ref slot.Version) != version || Volatile.Read(ref _generation) != generation)
            return false;
        hit = found;
        return true;
    }

    /// <summary>Only ever called from one thread at a time.</summary>
    public void Add(string text, MemoHit hit)
    {
        if (text.Length > ArenaChars / 64)
            return;
        int hash = HashOf(text);
        // Admitted on its second encoding: most texts of a large file occur once, and writing each into the table
        // would evict the ones that do repeat (and make the finding thread re-read lines this one keeps rewriting).
        ref int seen = ref _seenOnce[(uint)hash % SeenSlots];
        if (seen != hash)
        {
            seen = hash;
            return;
        }
        if (_arenaUsed + text.Length > ArenaChars || _nameCount + 2 > MaxNames)
            Reset();
        ref var slot = ref _slots[SlotOf(hash)];
        Interlocked.Increment(ref slot.Version);
        slot.Generation = _generation;
        slot.Hash = hash;
        slot.TextStart = _arenaUsed;
        slot.TextLength = text.Length;
        text.CopyTo(_arena.AsSpan(_arenaUsed));
        _arenaUsed += text.Length;
        slot.Name0 = hit.Name0 is null ? (short)-1 : IdOf(hit.Name0);
        slot.Name1 = hit.Name1 is null ? (short)-1 : IdOf(hit.Name1);
        slot.Word = hit.Word;
        slot.Needs = hit.Needs;
        Volatile.Write(ref slot.Version, slot.Version + 1);
    }

    private short IdOf(string name)
    {
        if (!_nameIds.TryGetValue(name, out int id))
        {
            id = _nameCount++;
            _names[id] = name;
            _nameIds[name] = id;
        }
        return (short)id;
    }

    // The new generation is published before any arena character or name is rewritten.
    private void Reset()
    {
        Volatile.Write(ref _generation, _generation + 1);
        _arenaUsed = 0;
        _nameCount = 0;
        _nameIds.Clear();
    }

    // Not string.GetHashCode: that one is seeded per process, and which texts share a slot (so the hit rate and the
    // time) should not change from run to run.
    private static int HashOf(string text)
    {
        ulong hash = (ulong)text.Length * 0x9E3779B97F4A7C15;
        var words = System.Runtime.InteropServices.MemoryMarshal.Cast<char, ulong>(text.AsSpan());
        foreach (ulong word in words)
            hash = (hash ^ word) * 0xFF51AFD7ED558CCD;
        for (int i = words.Length * 4; i < text.Length; i++)
            hash = (hash ^ text[i]) * 0xC4CEB9FE1A85EC53;
        return (int)(hash ^ (hash >> 29) ^ (hash >> 47));
    }

    private static int SlotOf(int hash) => (int)((uint)hash >> (32 - SlotBits));
}
