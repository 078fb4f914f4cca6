namespace A64Asm.Assembler.Elf;

/// <summary>The ELF64 numbers the object writer needs (System V gABI; EM_AARCH64 from the Arm ELF ABI).</summary>
internal static class ElfConstants
{
    /// <summary>st_other bit of a symbol following a variant PCS (AAELF64).</summary>
    public const byte StoAarch64VariantPcs = 0x80;
    public const int HeaderSize = 64;
    public const int SectionHeaderSize = 64;
    public const int SymbolSize = 24;
    public const int RelaSize = 24;

    public const ushort EtRel = 1;
    public const ushort EmAarch64 = 183;

    /// <summary>SHN_LORESERVE: section indices from here up have special meanings.</summary>
    public const int ShnLoReserve = 0xff00;

    public const uint ShtNull = 0, ShtProgBits = 1, ShtSymTab = 2, ShtStrTab = 3, ShtRela = 4;
    public const uint ShtNote = 7, ShtNoBits = 8, ShtInitArray = 14, ShtFiniArray = 15;

    public const ulong ShfInfoLink = 0x40;

    public const ushort ShnUndef = 0, ShnAbs = 0xfff1, ShnCommon = 0xfff2;

    public const byte StbLocal = 0, StbGlobal = 1, StbWeak = 2;
    public const byte SttNoType = 0, SttObject = 1, SttFunc = 2, SttSection = 3, SttFile = 4, SttTls = 6;

    public static uint SectionType(SectionKind kind) => kind switch
    {
        SectionKind.NoBits => ShtNoBits,
        SectionKind.Note => ShtNote,
        SectionKind.InitArray => ShtInitArray,
        SectionKind.FiniArray => ShtFiniArray,
        _ => ShtProgBits,
    };

    public static byte Binding(SymbolBinding binding) => binding switch
    {
        SymbolBinding.Global => StbGlobal,
        SymbolBinding.Weak => StbWeak,
        _ => StbLocal,
    };

    public static byte Type(SymbolType type) => type switch
    {
        SymbolType.Object => SttObject,
        SymbolType.Func => SttFunc,
        SymbolType.Section => SttSection,
        SymbolType.File => SttFile,
        SymbolType.Tls => SttTls,
        _ => SttNoType,
    };
}
