using A64Asm.Isa.Decoding;
using A64Asm.Isa.Encoding;
using A64Asm.Isa.Formatting;
using A64Asm.Isa.Tests.Support;
using Xunit.Sdk;

namespace A64Asm.Isa.Tests;

/// <summary>
/// tests/vectors/mc/*.s (from GNU as and llvm-mc, tools/gen-isa-vectors.sh): each line, read by the assembler's
/// own parser and operand converter, must assemble to the oracle's bytes, its bytes must print as objdump's text,
/// and that text must assemble back to the same word.
/// </summary>
public class McVectorTests
{
    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.GetFiles(McVectors.Directory, "*.s").OrderBy(f => f, StringComparer.Ordinal))
            data.Add(Path.GetFileName(f));
        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Vector_file_assembles_prints_and_round_trips(string file)
    {
        var failures = new List<string>();
        int count = 0;
        foreach (var v in McVectors.Load(Path.Combine(McVectors.Directory, file)))
        {
            count++;
            var (mnemonic, operands) = ProductParser.Parse(v.Source);
            if (!A64Encoder.TryEncode(mnemonic, operands, out var enc, out var error))
                failures.Add($"{v}\n    ours: error: {error}\n    gas:  {McVectors.Bytes(v.Word)}");
            else if (enc.Word != v.Word)
                failures.Add($"{v}\n    ours: {McVectors.Bytes(enc.Word)}\n    gas:  {McVectors.Bytes(v.Word)}{(v.LlvmNote is null ? "" : "\n    llvm: " + v.LlvmNote)}");

            var ins = A64Decoder.Decode(v.Word);
            string text = McVectors.Normalize(A64Formatter.Format(in ins, 0));
            if (text != v.Text)
            {
                failures.Add($"{v}\n    ours printed: {text}\n    objdump:      {v.Text}");
                continue;
            }
            var (m2, ops2) = ProductParser.Parse(text);
            if (!A64Encoder.TryEncode(m2, ops2, out var again, out var error2) || again.Word != v.Word)
                failures.Add($"{v}\n    round trip of '{text}': {(error2.Length > 0 ? error2 : McVectors.Bytes(again.Word))}");
        }
        Assert.True(count > 0, "empty vector file");
        if (failures.Count > 0)
            throw new XunitException($"{failures.Count} of {count} vectors failed:\n" + string.Join("\n", failures.Take(60)));
    }
}
