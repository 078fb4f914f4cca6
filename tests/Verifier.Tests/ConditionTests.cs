using A64Asm.Isa.Operands;
using A64Asm.Verifier.Emulation;

namespace A64Asm.Verifier.Tests;

/// <summary>
/// The derived forms the fast paths use, held to the definitions they stand for: the unsigned comparisons the bulk
/// loops' exit search steps with against ConditionHolds on the flags CMP and TST make, and the 32-bit shifted operand
/// (computed through the 64-bit shift) against the 32-bit ShiftReg of the Arm ARM.
/// </summary>
public class ConditionTests
{
    private static readonly Cond[] Unsigned = [Cond.Eq, Cond.Ne, Cond.Hs, Cond.Lo, Cond.Hi, Cond.Ls];

    private static ulong[] Values()
    {
        var rng = new Random(17);
        var values = new List<ulong> { 0, 1, 2, 0xFFF, 0x1000, 0x7FFF_FFFF, 0x8000_0000, 0xFFFF_FFFF, 0x1_0000_0000,
            0x7FFF_FFFF_FFFF_FFFF, 0x8000_0000_0000_0000, ulong.MaxValue - 1, ulong.MaxValue };
        for (int i = 0; i < 40; i++) values.Add((ulong)rng.NextInt64() ^ ((ulong)rng.Next(2) << 63));
        return values.ToArray();
    }

    private static uint CmpFlags(ulong a, ulong b)
    {
        Alu.AddSub(a, b, true, sub: true, out uint nzcv);
        return nzcv;
    }

    [Fact]
    public void Unsigned_conditions_are_what_the_flags_of_cmp_say()
    {
        var values = Values();
        foreach (var cond in Unsigned)
        {
            Assert.True(UnsignedConditions.Covers(cond));
            foreach (ulong a in values)
                foreach (ulong b in values)
                    Assert.True(Alu.ConditionHolds((int)cond, CmpFlags(a, b)) == UnsignedConditions.Holds(cond, a, b), $"{cond} after cmp 0x{a:x}, 0x{b:x}");
        }
        foreach (var cond in Enum.GetValues<Cond>().Except(Unsigned))
        {
            Assert.False(UnsignedConditions.Covers(cond));
            Assert.Throws<ArgumentOutOfRangeException>(() => UnsignedConditions.Holds(cond, 1, 2));
        }
    }

    [Fact]
    public void Eq_and_ne_after_tst_are_those_of_cmp_with_zero()
    {
        var values = Values();
        foreach (var cond in new[] { Cond.Eq, Cond.Ne })
            foreach (ulong a in values)
                foreach (ulong m in values)
                    Assert.Equal(Alu.ConditionHolds((int)cond, Alu.LogicFlags64(a & m)), UnsignedConditions.Holds(cond, a & m, 0));
    }

    [Fact]
    public void The_search_stops_where_stepping_with_the_flags_stops()
    {
        var rng = new Random(5);
        foreach (var cond in Unsigned)
            for (int n = 0; n < 400; n++)
            {
                ulong a = (ulong)rng.Next(-64, 64), b = (ulong)rng.Next(-64, 64), step = (ulong)rng.Next(-3, 4);
                ulong mask = rng.Next(3) == 0 ? (ulong)rng.Next(0, 64) : ulong.MaxValue;
                if (rng.Next(4) == 0) { a += 0x8000_0000_0000_0000; b = mask == ulong.MaxValue ? b + 0x8000_0000_0000_0000 : b; }
                long limit = rng.Next(1, 200);
                ulong expectedA = a;
                long expected = 1;
                while (expected < limit && Alu.ConditionHolds((int)cond, CmpFlags(expectedA & mask, b))) { expectedA += step; expected++; }
                ulong actualA = a;
                long actual = UnsignedConditions.Search(cond, ref actualA, mask, b, step, 1, limit);
                Assert.True(expected == actual && expectedA == actualA, $"{cond}, a 0x{a:x}, mask 0x{mask:x}, b 0x{b:x}, step {(long)step}, limit {limit}");
            }
    }

    [Fact]
    public void The_32_bit_shifted_operand_is_shift_reg_on_the_word()
    {
        foreach (ulong v in Values())
            for (int kind = 0; kind < 4; kind++)
                for (int amount = 0; amount < 64; amount++)
                {
                    uint w = (uint)v;
                    int n = amount & 31;
                    uint expected = kind switch
                    {
                        0 => w << n,
                        1 => w >> n,
                        2 => (uint)((int)w >> n),
                        _ => n == 0 ? w : (w >> n) | (w << (32 - n)),
                    };
                    Assert.True(expected == Alu.ShiftOperand(v, kind, amount, false), $"kind {kind}, amount {amount}, 0x{v:x}");
                }
    }
}
