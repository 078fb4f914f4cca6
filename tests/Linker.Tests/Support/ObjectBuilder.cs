using System.Buffers.Binary;
using A64Asm.Assembler.Elf;
using A64Asm.Isa.Fixups;

namespace A64Asm.Linker.Tests.Support;

/// <summary>Hand-built <see cref="ObjectFile"/>s, standing in for the assembler in writer tests.</summary>
public static class ObjectBuilder
{
    public static ObjectSection Code(ObjectFile obj, string name, params uint[] words)
    {
        var bytes = new byte[words.Length * 4];
        for (int i = 0; i < words.Length; i++)
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(i * 4), words[i]);
        var section = new ObjectSection(name, SectionKind.ProgBits, SectionFlags.Alloc | SectionFlags.Exec)
        {
            Alignment = 4, Data = bytes, Size = bytes.Length,
        };
        obj.Sections.Add(section);
        return section;
    }

    public static ObjectSection Data(ObjectFile obj, string name, byte[] bytes, long alignment = 1)
    {
        var section = new ObjectSection(name, SectionKind.ProgBits, SectionFlags.Alloc | SectionFlags.Write)
        {
            Alignment = alignment, Data = bytes, Size = bytes.Length,
        };
        obj.Sections.Add(section);
        return section;
    }

    public static ObjectSection Bss(ObjectFile obj, long size)
    {
        var section = new ObjectSection(".bss", SectionKind.NoBits, SectionFlags.Alloc | SectionFlags.Write) { Size = size };
        obj.Sections.Add(section);
        return section;
    }

    public static ObjectSymbol Symbol(ObjectFile obj, string name, ObjectSection? section, long value = 0,
        SymbolBinding binding = SymbolBinding.Local, SymbolType type = SymbolType.NoType)
    {
        var symbol = new ObjectSymbol(name) { Section = section, Value = value, Binding = binding, Type = type };
        obj.Symbols.Add(symbol);
        return symbol;
    }

    public static void Reloc(ObjectSection section, long offset, FixupKind kind, ObjectSymbol symbol, long addend = 0) =>
        section.Relocations.Add(new ObjectRelocation(offset, kind, symbol, addend));

    /// <summary>The object GNU as makes from <see cref="CallerSource"/>, built by hand, symbols in as's order.</summary>
    public static ObjectFile Caller()
    {
        var obj = new ObjectFile();
        var text = Code(obj, ".text", 0x94000000, 0x14000003, 0x90000000, 0x91000000, 0xd65f03c0);
        var data = Data(obj, ".data", new byte[8]);
        var bss = Bss(obj, 16);
        Symbol(obj, "$x", text);
        Symbol(obj, ".Lloc", text, 16);
        Symbol(obj, "$d", bss); // as 2.40 marks the .skip in .bss, not the .quad in .data
        Symbol(obj, "_start", text, binding: SymbolBinding.Global);
        var ext = Symbol(obj, "ext", null, binding: SymbolBinding.Global);
        var var = Symbol(obj, "var", data, binding: SymbolBinding.Global);
        Reloc(text, 0, FixupKind.Call26, ext);
        Reloc(text, 8, FixupKind.AdrPage21, var);
        Reloc(text, 12, FixupKind.AddLo12, var);
        Reloc(data, 0, FixupKind.Abs64, ext);
        return obj;
    }

    public const string CallerSource = """
        .text
        .globl _start
        _start: bl ext
        b .Lloc
        adrp x0, var
        add x0, x0, :lo12:var
        .Lloc: ret
        .data
        .globl var
        var: .quad ext
        .bss
        .skip 16

        """;
}
