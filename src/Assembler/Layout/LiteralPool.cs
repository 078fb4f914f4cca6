using A64Asm.Assembler.Parsing.Syntax;
using A64Asm.Assembler.Diagnostics;

namespace A64Asm.Assembler.Layout;

/// <summary>One literal of an ldr =value: its size (4, 8 or 16 bytes), value and the internal label of its slot.</summary>
/// <param name="At">The value as written in the first ldr that asked for the slot: a relocation the slot needs points there.</param>
public sealed record PoolEntry(int Size, Expr Value, string Label, SourceLine Line, SourceLocation At);

/// <summary>
/// The literals waiting for a .ltorg (or the end of the section). Like GNU as, equal values of one size share a
/// slot, and the pool is laid out by size, smallest first, each size aligned to itself.
/// </summary>
public sealed class LiteralPool
{
    private static int _nextId;
    private readonly Dictionary<string, PoolEntry> _byKey = new(StringComparer.Ordinal);

    public List<PoolEntry> Entries { get; } = new();

    public bool IsEmpty => Entries.Count == 0;

    public PoolEntry Add(int size, Expr value, string valueKey, SourceLine line, SourceLocation at)
    {
        string key = string.Concat(size.ToString(System.Globalization.CultureInfo.InvariantCulture), ":", valueKey);
        if (_byKey.TryGetValue(key, out var existing)) return existing;
        var entry = new PoolEntry(size, value, $".L\u0001pool{Interlocked.Increment(ref _nextId)}", line, at);
        _byKey[key] = entry;
        Entries.Add(entry);
        return entry;
    }

    public IEnumerable<PoolEntry> InLayoutOrder() => Entries.Where(e => e.Size == 4)
        .Concat(Entries.Where(e => e.Size == 8)).Concat(Entries.Where(e => e.Size == 16));
}
