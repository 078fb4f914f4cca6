namespace A64Asm.Assembler.Preprocessing;

/// <summary>
/// Shares the strings of names, numbers and punctuators across lines: an assembly file repeats the same few
/// hundred (x0, mov, ",") so lexing a line mostly allocates nothing for its token texts.
/// </summary>
internal sealed class TokenTextPool
{
    const int MaxEntries = 1 << 16;
    const int MaxLength = 64;

    readonly HashSet<string> strings = new(StringComparer.Ordinal);
    readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> lookup;

    public TokenTextPool() => lookup = strings.GetAlternateLookup<ReadOnlySpan<char>>();

    public string Get(ReadOnlySpan<char> text)
    {
        if (lookup.TryGetValue(text, out var s))
            return s;
        s = text.ToString();
        // The cap keeps a file of endless distinct names from growing the pool without bound.
        if (strings.Count < MaxEntries && text.Length <= MaxLength)
            strings.Add(s);
        return s;
    }
}
