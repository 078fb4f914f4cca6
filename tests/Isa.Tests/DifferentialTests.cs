using System.Text.RegularExpressions;
using A64Asm.Isa.Decoding;
using A64Asm.Isa.Encoding;
using A64Asm.Isa.Formatting;
using A64Asm.Isa.Model;
using A64Asm.Isa.Tests.Support;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace A64Asm.Isa.Tests;

/// <summary>
/// Walks every form of the table with random legal operands (random free bits of a valid word, printed by our
/// formatter) and compares our encoding of that text with GNU as (must match) and llvm-mc (disagreements with
/// GNU as are reported, not failed). GNU as runs at -march=all, so every form is compared. One batched invocation per
/// oracle; fixed seed, bounded count.
/// </summary>
public partial class DifferentialTests(ITestOutputHelper output)
{
    const int Seed = 4242;
    const int SamplesPerForm = 3;

    [OracleFact(Oracle.GnuBinutils, Oracle.LlvmMc)]
    public void Table_forms_match_gas_and_llvm_mc()
    {
        var rng = new Random(Seed);
        var cases = new List<(Code Code, string Text, uint Ours)>();
        for (int index = 1; index < FormTable.FormCount; index++)
        {
            var row = FormTable.Rows[index];
            if (row.Operands.Any(o => o.Kind == OperandKind.AdrpLabel)) continue; // gas always relocates adrp
            for (int k = 0, tries = 0; k < SamplesPerForm && tries < 200; tries++)
            {
                uint w = (row.Value & row.Mask) | ((uint)rng.NextInt64(0, 1L << 32) & ~row.Mask);
                var ins = A64Decoder.Decode(w);
                if (ins.Code != row.Code || GasRefusedWords.Contains(in ins)) continue;
                string text = FormSamples.SourceText(A64Formatter.Format(in ins, 0), row);
                var (m, ops) = ProductParser.Parse(text);
                Assert.True(A64Encoder.TryEncode(m, ops, out var enc, out var err), $"{text}: {err}");
                cases.Add((row.Code, text, enc.Word));
                k++;
            }
        }
        var texts = cases.Select(c => c.Text).ToList();
        var gas = LineAssembler.Gas(texts, "-march=all");
        var llvm = LineAssembler.LlvmMc(texts);
        var failures = new List<string>();
        var gasForms = new HashSet<Code>();
        var llvmForms = new HashSet<Code>();
        int gasRejected = 0, disagreements = 0;
        for (int i = 0; i < cases.Count; i++)
        {
            var (code, text, ours) = cases[i];
            if (gas[i] is uint g)
            {
                if (g != ours) failures.Add($"{code}: {text}\n    ours: {McVectors.Bytes(ours)}\n    gas:  {McVectors.Bytes(g)}\n    llvm: {(llvm[i] is uint l0 ? McVectors.Bytes(l0) : "error")}");
                else gasForms.Add(code);
            }
            else { gasRejected++; output.WriteLine($"gas rejects: {text}"); }
            if (llvm[i] is uint l && l == ours) llvmForms.Add(code);
            else if (gas[i] is not null) { disagreements++; output.WriteLine($"llvm-mc differs from gas: {text}: {(llvm[i] is uint l1 ? McVectors.Bytes(l1) : "error")}"); }
        }
        int forms = FormTable.FormCount - 1;
        var sampled = cases.Select(c => c.Code).ToHashSet();
        for (int index = 1; index < FormTable.FormCount; index++)
            if (!sampled.Contains((Code)index)) output.WriteLine($"no sample for {(Code)index}");
        output.WriteLine($"{cases.Count} cases; forms {forms}; matched gas {gasForms.Count}; matched llvm-mc {llvmForms.Count}; gas rejected {gasRejected}; llvm-mc/gas disagreements {disagreements}");
        if (failures.Count > 0) throw new XunitException($"{failures.Count} of {cases.Count} differ from GNU as:\n" + string.Join("\n", failures.Take(40)));
        Assert.True(gasForms.Count > forms * 9 / 10, $"only {gasForms.Count} of {forms} forms checked against gas");
    }
}
