using A64Asm.Assembler.Elf;

namespace A64Asm.Assembler.Tests.Layout;

public class SectionAndSymbolTests
{
    [Fact]
    public void Gas_default_sections_come_first()
    {
        var obj = Asm.Object(".section .rodata\n.byte 1\n");
        Assert.Equal(new[] { ".text", ".data", ".bss", ".rodata" }, obj.Sections.Select(s => s.Name));
        Assert.Equal(SectionFlags.Alloc | SectionFlags.Exec, obj.Sections[0].Flags);
        Assert.Equal(SectionKind.NoBits, obj.Sections[2].Kind);
    }

    [Fact]
    public void Section_flags_types_and_stack()
    {
        var obj = Asm.Object("""
            .section .init.text, "ax", @progbits
            nop
            .pushsection .mybss, "aw", %nobits
            .skip 16
            .popsection
            nop
            .data
            .byte 1
            .previous
            nop
            .section .note.GNU-stack, "", @progbits
            """);
        var init = obj.Sections.Single(s => s.Name == ".init.text");
        Assert.Equal(12, init.Data.Length);
        Assert.Equal(SectionFlags.Alloc | SectionFlags.Exec, init.Flags);
        var bss = obj.Sections.Single(s => s.Name == ".mybss");
        Assert.Equal((SectionKind.NoBits, 16L, 0), (bss.Kind, bss.Size, bss.Data.Length));
        Assert.Equal(SectionFlags.None, obj.Sections.Single(s => s.Name == ".note.GNU-stack").Flags);
    }

    [Fact]
    public void Symbol_binding_type_size_and_visibility()
    {
        var obj = Asm.Object("""
            .globl f
            .type f, %function
            .hidden f
            f: nop
               ret
            .size f, . - f
            .weak w
            local: .quad w
            .set absolute, 42
            """);
        var f = obj.Symbols.Single(s => s.Name == "f");
        Assert.Equal((SymbolBinding.Global, SymbolType.Func, 8L, SymbolVisibility.Hidden), (f.Binding, f.Type, f.Size, f.Visibility));
        Assert.Equal(SymbolBinding.Weak, obj.Symbols.Single(s => s.Name == "w").Binding);
        Assert.Equal((SymbolBinding.Local, 8L), (obj.Symbols.Single(s => s.Name == "local").Binding, obj.Symbols.Single(s => s.Name == "local").Value));
        var abs = obj.Symbols.Single(s => s.Name == "absolute");
        Assert.True(abs.IsAbsolute);
        Assert.Equal(42, abs.Value);
    }

    [Fact]
    public void Defsym_defines_an_absolute_symbol()
    {
        var options = new AssemblerOptions();
        options.Defsyms.Add(AssemblerOptions.ParseDefsym("PAGES=0x10"));
        var obj = Asm.Object(".data\n.word PAGES * 2\n", options: options);
        Assert.Equal(0x20, BitConverter.ToInt32(obj.Sections.Single(s => s.Name == ".data").Data));
    }

    [Fact]
    public void Label_redefinition_is_an_error_on_the_second_definition()
    {
        Assert.Equal("test.s:3:1: error: symbol 'a' is already defined", Asm.ErrorLine("a:\nnop\na:\n"));
    }

    [Fact]
    public void Unknown_directive_is_an_error()
    {
        Assert.Equal("test.s:1:2: error: unknown directive '.frobnicate'", Asm.ErrorLine(" .frobnicate 1\n"));
    }

    [Fact]
    public void Cfi_and_file_directives_are_accepted()
    {
        Assert.Equal(Asm.Hex("nop\n"), Asm.Hex(".file \"x.c\"\n.cfi_startproc\nnop\n.cfi_endproc\n.ident \"GCC\"\n"));
    }

    [Fact]
    public void Set_then_if_sees_the_value()
    {
        // .if runs in the macro layer while lines stream into the assembler.
        Assert.Equal("07", Asm.Hex(".set v, 3\n.if v == 3\n.data\n.byte 7\n.else\n.data\n.byte 9\n.endif\n", ".data"));
    }
}
