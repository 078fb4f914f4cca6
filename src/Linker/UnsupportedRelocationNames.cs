namespace A64Asm.Linker;

/// <summary>
/// The names the AArch64 ELF ABI gives the LP64 relocation types a flat, static link does not apply (GOT, PLT,
/// TLS and the dynamic ones), so that an object using one is refused with the type named, as readelf prints it.
/// The types the linker applies are named by <see cref="A64Asm.Isa.Fixups.Fixup.ElfName"/>.
/// </summary>
internal static class UnsupportedRelocationNames
{
    // "number NAME" pairs without the R_AARCH64_ prefix: the ABI's GOT, TLS and dynamic relocations GNU as does not
    // write for LP64 (those it writes are FixupKinds of FixupBase.Dynamic, named by Fixup).
    private const string Table =
        "300 MOVW_GOTOFF_G0, 303 MOVW_GOTOFF_G1_NC, 304 MOVW_GOTOFF_G2, 305 MOVW_GOTOFF_G2_NC, " +
        "306 MOVW_GOTOFF_G3, 307 GOTREL64, 308 GOTREL32, 314 PLT32, 520 TLSLD_MOVW_G1, 521 TLSLD_MOVW_G0_NC, " +
        "522 TLSLD_LD_PREL19, 570 TLSLE_LDST128_TPREL_LO12, 571 TLSLE_LDST128_TPREL_LO12_NC, " +
        "572 TLSLD_LDST128_DTPREL_LO12, 573 TLSLD_LDST128_DTPREL_LO12_NC, 1024 COPY, 1025 GLOB_DAT, " +
        "1026 JUMP_SLOT, 1027 RELATIVE, 1028 TLS_DTPMOD64, 1029 TLS_DTPREL64, 1030 TLS_TPREL64, 1031 TLSDESC, " +
        "1032 IRELATIVE";

    private static readonly Dictionary<uint, string> ByType = Table.Split(", ")
        .Select(pair => pair.Split(' '))
        .ToDictionary(pair => uint.Parse(pair[0]), pair => "R_AARCH64_" + pair[1]);

    /// <summary>"R_AARCH64_ADR_GOT_PAGE (311)", or "type 4242" for a number the ABI does not define for LP64.</summary>
    public static string Describe(uint type)
    {
        var kind = A64Asm.Isa.Fixups.Fixup.FromElfType(type);
        if (kind != A64Asm.Isa.Fixups.FixupKind.None) return $"{A64Asm.Isa.Fixups.Fixup.ElfName(kind)} ({type})";
        return ByType.TryGetValue(type, out var name) ? $"{name} ({type})" : $"type {type}";
    }
}
