using A64Asm.Assembler.Diagnostics;
using A64Asm.Isa.Fixups;

namespace A64Asm.Assembler.Elf;

[Flags]
public enum SectionFlags
{
    None = 0,
    Write = 0x1,     // SHF_WRITE
    Alloc = 0x2,     // SHF_ALLOC
    Exec = 0x4,      // SHF_EXECINSTR
    Merge = 0x10,    // SHF_MERGE
    Strings = 0x20,  // SHF_STRINGS
    Group = 0x200,   // SHF_GROUP
    Tls = 0x400,     // SHF_TLS
}

public enum SectionKind { ProgBits, NoBits, Note, InitArray, FiniArray }

/// <summary>One output section of an assembled object: its bytes (or size, for NOBITS) and relocations.</summary>
public sealed class ObjectSection
{
    public ObjectSection(string name, SectionKind kind, SectionFlags flags)
    {
        Name = name;
        Kind = kind;
        Flags = flags;
    }

    public string Name { get; }
    public SectionKind Kind { get; }
    public SectionFlags Flags { get; set; }

    /// <summary>Power of two, at least 1.</summary>
    public long Alignment { get; set; } = 1;

    /// <summary>Contents; empty for NOBITS (see <see cref="Size"/>).</summary>
    public byte[] Data { get; set; } = Array.Empty<byte>();

    /// <summary>Equals Data.Length except for NOBITS sections.</summary>
    public long Size { get; set; }

    /// <summary>For SHF_MERGE sections: the entry size.</summary>
    public long EntrySize { get; set; }

    public List<ObjectRelocation> Relocations { get; } = new();
}

public enum SymbolBinding { Local, Global, Weak }

public enum SymbolType { NoType, Object, Func, Section, File, Tls }

public enum SymbolVisibility { Default, Internal, Hidden, Protected }

/// <summary>
/// A symbol of the object. Section null with IsAbsolute false means undefined (to be resolved by the linker).
/// </summary>
public sealed class ObjectSymbol
{
    public ObjectSymbol(string name) => Name = name;

    public string Name { get; }
    public ObjectSection? Section { get; set; }
    public bool IsAbsolute { get; set; }
    public long Value { get; set; }
    public long Size { get; set; }
    public SymbolBinding Binding { get; set; }
    public SymbolType Type { get; set; }
    public SymbolVisibility Visibility { get; set; }

    /// <summary>.variant_pcs: STO_AARCH64_VARIANT_PCS in st_other.</summary>
    public bool VariantPcs { get; set; }

    /// <summary>.comm: SHN_COMMON, <see cref="Value"/> holding the alignment.</summary>
    public bool IsCommon { get; set; }

    public bool IsDefined => Section is not null || IsAbsolute;
}

/// <summary>A RELA entry: at Offset in its section, fill the field of Kind with Symbol + Addend. <see cref="At"/> is
/// the statement that asked for it (not written to ELF): a link of this object names it when the symbol is missing.</summary>
/// <summary>A relocation; no <paramref name="Symbol"/>: against symbol 0 (readelf's *ABS*), the target being <paramref name="Addend"/>.</summary>
/// <summary>With Kind None, <paramref name="RawType"/> is the ELF type to write (.reloc, .tlsdesccall).</summary>
public sealed record ObjectRelocation(long Offset, FixupKind Kind, ObjectSymbol? Symbol, long Addend, SourceLocation? At = null, uint RawType = 0);

/// <summary>
/// What the assembler produces and the ELF writer serialises: sections in order, symbols in definition order.
/// The writer adds a section symbol for every section, ahead of the other locals, unless Symbols holds a symbol of
/// type Section for that section: then the section symbol is written where that one stands (GNU as writes a
/// section's symbol when the section is created, between the locals defined before and after). Locals named
/// ".L…" are not written, and relocations against local symbols become section symbol + offset, as GNU as does.
/// </summary>
public sealed class ObjectFile
{
    /// <summary>-EB: data and the ELF file are big-endian (instructions never are).</summary>
    public bool BigEndian { get; init; }

    public List<ObjectSection> Sections { get; } = new();
    public List<ObjectSymbol> Symbols { get; } = new();
}
