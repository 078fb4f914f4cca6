namespace A64Asm.Assembler.Layout;

/// <summary>
/// The relocation names .reloc takes, as GNU as 2.40 takes them: each R_AARCH64_ name it knows (without the
/// prefix here; checked one by one against it) with its ELF number, and the generic BFD_RELOC_ names it maps.
/// </summary>
internal static class RelocationNames
{
    private static readonly Dictionary<string, uint> AArch64 = new(StringComparer.Ordinal)
    {
        ["NONE"] = 0, ["ABS64"] = 257, ["ABS32"] = 258, ["ABS16"] = 259,
        ["PREL64"] = 260, ["PREL32"] = 261, ["PREL16"] = 262, ["MOVW_UABS_G0"] = 263,
        ["MOVW_UABS_G0_NC"] = 264, ["MOVW_UABS_G1"] = 265, ["MOVW_UABS_G1_NC"] = 266, ["MOVW_UABS_G2"] = 267,
        ["MOVW_UABS_G2_NC"] = 268, ["MOVW_UABS_G3"] = 269, ["MOVW_SABS_G0"] = 270, ["MOVW_SABS_G1"] = 271,
        ["MOVW_SABS_G2"] = 272, ["LD_PREL_LO19"] = 273, ["ADR_PREL_LO21"] = 274, ["ADR_PREL_PG_HI21"] = 275,
        ["ADR_PREL_PG_HI21_NC"] = 276, ["ADD_ABS_LO12_NC"] = 277, ["LDST8_ABS_LO12_NC"] = 278, ["TSTBR14"] = 279,
        ["CONDBR19"] = 280, ["JUMP26"] = 282, ["CALL26"] = 283, ["LDST16_ABS_LO12_NC"] = 284,
        ["LDST32_ABS_LO12_NC"] = 285, ["LDST64_ABS_LO12_NC"] = 286, ["MOVW_PREL_G0"] = 287, ["MOVW_PREL_G0_NC"] = 288,
        ["MOVW_PREL_G1"] = 289, ["MOVW_PREL_G1_NC"] = 290, ["MOVW_PREL_G2"] = 291, ["MOVW_PREL_G2_NC"] = 292,
        ["MOVW_PREL_G3"] = 293, ["LDST128_ABS_LO12_NC"] = 299, ["MOVW_GOTOFF_G0_NC"] = 301, ["MOVW_GOTOFF_G1"] = 302,
        ["GOT_LD_PREL19"] = 309, ["LD64_GOTOFF_LO15"] = 310, ["ADR_GOT_PAGE"] = 311, ["LD64_GOT_LO12_NC"] = 312,
        ["LD64_GOTPAGE_LO15"] = 313, ["TLSGD_ADR_PREL21"] = 512, ["TLSGD_ADR_PAGE21"] = 513, ["TLSGD_ADD_LO12_NC"] = 514,
        ["TLSGD_MOVW_G1"] = 515, ["TLSGD_MOVW_G0_NC"] = 516, ["TLSLD_ADR_PREL21"] = 517, ["TLSLD_ADR_PAGE21"] = 518,
        ["TLSLD_ADD_LO12_NC"] = 519, ["TLSLD_MOVW_DTPREL_G2"] = 523, ["TLSLD_MOVW_DTPREL_G1"] = 524, ["TLSLD_MOVW_DTPREL_G1_NC"] = 525,
        ["TLSLD_MOVW_DTPREL_G0"] = 526, ["TLSLD_MOVW_DTPREL_G0_NC"] = 527, ["TLSLD_ADD_DTPREL_HI12"] = 528, ["TLSLD_ADD_DTPREL_LO12"] = 529,
        ["TLSLD_ADD_DTPREL_LO12_NC"] = 530, ["TLSLD_LDST8_DTPREL_LO12"] = 531, ["TLSLD_LDST8_DTPREL_LO12_NC"] = 532, ["TLSLD_LDST16_DTPREL_LO12"] = 533,
        ["TLSLD_LDST16_DTPREL_LO12_NC"] = 534, ["TLSLD_LDST32_DTPREL_LO12"] = 535, ["TLSLD_LDST32_DTPREL_LO12_NC"] = 536, ["TLSLD_LDST64_DTPREL_LO12"] = 537,
        ["TLSLD_LDST64_DTPREL_LO12_NC"] = 538, ["TLSIE_MOVW_GOTTPREL_G1"] = 539, ["TLSIE_MOVW_GOTTPREL_G0_NC"] = 540, ["TLSIE_ADR_GOTTPREL_PAGE21"] = 541,
        ["TLSIE_LD64_GOTTPREL_LO12_NC"] = 542, ["TLSIE_LD_GOTTPREL_PREL19"] = 543, ["TLSLE_MOVW_TPREL_G2"] = 544, ["TLSLE_MOVW_TPREL_G1"] = 545,
        ["TLSLE_MOVW_TPREL_G1_NC"] = 546, ["TLSLE_MOVW_TPREL_G0"] = 547, ["TLSLE_MOVW_TPREL_G0_NC"] = 548, ["TLSLE_ADD_TPREL_HI12"] = 549,
        ["TLSLE_ADD_TPREL_LO12"] = 550, ["TLSLE_ADD_TPREL_LO12_NC"] = 551, ["TLSLE_LDST8_TPREL_LO12"] = 552, ["TLSLE_LDST8_TPREL_LO12_NC"] = 553,
        ["TLSLE_LDST16_TPREL_LO12"] = 554, ["TLSLE_LDST16_TPREL_LO12_NC"] = 555, ["TLSLE_LDST32_TPREL_LO12"] = 556, ["TLSLE_LDST32_TPREL_LO12_NC"] = 557,
        ["TLSLE_LDST64_TPREL_LO12"] = 558, ["TLSLE_LDST64_TPREL_LO12_NC"] = 559, ["TLSDESC_LD_PREL19"] = 560, ["TLSDESC_ADR_PREL21"] = 561,
        ["TLSDESC_ADR_PAGE21"] = 562, ["TLSDESC_LD64_LO12"] = 563, ["TLSDESC_ADD_LO12"] = 564, ["TLSDESC_OFF_G1"] = 565,
        ["TLSDESC_OFF_G0_NC"] = 566, ["TLSDESC_LDR"] = 567, ["TLSDESC_ADD"] = 568, ["TLSDESC_CALL"] = 569,
        ["COPY"] = 1024, ["GLOB_DAT"] = 1025, ["JUMP_SLOT"] = 1026, ["RELATIVE"] = 1027,
        ["TLSDESC"] = 1031, ["IRELATIVE"] = 1032,
    };

    private static readonly Dictionary<string, uint> Generic = new(StringComparer.Ordinal)
    {
        ["BFD_RELOC_NONE"] = 0, ["BFD_RELOC_16"] = 259, ["BFD_RELOC_32"] = 258, ["BFD_RELOC_64"] = 257,
    };

    public const uint TlsDescCall = 569;
    public const uint TlsDescAdd = 568;
    public const uint TlsDescLdr = 567;

    public static bool TryGet(string name, out uint type)
    {
        string upper = name.ToUpperInvariant();
        if (upper.StartsWith("R_AARCH64_", StringComparison.Ordinal) && AArch64.TryGetValue(upper["R_AARCH64_".Length..], out type))
            return true;
        return Generic.TryGetValue(upper, out type);
    }
}
