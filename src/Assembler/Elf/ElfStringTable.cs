using System.Text;

namespace A64Asm.Assembler.Elf;

/// <summary>An ELF string table: a leading NUL, then each distinct name once, NUL-terminated, in first-use order.</summary>
internal sealed class ElfStringTable
{
    private readonly MemoryStream _bytes = new();
    private readonly Dictionary<string, uint> _offsets = new(StringComparer.Ordinal);

    public ElfStringTable() => _bytes.WriteByte(0);

    public uint Add(string name)
    {
        if (name.Length == 0) return 0;
        if (_offsets.TryGetValue(name, out var offset)) return offset;
        offset = (uint)_bytes.Length;
        var utf8 = Encoding.UTF8.GetBytes(name);
        _bytes.Write(utf8);
        _bytes.WriteByte(0);
        _offsets.Add(name, offset);
        return offset;
    }

    public byte[] ToArray() => _bytes.ToArray();

    /// <summary>
    /// A table in which a name that ends another shares its bytes (".text" inside ".rela.text"), as binutils
    /// writes .shstrtab. Returns the table and each name's offset.
    /// </summary>
    public static (byte[] Bytes, Dictionary<string, uint> Offsets) SuffixMerged(IEnumerable<string> names)
    {
        var table = new ElfStringTable();
        var offsets = new Dictionary<string, uint>(StringComparer.Ordinal) { [""] = 0 };
        // Sorting by reversed text puts every name right after the longest name it ends.
        var ordered = names.Where(n => n.Length > 0).Distinct(StringComparer.Ordinal)
            .OrderByDescending(Reversed, StringComparer.Ordinal).ToList();
        string? previous = null;
        foreach (var name in ordered)
        {
            if (previous is not null && previous.EndsWith(name, StringComparison.Ordinal))
                offsets[name] = offsets[previous] + (uint)Encoding.UTF8.GetByteCount(previous[..^name.Length]);
            else
            {
                offsets[name] = table.Add(name);
                previous = name;
            }
        }
        return (table.ToArray(), offsets);
    }

    /// <summary>
    /// The symbol string table as binutils writes it: names in first-use order, except that a name ending another
    /// shares that one's bytes ("x" inside "$x"), the same pairing as <see cref="SuffixMerged"/>.
    /// </summary>
    public static (byte[] Bytes, Dictionary<string, uint> Offsets) SuffixSharedInOrder(IEnumerable<string> namesInOrder)
    {
        var distinct = namesInOrder.Where(n => n.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        var host = new Dictionary<string, string>(StringComparer.Ordinal);
        string? previous = null;
        foreach (var name in distinct.OrderByDescending(Reversed, StringComparer.Ordinal))
        {
            if (previous is not null && previous.EndsWith(name, StringComparison.Ordinal))
                host[name] = previous;
            else
                previous = name;
        }
        var table = new ElfStringTable();
        var offsets = new Dictionary<string, uint>(StringComparer.Ordinal) { [""] = 0 };
        foreach (var name in distinct.Where(n => !host.ContainsKey(n)))
            offsets[name] = table.Add(name);
        foreach (var (name, longer) in host)
            offsets[name] = offsets[longer] + (uint)(Encoding.UTF8.GetByteCount(longer) - Encoding.UTF8.GetByteCount(name));
        return (table.ToArray(), offsets);
    }

    private static string Reversed(string s)
    {
        var chars = s.ToCharArray();
        Array.Reverse(chars);
        return new string(chars);
    }
}
