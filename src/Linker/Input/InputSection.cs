namespace A64Asm.Linker.Input;

/// <summary>A RELA entry of an input section: r_offset, the R_AARCH64_* type, the symbol index and r_addend.</summary>
public readonly record struct InputRelocation(ulong Offset, uint Type, uint SymbolIndex, long Addend);

/// <summary>A section of an input object, with the relocations that apply to it.</summary>
public sealed class InputSection
{
    public const uint ShtNoBits = 8;
    public const ulong ShfWrite = 0x1, ShfAlloc = 0x2, ShfExec = 0x4;

    public InputSection(InputObject owner, int index, string name, uint type, ulong flags, ulong alignment, ulong size, byte[] data)
    {
        Owner = owner;
        Index = index;
        Name = name;
        Type = type;
        Flags = flags;
        Alignment = Math.Max(1, alignment);
        Size = size;
        Data = data;
    }

    public InputObject Owner { get; }
    public int Index { get; }
    public string Name { get; }
    public uint Type { get; }
    public ulong Flags { get; }
    public ulong Alignment { get; }
    public ulong Size { get; }

    /// <summary>File contents; empty for NOBITS.</summary>
    public byte[] Data { get; }

    public List<InputRelocation> Relocations { get; } = new();

    public bool IsAlloc => (Flags & ShfAlloc) != 0;
    public bool IsNoBits => Type == ShtNoBits;
    public bool IsWritable => (Flags & ShfWrite) != 0;
    public bool IsExecutable => (Flags & ShfExec) != 0;

    /// <summary>Left out of the image: by --gc-sections, or matched by a script's /DISCARD/.</summary>
    public bool Dropped { get; internal set; }

    /// <summary>Address in the image, set by the layout; only meaningful for allocated sections.</summary>
    public ulong Address { get; internal set; }

    /// <summary>"(.text+0x10)" style location, as ld prints where a problem is.</summary>
    public string Where(ulong offset) => $"{Owner.Name}:({Name}+0x{offset:x})";
}

/// <summary>An entry of an input object's .symtab.</summary>
public sealed record InputSymbol(int Index, string Name, ulong Value, ulong Size, byte Binding, byte Type, ushort SectionIndex)
{
    public const byte StbLocal = 0, StbGlobal = 1, StbWeak = 2;
    public const byte SttSection = 3;
    public const ushort ShnUndef = 0, ShnAbs = 0xfff1, ShnCommon = 0xfff2;

    public bool IsLocal => Binding == StbLocal;
    public bool IsWeak => Binding == StbWeak;
    public bool IsUndefined => SectionIndex == ShnUndef;
    public bool IsAbsolute => SectionIndex == ShnAbs;
    public bool IsCommon => SectionIndex == ShnCommon;
    public bool IsSection => Type == SttSection;
}
