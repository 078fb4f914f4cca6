namespace A64Asm.Assembler.Layout;

/// <summary>
/// Instruction words by the exact text of the statement that produced them, for statements whose word followed
/// from their text alone: no label, no fixup, no value of a defined symbol or of '.', no register alias. The same
/// text met again gives the same word as long as the names it looked up are still undefined (bare words such as
/// barrier, system-register and cache-operation names are looked up as symbols first, as gas does), so its parse
/// and encoding are skipped.
/// Direct-mapped, and kept in plain arrays (texts in one character arena, names as indices) rather than objects:
/// entries replaced at every line would otherwise be old objects pointing at young ones, which every collection
/// has to trace. Locked: the two-thread front end finds on one thread and adds on the other.
/// </summary>
internal sealed class EncodedLineMemo
{
    // 16K slots of 28 bytes stay in the L2 cache; most lookups (new texts) end at the slot's hash.
    private const int SlotBits = 14;
    private const int ArenaChars = 1 << 21;
    private const int MaxNames = 1 << 12;

    private readonly Slot[] _slots = new Slot[1 << SlotBits];
    private readonly char[] _arena = new char[ArenaChars];
    private readonly List<string> _names = new();
    private readonly Dictionary<string, int> _nameIds = new(StringComparer.Ordinal);
    private int _arenaUsed;
    // Slots of an earlier generation are empty: clearing is one increment when the arena fills up.
    private int _generation = 1;

    private struct Slot
    {
        public int Generation;
        public int Hash;
        public int TextStart, TextLength;
        public int Name0, Name1;
        public uint Word;
    }

    private readonly object _lock = new();

    /// <summary>The word memoized for <paramref name="text"/> and the names that must still be undefined for it to hold.</summary>
    public bool TryFind(string text, out MemoHit hit)
    {
        int hash = HashOf(text);
        lock (_lock)
        {
            ref var slot = ref _slots[SlotOf(hash)];
            if (slot.Hash != hash || slot.Generation != _generation || slot.TextLength != text.Length
                || !_arena.AsSpan(slot.TextStart, slot.TextLength).SequenceEqual(text))
            {
                hit = default;
                return false;
            }
            hit = new MemoHit(slot.Word, slot.Name0 < 0 ? null : _names[slot.Name0], slot.Name1 < 0 ? null : _names[slot.Name1]);
            return true;
        }
    }

    public void Add(string text, MemoHit hit)
    {
        if (text.Length > ArenaChars / 64)
            return;
        int hash = HashOf(text);
        lock (_lock)
        {
            if (_arenaUsed + text.Length > ArenaChars || _names.Count + 2 > MaxNames)
                Reset();
            ref var slot = ref _slots[SlotOf(hash)];
            slot.Generation = _generation;
            slot.Hash = hash;
            slot.TextStart = _arenaUsed;
            slot.TextLength = text.Length;
            text.CopyTo(_arena.AsSpan(_arenaUsed));
            _arenaUsed += text.Length;
            slot.Name0 = hit.Name0 is null ? -1 : IdOf(hit.Name0);
            slot.Name1 = hit.Name1 is null ? -1 : IdOf(hit.Name1);
            slot.Word = hit.Word;
        }
    }

    private int IdOf(string name)
    {
        if (!_nameIds.TryGetValue(name, out int id))
        {
            id = _names.Count;
            _names.Add(name);
            _nameIds[name] = id;
        }
        return id;
    }

    private void Reset()
    {
        _generation++;
        _arenaUsed = 0;
        _names.Clear();
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
