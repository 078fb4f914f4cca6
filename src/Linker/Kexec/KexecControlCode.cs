using System.Buffers.Binary;

namespace A64Asm.Linker.Kexec;

/// <summary>
/// How a generation of relocate_kernel.S tells machine_kexec which bytes to copy into the control page. The name is
/// what the offsets file records, so that <c>verify</c> can tell the generation from it.
/// </summary>
public enum ControlCodeMark
{
    /// <summary>v4.8 to v5.14 (and the 2015/16 series, vendor trees): <c>arm64_relocate_new_kernel</c> and a .quad <c>arm64_relocate_new_kernel_size</c> holding the length.</summary>
    SizeQuad,
    /// <summary>The 2014 postings: <c>relocate_new_kernel</c> and a .quad <c>relocate_new_kernel_size</c>.</summary>
    EarlySizeQuad,
    /// <summary>v5.15 on: <c>__relocate_new_kernel_start</c> / <c>__relocate_new_kernel_end</c> around the code.</summary>
    StartEndSymbols,
    /// <summary>v5.15 on, built alone: the whole <c>.kexec_relocate.text</c> section (the kernel's script wraps it in the two symbols).</summary>
    Section,
}

/// <summary>
/// The bytes machine_kexec copies into the control page: <paramref name="Offset"/> from the first byte of the image
/// file (so after <c>-j</c> it is from that section's start), <paramref name="Size"/> long, found by <paramref name="Mark"/>.
/// </summary>
public sealed record KexecControlCode(ulong Offset, ulong Size, ControlCodeMark Mark)
{
    public const string EntrySymbol = "arm64_relocate_new_kernel";
    public const string SizeSymbol = "arm64_relocate_new_kernel_size";
    public const string EarlyEntrySymbol = "relocate_new_kernel";
    public const string EarlySizeSymbol = "relocate_new_kernel_size";
    public const string StartSymbol = "__relocate_new_kernel_start";
    public const string EndSymbol = "__relocate_new_kernel_end";
    public const string SectionName = ".kexec_relocate.text";

    /// <summary>The word the offsets file uses for <see cref="Mark"/>: the symbol or section that marks the code.</summary>
    public static string MarkName(ControlCodeMark mark) => mark switch
    {
        ControlCodeMark.SizeQuad => SizeSymbol,
        ControlCodeMark.EarlySizeQuad => EarlySizeSymbol,
        ControlCodeMark.StartEndSymbols => StartSymbol,
        _ => SectionName,
    };

    public static ControlCodeMark? ParseMark(string name) => name switch
    {
        SizeSymbol => ControlCodeMark.SizeQuad,
        EarlySizeSymbol => ControlCodeMark.EarlySizeQuad,
        StartSymbol => ControlCodeMark.StartEndSymbols,
        SectionName => ControlCodeMark.Section,
        _ => null,
    };

    /// <summary>
    /// The control-page code of <paramref name="image"/>, trying the start/end symbols, then the entry symbol with its
    /// size quad (arm64_ names, then the 2014 ones), then the <c>.kexec_relocate.text</c> section. False when none is there. A range that leaves the
    /// image is a <see cref="LinkError"/>: machine_kexec would copy bytes the file does not hold.
    /// </summary>
    public static bool TryFind(LinkedImage image, out KexecControlCode code) => TryFind(image, image, out code);

    /// <summary>
    /// As <see cref="TryFind(LinkedImage, out KexecControlCode)"/> for a file cut from the link by -j: the size quad is
    /// read from the whole link (<paramref name="image"/>), the range must lie inside <paramref name="file"/>.
    /// </summary>
    public static bool TryFind(LinkedImage image, LinkedImage file, out KexecControlCode code)
    {
        code = null!;
        var symbols = image.Symbols;
        ulong fileEnd = file.BaseAddress + (ulong)file.Flat.Length;
        if (symbols.TryGetValue(StartSymbol, out var start) && symbols.TryGetValue(EndSymbol, out var end))
        {
            if (end < start || start < file.BaseAddress || end > fileEnd)
                throw new LinkError($"'{StartSymbol}' (0x{start:x}) .. '{EndSymbol}' (0x{end:x}) is not a range inside the image (0x{file.BaseAddress:x}..0x{fileEnd:x})");
            code = new KexecControlCode(start - file.BaseAddress, end - start, ControlCodeMark.StartEndSymbols);
            return true;
        }
        foreach (var (entryName, sizeName, mark) in new[] { (EntrySymbol, SizeSymbol, ControlCodeMark.SizeQuad), (EarlyEntrySymbol, EarlySizeSymbol, ControlCodeMark.EarlySizeQuad) })
        {
            if (!symbols.TryGetValue(entryName, out var entry) || !symbols.TryGetValue(sizeName, out var sizeAt)
                || !image.TryRead(sizeAt, 8, out var sizeBytes)) continue;
            ulong size = image.Quad(sizeBytes);
            if (entry < file.BaseAddress || entry > fileEnd || size > fileEnd - entry)
                throw new LinkError($"'{sizeName}' says 0x{size:x} bytes from '{entryName}' (0x{entry:x}), past the image's end 0x{fileEnd:x}");
            code = new KexecControlCode(entry - file.BaseAddress, size, mark);
            return true;
        }
        var section = file.Sections.FirstOrDefault(s => s.Name == SectionName && !s.IsNoBits);
        if (section is not null && section.Address >= file.BaseAddress && section.End <= fileEnd)
        {
            code = new KexecControlCode(section.Address - file.BaseAddress, section.Size, ControlCodeMark.Section);
            return true;
        }
        return false;
    }
}
