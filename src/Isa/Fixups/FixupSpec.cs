namespace A64Asm.Isa.Fixups;

/// <summary>How the value handed to <see cref="Fixup.TryApply"/> is formed from S (symbol), A (addend), P (place).</summary>
public enum FixupBase : byte
{
    /// <summary>value = S + A.</summary>
    Absolute,
    /// <summary>value = S + A − P.</summary>
    PcRelative,
    /// <summary>value = Page(S + A) − Page(P), Page(x) = x with the low 12 bits cleared (adrp).</summary>
    PageRelative,
    /// <summary>GOT and TLS kinds: the value is a GOT slot's or a TLS offset's, which only a linker that builds a GOT
    /// and a TLS block forms. GNU as always leaves them to the linker; a64asm's static link refuses them.</summary>
    Dynamic,
}

/// <summary>The static facts about one <see cref="FixupKind"/>: its ELF relocation and the width of its field.</summary>
public sealed record FixupSpec(FixupKind Kind, uint ElfType, string ElfName, int FieldSize, FixupBase Base)
{
    public bool IsPcRelative => Base is FixupBase.PcRelative or FixupBase.PageRelative;

    /// <summary>The TLS kinds (R_AARCH64_TLSGD/TLSLD/TLSIE/TLSLE/TLSDESC_*): GNU as makes the symbol they name STT_TLS.</summary>
    public bool IsThreadLocal => ElfName.StartsWith("R_AARCH64_TLS", StringComparison.Ordinal);

    /// <summary>False for the GOT and TLS kinds, which a static link into a flat image cannot resolve.</summary>
    public bool IsStatic => Base != FixupBase.Dynamic;

    /// <summary>The PC-relative kinds GNU as fills itself when the target is a local label of the field's own
    /// section; adrp and the PC-relative move-wide groups it leaves to the linker whatever the target.</summary>
    public bool IsFilledWithinSection =>
        Base == FixupBase.PcRelative && Kind is not (>= FixupKind.MovwPrelG0 and <= FixupKind.MovwPrelG3);
}

/// <summary>Why a value does not fit its field; <see cref="Fixup.Message"/> turns it into GNU as's words.</summary>
public enum FixupStatus : byte
{
    Ok,
    OutOfRange,
    Misaligned,
    /// <summary>The span is shorter than the field, or the kind is None/unknown: a caller bug, not user input.</summary>
    BadField,
}
