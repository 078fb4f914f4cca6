using System.Buffers.Binary;
using A64Asm.Isa.Fixups;

namespace A64Asm.Linker.Tests.Fixups;

public class FixupApplyTests
{
    private static uint ApplyToWord(FixupKind kind, uint word, long value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, word);
        Assert.True(Fixup.TryApply(kind, bytes, value, out var error), error);
        Assert.Equal("", error);
        return BinaryPrimitives.ReadUInt32LittleEndian(bytes);
    }

    private static string Fail(FixupKind kind, uint word, long value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, word);
        Assert.False(Fixup.TryApply(kind, bytes, value, out var error));
        Assert.Equal(word, BinaryPrimitives.ReadUInt32LittleEndian(bytes)); // untouched on failure
        return error;
    }

    // Expected words are what GNU as 2.40 encodes for the same instruction with the offset written literally.
    [Theory]
    [InlineData(FixupKind.Branch26, 0x14000000u, 8L, 0x14000002u)]            // b .+8
    [InlineData(FixupKind.Call26, 0x94000000u, -4L, 0x97ffffffu)]             // bl .-4
    [InlineData(FixupKind.Branch26, 0x14000000u, (1L << 27) - 4, 0x15ffffffu)] // b, last word forward
    [InlineData(FixupKind.Branch26, 0x14000000u, -(1L << 27), 0x16000000u)]   // b, first word back
    [InlineData(FixupKind.CondBranch19, 0x54000000u, 8L, 0x54000040u)]        // b.eq .+8
    [InlineData(FixupKind.CondBranch19, 0xb4000000u, 8L, 0xb4000040u)]        // cbz x0, .+8
    [InlineData(FixupKind.CondBranch19, 0x54000001u, -8L, 0x54ffffc1u)]       // b.ne .-8
    [InlineData(FixupKind.TestBranch14, 0x36080000u, 8L, 0x36080040u)]        // tbz x0, #1, .+8
    [InlineData(FixupKind.TestBranch14, 0x36080000u, -4L, 0x360fffe0u)]       // tbz x0, #1, .-4
    [InlineData(FixupKind.LdLiteral19, 0x58000000u, 8L, 0x58000040u)]         // ldr x0, .+8
    [InlineData(FixupKind.Adr21, 0x10000000u, 5L, 0x30000020u)]               // adr x0, .+5
    [InlineData(FixupKind.Adr21, 0x10000000u, -1L, 0x70ffffe0u)]              // adr x0, .-1
    [InlineData(FixupKind.AdrPage21, 0x90000000u, 0x3000L, 0xf0000000u)]      // adrp x0, .+0x3000 (pages)
    [InlineData(FixupKind.AdrPage21, 0x90000000u, -0x1000L, 0xf0ffffe0u)]
    [InlineData(FixupKind.AddLo12, 0x91000000u, 0x12345L, 0x910d1400u)]       // add x0, x0, #0x345
    [InlineData(FixupKind.Ldst8Lo12, 0x39400020u, 0x1fffL, 0x397ffc20u)]      // ldrb w0, [x1, #0xfff]
    [InlineData(FixupKind.Ldst16Lo12, 0x79400020u, 0x1002L, 0x79400420u)]     // ldrh w0, [x1, #2]
    [InlineData(FixupKind.Ldst32Lo12, 0xb9400020u, 0x1004L, 0xb9400420u)]     // ldr w0, [x1, #4]
    [InlineData(FixupKind.Ldst64Lo12, 0xf9400020u, 0x1008L, 0xf9400420u)]     // ldr x0, [x1, #8]
    [InlineData(FixupKind.Ldst128Lo12, 0x3dc00020u, 0x1010L, 0x3dc00420u)]    // ldr q0, [x1, #16]
    [InlineData(FixupKind.MovwG0, 0xd2800000u, 0x1234L, 0xd2824680u)]         // movz x0, #0x1234
    [InlineData(FixupKind.MovwG0Nc, 0xf2800000u, 0x51234L, 0xf2824680u)]      // movk x0, #0x1234
    [InlineData(FixupKind.MovwG1, 0xd2a00000u, 0x12340000L, 0xd2a24680u)]     // movz x0, #0x1234, lsl #16
    [InlineData(FixupKind.MovwG1Nc, 0xf2a00000u, 0x5_1234_0000L, 0xf2a24680u)]
    [InlineData(FixupKind.MovwG2, 0xd2c00000u, 0x1234_0000_0000L, 0xd2c24680u)]
    [InlineData(FixupKind.MovwG2Nc, 0xf2c00000u, 0x5_1234_0000_0000L, 0xf2c24680u)]
    [InlineData(FixupKind.MovwG3, 0xf2e00000u, 0x1234_0000_0000_0000L, 0xf2e24680u)]
    [InlineData(FixupKind.MovwSG0, 0xd2800000u, -5L, 0x92800080u)]                 // movn x0, #4 (GNU as: mov x0, #-5)
    [InlineData(FixupKind.MovwSG0, 0x92800000u, 5L, 0xd28000a0u)]                  // a movn written, movz made
    [InlineData(FixupKind.MovwSG1, 0xd2a00000u, -0x12345678L, 0x92a24680u)]        // movn x0, #0x1234, lsl #16
    [InlineData(FixupKind.MovwSG2, 0xd2c00000u, 0x1234_5678_9abcL, 0xd2c24680u)]   // movz x0, #0x1234, lsl #32
    [InlineData(FixupKind.MovwPrelG1, 0xd2a00000u, 0x122c_5678L, 0xd2a24580u)]     // movz x0, #0x122c, lsl #16 (ld's, above)
    [InlineData(FixupKind.MovwPrelG0Nc, 0xf2800000u, -0x1234_5678L, 0xf2953100u)]  // movk x0, #0xa988: the bits, sign and all
    [InlineData(FixupKind.MovwPrelG3, 0xd2e00000u, -0x1234_0000_0000_0000L, 0x92e24660u)] // movn x0, #0x1233, lsl #48
    [InlineData(FixupKind.AdrPage21Nc, 0x90000000u, 1L << 33, 0x90000000u)]       // no range check: the page bits wrap
    public void InsertsTheField(FixupKind kind, uint word, long value, uint expected) =>
        Assert.Equal(expected.ToString("x8"), ApplyToWord(kind, word, value).ToString("x8"));

    [Theory]
    [InlineData(FixupKind.Branch26, 1L << 27, "branch out of range")]
    [InlineData(FixupKind.Call26, -(1L << 27) - 4, "branch out of range")]
    [InlineData(FixupKind.Branch26, 6L, "branch target not word aligned")]
    [InlineData(FixupKind.CondBranch19, 1L << 20, "conditional branch out of range")]
    [InlineData(FixupKind.CondBranch19, 2L, "conditional branch target not word aligned")]
    [InlineData(FixupKind.TestBranch14, 1L << 15, "conditional branch out of range")]
    [InlineData(FixupKind.TestBranch14, -(1L << 15) - 4, "conditional branch out of range")]
    [InlineData(FixupKind.TestBranch14, 1L, "conditional branch target not word aligned")]
    [InlineData(FixupKind.LdLiteral19, 1L << 20, "pc-relative load offset out of range")]
    [InlineData(FixupKind.LdLiteral19, 3L, "pc-relative load offset not word aligned")]
    [InlineData(FixupKind.Adr21, 1L << 20, "pc-relative address offset out of range")]
    [InlineData(FixupKind.AdrPage21, 1L << 32, "pc-relative address offset out of range")]
    [InlineData(FixupKind.MovwG0, 0x10000L, "unsigned value out of range")]
    [InlineData(FixupKind.MovwG1, 0x1_0000_0000L, "unsigned value out of range")]
    [InlineData(FixupKind.MovwG2, -1L, "unsigned value out of range")]
    [InlineData(FixupKind.Ldst64Lo12, 0x1004L, "offset 0x4 is not a multiple of the 8-byte access size")]
    [InlineData(FixupKind.Ldst16Lo12, 0x1001L, "offset 0x1 is not a multiple of the 2-byte access size")]
    public void ReportsGnuAsMessages(FixupKind kind, long value, string message) =>
        Assert.Equal(message, Fail(kind, 0x14000000u, value));

    [Fact]
    public void RangeEdgesAreInclusiveOfTheLastEncodableOffset()
    {
        ApplyToWord(FixupKind.CondBranch19, 0x54000000, (1L << 20) - 4);
        ApplyToWord(FixupKind.CondBranch19, 0x54000000, -(1L << 20));
        ApplyToWord(FixupKind.TestBranch14, 0x36000000, -(1L << 15));
        ApplyToWord(FixupKind.Adr21, 0x10000000, (1L << 20) - 1);
        ApplyToWord(FixupKind.AdrPage21, 0x90000000, -(1L << 32));
        ApplyToWord(FixupKind.MovwG0, 0xd2800000, 0xffff);
    }

    [Theory]
    [InlineData(FixupKind.Abs64, 8, -2L, "feffffffffffffff")]
    [InlineData(FixupKind.Prel64, 8, 0x0102030405060708L, "0807060504030201")]
    [InlineData(FixupKind.Abs32, 4, 0xffffffffL, "ffffffff")]
    [InlineData(FixupKind.Prel32, 4, -(1L << 31), "00000080")]
    [InlineData(FixupKind.Abs16, 2, 0xffffL, "ffff")]
    [InlineData(FixupKind.Prel16, 2, -2L, "feff")]
    public void WritesDataLittleEndian(FixupKind kind, int size, long value, string hex)
    {
        var bytes = new byte[size + 2];
        Assert.True(Fixup.TryApply(kind, bytes, value, out _));
        Assert.Equal(hex, Convert.ToHexStringLower(bytes, 0, size));
        Assert.Equal(0, bytes[size]); // nothing past the field
    }

    [Theory]
    [InlineData(FixupKind.Abs32, 1L << 32, "value of 0000000100000000 too large for field of 4 bytes")]
    [InlineData(FixupKind.Prel32, -(1L << 31) - 1, "value of ffffffff7fffffff too large for field of 4 bytes")]
    [InlineData(FixupKind.Abs16, 70034L, "value of 0000000000011192 too large for field of 2 bytes")]
    public void DataOverflowUsesAsGenericMessage(FixupKind kind, long value, string message)
    {
        Assert.False(Fixup.TryApply(kind, new byte[8], value, out var error));
        Assert.Equal(message, error);
    }

    [Fact]
    public void ShortSpanIsAnInternalErrorNotACrash()
    {
        Assert.Equal(FixupStatus.BadField, Fixup.Apply(FixupKind.Abs64, new byte[4], 0));
        Assert.Equal(FixupStatus.BadField, Fixup.Apply(FixupKind.None, new byte[4], 0));
    }
}
