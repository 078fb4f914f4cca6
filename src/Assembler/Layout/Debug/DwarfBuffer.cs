using A64Asm.Isa.Fixups;

namespace A64Asm.Assembler.Layout.Debug;

/// <summary>A debug section's bytes as they are built, and the relocations they need: section offsets
/// (R_AARCH64_ABS32) and addresses (R_AARCH64_ABS64), against a section's symbol (or a function's, as a datum naming
/// it would be), the offset as addend.</summary>
internal sealed class DwarfBuffer(bool bigEndian)
{
    /// <param name="Symbol">The symbol the address is written as (a function's), else null: the section's.</param>
    public readonly record struct Relocation(int Offset, FixupKind Kind, AsmSection Target, long Addend, string? Symbol = null);

    public List<byte> Bytes { get; } = new();
    public List<Relocation> Relocations { get; } = new();
    public int Length => Bytes.Count;

    public void U8(long value) => Bytes.Add((byte)value);
    public void U16(long value) => Number((ulong)value, 2);
    public void U32(long value) => Number((ulong)value, 4);
    public void U64(long value) => Number((ulong)value, 8);

    /// <summary>DW_FORM_data16, in the object's byte order as a whole.</summary>
    public void U128(UInt128 value)
    {
        var (high, low) = ((ulong)(value >> 64), (ulong)value);
        Number(bigEndian ? high : low, 8);
        Number(bigEndian ? low : high, 8);
    }
    public void Uleb(long value) => Leb128.Unsigned(Bytes, value);

    /// <summary>A NUL-terminated UTF-8 string.</summary>
    public void CString(string text)
    {
        Bytes.AddRange(System.Text.Encoding.UTF8.GetBytes(text));
        Bytes.Add(0);
    }

    /// <summary>An 8-byte address in <paramref name="target"/>: zero here, the linker adds the section's address.</summary>
    public void Address(AsmSection target, long offset, string? symbol = null)
    {
        Relocations.Add(new Relocation(Length, FixupKind.Abs64, target, offset, symbol));
        U64(0);
    }

    /// <summary>A 4-byte offset into another debug section: zero here, the linker adds where the section lands.</summary>
    public void SectionOffset(AsmSection target, long offset)
    {
        Relocations.Add(new Relocation(Length, FixupKind.Abs32, target, offset));
        U32(0);
    }

    /// <summary>Back to <paramref name="length"/> bytes and <paramref name="relocations"/> relocations.</summary>
    public void Truncate(int length, int relocations)
    {
        Bytes.RemoveRange(length, Bytes.Count - length);
        Relocations.RemoveRange(relocations, Relocations.Count - relocations);
    }

    public void PatchU32(int at, long value)
    {
        for (int i = 0; i < 4; i++)
            Bytes[at + i] = (byte)((ulong)value >> (8 * (bigEndian ? 3 - i : i)));
    }

    /// <summary>Zeros up to a multiple of <paramref name="alignment"/> counted from <paramref name="base"/>.</summary>
    public void PadTo(int alignment, long @base = 0)
    {
        while ((@base + Length) % alignment != 0)
            Bytes.Add(0);
    }

    private void Number(ulong value, int size)
    {
        for (int i = 0; i < size; i++)
            Bytes.Add((byte)(value >> (8 * (bigEndian ? size - 1 - i : i))));
    }
}
