using System.Text.RegularExpressions;
using A64Asm.Isa.Decoding;
using A64Asm.Isa.Formatting;
using A64Asm.Isa.Model;
using A64Asm.TestSupport;

namespace A64Asm.Isa.Tests.Support;

/// <summary>
/// Instruction text made from the table: words of a form with chosen field values, printed by our formatter.
/// Shared by the differential tests.
/// </summary>
public static partial class FormSamples
{
    [GeneratedRegex(@"(^|, )0x([0-9a-f]+)$")]
    private static partial Regex TrailingTarget();

    /// <summary>Branch targets printed at pc 0 are offsets; written as ".+off" they mean the same to every assembler.</summary>
    public static string SourceText(string formatted, FormInfo row)
    {
        string text = McVectors.Normalize(formatted);
        if (!HasLabel(row)) return text;
        return TrailingTarget().Replace(text, m =>
        {
            long off = (long)Convert.ToUInt64(m.Groups[2].Value, 16);
            return m.Groups[1].Value + (off < 0 ? $".-0x{-off:x}" : $".+0x{off:x}");
        });
    }

    public static bool HasLabel(FormInfo row) => row.Operands.Any(o => o.Kind is OperandKind.Label26 or OperandKind.CallLabel26
        or OperandKind.Label19 or OperandKind.LitLabel19 or OperandKind.Label14 or OperandKind.AdrLabel);

    /// <summary>The text of <paramref name="word"/> when it decodes to <paramref name="row"/>'s form, else null.</summary>
    public static string? TextOf(FormInfo row, uint word)
    {
        var ins = A64Decoder.Decode(word);
        return ins.Code == row.Code ? SourceText(A64Formatter.Format(in ins, 0), row) : null;
    }

    /// <summary>
    /// Words of the form: <paramref name="random"/> with random free bits, then for every operand field the values
    /// at its ends (0, all ones, and the signed ends: top bit alone, all but the top bit), other free bits random.
    /// </summary>
    public static IEnumerable<uint> Words(FormInfo row, Random rng, int random)
    {
        uint Free() => (row.Value & row.Mask) | ((uint)rng.NextInt64(0, 1L << 32) & ~row.Mask);
        for (int k = 0; k < random; k++) yield return Free();
        foreach (var field in row.Operands.SelectMany(o => o.Fields).Distinct())
        {
            uint ones = (uint)((1UL << field.Width) - 1);
            uint top = 1u << (field.Width - 1);
            foreach (uint v in new[] { 0u, ones, top, ones & ~top })
                yield return field.Insert(Free(), v); // operand fields lie outside the mask: the fixed bits stay
        }
    }

    /// <summary>The top-level encoding group of the Arm ARM (op0, bits 28:25), the README's rows.</summary>
    public static string Group(FormInfo row)
    {
        uint op0 = (row.Value >> 25) & 0xf;
        return op0 switch
        {
            0b1000 or 0b1001 => "Data processing (immediate)",
            0b1010 or 0b1011 => "Branches, exceptions, system",
            _ when (op0 & 0b0101) == 0b0100 => "Loads and stores",
            _ when (op0 & 0b0111) == 0b0101 => "Data processing (register)",
            _ when (op0 & 0b0111) == 0b0111 => "SIMD and floating point",
            _ => "Other (udf, ...)",
        };
    }
}
