using A64Asm.Linker.Script;

namespace A64Asm.Linker.Tests.Features;

/// <summary>Mistakes in a script: "script.ld:LINE:COL: error: ...", the line, a caret under the column.</summary>
public class LinkerScriptErrorTests
{
    static string Error(string script) => Assert.Throws<ScriptError>(() => LinkerScript.Parse("script.ld", script)).Render();

    [Theory]
    [InlineData("MEMORY { ram : ORIGIN = 0 }",
        "script.ld:1:1: error: 'MEMORY' is not supported (a64asm reads SECTIONS, ENTRY, OUTPUT_ARCH, OUTPUT_FORMAT and symbol assignments)\n MEMORY { ram : ORIGIN = 0 }\n ^")]
    [InlineData("SECTIONS {\n  .text : { *(.text) \n}",
        "script.ld:3:2: error: expected '}' before the end of the file\n }\n  ^")]
    [InlineData("SECTIONS {\n\t. = 0x1000\n\t.text : { *(.text) }\n}",
        "script.ld:3:2: error: expected ';', found '.text'\n \t.text : { *(.text) }\n \t^")]
    [InlineData("SECTIONS { .text : { *(SORT(.text.*)) } }",
        "script.ld:1:24: error: 'SORT' is not supported in an input section description\n SECTIONS { .text : { *(SORT(.text.*)) } }\n                        ^")]
    [InlineData("SECTIONS { . = ALIGN(4, 8, 9); }",
        "script.ld:1:26: error: expected ')', found ','\n SECTIONS { . = ALIGN(4, 8, 9); }\n                          ^")]
    [InlineData("SECTIONS { . = LOADADDR(.text); }",
        "script.ld:1:16: error: function 'LOADADDR' is not supported (a64asm knows ALIGN, ABSOLUTE, ADDR and SIZEOF)\n SECTIONS { . = LOADADDR(.text); }\n                ^")]
    [InlineData("SECTIONS { .text : { *(.text) } > ram }",
        "script.ld:1:33: error: '>' after an output section is not supported (memory regions, program headers, load addresses and fills are not)\n SECTIONS { .text : { *(.text) } > ram }\n                                 ^")]
    [InlineData("/* never closed\nSECTIONS { }",
        "script.ld:1:1: error: unterminated comment\n /* never closed\n ^")]
    [InlineData("SECTIONS { . = 0x10zz; }",
        "script.ld:1:16: error: invalid number '0x10z'\n SECTIONS { . = 0x10zz; }\n                ^")]
    public void Is_reported_at_its_line_and_column(string script, string message) => Assert.Equal(message, Error(script));

    static ScriptError LayoutError(string script)
    {
        var obj = A64Asm.Assembler.Elf.ElfObjectWriter.Write(Support.ObjectBuilder.Caller());
        var ext = new A64Asm.Assembler.Elf.ObjectFile();
        Support.ObjectBuilder.Symbol(ext, "ext", Support.ObjectBuilder.Code(ext, ".text.ext", 0xd65f03c0), binding: A64Asm.Assembler.Elf.SymbolBinding.Global);
        var options = new LinkerOptions { Script = LinkerScript.Parse("script.ld", script) };
        return Assert.Throws<ScriptError>(() => A64Asm.Linker.Linker.Link(
            [new LinkerInput("a.o", obj), new LinkerInput("ext.o", A64Asm.Assembler.Elf.ElfObjectWriter.Write(ext))], options));
    }

    [Fact]
    public void Moving_dot_backwards_inside_a_section_is_refused_as_in_ld() =>
        Assert.Equal("script.ld:1:32: error: cannot move location counter backwards (from 0x18 to 0x10)\n SECTIONS { .text : { *(.text*) . = 0x10; } }\n                                ^",
            LayoutError("SECTIONS { .text : { *(.text*) . = 0x10; } }").Render());

    [Fact]
    public void A_symbol_whose_section_comes_later_has_no_value_yet() =>
        Assert.Equal("script.ld:1:24: error: symbol 'var' is used before its section .data (a.o) is placed\n SECTIONS { . = 0x100 + var; .text : { *(.text*) } .data : { *(.data) } }\n                        ^",
            LayoutError("SECTIONS { . = 0x100 + var; .text : { *(.text*) } .data : { *(.data) } }").Render());

    [Fact]
    public void An_alignment_that_is_not_a_power_of_two_is_refused() =>
        Assert.Equal("script.ld:1:16: error: ALIGN: 0x18 is not a power of two\n SECTIONS { . = ALIGN(24); .text : { *(.text*) } }\n                ^",
            LayoutError("SECTIONS { . = ALIGN(24); .text : { *(.text*) } }").Render());
}

/// <summary>Hostile scripts end in an error, not a stack overflow.</summary>
public class LinkerScriptNestingTests
{
    [Theory]
    [InlineData("(", ")")]
    [InlineData("-", "")]
    public void Deep_nesting_is_refused(string open, string close)
    {
        string text = "SECTIONS { . = " + string.Concat(Enumerable.Repeat(open, 100_000)) + "1" + string.Concat(Enumerable.Repeat(close, 100_000)) + "; }";
        var error = Assert.Throws<A64Asm.Linker.Script.ScriptError>(() => A64Asm.Linker.Script.LinkerScript.Parse("deep.ld", text));
        Assert.Equal("expression nested more than 1000 deep", error.Message);
        Assert.Equal(1, error.At.Line);
    }

    [Fact]
    public void Constants_are_folded_as_ld_folds_them()
    {
        Assert.Equal(["0xfffffffffffffffc", "0x7", "(~ (a) + 0x1)", "(ALIGN (0x10) - 0x8)"],
            new[] { "x=-4", "y=1 + 2 * 3", "z=~a + 1", "w=ALIGN(16) - 8" }.Select(d => Defsym.Parse(d).ReadAs));
    }

    [Fact]
    public void A_long_chain_of_operators_is_refused()
    {
        // Constants are folded as they are read (as ld does); a symbol keeps every '+' in the tree.
        string text = "SECTIONS { . = a" + string.Concat(Enumerable.Repeat(" + a", 100_000)) + "; }";
        var error = Assert.Throws<A64Asm.Linker.Script.ScriptError>(() => A64Asm.Linker.Script.LinkerScript.Parse("long.ld", text));
        Assert.Equal("expression nested more than 1000 deep", error.Message);
    }

    [Fact]
    public void Nine_hundred_levels_are_fine()
    {
        string text = "SECTIONS { . = " + new string('(', 900) + "0x10" + new string(')', 900) + " + a" + string.Concat(Enumerable.Repeat(" + a", 900)) + "; }";
        A64Asm.Linker.Script.LinkerScript.Parse("ok.ld", text);
    }
}
