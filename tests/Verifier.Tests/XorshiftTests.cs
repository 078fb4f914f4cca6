using System.Buffers.Binary;
using A64Asm.Verifier.Emulation;

namespace A64Asm.Verifier.Tests;

public class XorshiftTests
{
    [Theory]
    [InlineData(1UL, 0UL)]
    [InlineData(1UL, 262_143UL)]
    [InlineData(0xDEADBEEFUL, 7UL)]
    public void Both_vector_widths_write_the_four_interleaved_xorshift_lanes(ulong seed, ulong index)
    {
        var wide = new byte[4096];
        var narrow = new byte[4096];
        Xorshift.Fill256(wide, seed, index);
        Xorshift.Fill128(narrow, seed, index);
        var (a, b, c, d) = Xorshift.Lanes(seed, index);
        ulong[] lanes = [a, b, c, d];
        for (int i = 0; i < 4096 / 8; i++)
        {
            ulong expected = Xorshift.Next(ref lanes[i % 4]);
            Assert.Equal(expected, BinaryPrimitives.ReadUInt64LittleEndian(wide.AsSpan(i * 8)));
            Assert.Equal(expected, BinaryPrimitives.ReadUInt64LittleEndian(narrow.AsSpan(i * 8)));
        }
    }

    [Theory]
    [InlineData(1UL, 0UL)]
    [InlineData(1UL, 262_143UL)]
    [InlineData(0xDEADBEEFUL, 7UL)]
    public void A_word_of_the_stream_is_what_the_fill_writes_there(ulong seed, ulong index)
    {
        var page = new byte[4096];
        Xorshift.Fill(page, seed, index);
        for (int offset = 0; offset < 4096; offset += 8)
            Assert.Equal(BinaryPrimitives.ReadUInt64LittleEndian(page.AsSpan(offset)), Xorshift.WordAt(seed, index, offset));
    }
}
