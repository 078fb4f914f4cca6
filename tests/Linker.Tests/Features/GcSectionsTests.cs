namespace A64Asm.Linker.Tests.Features;

/// <summary>--gc-sections: what ld keeps, we keep; what it drops, we drop.</summary>
public class GcSectionsTests
{
    const string Main = """
        .section .text._start,"ax"
        .globl _start
        _start: bl used
            adrp x0, table
            ldr x1, =__start_hooks
            ret
        .section .text.unused,"ax"
        .globl unused
        unused: bl used
            ret
        .section .rodata.table,"a"
        table: .quad used
        .section .rodata.orphaned,"a"
            .quad unused
        .section hooks,"a"
            .quad 1
        .section .data.unused,"aw"
            .quad 5
        """;

    const string Other = """
        .section .text.used,"ax"
        .globl used
        used: ret
        .section .text.kept,"ax"
        .globl kept
        kept: nop
        .section .text.dead,"ax"
        dead: b used
        """;

    [OracleFact]
    public void Keeps_what_the_entry_reaches_as_ld_does()
    {
        using var link = new GnuLink(Main, Other);
        string[] args = ["-Ttext=0x80000", "--gc-sections", "-e", "_start"];
        var expected = link.Reference(link.Objects, args);
        var options = GnuLink.Options("-Ttext=0x80000");
        options.GcSections = true;
        options.Entry = "_start";
        var image = A64Asm.Linker.Linker.Link(link.Objects.Select(link.Input).ToList(), options);
        ImageComparison.AssertSame(expected, image.Flat);
        Assert.True(image.Symbols.ContainsKey("used"));
        Assert.False(image.Symbols.ContainsKey("unused"));
        Assert.False(image.Symbols.ContainsKey("kept"));
    }

    [OracleFact]
    public void The_map_lists_the_dropped_sections_as_ld_does()
    {
        using var link = new GnuLink(Main, Other);
        link.Reference(link.Objects, "-Ttext=0x80000", "--gc-sections", "-e", "_start", "-Map", "ref.map");
        var options = GnuLink.Options("-Ttext=0x80000");
        options.GcSections = true;
        options.Entry = "_start";
        var image = A64Asm.Linker.Linker.Link(link.Objects.Select(link.Input).ToList(), options);
        static string Head(string map) => map.Replace("\r", "")[..map.IndexOf("Linker script and memory map", StringComparison.Ordinal)];
        var ours = Head(A64Asm.Linker.Output.LinkMapWriter.Write(image.Map!, "ref.elf"));
        Assert.Contains(" .text.unused   0x0000000000000000        0x8 o0.o\n", ours);
        Assert.Equal(Head(File.ReadAllText(link.Dir.Path("ref.map"))), ours);
    }

    [OracleFact]
    public void A_script_s_KEEP_is_a_root()
    {
        using var link = new GnuLink(Main, Other);
        File.WriteAllText(link.Dir.Path("s.ld"), "ENTRY(_start)\nSECTIONS { . = 0x1000; .text : { *(.text._start) KEEP(*(.text.kept)) *(.text*) } .rodata : { *(.rodata*) } }\n");
        var expected = link.Reference(link.Objects, "-T", "s.ld", "--gc-sections");
        var options = link.ScriptOptions("-T", "s.ld");
        options.GcSections = true;
        var image = A64Asm.Linker.Linker.Link(link.Objects.Select(link.Input).ToList(), options);
        ImageComparison.AssertSame(expected, image.Flat);
        Assert.True(image.Symbols.ContainsKey("kept"));
    }

    [Fact]
    public void Without_an_entry_symbol_nothing_could_be_kept()
    {
        var options = new LinkerOptions { GcSections = true, Entry = "nowhere" };
        var obj = A64Asm.Assembler.Elf.ElfObjectWriter.Write(Support.ObjectBuilder.Caller());
        var error = Assert.Throws<LinkError>(() => A64Asm.Linker.Linker.Link([new LinkerInput("a.o", obj)], options));
        Assert.Equal("--gc-sections: the entry symbol 'nowhere' is not defined, so nothing would be kept (name one with -e or ENTRY)", error.Message);
    }
}

/// <summary>Call frames: ld edits .eh_frame when it collects sections, which a64asm does not model, so it refuses.</summary>
public class GcSectionsFrameTests
{
    [OracleFact]
    public void Gc_sections_with_call_frames_is_refused()
    {
        using var link = new GnuLink(".text\n.globl _start\n_start:\n.cfi_startproc\nret\n.cfi_endproc\n");
        var options = new LinkerOptions { GcSections = true };
        var error = Assert.Throws<LinkError>(() => A64Asm.Linker.Linker.Link([link.Input("o0.o")], options));
        Assert.Equal("o0.o: --gc-sections with .eh_frame is not supported (GNU ld edits out the frames of removed functions); "
            + "build with -fno-asynchronous-unwind-tables or discard .eh_frame in a script", error.Message);
    }
}

public class GcSectionsDiscardedFrameTests
{
    [OracleFact]
    public void Call_frames_a_script_discards_are_no_obstacle()
    {
        using var link = new GnuLink(".text\n.globl _start\n_start:\n.cfi_startproc\nbl used\nret\n.cfi_endproc\n.section .text.used,\"ax\"\nused: ret\n.section .text.dead,\"ax\"\nnop\n");
        File.WriteAllText(link.Dir.Path("s.ld"), "ENTRY(_start) SECTIONS { . = 0x400; .text : { *(.text*) } /DISCARD/ : { *(.eh_frame) } }");
        var expected = link.Reference(link.Objects, "-T", "s.ld", "--gc-sections");
        var options = link.ScriptOptions("-T", "s.ld");
        options.GcSections = true;
        var image = A64Asm.Linker.Linker.Link([link.Input("o0.o")], options);
        ImageComparison.AssertSame(expected, image.Flat);
        Assert.Equal(12, image.Flat.Length);
    }
}
