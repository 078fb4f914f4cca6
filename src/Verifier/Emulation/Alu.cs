using System.Numerics;
using System.Runtime.CompilerServices;
using A64Asm.Isa.Operands;

namespace A64Asm.Verifier.Emulation;

/// <summary>Integer semantics as the Arm ARM's pseudocode defines them (AddWithCarry, ConditionHolds, shifts, extends).</summary>
public static class Alu
{
    /// <summary>AddWithCarry for 64 bits; flags packed N Z C V in bits 31..28.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Add64(ulong x, ulong y, ulong carryIn, out uint nzcv)
    {
        ulong r = x + y + carryIn;
        bool c = carryIn == 0 ? r < x : r <= x;
        bool v = ((~(x ^ y) & (x ^ r)) >> 63) != 0;
        nzcv = ((uint)(r >> 63) << 31) | (r == 0 ? 1u << 30 : 0) | (c ? 1u << 29 : 0) | (v ? 1u << 28 : 0);
        return r;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Add32(uint x, uint y, uint carryIn, out uint nzcv)
    {
        ulong wide = (ulong)x + y + carryIn;
        uint r = (uint)wide;
        bool c = (wide >> 32) != 0;
        bool v = ((~(x ^ y) & (x ^ r)) >> 31) != 0;
        nzcv = ((r >> 31) << 31) | (r == 0 ? 1u << 30 : 0) | (c ? 1u << 29 : 0) | (v ? 1u << 28 : 0);
        return r;
    }

    /// <summary>Flags of a logical result (ANDS/BICS/TST): N and Z from the result, C = V = 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint LogicFlags64(ulong r) => ((uint)(r >> 63) << 31) | (r == 0 ? 1u << 30 : 0);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint LogicFlags32(uint r) => ((r >> 31) << 31) | (r == 0 ? 1u << 30 : 0);

    /// <summary>ConditionHolds(cond) with cond as the 4-bit encoding (EQ=0 … AL=14, NV=15 also "always").</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool ConditionHolds(int cond, uint nzcv) => ((ConditionMask[cond & 15] >> (int)(nzcv >> 28)) & 1) != 0;

    // Per condition, a bit per NZCV value saying whether it holds: one lookup instead of a switch per test.
    private static readonly ushort[] ConditionMask = Enumerable.Range(0, 16)
        .Select(c => (ushort)Enumerable.Range(0, 16).Sum(f => ConditionHoldsPseudocode(c, (uint)f << 28) ? 1 << f : 0)).ToArray();

    private static bool ConditionHoldsPseudocode(int cond, uint nzcv)
    {
        bool n = (nzcv & 0x8000_0000) != 0, z = (nzcv & 0x4000_0000) != 0, c = (nzcv & 0x2000_0000) != 0, v = (nzcv & 0x1000_0000) != 0;
        bool result = (cond >> 1) switch
        {
            0 => z,
            1 => c,
            2 => n,
            3 => v,
            4 => c && !z,
            5 => n == v,
            6 => n == v && !z,
            _ => true,
        };
        return (cond & 1) != 0 && cond != 15 ? !result : result;
    }

    /// <summary>CBZ/CBNZ's test: the register, or its low half for the 32-bit form, is zero.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsZero(ulong value, bool is64) => (is64 ? value : (uint)value) == 0;

    /// <summary>TBZ/TBNZ's test.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool BitSet(ulong value, int bit) => ((value >> bit) & 1) != 0;

    /// <summary>ADD/SUB: x + y, or x - y as x + NOT(y) + 1, on a datasize; the flags AddWithCarry gives.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong AddSub(ulong x, ulong y, bool is64, bool sub, out uint nzcv)
    {
        if (sub) y = ~y;
        uint carry = sub ? 1u : 0u;
        return is64 ? Add64(x, y, carry, out nzcv) : Add32((uint)x, (uint)y, carry, out nzcv);
    }

    /// <summary>The same result without the flags (ADD/SUB without S), which need not be computed.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong AddSub(ulong x, ulong y, bool is64, bool sub)
    {
        ulong r = sub ? x - y : x + y;
        return is64 ? r : (uint)r;
    }

    /// <summary>
    /// The shifted-register operand of a data-processing form: the amount is taken modulo the datasize. A 32-bit
    /// shift is the 64-bit one on the zero- (for ASR, sign-) extended word, truncated; only ROR needs its own width.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong ShiftOperand(ulong value, int kind, int amount, bool is64)
    {
        if (is64) return Shift64(value, kind, amount & 63);
        amount &= 31;
        if (kind == 3) return BitOperations.RotateRight((uint)value, amount);
        ulong word = kind == 2 ? (ulong)(long)(int)value : (uint)value;
        return (uint)Shift64(word, kind, amount);
    }

    /// <summary>The shift kinds as <see cref="Shift64"/> numbers them; anything else (LSL, or no shift) is 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int ShiftIndex(ShiftKind kind) => kind switch
    {
        ShiftKind.Lsr => 1,
        ShiftKind.Asr => 2,
        ShiftKind.Ror => 3,
        _ => 0,
    };

    /// <summary>ShiftReg: kind 0 LSL, 1 LSR, 2 ASR, 3 ROR; amount already reduced modulo the width.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Shift64(ulong value, int kind, int amount) => kind switch
    {
        0 => value << amount,
        1 => value >> amount,
        2 => (ulong)((long)value >> amount),
        _ => BitOperations.RotateRight(value, amount),
    };

    /// <summary>The low <paramref name="size"/> bytes of <paramref name="v"/>, sign-extended to 64 bits (8: unchanged).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong SignExtend(ulong v, int size) => size switch
    {
        1 => (ulong)(long)(sbyte)v,
        2 => (ulong)(long)(short)v,
        4 => (ulong)(long)(int)v,
        _ => v,
    };

    /// <summary>ExtendReg: kind 0..7 = UXTB UXTH UXTW UXTX SXTB SXTH SXTW SXTX, then shifted left.</summary>
    public static ulong Extend(ulong value, int kind, int shift)
    {
        ulong v = kind switch
        {
            0 => (byte)value,
            1 => (ushort)value,
            2 => (uint)value,
            3 => value,
            4 => (ulong)(long)(sbyte)value,
            5 => (ulong)(long)(short)value,
            6 => (ulong)(long)(int)value,
            _ => value,
        };
        return v << shift;
    }

    /// <summary>The bitfield move family (SBFM/BFM/UBFM) on a datasize of 32 or 64, per the Arm ARM's DecodeBitMasks.</summary>
    public static ulong Bitfield(ulong dst, ulong src, int immr, int imms, int datasize, bool signed, bool inzero)
    {
        ulong ones = datasize == 64 ? ~0UL : 0xFFFF_FFFFUL;
        // wmask = ROR(Ones(imms-immr+1 ... )) as DecodeBitMasks builds it for immediate=false.
        int levels = datasize - 1;
        int s = imms & levels, r = immr & levels;
        int diff = (s - r) & levels;
        ulong welem = s + 1 >= 64 ? ~0UL : (1UL << (s + 1)) - 1;
        ulong wmask = RotateRight(welem, r, datasize) & ones;
        ulong tmask = (diff + 1 >= 64 ? ~0UL : (1UL << (diff + 1)) - 1) & ones;

        ulong bot = ((inzero ? 0 : dst) & ~wmask) | (RotateRight(src & ones, r, datasize) & wmask);
        ulong top = signed ? (((src >> s) & 1) != 0 ? ones : 0) : (inzero ? 0 : dst);
        return ((top & ~tmask) | (bot & tmask)) & ones;
    }

    public static ulong RotateRight(ulong value, int amount, int datasize)
    {
        if (datasize == 64) return BitOperations.RotateRight(value, amount);
        return BitOperations.RotateRight((uint)value, amount);
    }

    public static ulong ReverseBits(ulong v, int datasize)
    {
        ulong r = 0;
        for (int i = 0; i < datasize; i++) { r = (r << 1) | (v & 1); v >>= 1; }
        return r;
    }

    /// <summary>CLS: leading bits equal to the sign bit, not counting the sign bit itself.</summary>
    public static int CountLeadingSign(ulong v, int datasize)
    {
        if (datasize == 64) return BitOperations.LeadingZeroCount((v >> 1) ^ (v & ~(1UL << 63))) - 1;
        uint w = (uint)v;
        return BitOperations.LeadingZeroCount((w >> 1) ^ (w & 0x7FFF_FFFFu)) - 1;
    }

    public static int CountLeadingZeros(ulong v, int datasize) =>
        datasize == 64 ? BitOperations.LeadingZeroCount(v) : BitOperations.LeadingZeroCount((uint)v);

    /// <summary>REV, REV16, REV32 on a datasize: reverse bytes within containers of <paramref name="containerBytes"/>.</summary>
    public static ulong ReverseBytes(ulong v, int containerBytes, int datasize)
    {
        int bytes = datasize / 8;
        ulong r = 0;
        for (int c = 0; c < bytes; c += containerBytes)
            for (int i = 0; i < containerBytes; i++)
                r |= ((v >> ((c + i) * 8)) & 0xFF) << ((c + containerBytes - 1 - i) * 8);
        return r;
    }

    public static ulong UnsignedMulHigh(ulong a, ulong b) => Math.BigMul(a, b, out _);

    public static ulong SignedMulHigh(ulong a, ulong b) => (ulong)Math.BigMul((long)a, (long)b, out _);

    /// <summary>UDIV/SDIV: division by zero gives zero, and INT_MIN / -1 wraps (no trap on A64).</summary>
    public static ulong Divide(ulong a, ulong b, bool signed, int datasize)
    {
        if (datasize == 32)
        {
            if ((uint)b == 0) return 0;
            if (!signed) return (uint)a / (uint)b;
            int sa = (int)a, sb = (int)b;
            return (uint)(sb == -1 ? unchecked(-sa) : sa / sb);
        }
        if (b == 0) return 0;
        if (!signed) return a / b;
        long la = (long)a, lb = (long)b;
        return (ulong)(lb == -1 ? unchecked(-la) : la / lb);
    }
}
