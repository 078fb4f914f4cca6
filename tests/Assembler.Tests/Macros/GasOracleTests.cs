using A64Asm.Assembler.Diagnostics;
using static A64Asm.Assembler.Tests.Macros.MacroTestHarness;

namespace A64Asm.Assembler.Tests.Macros;

/// <summary>
/// Expands macro-heavy sources whose result is only <c>.byte</c>/<c>.ascii</c> data, and compares the values with the
/// bytes GNU as produced for the same source.
/// </summary>
public class GasOracleTests
{
    [OracleTheory(Oracle.GnuBinutils)]
    [InlineData("atsign", """
        .macro in
        .byte \@
        .endm
        .macro out
        in
        .byte \@
        in
        .byte \@
        .endm
        out
        .rept 2
        out
        .endr
        .macro m a
        .rept 2
        .byte \@\a
        .endr
        .endm
        m 1
        """)]
    [InlineData("arguments", """
        .macro m a, b=7, c:vararg
        .byte \a, \b
        .ifnb \c
        .byte \c
        .endif
        .endm
        m 1
        M 2, 3
        m 4 5 6, 7
        m b=9, a=10
        m 11,,12
        m 1 + 2, 3
        m 1 -2 3
        m a = 20 b = 21
        .macro s x
        .ascii "<\x>"
        .endm
        s "a b"
        s a(b c)d
        .macro k a="x y", b
        .ascii "[\a|\b]"
        .endm
        k
        k ,"p q"
        k b = 3
        """)]
    [InlineData("repeats", """
        .irpc c, 4567
        .irp r, 10, 20
        .rept 2
        .byte \c+\r
        .endr
        .endr
        .endr
        .irp x
        .byte 1\x
        .endr
        .irp x, 1 2, 3
        .byte \x
        .endr
        .macro regs base
        .irp n, 0, 1, 2
        .byte \base\()\n
        .endr
        .endm
        regs 5
        """)]
    [InlineData("conditionals", """
        .macro countdown n
        .byte \n
        .if \n
        countdown \n-1
        .endif
        .endm
        countdown 5
        .macro pick a
        .ifc \a, x
        .byte 1
        .elseif \a
        .byte 2
        .else
        .byte 3
        .endif
        .endm
        pick x
        pick 4
        pick 0
        .macro early n
        .byte 40
        .ifge \n - 2
        .exitm
        .endif
        .byte 41
        .endm
        early 1
        early 3
        .ifeqs "a b", "a b"
        .byte 50 ; .byte 51
        .endif
        .ifc a + b, a+b
        .byte 52 // .byte 99
        .endif
        .ifb
        .byte 53
        .endif
        foo = 3
        .ifdef foo
        .byte foo
        .endif
        .ifndef bar
        .byte 54
        .endif
        """)]
    [InlineData("nesting", """
        .macro outer x
        .macro inner y
        .byte \x, \y
        .endm
        .irp r, 1, 2
        .byte \x\r, \@
        .endr
        .endm
        outer 5
        inner 6
        .purgem inner
        outer 7
        inner 8
        .macro empty
        .endm
        empty
        .rept 0
        .byte 99
        .endr
        .macro q a, b
        .ascii "\a\b"
        .endm
        q "1, 2" 3
        q 4,
        q , 5
        .macro bail n
        .irp v, 1, 2, 3
        .byte \v
        .ifeq \v - \n
        .exitm
        .endif
        .endr
        .byte 100
        .endm
        bail 2
        bail 9
        .byte 101
        """)]
    public void ExpansionMatchesGas(string name, string source)
    {
        byte[] expected = Gnu.SectionBytes(".data\n" + source + "\n", ".data");
        var lines = ExpandLines(source + "\n");
        Assert.True(expected.Length > 0, name);
        Assert.Equal(Convert.ToHexString(expected), Convert.ToHexString(DataOf(lines)));
    }

    /// <summary>Assembles the data directives the expansion produced (symbol assignments are the host's business).</summary>
    static byte[] DataOf(List<SourceLine> lines)
    {
        var host = new TestHost();
        var bytes = new List<byte>();
        foreach (var line in lines)
        {
            string text = line.Text.Trim();
            if (text.StartsWith(".byte "))
            {
                foreach (string operand in text[6..].Split(','))
                    bytes.Add((byte)host.EvaluateAbsolute(line, 0, operand.Trim()));
            }
            else if (text.StartsWith(".ascii \"") && text.EndsWith('"'))
                bytes.AddRange(System.Text.Encoding.ASCII.GetBytes(text[8..^1]));
            else if (text.Contains(" = "))
                host.Observe(line);
            else
                Assert.Fail($"unexpected line in the expansion: {text}");
        }
        return bytes.ToArray();
    }

    /// <summary>GNU as must produce the same code from our expansion as from the original source.</summary>
    [OracleTheory(Oracle.GnuBinutils)]
    [InlineData("kernel-helpers", """
        	.macro	dcache_line_size, reg, tmp
        	mrs	\tmp, ctr_el0
        	ubfm	\tmp, \tmp, #16, #19
        	mov	\reg, #4
        	lsl	\reg, \reg, \tmp
        	.endm
        start:
         dcache_line_size x17, x0
        1: dcache_line_size x2, x3 // trailing comment
         b.ne 1b
        """)]
    [InlineData("labels-and-loops", """
        .macro push2 a, b
        stp \a, \b, [sp, #-16]!
        .endm
        .macro save first, rest:vararg
        push2 \first, \first
        .ifnb \rest
        save \rest
        .endif
        .endm
        save x19, x20, x21 ; nop
        .irp r, 0, 1, 2
        loop\r: subs x\r, x\r, #1 ; b.ne loop\r
        .endr
        .rept 3
        1: add x0, x0, #1
        .endr
        b 1b
        """)]
    public void ExpandedCodeAssemblesLikeTheOriginal(string name, string source)
    {
        byte[] expected = Gnu.SectionBytes(source + "\n", ".text");
        string expanded = string.Join("\n", ExpandLines(source + "\n").Select(l => l.Text)) + "\n";
        Assert.True(expected.Length > 0, name);
        Assert.Equal(Convert.ToHexString(expected), Convert.ToHexString(Gnu.SectionBytes(expanded, ".text")));
    }
}
