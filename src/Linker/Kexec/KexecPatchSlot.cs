namespace A64Asm.Linker.Kexec;

/// <summary>
/// A quad inside the control code that machine_kexec writes before copying it, found by its global symbol (the 2014
/// postings' kexec_kimage_head, vendor trees' arm64_kexec_kimage_head, ...): <paramref name="Role"/> says what the
/// kernel stores there, <paramref name="Offset"/> is from the first byte of the control code.
/// </summary>
public sealed record KexecPatchSlot(string Role, ulong Offset)
{
    public const string KimageHead = "kimage_head";
    public const string KimageStart = "kimage_start";
    public const string Dtb = "dtb";

    public static readonly IReadOnlyList<string> Roles = [KimageHead, KimageStart, Dtb];

    /// <summary>The symbols each role goes by, in the order they are tried.</summary>
    static readonly (string Role, string[] Symbols)[] Names =
    [
        (KimageHead, ["kexec_kimage_head", "arm64_kexec_kimage_head"]),
        (KimageStart, ["kexec_kimage_start", "arm64_kexec_kimage_start"]),
        (Dtb, ["kexec_dtb_addr", "arm64_kexec_dtb_addr"]),
    ];

    /// <summary>The slots whose symbol lies inside <paramref name="code"/>'s bytes (offsets in <paramref name="file"/>).</summary>
    public static IReadOnlyList<KexecPatchSlot> Find(LinkedImage image, LinkedImage file, KexecControlCode code)
    {
        ulong start = file.BaseAddress + code.Offset;
        var slots = new List<KexecPatchSlot>();
        foreach (var (role, symbols) in Names)
            foreach (var name in symbols)
                if (image.Symbols.TryGetValue(name, out var at) && at >= start && at - start + 8 <= code.Size)
                {
                    slots.Add(new KexecPatchSlot(role, at - start));
                    break;
                }
        return slots;
    }
}
