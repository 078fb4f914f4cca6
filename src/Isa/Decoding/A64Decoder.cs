using A64Asm.Isa.Model;

namespace A64Asm.Isa.Decoding;

/// <summary>Decodes words through the generated decision tree (Generated/DecodeTree.g.cs). Never throws.</summary>
public static partial class A64Decoder
{
    public static Instruction Decode(uint word)
    {
        var ins = new Instruction { Word = word };
        ushort index = Lookup(word);
        if (index == 0) return ins;
        var row = FormTable.Rows[index];
        if (OperandDecoder.DecodeAll(row, word, ref ins))
        {
            ins.Code = row.Code;
            return ins;
        }
        return DecodeRejected(word, index);
    }

    /// <summary>
    /// The tree's form matched the fixed bits but an operand refused the word (an unnamed PSTATE field, a
    /// bitmask immediate with no encoding): a less specific form may still take it, as objdump's generic
    /// <c>msr s0_op1_cn_cm_op2, xt</c> takes what msr (immediate) refuses. Rare, so a scan is fine.
    /// </summary>
    static Instruction DecodeRejected(uint word, ushort rejected)
    {
        int rejectedSpecificity = Specificity(FormTable.Rows[rejected]);
        for (int k = FirstNoMoreSpecificThan(rejectedSpecificity); k < BySpecificity.Length; k++)
        {
            ushort index = BySpecificity[k];
            var row = FormTable.Rows[index];
            if (index == rejected || !row.Matches(word)) continue;
            var ins = new Instruction { Word = word };
            if (!OperandDecoder.DecodeAll(row, word, ref ins)) continue;
            ins.Code = row.Code;
            return ins;
        }
        return new Instruction { Word = word };
    }

    static int Specificity(FormInfo row) => System.Numerics.BitOperations.PopCount(row.Mask) + row.Excludes.Length / 2;

    static readonly ushort[] BySpecificity = Enumerable.Range(1, FormTable.FormCount - 1)
        .OrderByDescending(i => Specificity(FormTable.Rows[i])).ThenBy(i => i).Select(i => (ushort)i).ToArray();

    // Random words reach the scan often (a fuzzed 64 MiB file spent a tenth of its time here): the specificities are
    // kept in scan order, so the scan starts where they fall to the rejected form's.
    static readonly int[] ScanSpecificity = BySpecificity.Select(i => Specificity(FormTable.Rows[i])).ToArray();

    static int FirstNoMoreSpecificThan(int specificity)
    {
        int low = 0, high = ScanSpecificity.Length;
        while (low < high)
        {
            int mid = (low + high) >>> 1;
            if (ScanSpecificity[mid] > specificity) low = mid + 1;
            else high = mid;
        }
        return low;
    }

    /// <summary>First form of the leaf that matches (the leaf lists the most specific first).</summary>
    static ushort Pick(uint w, ReadOnlySpan<ushort> rows)
    {
        foreach (ushort r in rows)
            if (FormTable.Rows[r].Matches(w)) return r;
        return 0;
    }
}
