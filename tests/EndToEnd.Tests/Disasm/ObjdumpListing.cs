using System.Text.RegularExpressions;

namespace A64Asm.EndToEnd.Tests.Disasm;

/// <summary>
/// The instruction column of an objdump-style listing, keyed by address: whitespace collapsed and objdump's
/// trailing comments (<c>// #4</c>, <c>// b.any</c>) dropped, which is what our listing is compared on.
/// </summary>
static partial class ObjdumpListing
{
    [GeneratedRegex(@"^\s*([0-9a-f]+):\t([0-9a-f]{8}) \t(.*)$")]
    private static partial Regex InstructionLine();

    public static SortedDictionary<ulong, string> TextByAddress(string listing)
    {
        var map = new SortedDictionary<ulong, string>();
        foreach (string line in listing.Split('\n'))
        {
            var m = InstructionLine().Match(line);
            if (!m.Success) continue;
            string text = m.Groups[3].Value;
            int comment = text.IndexOf("//", StringComparison.Ordinal);
            if (comment >= 0) text = text[..comment];
            map[Convert.ToUInt64(m.Groups[1].Value, 16)] = Regex.Replace(text.Trim(), @"\s+", " ");
        }
        return map;
    }

    /// <summary>Every line that is not an instruction line (headers, labels, "...", relocations), in order.</summary>
    public static List<string> OtherLines(string listing) =>
        listing.Split('\n').Where(l => !InstructionLine().IsMatch(l)).ToList();

    public static string Objdump(params string[] args)
    {
        return Gnu.Check("objdump", args).Stdout;
    }

    /// <summary>
    /// Asserts both listings hold the same addresses with the same text, except at the addresses listed in
    /// <paramref name="expectedDifferences"/>, where each side must read exactly as recorded there.
    /// </summary>
    public static void AssertSameText(string objdump, string ours, IReadOnlyDictionary<ulong, (string Ours, string Objdump)> expectedDifferences)
    {
        var theirs = TextByAddress(objdump);
        var mine = TextByAddress(ours);
        Assert.Equal(theirs.Keys, mine.Keys);
        foreach (var (address, text) in theirs)
        {
            if (expectedDifferences.TryGetValue(address, out var diff))
            {
                Assert.Equal(diff.Objdump, text);
                Assert.Equal(diff.Ours, mine[address]);
            }
            else
            {
                Assert.True(text == mine[address], $"at 0x{address:x}: objdump '{text}', ours '{mine[address]}'");
            }
        }
    }
}
