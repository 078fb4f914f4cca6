using A64Asm.Isa.Decoding;
using A64Asm.Isa.Encoding;
using A64Asm.Isa.Formatting;
using A64Asm.Isa.Tests.Support;
using Xunit.Sdk;

namespace A64Asm.Isa.Tests;

/// <summary>decode → format → assemble gives the word back; unallocated words decode as Invalid without throwing.</summary>
public class RoundTripTests
{
    const int Seed = 20261125;

    [Fact]
    public void Random_words_round_trip()
    {
        var rng = new Random(Seed);
        var failures = new List<string>();
        int valid = 0;
        for (int i = 0; i < 400_000; i++)
        {
            uint w = (uint)rng.NextInt64(0, 1L << 32);
            CheckWord(w, failures, ref valid);
        }
        Assert.True(valid > 1000, $"only {valid} allocated words in the sample");
        if (failures.Count > 0) throw new XunitException($"{failures.Count} words failed (of {valid} allocated):\n" + string.Join("\n", failures.Take(40)));
    }

    /// <summary>Random words hit few forms; also draw every form's free bits at random.</summary>
    [Fact]
    public void Every_form_round_trips_with_random_fields()
    {
        var rng = new Random(Seed);
        var failures = new List<string>();
        int valid = 0;
        for (int index = 1; index < FormTable.FormCount; index++)
        {
            var row = FormTable.Rows[index];
            for (int k = 0; k < 64; k++)
            {
                uint w = (row.Value & row.Mask) | ((uint)rng.NextInt64(0, 1L << 32) & ~row.Mask);
                CheckWord(w, failures, ref valid);
            }
        }
        if (failures.Count > 0) throw new XunitException($"{failures.Count} words failed (of {valid} allocated):\n" + string.Join("\n", failures.Take(40)));
    }

    static void CheckWord(uint w, List<string> failures, ref int valid)
    {
        var ins = A64Decoder.Decode(w);
        string text = A64Formatter.Format(in ins, 0);
        if (ins.Code == Code.Invalid || GasRefusedWords.Contains(in ins)) return;
        valid++;
        var (mnemonic, operands) = ProductParser.Parse(text);
        if (!A64Encoder.TryEncode(mnemonic, operands, out var enc, out var error))
            failures.Add($"{w:x8} {ins.Code}: '{text}' → error: {error}");
        else if (enc.Word != w && !SameInstruction(ins, A64Decoder.Decode(enc.Word)))
            failures.Add($"{w:x8} {ins.Code}: '{text}' → {enc.Word:x8}");
    }

    /// <summary>
    /// Logical immediates ignore immr bits above the element size, so several words spell one bitmask;
    /// the assembler writes the canonical one. Such a pair decodes to the same Instruction (bar Word).
    /// </summary>
    static bool SameInstruction(Instruction a, Instruction b)
    {
        a.Word = b.Word = 0;
        return a.Equals(b);
    }
}
