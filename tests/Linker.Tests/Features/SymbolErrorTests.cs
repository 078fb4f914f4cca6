using A64Asm.Assembler.Elf;
using A64Asm.Isa.Fixups;
using A64Asm.Linker.Tests.Support;

namespace A64Asm.Linker.Tests.Features;

/// <summary>Undefined and duplicate definitions: one line per problem, each naming every object and section involved.</summary>
public class SymbolErrorTests
{
    static LinkerInput Defines(string file, string section, int at, string name, SymbolBinding binding = SymbolBinding.Global)
    {
        var obj = new ObjectFile();
        var text = ObjectBuilder.Code(obj, section, [.. Enumerable.Repeat(0xd503201fu, at / 4 + 1)]);
        ObjectBuilder.Symbol(obj, name, text, at, binding);
        return new LinkerInput(file, ElfObjectWriter.Write(obj));
    }

    static LinkerInput Calls(string file, string section, params string[] names)
    {
        var obj = new ObjectFile();
        var text = ObjectBuilder.Code(obj, section, [.. names.Select(_ => 0x94000000u)]);
        for (int i = 0; i < names.Length; i++)
            ObjectBuilder.Reloc(text, i * 4, FixupKind.Call26, ObjectBuilder.Symbol(obj, names[i], null, binding: SymbolBinding.Global));
        return new LinkerInput(file, ElfObjectWriter.Write(obj));
    }

    static string Error(params LinkerInput[] inputs) =>
        Assert.Throws<LinkError>(() => A64Asm.Linker.Linker.Link(inputs, new LinkerOptions())).Message;

    [Fact]
    public void Every_second_definition_names_itself_and_the_first()
    {
        Assert.Equal(
            "b.o:(.text.b+0x8): multiple definition of 'foo'; a.o:(.text+0x4): first defined here\n" +
            "c.o:(.text.c+0x0): multiple definition of 'foo'; a.o:(.text+0x4): first defined here",
            Error(Defines("a.o", ".text", 4, "foo"), Defines("b.o", ".text.b", 8, "foo"), Defines("c.o", ".text.c", 0, "foo")));
    }

    [Fact]
    public void Weak_definitions_are_not_duplicates()
    {
        var image = A64Asm.Linker.Linker.Link([Defines("a.o", ".text", 4, "foo", SymbolBinding.Weak), Defines("b.o", ".text.b", 8, "foo"),
            Defines("c.o", ".text.c", 0, "foo", SymbolBinding.Weak)], new LinkerOptions());
        Assert.Equal(0x8ul + 0x8, image.Symbols["foo"]);   // b.o's .text.b follows a.o's 8-byte .text
    }

    [Fact]
    public void Every_undefined_reference_is_reported_with_its_object_and_section()
    {
        Assert.Equal(
            "a.o:(.text+0x0): undefined reference to 'one'\n" +
            "a.o:(.text+0x4): undefined reference to 'two'\n" +
            "b.o:(.text.boot+0x4): undefined reference to 'one'",
            Error(Calls("a.o", ".text", "one", "two", "here"), Calls("b.o", ".text.boot", "here", "one"), Defines("c.o", ".text", 0, "here")));
    }

    [Fact]
    public void Multiple_definitions_and_undefined_references_are_reported_together_as_ld_does() =>
        Assert.Equal(
            "b.o:(.text.b+0x0): multiple definition of 'foo'; a.o:(.text+0x0): first defined here\n" +
            "c.o:(.text.c+0x0): undefined reference to 'missing'",
            Error(Defines("a.o", ".text", 0, "foo"), Defines("b.o", ".text.b", 0, "foo"), Calls("c.o", ".text.c", "missing")));
}
