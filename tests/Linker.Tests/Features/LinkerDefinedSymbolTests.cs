namespace A64Asm.Linker.Tests.Features;

/// <summary>--defsym and __start_SEC/__stop_SEC, compared with GNU ld on the same objects.</summary>
public class LinkerDefinedSymbolTests
{
    const string Main = """
        .text
        .globl _start
        _start: bl helper
            adrp x0, __start_mysec
            add x0, x0, :lo12:__start_mysec
            ldr x1, =__stop_mysec
            ldr x2, =limit
            bl past_helper
            ret
        .section mysec,"a"
            .quad 1
        """;

    const string Helper = """
        .text
        .globl helper
        helper: ret
            nop
        .section mysec,"a"
            .quad 2
        .section .rodata
            .quad __start_mysec, __stop_mysec, limit
        """;

    static readonly string[] Args = ["-Ttext=0x80000", "--defsym", "limit=0x12345678", "--defsym", "past_helper=helper+4"];

    [OracleFact]
    public void Defsyms_and_section_bounds_give_GNU_ld_s_image_and_values()
    {
        using var link = new GnuLink(Main, Helper);
        var expected = link.Reference(link.Objects, ["-e", "0", .. Args]);
        var image = A64Asm.Linker.Linker.Link(link.Objects.Select(link.Input).ToList(), GnuLink.Options(Args));
        ImageComparison.AssertSame(expected, image.Flat);
        var nm = Gnu.RunIn(link.Dir.Root, "nm", "ref.elf").Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Split(' ')).ToDictionary(f => f[2], f => Convert.ToUInt64(f[0], 16));
        foreach (var name in new[] { "limit", "past_helper", "__start_mysec", "__stop_mysec" })
            Assert.True(nm[name] == image.Symbols[name], $"{name}: ld 0x{nm[name]:x}, ours 0x{image.Symbols[name]:x}");
    }

    [Fact]
    public void A_defsym_of_an_undefined_symbol_is_an_error_at_its_column()
    {
        var error = Assert.Throws<A64Asm.Linker.Script.ScriptError>(() =>
            A64Asm.Linker.Linker.Link([new LinkerInput("a.o", A64Asm.Assembler.Elf.ElfObjectWriter.Write(Support.ObjectBuilder.Caller()))],
                GnuLink.Options("--defsym", "ext=0", "--defsym", "x=ext + nothere")));
        Assert.Equal("--defsym:1:9: error: undefined symbol 'nothere' referenced in expression\n x=ext + nothere\n         ^", error.Render());
    }

    [Theory]
    [InlineData("=5", "--defsym:1:1: error: expected NAME=EXPRESSION, found '=5'\n =5\n ^")]
    [InlineData("a=", "--defsym:1:3: error: expected an expression before the end of the file\n a=\n   ^")]
    [InlineData("a=1 2", "--defsym:1:5: error: unexpected '2' after the expression\n a=1 2\n     ^")]
    [InlineData("a=0x", "--defsym:1:3: error: invalid number '0x'\n a=0x\n   ^")]
    public void A_malformed_defsym_is_an_error_at_its_column(string text, string message) =>
        Assert.Equal(message, Assert.Throws<A64Asm.Linker.Script.ScriptError>(() => Defsym.Parse(text)).Render());

    [Theory]
    [InlineData("mysec", true)]
    [InlineData("_x9", true)]
    [InlineData(".text", false)]
    [InlineData("my-sec", false)]
    [InlineData("9abc", false)]
    [InlineData("", false)]
    public void Section_bounds_are_defined_for_C_identifiers_only(string name, bool defined) =>
        Assert.Equal(defined, LinkerDefinedSymbols.IsCIdentifier(name));
}
