using A64Asm.Assembler.Diagnostics;
using A64Asm.Assembler.Tests.Layout;

namespace A64Asm.Assembler.Tests.Driver;

/// <summary>Constructs the kernel's relocate_kernel.S and its headers use across generations (issue 12): the same
/// bytes as GNU as in the same run, and GNU as's warnings where it only warns.</summary>
public class KernelIdiomTests
{
    public static TheoryData<string, string> Cases => new()
    {
        { "req-builtin-aliases", "lr .req x30\nfp .req x29\nip0 .req x16\nmov lr, fp\nmov x1, ip0\n" },
        { "req-same-and-other", "tmp .req x3\ntmp .req x3\ntmp .req x4\nmov tmp, #1\n.unreq tmp\ntmp .req x5\nmov tmp, #2\nx0 .req x1\nmov x0, #3\n" },
        { "req-irp", ".irp n,1,2,3\nr\\n .req x\\n\n.endr\nadd r1, r2, r3\n" },
        { "statements", "mov x1, x2 ; mov x2, x3 ;; nop\n.Lskip_1 :\n.loop: b .loop\n9998: b 9998b\nb 9998f\n9998: nop\n" },
        { "type-forms", ".type a STT_NOTYPE\n.type b, @function\n.type c, %function\n.type d, STT_FUNC\na: nop\nb: nop\nc: nop\nd: nop\n" },
    };

    [OracleTheory]
    [MemberData(nameof(Cases))]
    public void Same_bytes_as_GNU_as(string name, string source)
    {
        _ = name;
        byte[] expected = Gnu.SectionBytes(source);
        byte[] actual = Asm.Bytes(source);
        Assert.Equal(Convert.ToHexString(expected), Convert.ToHexString(actual));
    }

    [Theory]
    [InlineData("tmp .req x3\ntmp .req x4\n", "test.s:2:1: warning: ignoring redefinition of register alias 'tmp'")]
    [InlineData("lr .req x29\n", "test.s:1:1: warning: ignoring redefinition of register alias 'lr'")]
    [InlineData("x0 .req x1\n", "test.s:1:1: warning: ignoring attempt to redefine built-in register 'x0'")]
    [InlineData("w5 .req x5\n", "test.s:1:1: warning: ignoring attempt to redefine built-in register 'w5'")]
    [InlineData("foo .req bar\n", "test.s:1:1: warning: unknown register 'bar' -- .req ignored")]
    [InlineData(".unreq x0\n", "test.s:1:1: warning: ignoring attempt to undefine built-in register 'x0'")]
    public void Warns_where_GNU_as_warns(string source, string warning)
    {
        var diagnostics = new CollectingDiagnostics();
        Asm.Object(source, diagnostics);
        Assert.Equal(warning, Assert.Single(diagnostics.Warnings).Split('\n')[0]);
    }

    [Theory]
    [InlineData("lr .req x30\nfp .req x29\ntmp .req x3\ntmp .req x3\n")]
    public void Same_register_again_is_silent(string source)
    {
        var diagnostics = new CollectingDiagnostics();
        Asm.Object(source, diagnostics);
        Assert.Empty(diagnostics.Warnings);
    }

    [Fact]
    public void Print_and_warning_come_out_once_when_a_size_waits_for_a_later_label()
    {
        // The .fill's size depends on a label below it: the input is assembled again with layout passes.
        var printed = new List<string>();
        var diagnostics = new CollectingDiagnostics();
        Asm.Object(".print \"hello\"\n.warning \"careful\"\nb later\n.fill later - ., 1, 0\nlater: nop\n", diagnostics,
            new AssemblerOptions { Print = printed.Add });
        Assert.Equal(["hello"], printed);
        Assert.Equal("test.s:2:1: warning: careful", Assert.Single(diagnostics.Warnings).Split('\n')[0]);
    }

    [Fact]
    public void Unreq_of_an_unknown_alias_is_an_error()
    {
        Assert.Equal("test.s:1:1: error: unknown register alias 'tmp'", Asm.ErrorLine(".unreq tmp\n"));
    }
}
