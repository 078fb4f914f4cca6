using System.Runtime.CompilerServices;
using A64Asm.Isa.Operands;

namespace A64Asm.Verifier.Emulation;

/// <summary>
/// After CMP a, b (SUBS), EQ NE HS LO HI LS read only Z and C, so each is an unsigned comparison of a and b; after
/// TST a, m (ANDS), EQ and NE are those of CMP a AND m, #0. The bulk loops' exit search steps through iterations
/// with these instead of making the flags at every step, one specialised loop per condition; <see cref="Holds"/>
/// is what tests hold to <see cref="Alu.ConditionHolds"/> on the flags Alu.AddSub and Alu.LogicFlags64 make.
/// </summary>
internal interface IUnsignedCondition
{
    static abstract bool Holds(ulong a, ulong b);
}

internal static class UnsignedConditions
{
    public static bool Covers(Cond cond) => cond is Cond.Eq or Cond.Ne or Cond.Hs or Cond.Lo or Cond.Hi or Cond.Ls;

    /// <summary>The condition after CMP a, b, for a condition <see cref="Covers"/> names.</summary>
    public static bool Holds(Cond cond, ulong a, ulong b) => cond switch
    {
        Cond.Eq => Eq.Holds(a, b),
        Cond.Ne => Ne.Holds(a, b),
        Cond.Hs => Hs.Holds(a, b),
        Cond.Lo => Lo.Holds(a, b),
        Cond.Hi => Hi.Holds(a, b),
        Cond.Ls => Ls.Holds(a, b),
        _ => throw new ArgumentOutOfRangeException(nameof(cond), cond, "reads N or V, not only Z and C"),
    };

    /// <summary>
    /// The first i in [<paramref name="i"/>, <paramref name="limit"/>) at which the condition on (a AND
    /// <paramref name="mask"/>, b) fails, a moving by <paramref name="step"/> each time (or <paramref name="limit"/>);
    /// <paramref name="a"/> is left at that i.
    /// </summary>
    public static long Search(Cond cond, ref ulong a, ulong mask, ulong b, ulong step, long i, long limit) => cond switch
    {
        Cond.Eq => Search<Eq>(ref a, mask, b, step, i, limit),
        Cond.Ne => Search<Ne>(ref a, mask, b, step, i, limit),
        Cond.Hs => Search<Hs>(ref a, mask, b, step, i, limit),
        Cond.Lo => Search<Lo>(ref a, mask, b, step, i, limit),
        Cond.Hi => Search<Hi>(ref a, mask, b, step, i, limit),
        _ => Search<Ls>(ref a, mask, b, step, i, limit),
    };

    // The loop steps a local: stepping through the ref would make each iteration wait on a store and a reload.
    // Optimized from the first call, as the block runner's hot methods are (tier 0 would run the first pages slowly).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static long Search<T>(ref ulong a, ulong mask, ulong b, ulong step, long i, long limit) where T : struct, IUnsignedCondition
    {
        ulong v = a;
        while (i < limit && T.Holds(v & mask, b)) { v += step; i++; }
        a = v;
        return i;
    }

    private struct Eq : IUnsignedCondition { [MethodImpl(MethodImplOptions.AggressiveInlining)] public static bool Holds(ulong a, ulong b) => a == b; }
    private struct Ne : IUnsignedCondition { [MethodImpl(MethodImplOptions.AggressiveInlining)] public static bool Holds(ulong a, ulong b) => a != b; }
    private struct Hs : IUnsignedCondition { [MethodImpl(MethodImplOptions.AggressiveInlining)] public static bool Holds(ulong a, ulong b) => a >= b; }
    private struct Lo : IUnsignedCondition { [MethodImpl(MethodImplOptions.AggressiveInlining)] public static bool Holds(ulong a, ulong b) => a < b; }
    private struct Hi : IUnsignedCondition { [MethodImpl(MethodImplOptions.AggressiveInlining)] public static bool Holds(ulong a, ulong b) => a > b; }
    private struct Ls : IUnsignedCondition { [MethodImpl(MethodImplOptions.AggressiveInlining)] public static bool Holds(ulong a, ulong b) => a <= b; }
}
