namespace A64Asm.Linker.Tests.Features;

/// <summary>-T script.ld for the subset a64asm reads, compared with ld -T + objcopy -O binary on the same objects.</summary>
public class LinkerScriptTests
{
    const string Code = """
        .text
        .globl _start
        .weak start_of_data, tail, __end, mark, after_data
        _start: adrp x0, start_of_data
            ldr x1, =tail
            ldr x2, =__end
            ldr x3, =mark
            ldr x4, =after_data
            bl helper
        .section .kexec_relocate.text,"ax"
        .globl arm64_relocate_new_kernel
        arm64_relocate_new_kernel: nop
        .data
            .byte 1
            .balign 8
        .globl w
        w: .quad _start
        .section .comment.extra,"a"
            .ascii "dropped"
        """;

    const string More = """
        .text
        .balign 16
        .globl helper
        helper: ret
        .section .text.boot,"ax"
        boot: b helper
        .data
            .quad 3
        .section .rodata.str,"a"
            .asciz "hi"
        .bss
            .skip 24
        """;

    static void SameAsLd(string script, string[] sources, string[]? symbols = null)
    {
        using var link = new GnuLink(sources);
        File.WriteAllText(link.Dir.Path("s.ld"), script);
        var expected = link.Reference(link.Objects, "-T", "s.ld", "-e", "0");
        var image = A64Asm.Linker.Linker.Link(link.Objects.Select(link.Input).ToList(), link.ScriptOptions("-T", "s.ld"));
        ImageComparison.AssertSame(expected, image.Flat);
        var nm = Gnu.RunIn(link.Dir.Root, "nm", "ref.elf").Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Split(' ')).Where(f => f.Length == 3).ToDictionary(f => f[2], f => Convert.ToUInt64(f[0], 16));
        foreach (var name in symbols ?? [])
            Assert.True(nm[name] == image.Symbols[name], $"{name}: ld 0x{nm[name]:x}, ours 0x{(image.Symbols.TryGetValue(name, out var v) ? v : 0):x}");
    }

    [OracleFact]
    public void Dot_assignments_alignment_symbols_orphans_and_discard()
    {
        SameAsLd("""
            /* a blob at 0x1000 */
            SECTIONS {
              . = 0x1000;
              .text : { *(.text*) }
              . = ALIGN(0x100);
              start_of_data = .;
              .data : { *(.data) . = ALIGN(16); tail = .; }
              .bss : { *(.bss) }
              __end = .;
              /DISCARD/ : { *(.comment*) }
            }
            """, [Code, More], ["start_of_data", "tail", "__end", "helper", "arm64_relocate_new_kernel", "w"]);
    }

    [OracleFact]
    public void Output_section_addresses_keep_align_and_provide()
    {
        SameAsLd("""
            ENTRY(_start)
            SECTIONS
            {
                .text 0x80000 : { KEEP(*(.text.boot)) *(.text) }
                .kexec_relocate.text : { *(.kexec_relocate.text) }
                .rodata : ALIGN(64) { *(.rodata .rodata.*) }
                .data ALIGN(0x1000) : { data_start = .; *(.data) }
                .bss : { *(.bss) . += 0x10; }
                PROVIDE(__end = .);
                PROVIDE(unused_provide = .);
                start_of_data = ADDR(.data);
                tail = ADDR(.data) + SIZEOF(.data) - 8 * 2;
                /DISCARD/ : { *(.comment.extra) }
            }
            """, [Code, More], ["data_start", "__end", "start_of_data", "tail", "helper"]);
    }

    [OracleFact]
    public void Orphans_go_past_symbol_assignments_but_before_an_address_jump_as_in_ld()
    {
        SameAsLd("""
            SECTIONS {
              . = 0x4000;
              .text : { *(.text) *(.text.boot) }
              .rodata : { *(.rodata) }
              mark = .;
              .data : { *(.data) }
              after_data = .;
              start_of_data = ADDR(.data);
              . = ALIGN(0x1000);
              .tail : { *(.text.tail) }
              /DISCARD/ : { *(.comment*) }
            }
            """, [Code.Replace(".section .kexec_relocate.text,\"ax\"", ".section .text.tail,\"ax\""),
                  More + "\n.section .mydata,\"aw\"\n.quad 9\n.section .rodata\n.byte 5\n"],
            ["mark", "after_data", "arm64_relocate_new_kernel"]);
    }

    [OracleFact]
    public void A_reference_to_a_discarded_section_is_an_error()
    {
        using var link = new GnuLink(".text\n.globl _start\n_start: bl gone\n", ".section .gone,\"ax\"\n.globl gone\ngone: ret\n");
        File.WriteAllText(link.Dir.Path("s.ld"), "SECTIONS { .text : { *(.text) } /DISCARD/ : { *(.gone) } }");
        var ld = Gnu.RunIn(link.Dir.Root, "ld", "-T", "s.ld", "o0.o", "o1.o", "-o", "x.elf");
        Assert.Contains("`gone' referenced in section `.text' of o0.o: defined in discarded section `.gone' of o1.o", ld.Stderr);
        var error = Assert.Throws<LinkError>(() => A64Asm.Linker.Linker.Link(link.Objects.Select(link.Input).ToList(), link.ScriptOptions("-T", "s.ld")));
        Assert.Equal("o0.o:(.text+0x0): 'gone' is defined in discarded section '.gone' of o1.o", error.Message);
    }
}
