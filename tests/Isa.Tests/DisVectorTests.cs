using A64Asm.Isa.Decoding;
using A64Asm.Isa.Formatting;
using A64Asm.Isa.Tests.Support;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace A64Asm.Isa.Tests;

/// <summary>
/// tests/vectors/dis/*.dis (GNU objdump's text for random words of every table row and for the mc vectors'
/// words, tools/gen-dis-vectors.sh): A64Formatter must print exactly objdump's text, unallocated words included,
/// except for the few differences a file's header keeps on purpose (and those must still be differences).
/// </summary>
public class DisVectorTests(ITestOutputHelper output)
{
    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.GetFiles(DisVectors.Directory, "*.dis").OrderBy(f => f, StringComparer.Ordinal))
            data.Add(Path.GetFileName(f));
        return data;
    }

    /// <summary>Our text as a vector line holds it: objdump's spacing, and its words for an unallocated one.</summary>
    public static string OurText(uint word)
    {
        var ins = A64Decoder.Decode(word);
        string text = McVectors.Normalize(A64Formatter.Format(in ins, 0));
        return ins.IsValid ? text : text + " ; undefined";
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Formatter_prints_what_objdump_prints(string file)
    {
        var (vectors, deliberate) = DisVectors.Load(Path.Combine(DisVectors.Directory, file));
        Assert.NotEmpty(vectors);
        var failures = new List<string>();
        var unused = deliberate.Keys.ToHashSet();
        foreach (var v in vectors)
        {
            string ours = OurText(v.Word);
            if (deliberate.TryGetValue(v.Word, out var d))
            {
                unused.Remove(v.Word);
                if (ours != d.OurText) failures.Add($"{v}\n    ours:      {ours}\n    recorded:  {d.OurText} ({d.Why})");
                else if (ours == v.Text) failures.Add($"{v}\n    recorded as a deliberate difference, but ours now equals objdump's: drop the header line");
                continue;
            }
            if (ours != v.Text) failures.Add($"{v}\n    ours:    {ours}\n    objdump: {v.Text}");
        }
        foreach (uint w in unused) failures.Add($"{file}: deliberate difference for {w:x8}, but no vector line has that word");
        output.WriteLine($"{file}: {vectors.Count} words, {deliberate.Count} deliberate differences");
        if (failures.Count > 0)
            throw new XunitException($"{failures.Count} of {vectors.Count} lines differ from objdump:\n" + string.Join("\n", failures.Take(80)));
    }

    /// <summary>The files sample every form: each Code decodes from some line (so each form's printing is checked).</summary>
    [Fact]
    public void Every_form_has_a_vector()
    {
        var seen = new HashSet<Code>();
        foreach (var f in Directory.GetFiles(DisVectors.Directory, "*.dis"))
            foreach (var v in DisVectors.Load(f).Vectors)
                seen.Add(A64Decoder.Decode(v.Word).Code);
        var missing = Enumerable.Range(1, FormTable.FormCount - 1).Select(i => (Code)i).Where(c => !seen.Contains(c)).ToList();
        Assert.True(missing.Count == 0, $"{missing.Count} forms without a dis vector: {string.Join(", ", missing.Take(40))}");
    }
}
