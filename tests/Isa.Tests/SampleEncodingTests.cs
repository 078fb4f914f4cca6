using A64Asm.Isa.Decoding;
using A64Asm.Isa.Encoding;
using A64Asm.Isa.Fixups;
using A64Asm.Isa.Formatting;
using A64Asm.Isa.Tests.Support;

namespace A64Asm.Isa.Tests;

/// <summary>Every instruction of samples/relocate_kernel.S, words from objdump of the GNU-assembled object.</summary>
public class SampleEncodingTests
{
    public static TheoryData<string, uint, string> Sample => new()
    {
        { "mrs x0, ctr_el0", 0xd53b0020, "mrs\tx0, ctr_el0" },
        { "ubfm x0, x0, #16, #19", 0xd3504c00, "ubfx\tx0, x0, #16, #4" },
        { "mov x17, #4", 0xd2800091, "mov\tx17, #0x4" },
        { "lsl x17, x17, x0", 0x9ac02231, "lsl\tx17, x17, x0" },
        { "mov x16, xzr", 0xaa1f03f0, "mov\tx16, xzr" },
        { "and x13, x18, 0xfffffffffffff000", 0x9274ce4d, "and\tx13, x18, #0xfffffffffffff000" },
        { "and x0, x0, #0xf", 0x92400c00, "and\tx0, x0, #0xf" },
        { "mov x20, x14", 0xaa0e03f4, "mov\tx20, x14" },
        { "add x19, x0, #4096", 0x91400413, "add\tx19, x0, #0x1, lsl #12" },
        { "sub x1, x17, #1", 0xd1000621, "sub\tx1, x17, #0x1" },
        { "bic x0, x0, x1", 0x8a210000, "bic\tx0, x0, x1" },
        { "dc ivac, x0", 0xd5087620, "dc\tivac, x0" },
        { "add x0, x0, x17", 0x8b110000, "add\tx0, x0, x17" },
        { "cmp x0, x19", 0xeb13001f, "cmp\tx0, x19" },
        { "dsb sy", 0xd5033f9f, "dsb\tsy" },
        { "ldp x22, x23, [x21]", 0xa9405eb6, "ldp\tx22, x23, [x21]" },
        { "ldp x24, x25, [x21, #16]", 0xa94166b8, "ldp\tx24, x25, [x21, #16]" },
        { "add x21, x21, #64", 0x910102b5, "add\tx21, x21, #0x40" },
        { "stnp x22, x23, [x20]", 0xa8005e96, "stnp\tx22, x23, [x20]" },
        { "stnp x28, x29, [x20, #48]", 0xa803769c, "stnp\tx28, x29, [x20, #48]" },
        { "tst x21, #4095", 0xf2402ebf, "tst\tx21, #0xfff" },
        { "add x14, x14, 4096", 0x914005ce, "add\tx14, x14, #0x1, lsl #12" },
        { "ldr x18, [x15], #8", 0xf84085f2, "ldr\tx18, [x15], #8" },
        { "isb", 0xd5033fdf, "isb" },
        { "ic ialluis", 0xd508711f, "ic\tialluis" },
        { "br x4", 0xd61f0080, "br\tx4" },
    };

    [Theory]
    [MemberData(nameof(Sample))]
    public void Encodes_like_gas_and_prints_like_objdump(string source, uint expected, string objdump)
    {
        var (mnemonic, operands) = ProductParser.Parse(source);
        Assert.True(A64Encoder.TryEncode(mnemonic, operands, out var enc, out var error), error);
        Assert.Equal(expected.ToString("x8"), enc.Word.ToString("x8"));
        var ins = A64Decoder.Decode(expected);
        Assert.NotEqual(Code.Invalid, ins.Code);
        Assert.Equal(objdump, A64Formatter.Format(in ins, 0));
    }

    public static TheoryData<string, uint, FixupKind, string> Branches => new()
    {
        { "ldr x18, .Lkimage_head", 0x58000012, FixupKind.LdLiteral19, "ldr\tx18, 0x0" },
        { "cbz x18, .Ldone", 0xb4000012, FixupKind.CondBranch19, "cbz\tx18, 0x0" },
        { "tbnz x18, #2, .Ldone", 0x37100012, FixupKind.TestBranch14, "tbnz\tw18, #2, 0x0" },
        { "tbz x18, 3, .Ltest", 0x36180012, FixupKind.TestBranch14, "tbz\tw18, #3, 0x0" },
        { "b.lo 1f", 0x54000003, FixupKind.CondBranch19, "b.cc\t0x0" },
        { "b.ne 1f", 0x54000001, FixupKind.CondBranch19, "b.ne\t0x0" },
        { "b .Lnext", 0x14000000, FixupKind.Branch26, "b\t0x0" },
        { "bl func", 0x94000000, FixupKind.Call26, "bl\t0x0" },
    };

    [Theory]
    [MemberData(nameof(Branches))]
    public void Symbol_targets_become_fixups(string source, uint expected, FixupKind kind, string text)
    {
        var (mnemonic, operands) = ProductParser.Parse(source);
        Assert.True(A64Encoder.TryEncode(mnemonic, operands, out var enc, out var error), error);
        Assert.Equal(expected.ToString("x8"), enc.Word.ToString("x8"));
        Assert.Equal(kind, enc.Fixup.Kind);
        Assert.Equal(text, A64Formatter.Format(expected, 0));
    }

    [Theory]
    [InlineData("b.cc 0x48", "54", 0x54ffffa3u)]
    public void Numeric_targets_are_addresses(string source, string pcHex, uint expected)
    {
        var (mnemonic, operands) = ProductParser.Parse(source);
        ulong pc = Convert.ToUInt64(pcHex, 16);
        Assert.True(A64Encoder.TryEncode(mnemonic, operands, pc, out var enc, out var error), error);
        Assert.Equal(expected.ToString("x8"), enc.Word.ToString("x8"));
        Assert.Equal("b.cc\t0x48", A64Formatter.Format(expected, pc));
    }
}
