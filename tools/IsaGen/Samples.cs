namespace IsaGen;

/// <summary>
/// Random words per table row for tools/gen-dis-vectors.sh: the row's fixed bits, random bits elsewhere, none of
/// its excluded patterns. They are only questions for the oracle: objdump says what each word is, whatever we think.
/// </summary>
static class Samples
{
    public static void Write(Table table, int seed, int perRow, TextWriter output)
    {
        var rng = new Random(seed);
        foreach (var r in table.Rows.OrderBy(r => r.Index))
        {
            string file = Path.GetFileNameWithoutExtension(r.Source[..r.Source.LastIndexOf(':')]);
            var seen = new HashSet<uint>();
            for (int tries = 0; seen.Count < perRow && tries < 100; tries++)
            {
                uint w = (r.Value & r.Mask) | ((uint)rng.NextInt64(0, 1L << 32) & ~r.Mask);
                // Aliases often hold only when two register fields agree (mov = orr with Rn == Rm): ask for that too.
                if (r.IsAlias && tries % 2 == 1) w = CopyRegisterFields(r, w);
                if (r.Excludes.Any(e => (w & e.Mask) == e.Value)) continue;
                if (seen.Add(w)) output.WriteLine($"{file} {r.Id} {w:x8}");
            }
        }
    }

    static uint CopyRegisterFields(Row r, uint w)
    {
        uint rn = (w >> 5) & 31;
        foreach (int lsb in new[] { 16, 0 })
        {
            uint m = 31u << lsb;
            if ((r.Mask & m) == 0) w = (w & ~m) | (rn << lsb);
        }
        return w;
    }
}
