using A64Asm.Linker.Input;

namespace A64Asm.Linker.Layout;

/// <summary>An output section being laid out: its inputs in order, each at an offset that honours its alignment.</summary>
internal sealed class OutputSection
{
    public OutputSection(string name, byte[]? fill, bool inDataSegment)
    {
        Name = name;
        Fill = fill;
        InDataSegment = inDataSegment;
    }

    public string Name { get; }
    public byte[]? Fill { get; }
    public bool InDataSegment { get; }
    public List<InputSection> Inputs { get; } = new();
    public List<ulong> Offsets { get; } = new();

    public ulong Address { get; set; }
    public ulong Size { get; private set; }
    public ulong Alignment => Inputs.Count == 0 ? 1 : Inputs.Max(i => i.Alignment);
    public bool IsNoBits => Inputs.All(i => i.IsNoBits);
    public ulong Flags => Inputs.Aggregate(0ul, (f, i) => f | i.Flags);

    /// <summary>Offsets of the inputs from the section start, and the size, before an address is known.</summary>
    public void ComputeOffsets()
    {
        Offsets.Clear();
        ulong offset = 0;
        foreach (var input in Inputs)
        {
            // Sizes and alignments come from the objects as written: a forged sh_size must not wrap the layout.
            if (input.Alignment > 1 && offset > ulong.MaxValue - (input.Alignment - 1) || (offset = SectionLayout.AlignUp(offset, input.Alignment)) > ulong.MaxValue - input.Size)
                throw new LinkError($"{input.Owner.Name}: {input.Name} (0x{input.Size:x} bytes, aligned to 0x{input.Alignment:x}) takes section {Name} past the end of the address space");
            Offsets.Add(offset);
            offset += input.Size;
        }
        Size = offset;
    }

    /// <summary>Address and size decided by a script's layout, which sets <see cref="Offsets"/> itself as '.' moves.</summary>
    public void Placed(ulong address, ulong size)
    {
        Address = address;
        Size = size;
    }

    /// <summary>The most bytes a section's contents may take in memory; a kexec image is a few KiB.</summary>
    public const ulong MaxContentBytes = 256UL << 20;

    public void PlaceInputs()
    {
        for (int i = 0; i < Inputs.Count; i++)
            Inputs[i].Address = Address + Offsets[i];
    }

    /// <summary>The section's bytes before relocation: inputs at their offsets, gaps filled with the fill pattern from each gap's start, as ld writes padding.</summary>
    public byte[] Contents()
    {
        // No byte of a NOBITS section reaches the image (the relocator refuses relocations in one): no buffer.
        if (IsNoBits)
            return [];
        if (Size > MaxContentBytes)
            throw new LinkError($"section {Name}: 0x{Size:x} bytes of contents exceed the limit of 0x{MaxContentBytes:x}");
        var bytes = new byte[Size];
        ulong end = 0;
        for (int i = 0; i < Inputs.Count; i++)
        {
            if (Fill is not null)
                for (ulong at = end; at < Offsets[i]; at++)
                    bytes[at] = Fill[(at - end) % (ulong)Fill.Length];
            if (!Inputs[i].IsNoBits)
                Inputs[i].Data.CopyTo(bytes, (int)Offsets[i]);
            end = Offsets[i] + Inputs[i].Size;
        }
        return bytes;
    }
}
