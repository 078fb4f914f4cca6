using System.Buffers.Binary;

namespace A64Asm.Linker.Kexec;

/// <summary>One kexec patch value: the symbol that stores it, the macro name for C headers, and the 64-bit value.</summary>
public sealed record KexecOffset(string Symbol, string MacroName, ulong Value);

/// <summary>
/// The values arm64 kexec patches into the relocation code, read from the linked image: the quad stored at each
/// of arm64_relocate_new_kernel_size, arm64_kexec_kimage_start_offset, arm64_kexec_kimage_head_offset and (in the
/// postings that passed a DTB) arm64_kexec_dtb_addr_offset that the image defines, in that order; when the image
/// marks it, the control-page code (<see cref="KexecControlCode"/>); and the quads the kernel patches by global
/// symbol inside that code (<see cref="PatchSlots"/>).
/// </summary>
public sealed record KexecOffsets(IReadOnlyList<KexecOffset> Values)
{
    /// <summary>Where the bytes machine_kexec copies are, when a generation's symbols or section mark them.</summary>
    public KexecControlCode? ControlCode { get; init; }

    /// <summary>Quads inside the control code that machine_kexec writes through their global symbols (2014 postings, vendor trees).</summary>
    public IReadOnlyList<KexecPatchSlot> PatchSlots { get; init; } = [];

    /// <summary>The image is big-endian (-EB): verify runs it so, and the offsets file says so.</summary>
    public bool BigEndian { get; init; }

    /// <summary>True when there is anything to report or write.</summary>
    public bool IsEmpty => Values.Count == 0 && ControlCode is null;

    public static readonly IReadOnlyList<string> SymbolNames =
    [
        "arm64_relocate_new_kernel_size",
        "arm64_kexec_kimage_start_offset",
        "arm64_kexec_kimage_head_offset",
        "arm64_kexec_dtb_addr_offset",
    ];

    /// <summary>The #define name a C header uses for a symbol's value (the writer and the reader agree through this).</summary>
    public static string MacroNameOf(string symbol) => symbol.ToUpperInvariant();

    public ulong? this[string symbol] => Values.FirstOrDefault(v => v.Symbol == symbol)?.Value;

    /// <summary>
    /// False when the image defines none of the symbols and marks no control-page code. A symbol whose 8 bytes are not inside the flat image
    /// (e.g. in .bss) is a <see cref="LinkError"/>: its value would not be what the kernel reads.
    /// </summary>
    public static bool TryRead(LinkedImage image, out KexecOffsets offsets) => TryRead(image, image, out offsets);

    /// <summary>
    /// As <see cref="TryRead(LinkedImage, out KexecOffsets)"/>, with the values read from the whole link
    /// (<paramref name="image"/>) and the control code located in <paramref name="file"/>, what is written out (the
    /// image cut down by -j): its offset is from the file's first byte.
    /// </summary>
    public static bool TryRead(LinkedImage image, LinkedImage file, out KexecOffsets offsets)
    {
        var values = new List<KexecOffset>();
        foreach (var name in SymbolNames)
        {
            if (!image.Symbols.TryGetValue(name, out var address)) continue;
            if (!image.TryRead(address, 8, out var bytes))
                throw new LinkError($"'{name}' at 0x{address:x} is not inside the image's contents");
            values.Add(new KexecOffset(name, MacroNameOf(name), image.Quad(bytes)));
        }
        var found = KexecControlCode.TryFind(image, file, out var code) ? code : null;
        offsets = new KexecOffsets(values) { ControlCode = found, PatchSlots = found is null ? [] : KexecPatchSlot.Find(image, file, found), BigEndian = image.BigEndian };
        return !offsets.IsEmpty;
    }
}
