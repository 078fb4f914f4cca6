namespace A64Asm.Verifier.Emulation;

/// <summary>The FlagM/FlagM2 rearrangements of NZCV (bits 31..28), as pure functions of the old flags.</summary>
internal static class FlagManipulation
{
    private const int N = 31, Z = 30, C = 29, V = 28;

    private static bool Bit(uint nzcv, int b) => ((nzcv >> b) & 1) != 0;

    private static uint Pack(bool n, bool z, bool c, bool v) =>
        (n ? 1u << N : 0) | (z ? 1u << Z : 0) | (c ? 1u << C : 0) | (v ? 1u << V : 0);

    /// <summary>RMIF: Xn rotated right by <paramref name="shift"/>; its bits 3..0 replace the flags <paramref name="mask"/> selects (N = bit 3).</summary>
    public static uint RotateIntoFlags(uint nzcv, ulong xn, int shift, uint mask)
    {
        uint bits = (uint)(ulong.RotateRight(xn, shift) & 15) << V;
        uint selected = (mask & 15) << V;
        return (nzcv & ~selected) | (bits & selected);
    }

    /// <summary>SETF8/SETF16: N from the top bit, Z from the low bits, V from the bit above them differing; C kept.</summary>
    public static uint SetFromNarrow(uint nzcv, uint wn, int bits)
    {
        bool top = ((wn >> (bits - 1)) & 1) != 0;
        bool zero = (wn & ((1u << bits) - 1)) == 0;
        bool overflow = (((wn >> bits) & 1) != 0) != top;
        return Pack(top, zero, Bit(nzcv, C), overflow);
    }

    /// <summary>AXFLAG: an Arm FP-compare NZCV to the external format (unordered becomes Z, C clear).</summary>
    public static uint ArmToExternal(uint nzcv)
    {
        bool z = Bit(nzcv, Z), c = Bit(nzcv, C), v = Bit(nzcv, V);
        return Pack(false, z | v, c & !v, false);
    }

    /// <summary>XAFLAG: the external format back to the Arm one.</summary>
    public static uint ExternalToArm(uint nzcv)
    {
        bool z = Bit(nzcv, Z), c = Bit(nzcv, C);
        return Pack(!c & !z, z & c, c | z, !c & z);
    }
}
