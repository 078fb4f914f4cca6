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
        if (!OperandDecoder.DecodeAll(row, word, ref ins)) return new Instruction { Word = word };
        ins.Code = row.Code;
        return ins;
    }

    /// <summary>First form of the leaf that matches (the leaf lists the most specific first).</summary>
    static ushort Pick(uint w, ReadOnlySpan<ushort> rows)
    {
        foreach (ushort r in rows)
            if (FormTable.Rows[r].Matches(w)) return r;
        return 0;
    }
}
