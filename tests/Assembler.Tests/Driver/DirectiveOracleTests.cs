using A64Asm.Assembler.Diagnostics;

namespace A64Asm.Assembler.Tests.Driver;

/// <summary>Directive-heavy snippets, byte for byte against GNU as in the same run.</summary>
public class DirectiveOracleTests
{
    public static TheoryData<string, string> Cases => new()
    {
        { "data", ".data\n.byte 1, -1, 'z\n.hword 0x1234\n.word -5\n.quad 0x1122334455667788\n.ascii \"hi\\t\\\"x\\\"\"\n.asciz \"\\101\\x42\"\n.2byte 7\n.8byte -2\n" },
        { "fill", ".data\n.fill 3, 2, 0xabcd\n.skip 5, 0xee\n.zero 3\n.space 2\n.fill 2\n.fill 1, 8, 0x12345678\n" },
        { "align-code", "nop\n.byte 1\n.align 3\nnop\n.p2align 5\n.hword 2\n.balign 16, 0x55\nret\n.balignl 16, 0xd503201f\n" },
        { "align-max", ".data\n.byte 1\n.p2align 3,,2\n.byte 2\n.p2align 3, 0x7, 7\n.byte 3\n.balign 4, 9, 1\n" },
        { "org", "nop\n.org 0x20, 0xaa\nret\n.org . + 6\n.byte 1\n" },
        { "pools", "ldr x0, =0xdeadbeefcafe\nldr w1, =0x1234\nldr x2, =0xdeadbeefcafe\n.ltorg\nldr x3, =5\nldr w4, =5\n.pool\nldr x5, =0x77\nnop\n" },
        { "labels", "a: .quad b - a, c - b\nb: .word . - a\n.align 3\nc: .byte c - a\n.set d, c - a + 1\n.byte d\n" },
        { "local-labels", "1: b 1f\n2: b 1b\n1: cbz x0, 2b\n b 1b\n 1: tbz x1, #3, 1b\n" },
        // A defined symbol named like a barrier, system register, operation or condition: gas reads the ISA's name
        // where the instruction takes one, and the symbol's value only where it takes a number.
        { "names-over-symbols", "ish = 7\ndsb ish\nctr_el0 = 7\nmrs x0, ctr_el0\ncvac = 3\ndc cvac, x0\neq = 1\ncsel x0, x1, x2, eq\nc5 = 2\nsys #0, c7, c5, #0, x0\nsy = 3\nisb sy\ndmb sy\npldl1keep = 9\nprfm pldl1keep, [x0]\nspsel = 1\nmsr spsel, #1\nnzcv = 2\nmrs x1, nzcv\nadd x0, x1, ish\nmov x0, ish\n" },
        { "sample-like", ".globl f\nf: ldr x18, .Lh\n cbz x18, .Ld\n.Ld: dsb sy\n isb\n br x4\n.align 3\n.Lh: .quad 0\n.Le:\n.org 0x40\n.quad .Le - f\n" },
    };

    [OracleTheory]
    [MemberData(nameof(Cases))]
    public void Same_bytes_as_GNU_as(string name, string source)
    {
        _ = name;
        foreach (var section in new[] { ".text", ".data" })
        {
            byte[] expected = Gnu.SectionBytes(source, section);
            var obj = AsmDriver.AssembleText("o.s", source, new AssemblerOptions(), new CollectingDiagnostics());
            byte[] actual = obj.Sections.Single(s => s.Name == section).Data;
            Assert.Equal(Convert.ToHexString(expected), Convert.ToHexString(actual));
        }
    }
}
