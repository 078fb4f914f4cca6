using System.Text.RegularExpressions;
using A64Asm.Assembler.Diagnostics;
using A64Asm.Isa.Encoding;
using A64Asm.Isa.Model;
using A64Asm.Isa.Tests.Support;
using A64Asm.TestSupport;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace A64Asm.Isa.Tests;

/// <summary>
/// Every form of the table, generated: random words and each operand field at its ends (0, all ones, the signed
/// ends), printed as text and assembled by a64asm and GNU as (-march=all), which must give the same word; GNU's
/// own disassembly of those words is fed back to a64asm, which must give the word again; and one past each
/// immediate range (found by asking the encoder for the range it enforces), where a64asm and GNU as must agree.
/// The counts per instruction group are the README's table (the last test keeps them in step).
/// </summary>
public partial class FormGeneratorTests(ITestOutputHelper output)
{
    const int Seed = 1818;
    const int RandomPerForm = 2;
    const string AllArch = "-march=all";

    public sealed record Sample(FormInfo Row, string Text, uint Ours);

    static readonly Lazy<List<Sample>> Valid = new(GenerateValid);
    static readonly Lazy<List<(FormInfo Row, string Text)>> PastRange = new(GeneratePastRange);

    static List<Sample> GenerateValid()
    {
        var rng = new Random(Seed);
        var list = new List<Sample>();
        var seen = new HashSet<string>();
        for (int index = 1; index < FormTable.FormCount; index++)
        {
            var row = FormTable.Rows[index];
            if (row.Operands.Any(o => o.Kind == OperandKind.AdrpLabel)) continue; // GNU as always relocates adrp
            foreach (uint w in FormSamples.Words(row, rng, RandomPerForm))
                if (FormSamples.TextOf(row, w) is { } text && seen.Add(text) && Encode(text) is { Word: uint word })
                    list.Add(new Sample(row, text, word));
        }
        return list;
    }

    /// <summary>Our word for the text, or our error.</summary>
    static (uint? Word, string Error) Encode(string text)
    {
        try
        {
            var (m, ops) = ProductParser.Parse(text);
            return A64Encoder.TryEncode(m, ops, out var enc, out var err) ? (enc.Word, "") : (null, err);
        }
        catch (AsmError e)
        {
            return (null, e.Message);
        }
    }

    [GeneratedRegex(@"#(-?(?:0x[0-9a-f]+|\d+))")]
    private static partial Regex Number();

    [GeneratedRegex(@"not (?:a multiple of (\d+) )?in \[(-?\d+), (-?\d+)\]|out of range (-?\d+) to (-?\d+)")]
    private static partial Regex RangeMessage();

    /// <summary>For the first sample of each form, each immediate replaced by one step past either end of the range
    /// the encoder reports for it.</summary>
    static List<(FormInfo Row, string Text)> GeneratePastRange()
    {
        var list = new List<(FormInfo, string)>();
        var seen = new HashSet<string>();
        foreach (var sample in Valid.Value.GroupBy(s => s.Row.Index).Select(g => g.First()))
        {
            foreach (Match number in Number().Matches(sample.Text))
            {
                string With(string value) => sample.Text[..number.Index] + "#" + value + sample.Text[(number.Index + number.Length)..];
                var (word, error) = Encode(With("1099511627776"));
                if (word is not null || RangeMessage().Match(error) is not { Success: true } range) continue;
                long step = range.Groups[1].Success ? long.Parse(range.Groups[1].Value) : 1;
                long lo = long.Parse(range.Groups[2].Success ? range.Groups[2].Value : range.Groups[4].Value);
                long hi = long.Parse(range.Groups[3].Success ? range.Groups[3].Value : range.Groups[5].Value);
                foreach (long past in new[] { hi + step, lo - step })
                    if (seen.Add(With(past.ToString())))
                        list.Add((sample.Row, With(past.ToString())));
            }
        }
        return list;
    }

    [OracleFact(Oracle.GnuBinutils)]
    public void Every_form_at_its_field_ends_assembles_as_gnu_as_assembles_it()
    {
        var samples = Valid.Value;
        var gas = LineAssembler.Gas(samples.Select(s => s.Text).ToList(), AllArch);
        var failures = new List<string>();
        int rejected = 0;
        for (int i = 0; i < samples.Count; i++)
        {
            if (gas[i] is not uint g) { rejected++; output.WriteLine($"GNU as refuses our text: {samples[i].Text}"); continue; }
            if (g != samples[i].Ours)
                failures.Add($"{samples[i].Row.Id}: {samples[i].Text}\n    ours: {McVectors.Bytes(samples[i].Ours)}\n    gas:  {McVectors.Bytes(g)}");
        }
        output.WriteLine($"{samples.Count} texts from {FormTable.FormCount - 1} forms; GNU as refused {rejected}");
        if (failures.Count > 0) throw new XunitException($"{failures.Count} of {samples.Count} differ from GNU as:\n" + string.Join("\n", failures.Take(40)));
        Assert.True(rejected * 50 < samples.Count, $"GNU as refused {rejected} of {samples.Count} of our texts");
    }

    // objdump prints a target as bare hex (no 0x), the address of the word at 4·index.
    [GeneratedRegex(@"(^\S+ |, )([0-9a-f]+)$")]
    private static partial Regex ObjdumpTarget();

    [OracleFact(Oracle.GnuBinutils)]
    public void Gnu_disassembly_of_every_sample_assembles_back_to_its_word()
    {
        var samples = Valid.Value;
        var words = samples.Select(s => s.Ours).ToList();
        var texts = LineAssembler.Objdump(words);
        var failures = new List<string>();
        int fedBack = 0;
        for (int i = 0; i < samples.Count; i++)
        {
            if (texts[i] is not { } text) continue;
            string source = Regex.Replace(Regex.Replace(text, @"\s*//.*$", ""), @"\s*<[^>]*>", "");
            source = McVectors.Normalize(source);
            if (FormSamples.HasLabel(samples[i].Row))
                source = ObjdumpTarget().Replace(source, m =>
                {
                    long off = (long)Convert.ToUInt64(m.Groups[2].Value, 16) - 4L * i;
                    return m.Groups[1].Value + (off < 0 ? $".-0x{-off:x}" : $".+0x{off:x}");
                });
            fedBack++;
            var (word, error) = Encode(source);
            if (word != words[i])
                failures.Add($"{samples[i].Row.Id}: objdump prints {McVectors.Bytes(words[i])} as `{text}`; we make {(word is uint w ? McVectors.Bytes(w) : "an error: " + error)}");
        }
        output.WriteLine($"{fedBack} of {samples.Count} words fed back from objdump");
        if (failures.Count > 0) throw new XunitException($"{failures.Count} of {fedBack} differ:\n" + string.Join("\n", failures.Take(40)));
    }

    [OracleFact(Oracle.GnuBinutils)]
    public void One_past_each_range_a64asm_and_gnu_as_agree()
    {
        var variants = PastRange.Value;
        var gas = LineAssembler.Gas(variants.Select(v => v.Text).ToList(), AllArch);
        var failures = new List<string>();
        int bothRefuse = 0;
        for (int i = 0; i < variants.Count; i++)
        {
            var (word, error) = Encode(variants[i].Text);
            if (word is null && gas[i] is null) { bothRefuse++; continue; }
            if (word != gas[i])
                failures.Add($"{variants[i].Row.Id}: {variants[i].Text}: ours {(word is uint w ? McVectors.Bytes(w) : "refused (" + error + ")")}, GNU as {(gas[i] is uint g ? McVectors.Bytes(g) : "refuses")}");
        }
        output.WriteLine($"{variants.Count} variants one past a range; both refuse {bothRefuse}");
        if (failures.Count > 0) throw new XunitException($"{failures.Count} of {variants.Count} differ:\n" + string.Join("\n", failures.Take(40)));
    }

    /// <summary>The README's table: forms, generated texts and one-past-range variants per instruction group.</summary>
    public static string CountsTable()
    {
        var forms = Enumerable.Range(1, FormTable.FormCount - 1).Select(i => FormTable.Rows[i]).GroupBy(FormSamples.Group).ToDictionary(g => g.Key, g => g.Count());
        var texts = Valid.Value.GroupBy(s => FormSamples.Group(s.Row)).ToDictionary(g => g.Key, g => g.Count());
        var past = PastRange.Value.GroupBy(v => FormSamples.Group(v.Row)).ToDictionary(g => g.Key, g => g.Count());
        var lines = new List<string> { "| instruction group | forms | texts generated | one past a range |", "|---|---:|---:|---:|" };
        foreach (var group in forms.Keys.Order(StringComparer.Ordinal))
            lines.Add($"| {group} | {forms[group]} | {texts.GetValueOrDefault(group)} | {past.GetValueOrDefault(group)} |");
        lines.Add($"| all | {forms.Values.Sum()} | {texts.Values.Sum()} | {past.Values.Sum()} |");
        return string.Join("\n", lines);
    }

    [Fact]
    public void The_readme_counts_are_the_generators()
    {
        string readme = File.ReadAllText(Repo.Path("README.md"));
        const string begin = "<!-- form-generator-counts -->", end = "<!-- /form-generator-counts -->";
        int a = readme.IndexOf(begin, StringComparison.Ordinal), b = readme.IndexOf(end, StringComparison.Ordinal);
        Assert.True(a >= 0 && b > a, $"README.md lacks {begin} ... {end}");
        string table = readme[(a + begin.Length)..b].Trim();
        Assert.True(table == CountsTable(), "README.md's table should read:\n" + CountsTable());
    }
}
