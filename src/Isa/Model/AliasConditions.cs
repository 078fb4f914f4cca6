using A64Asm.Isa.Encoding;
using A64Asm.Isa.Tables;

namespace A64Asm.Isa.Model;

/// <summary>
/// The `when=` predicates of alias rows: conditions on a word beyond fixed bits (as GNU's alias converters
/// and the Arm ARM's "preferred disassembly" clauses). Checked when printing and after encoding an alias.
/// </summary>
public static class AliasConditions
{
    /// <summary>
    /// Most conditions only choose the printed spelling; GNU as accepts the alias regardless (ubfiz #0, lsl #0).
    /// MovSp is different: it keeps "mov x0, x1" from becoming "add x0, x1, #0" instead of orr.
    /// </summary>
    public static bool CheckedWhenEncoding(AliasCondition condition) => condition == AliasCondition.MovSp;

    public static bool Holds(AliasCondition condition, uint w)
    {
        uint rd = w & 31, rn = (w >> 5) & 31, rm = (w >> 16) & 31;
        bool sf = (w >> 31) != 0;
        int size = sf ? 64 : 32;
        uint immr = (w >> 16) & 63, imms = (w >> 10) & 63;
        uint imm16 = (w >> 5) & 0xffff, hw = (w >> 21) & 3;
        uint sysOp = ((w >> 16) & 7) << 7 | ((w >> 8) & 15) << 3 | ((w >> 5) & 7); // op1:CRm:op2
        return condition switch
        {
            AliasCondition.None => true,
            AliasCondition.MovSp => rd == 31 || rn == 31,
            AliasCondition.MovzIsMov => !(imm16 == 0 && hw != 0),
            AliasCondition.MovnIsMov => !(imm16 == 0 && hw != 0) && (sf || imm16 != 0xffff),
            AliasCondition.OrrIsMov => OrrIsMov(w, size, rd),
            AliasCondition.IsLsl => imms != size - 1 && imms + 1 == immr,
            AliasCondition.IsBfx => imms >= immr,
            AliasCondition.IsBfiz => imms < immr,
            AliasCondition.IsBfi => imms < immr && rn != 31,
            AliasCondition.SameRnRm => rn == rm,
            AliasCondition.NotCmp => rd != 31,
            AliasCondition.IsBti => (w & (1u << 5)) == 0,
            AliasCondition.CondNotAlNv => ((w >> 13) & 7) != 7,
            AliasCondition.SameRnRmNotAlNv => rn == rm && ((w >> 13) & 7) != 7,
            AliasCondition.IsDcOp => SideTables.DcOps.NameOf((int)sysOp) is not null,
            AliasCondition.IsIcOp => SideTables.IcOps.NameOf((int)sysOp) is not null,
            AliasCondition.IsAtOp => SideTables.AtOps.NameOf((int)sysOp) is not null,
            AliasCondition.IsTlbiOp => SideTables.TlbiOps.NameOf((int)sysOp) is not null,
            _ => ExtraHolds(condition, w),
        };
    }

    /// <summary>Conditions added with later table classes.</summary>
    static bool ExtraHolds(AliasCondition condition, uint w) => false;

    /// <summary>orr Rd, zr, #imm prints as mov unless a movz or movn could build the value (they cannot write sp).</summary>
    static bool OrrIsMov(uint w, int size, uint rd)
    {
        if (!BitmaskImmediate.TryDecode((w >> 22) & 1, (w >> 16) & 63, (w >> 10) & 63, size, out ulong value)) return false;
        if (rd == 31) return true;
        ulong mask = size == 64 ? ulong.MaxValue : 0xffff_ffff;
        return !IsWide(value, size) && !IsWide(~value & mask, size);
    }

    static bool IsWide(ulong v, int size)
    {
        for (int h = 0; h < size / 16; h++)
            if ((v & ~(0xffffUL << (16 * h))) == 0) return true;
        return false;
    }
}
