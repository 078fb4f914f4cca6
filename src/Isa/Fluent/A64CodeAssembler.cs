using System.Buffers.Binary;
using A64Asm.Isa.Encoding;
using A64Asm.Isa.Fixups;
using A64Asm.Isa.Operands;

namespace A64Asm.Isa.Fluent;

/// <summary>
/// Builds A64 code from C#, in the style of Iced's Assembler: one method call per instruction, labels created
/// and bound by the program, bytes at the end. Every instruction goes through <see cref="A64Encoder.TryEncode"/>
/// (the assembler's own encoder, so the same bytes and the same error messages); label references are
/// encoder fixups resolved with <see cref="Fixup.TryApply"/> once every label has an address.
/// </summary>
public sealed partial class A64CodeAssembler
{
    // A pending fixup refers to a label by id; its name only carries it through the encoder.
    readonly List<byte> bytes = new();
    readonly List<PendingFixup> fixups = new();
    readonly List<long> labelOffsets = new();
    const string LabelPrefix = ".Lfluent";

    readonly record struct PendingFixup(int Offset, FixupKind Kind, int LabelId, long Addend, string Text);

    /// <summary>Bytes emitted so far (the offset of the next instruction or datum).</summary>
    public int Length => bytes.Count;

    public A64Label CreateLabel()
    {
        labelOffsets.Add(-1);
        int id = labelOffsets.Count - 1;
        return new A64Label(id, LabelPrefix + id);
    }

    /// <summary>Binds <paramref name="label"/> to the current position.</summary>
    public void Label(A64Label label)
    {
        if (labelOffsets[label.Id] >= 0)
            throw new A64AssemblerException($"label {label.Name} is already bound");
        labelOffsets[label.Id] = bytes.Count;
    }

    /// <summary>
    /// Any instruction by mnemonic and operands, as the assembler would pass them ("b.ne" carries its condition).
    /// A label operand is passed as <see cref="LabelRef"/>.
    /// </summary>
    public A64CodeAssembler Emit(string mnemonic, params Operand[] operands)
    {
        if (!A64Encoder.TryEncode(mnemonic, operands, out var encoded, out string error))
            throw new A64AssemblerException($"{mnemonic}: {error}");
        if (encoded.HasFixup)
        {
            if (encoded.Fixup.Symbol is null || !TryLabelId(encoded.Fixup.Symbol, out int id))
                throw new A64AssemblerException($"{mnemonic}: '{encoded.Fixup.Symbol}' is not a label of this assembler");
            fixups.Add(new PendingFixup(bytes.Count, encoded.Fixup.Kind, id, encoded.Fixup.Addend, mnemonic));
        }
        AppendWord(encoded.Word);
        return this;
    }

    /// <summary>The operand that stands for a label in <see cref="Emit"/>.</summary>
    public static Operand LabelRef(A64Label label, long addend = 0) => new SymbolOperand(label.Name, addend);

    /// <summary>A raw 32-bit word (GNU as's .inst).</summary>
    public void Inst(uint word) => AppendWord(word);

    public void Quad(ulong value)
    {
        Span<byte> b = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(b, value);
        foreach (byte x in b) bytes.Add(x);
    }

    /// <summary>Pads with zero bytes to a multiple of <paramref name="alignment"/> (a power of two), as .align/.balign do in data.</summary>
    public void Align(int alignment)
    {
        if (alignment <= 0 || (alignment & (alignment - 1)) != 0)
            throw new A64AssemblerException($"alignment {alignment} is not a power of two");
        while (bytes.Count % alignment != 0) bytes.Add(0);
    }

    /// <summary>The code placed at <paramref name="baseAddress"/>, every label reference filled in.</summary>
    public byte[] Assemble(ulong baseAddress = 0)
    {
        byte[] code = bytes.ToArray();
        foreach (var f in fixups)
        {
            long target = labelOffsets[f.LabelId];
            if (target < 0)
                throw new A64AssemblerException($"{f.Text} at 0x{f.Offset:x}: label {LabelPrefix}{f.LabelId} was never bound");
            long value = Fixup.ValueFor(f.Kind, (long)baseAddress + target + f.Addend, (long)baseAddress + f.Offset);
            if (!Fixup.TryApply(f.Kind, code.AsSpan(f.Offset), value, out string error))
                throw new A64AssemblerException($"{f.Text} at 0x{f.Offset:x}: {error}");
        }
        return code;
    }

    void AppendWord(uint word)
    {
        if (bytes.Count % 4 != 0)
            throw new A64AssemblerException($"instruction at 0x{bytes.Count:x} is not word aligned (use Align(4))");
        Span<byte> b = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(b, word);
        foreach (byte x in b) bytes.Add(x);
    }

    bool TryLabelId(string symbol, out int id)
    {
        id = -1;
        return symbol.StartsWith(LabelPrefix, StringComparison.Ordinal)
            && int.TryParse(symbol.AsSpan(LabelPrefix.Length), out id) && id >= 0 && id < labelOffsets.Count;
    }
}
