using A64Asm.Linker.Tests.Support;

namespace A64Asm.Linker.Tests.Linking;

/// <summary>Small programs over several objects, linked by us and by GNU ld: the flat images must be identical.</summary>
public class MultiObjectTests
{
    private const string Main = """
        .text
        .globl _start
        _start:
            bl helper
            b tail
            adrp x0, table
            add x0, x0, :lo12:table
            adrp x1, counter
            ldr x2, [x1, :lo12:counter]
            ldr w3, [x1, :lo12:word32]
            ldrb w4, [x1, :lo12:byte8]
            ldrh w5, [x1, :lo12:half16]
            ldr q6, [x1, :lo12:quad128]
            ldr x7, message_ptr
            adr x8, helper
            cbz x0, helper
            tbnz x1, #3, helper
            b.ne tail
        .section .rodata
        .balign 8
        .globl message_ptr
        message_ptr: .quad message
        rel: .word helper - .
        .xword counter + 8
        .hword 0x1234
        """;

    private const string Helper = """
        .text
        .globl helper, tail
        helper:
            ret
        .balign 16
        tail:
            nop
            b _start
        .section .rodata.str,"aMS",@progbits,1
        .globl message
        message: .asciz "kexec"
        .data
        .balign 8
        .globl table, counter, word32, byte8, half16, quad128
        table: .quad _start, helper, tail
        counter: .quad 7
        word32: .word table - .
        byte8: .byte 1
        .balign 2
        half16: .hword 2
        .balign 16
        quad128: .quad 1, 2
        .bss
        .skip 64
        """;

    [OracleFact]
    public void CallsBranchesPagesAndDataAcrossObjects()
    {
        var image = LinkCompare.SameAsGnu([Main, Helper]);
        Assert.Equal(0ul, image.BaseAddress);
        Assert.Equal(0ul, image.Symbols["_start"]);
        Assert.Contains(image.Sections, s => s.Name == ".data" && s.Address >= 0x10000);
    }

    [OracleFact]
    public void InputOrderDecidesPlacement()
    {
        LinkCompare.SameAsGnu([Helper, Main]);
    }

    [OracleFact]
    public void TextStartAddressMovesEverything()
    {
        var image = LinkCompare.SameAsGnu([Main, Helper], "-Ttext=0x80000");
        Assert.Equal(0x80000ul, image.BaseAddress);
        LinkCompare.SameAsGnu([Main, Helper], "--section-start", ".text=0x40001000");
        LinkCompare.SameAsGnu([Main, Helper], "--section-start=.text=0x1234000");
    }

    [OracleFact]
    public void TextSubsectionsOrphansAndNopPadding()
    {
        LinkCompare.SameAsGnu(
        [
            """
            .section .text.hot,"ax"
            hot: nop
            .section .mycode,"ax"
            b hot
            .section .myconst,"a"
            .byte 1, 2, 3
            .section .text.startup,"ax"
            ret
            .text
            .globl _start
            _start: .byte 1
            .section .mydata,"aw"
            .quad hot
            .data
            .word 9
            """,
            """
            .text
            .balign 32
            bl hot2
            .section .text.unlikely,"ax"
            hot2: ret
            .section .text.sorted.b,"ax"
            nop
            .section .text.sorted.a,"ax"
            ret
            .section .mycode,"ax"
            .balign 16
            nop
            .section .rodata.cst8,"aM",@progbits,8
            .quad 0x1122334455667788
            """,
        ]);
    }

    [OracleTheory]
    [InlineData(0xf00, 0x200, 0)]      // the data segment saves a 4K page: it starts at 0x11000
    [InlineData(0xf00, 0x100, 0x1000)] // .bss ends on a page boundary: no saving, .data at 0x10f00
    [InlineData(0x11234, 0x4, 0x8)]    // text past the first 64K page
    public void DataSegmentAlignment(int textSize, int dataSize, int bssSize)
    {
        LinkCompare.SameAsGnu([$".text\n.skip {textSize}\n.data\n.skip {dataSize}, 0xaa\n.bss\n.skip {bssSize}\n"]);
    }

    [OracleFact]
    public void WeakDefinitionsYieldToStrongOnes()
    {
        var image = LinkCompare.SameAsGnu(
        [
            ".text\n.weak f, g\nf: ret\ng: ret\n.data\n.quad f, g, h\n.weak h\n",
            ".text\nnop\n.globl f\nf: ret\n",
        ]);
        Assert.Equal(12ul, image.Symbols["f"]); // the strong one, after the first object's 8 bytes and a nop
        Assert.Equal(4ul, image.Symbols["g"]);
        Assert.False(image.Symbols.ContainsKey("h"));
    }

    [OracleFact]
    public void MoveWideAndAbsoluteSymbols()
    {
        LinkCompare.SameAsGnu(
        [
            """
            .text
            movz x0, #:abs_g3:target
            movk x0, #:abs_g2_nc:target
            movk x0, #:abs_g1_nc:target
            movk x0, #:abs_g0_nc:target
            movz x1, #:abs_g1:small
            movz x2, #:abs_g0:small
            movz x3, #:abs_g2:target
            .quad konst + 3
            .word target - .
            .hword small
            """,
            ".globl target, small, konst\n.set konst, 0x123456789a\n.set small, 0x1234\n.data\n.skip 12\ntarget: .quad 0\n",
        ]);
    }

    [OracleFact]
    public void UndefinedWeakCallsBecomeNopsAndLabelsInEmptySectionsKeepTheirAddress()
    {
        LinkCompare.SameAsGnu(
        [
            ".text\n.weak wf\nbl wf\nb wf\nadrp x0, wf\nadd x0, x0, :lo12:wf\nadrp x1, empty\n.quad empty, wf\n.data\nempty:\n",
        ]);
    }
}
