using System.Buffers.Binary;
using A64Asm.Isa.Fixups;

namespace A64Asm.Linker.Tests.Relocations;

/// <summary><see cref="Fixup.Range"/> says what <see cref="Fixup.Apply"/> does, for every kind, at and past each edge.</summary>
public class FixupRangeTests
{
    public static TheoryData<FixupKind> Kinds()
    {
        var data = new TheoryData<FixupKind>();
        foreach (var spec in Fixup.All.Where(s => s.Kind != FixupKind.None && s.IsStatic)) data.Add(spec.Kind);
        return data;
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void ApplyAcceptsExactlyTheRange(FixupKind kind)
    {
        var range = Fixup.Range(kind);
        var accepted = new List<long> { 0, range.Min - range.Min % range.Multiple, range.Max - range.Max % range.Multiple };
        foreach (var value in accepted)
            Assert.True(Applies(kind, value), $"{Fixup.ElfName(kind)} refuses {Fixup.Hex(value)}");
        if (range.IsChecked)
        {
            Assert.False(Applies(kind, range.Min - range.Multiple), $"{Fixup.ElfName(kind)} takes {Fixup.Hex(range.Min - range.Multiple)}");
            Assert.False(Applies(kind, range.Max + range.Multiple), $"{Fixup.ElfName(kind)} takes {Fixup.Hex(range.Max + range.Multiple)}");
        }
        if (range.Multiple > 1)
            Assert.False(Applies(kind, range.Multiple / 2), $"{Fixup.ElfName(kind)} takes {Fixup.Hex(range.Multiple / 2)}");
    }

    [Theory]
    [InlineData(FixupKind.Call26, 0x8000000L, "value 0x8000000 is not in [-0x8000000, 0x7fffffc] (a multiple of 4)")]
    [InlineData(FixupKind.Call26, 2L, "value 0x2 is not a multiple of 4")]
    [InlineData(FixupKind.MovwSG0, -0x10001L, "value -0x10001 is not in [-0x10000, 0xffff]")]
    [InlineData(FixupKind.Ldst128Lo12, 0x1008L, "value 0x1008 is not a multiple of 16")]
    [InlineData(FixupKind.Abs32, long.MinValue, "value -0x8000000000000000 is not in [-0x80000000, 0xffffffff]")]
    public void RangeProblemSaysValueAndRange(FixupKind kind, long value, string expected) =>
        Assert.Equal(expected, Fixup.RangeProblem(kind, value));

    private static bool Applies(FixupKind kind, long value)
    {
        var bytes = new byte[8];
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, 0xd2800000); // movz: every instruction kind writes only its field
        return Fixup.Apply(kind, bytes, value) == FixupStatus.Ok;
    }
}
