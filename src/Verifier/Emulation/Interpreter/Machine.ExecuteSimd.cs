using System.Numerics;
using A64Asm.Isa;
using A64Asm.Isa.Decoding;
using A64Asm.Isa.Operands;

namespace A64Asm.Verifier.Emulation;

/// <summary>
/// Dispatch, continued: AdvSIMD integer forms — element copies (DUP/INS/UMOV/SMOV), immediates (MOVI/MVNI/ORR/BIC,
/// FMOV's bit patterns), EXT/TBL/TBX, and through <see cref="VectorForms"/> the element-wise, across-lanes and
/// permute operations. Results are built before Vd is written, so Vd may be a source.
/// </summary>
public sealed partial class Machine
{
    private void ExecuteSimd(ref Instruction i)
    {
        switch (i.Code)
        {
            case Code.DUP_v8B_elem: DuplicateElement(i, 1, false); break;
            case Code.DUP_v8B_gen: Duplicate(i.Rd, Cpu.Xzr(i.Rn), 1, false); break;
            case Code.DUP_v16B_elem: DuplicateElement(i, 1, true); break;
            case Code.DUP_v16B_gen: Duplicate(i.Rd, Cpu.Xzr(i.Rn), 1, true); break;
            case Code.DUP_v4H_elem: DuplicateElement(i, 2, false); break;
            case Code.DUP_v4H_gen: Duplicate(i.Rd, Cpu.Xzr(i.Rn), 2, false); break;
            case Code.DUP_v8H_elem: DuplicateElement(i, 2, true); break;
            case Code.DUP_v8H_gen: Duplicate(i.Rd, Cpu.Xzr(i.Rn), 2, true); break;
            case Code.DUP_v2S_elem: DuplicateElement(i, 4, false); break;
            case Code.DUP_v2S_gen: Duplicate(i.Rd, Cpu.Xzr(i.Rn), 4, false); break;
            case Code.DUP_v4S_elem: DuplicateElement(i, 4, true); break;
            case Code.DUP_v4S_gen: Duplicate(i.Rd, Cpu.Xzr(i.Rn), 4, true); break;
            case Code.DUP_v2D_elem: DuplicateElement(i, 8, true); break;
            case Code.DUP_v2D_gen: Duplicate(i.Rd, Cpu.Xzr(i.Rn), 8, true); break;
            case Code.INS_B_gen: Cpu.SetVElement(i.Rd, 1, (int)i.Imm, Cpu.Xzr(i.Rn)); break;
            case Code.INS_B_elem: Cpu.SetVElement(i.Rd, 1, (int)i.Imm, Cpu.VElement(i.Rn, 1, (int)i.Imm2)); break;
            case Code.UMOV_B: Cpu.SetXzr(i.Rd, Cpu.VElement(i.Rn, 1, (int)i.Imm)); break;
            case Code.DUP_B_elem: Cpu.SetV(i.Rd, Cpu.VElement(i.Rn, 1, (int)i.Imm), 0); break;
            case Code.INS_H_gen: Cpu.SetVElement(i.Rd, 2, (int)i.Imm, Cpu.Xzr(i.Rn)); break;
            case Code.INS_H_elem: Cpu.SetVElement(i.Rd, 2, (int)i.Imm, Cpu.VElement(i.Rn, 2, (int)i.Imm2)); break;
            case Code.UMOV_H: Cpu.SetXzr(i.Rd, Cpu.VElement(i.Rn, 2, (int)i.Imm)); break;
            case Code.DUP_H_elem: Cpu.SetV(i.Rd, Cpu.VElement(i.Rn, 2, (int)i.Imm), 0); break;
            case Code.INS_S_gen: Cpu.SetVElement(i.Rd, 4, (int)i.Imm, Cpu.Xzr(i.Rn)); break;
            case Code.INS_S_elem: Cpu.SetVElement(i.Rd, 4, (int)i.Imm, Cpu.VElement(i.Rn, 4, (int)i.Imm2)); break;
            case Code.UMOV_S: Cpu.SetXzr(i.Rd, Cpu.VElement(i.Rn, 4, (int)i.Imm)); break;
            case Code.DUP_S_elem: Cpu.SetV(i.Rd, Cpu.VElement(i.Rn, 4, (int)i.Imm), 0); break;
            case Code.INS_D_gen: Cpu.SetVElement(i.Rd, 8, (int)i.Imm, Cpu.Xzr(i.Rn)); break;
            case Code.INS_D_elem: Cpu.SetVElement(i.Rd, 8, (int)i.Imm, Cpu.VElement(i.Rn, 8, (int)i.Imm2)); break;
            case Code.UMOV_D: Cpu.SetXzr(i.Rd, Cpu.VElement(i.Rn, 8, (int)i.Imm)); break;
            case Code.DUP_D_elem: Cpu.SetV(i.Rd, Cpu.VElement(i.Rn, 8, (int)i.Imm), 0); break;
            case Code.SMOV_W_B: Cpu.SetXzr(i.Rd, (uint)Alu.SignExtend(Cpu.VElement(i.Rn, 1, (int)i.Imm), 1)); break;
            case Code.SMOV_W_H: Cpu.SetXzr(i.Rd, (uint)Alu.SignExtend(Cpu.VElement(i.Rn, 2, (int)i.Imm), 2)); break;
            case Code.SMOV_X_B: Cpu.SetXzr(i.Rd, Alu.SignExtend(Cpu.VElement(i.Rn, 1, (int)i.Imm), 1)); break;
            case Code.SMOV_X_H: Cpu.SetXzr(i.Rd, Alu.SignExtend(Cpu.VElement(i.Rn, 2, (int)i.Imm), 2)); break;
            case Code.SMOV_X_S: Cpu.SetXzr(i.Rd, Alu.SignExtend(Cpu.VElement(i.Rn, 4, (int)i.Imm), 4)); break;

            case Code.MOVI_v8B: Duplicate(i.Rd, (ulong)i.Imm, 1, false); break;
            case Code.MOVI_v16B: Duplicate(i.Rd, (ulong)i.Imm, 1, true); break;
            case Code.MOVI_v2D: Duplicate(i.Rd, (ulong)i.Imm, 8, true); break;
            case Code.MOVI_D: Cpu.SetV(i.Rd, (ulong)i.Imm, 0); break;
            // The decoder gives the immediate as a double; every FMOV immediate is exact in half and single precision.
            case Code.FMOV_v2S_imm: Duplicate(i.Rd, BitConverter.SingleToUInt32Bits((float)BitConverter.Int64BitsToDouble(i.Imm)), 4, false); break;
            case Code.FMOV_v4S_imm: Duplicate(i.Rd, BitConverter.SingleToUInt32Bits((float)BitConverter.Int64BitsToDouble(i.Imm)), 4, true); break;
            case Code.FMOV_v2D_imm: Duplicate(i.Rd, (ulong)i.Imm, 8, true); break;
            case Code.FMOV_v4H_imm: Duplicate(i.Rd, BitConverter.HalfToUInt16Bits((Half)BitConverter.Int64BitsToDouble(i.Imm)), 2, false); break;
            case Code.FMOV_v8H_imm: Duplicate(i.Rd, BitConverter.HalfToUInt16Bits((Half)BitConverter.Int64BitsToDouble(i.Imm)), 2, true); break;

            case Code.MOVI_v2S_imm: ShiftedImmediate(i, 4, false, VectorOp.None); break;
            case Code.MOVI_v4S_imm: ShiftedImmediate(i, 4, true, VectorOp.None); break;
            case Code.MOVI_v4H_imm: ShiftedImmediate(i, 2, false, VectorOp.None); break;
            case Code.MOVI_v8H_imm: ShiftedImmediate(i, 2, true, VectorOp.None); break;
            case Code.MVNI_v2S_imm: ShiftedImmediate(i, 4, false, VectorOp.Not); break;
            case Code.MVNI_v4S_imm: ShiftedImmediate(i, 4, true, VectorOp.Not); break;
            case Code.MVNI_v4H_imm: ShiftedImmediate(i, 2, false, VectorOp.Not); break;
            case Code.MVNI_v8H_imm: ShiftedImmediate(i, 2, true, VectorOp.Not); break;
            case Code.ORR_v2S_imm: ShiftedImmediate(i, 4, false, VectorOp.Orr); break;
            case Code.ORR_v4S_imm: ShiftedImmediate(i, 4, true, VectorOp.Orr); break;
            case Code.ORR_v4H_imm: ShiftedImmediate(i, 2, false, VectorOp.Orr); break;
            case Code.ORR_v8H_imm: ShiftedImmediate(i, 2, true, VectorOp.Orr); break;
            case Code.BIC_v2S_imm: ShiftedImmediate(i, 4, false, VectorOp.Bic); break;
            case Code.BIC_v4S_imm: ShiftedImmediate(i, 4, true, VectorOp.Bic); break;
            case Code.BIC_v4H_imm: ShiftedImmediate(i, 2, false, VectorOp.Bic); break;
            case Code.BIC_v8H_imm: ShiftedImmediate(i, 2, true, VectorOp.Bic); break;

            // The scalar D shifts: a 64-bit vector of one element.
            case Code.SHL_D: VectorOperation(i, new VectorForm(VectorOp.Shl, 8, false)); break;
            case Code.SSHR_D: VectorOperation(i, new VectorForm(VectorOp.Sshr, 8, false)); break;
            case Code.USHR_D: VectorOperation(i, new VectorForm(VectorOp.Ushr, 8, false)); break;

            case Code.MUL_v4H_elem: ByElement(i, ElementOp.Mul, 2, false); break;
            case Code.MUL_v8H_elem: ByElement(i, ElementOp.Mul, 2, true); break;
            case Code.MUL_v2S_elem: ByElement(i, ElementOp.Mul, 4, false); break;
            case Code.MUL_v4S_elem: ByElement(i, ElementOp.Mul, 4, true); break;
            case Code.MLA_v4H_elem: ByElement(i, ElementOp.Mla, 2, false); break;
            case Code.MLA_v8H_elem: ByElement(i, ElementOp.Mla, 2, true); break;
            case Code.MLA_v2S_elem: ByElement(i, ElementOp.Mla, 4, false); break;
            case Code.MLA_v4S_elem: ByElement(i, ElementOp.Mla, 4, true); break;
            case Code.MLS_v4H_elem: ByElement(i, ElementOp.Mls, 2, false); break;
            case Code.MLS_v8H_elem: ByElement(i, ElementOp.Mls, 2, true); break;
            case Code.MLS_v2S_elem: ByElement(i, ElementOp.Mls, 4, false); break;
            case Code.MLS_v4S_elem: ByElement(i, ElementOp.Mls, 4, true); break;
            case Code.SQDMULH_v4H_elem: ByElement(i, ElementOp.Sqdmulh, 2, false); break;
            case Code.SQDMULH_v8H_elem: ByElement(i, ElementOp.Sqdmulh, 2, true); break;
            case Code.SQDMULH_v2S_elem: ByElement(i, ElementOp.Sqdmulh, 4, false); break;
            case Code.SQDMULH_v4S_elem: ByElement(i, ElementOp.Sqdmulh, 4, true); break;
            case Code.SQRDMULH_v4H_elem: ByElement(i, ElementOp.Sqrdmulh, 2, false); break;
            case Code.SQRDMULH_v8H_elem: ByElement(i, ElementOp.Sqrdmulh, 2, true); break;
            case Code.SQRDMULH_v2S_elem: ByElement(i, ElementOp.Sqrdmulh, 4, false); break;
            case Code.SQRDMULH_v4S_elem: ByElement(i, ElementOp.Sqrdmulh, 4, true); break;
            case Code.FMUL_v2S_elem: ByElement(i, ElementOp.Fmul, 4, false); break;
            case Code.FMUL_v4S_elem: ByElement(i, ElementOp.Fmul, 4, true); break;
            case Code.FMUL_v2D_elem: ByElement(i, ElementOp.Fmul, 8, true); break;
            case Code.FMLA_v2S_elem: ByElement(i, ElementOp.Fmla, 4, false); break;
            case Code.FMLA_v4S_elem: ByElement(i, ElementOp.Fmla, 4, true); break;
            case Code.FMLA_v2D_elem: ByElement(i, ElementOp.Fmla, 8, true); break;
            case Code.FMLS_v2S_elem: ByElement(i, ElementOp.Fmls, 4, false); break;
            case Code.FMLS_v4S_elem: ByElement(i, ElementOp.Fmls, 4, true); break;
            case Code.FMLS_v2D_elem: ByElement(i, ElementOp.Fmls, 8, true); break;

            case Code.EXT_v8B: VectorExtract(i, false); break;
            case Code.EXT_v16B: VectorExtract(i, true); break;
            case Code.TBL1_v8B: TableLookup(i, 1, false, false); break;
            case Code.TBL1_v16B: TableLookup(i, 1, true, false); break;
            case Code.TBL2_v8B: TableLookup(i, 2, false, false); break;
            case Code.TBL2_v16B: TableLookup(i, 2, true, false); break;
            case Code.TBL3_v8B: TableLookup(i, 3, false, false); break;
            case Code.TBL3_v16B: TableLookup(i, 3, true, false); break;
            case Code.TBL4_v8B: TableLookup(i, 4, false, false); break;
            case Code.TBL4_v16B: TableLookup(i, 4, true, false); break;
            case Code.TBX1_v8B: TableLookup(i, 1, false, true); break;
            case Code.TBX1_v16B: TableLookup(i, 1, true, true); break;
            case Code.TBX2_v8B: TableLookup(i, 2, false, true); break;
            case Code.TBX2_v16B: TableLookup(i, 2, true, true); break;
            case Code.TBX3_v8B: TableLookup(i, 3, false, true); break;
            case Code.TBX3_v16B: TableLookup(i, 3, true, true); break;
            case Code.TBX4_v8B: TableLookup(i, 4, false, true); break;
            case Code.TBX4_v16B: TableLookup(i, 4, true, true); break;
            default:
            {
                var form = VectorForms.Of(i.Code);
                if (form.Op == VectorOp.None) ExecuteFp(ref i);
                else VectorOperation(i, form);
                break;
            }
        }
    }

    /// <summary>An element copied to every lane of Vd (a 64-bit vector zeroes the upper half).</summary>
    private void Duplicate(int rd, ulong element, int esize, bool full)
    {
        ulong v = Replicate(element & SizeMask(esize), esize);
        Cpu.SetV(rd, v, full ? v : 0);
    }

    private void DuplicateElement(in Instruction i, int esize, bool full) =>
        Duplicate(i.Rd, Cpu.VElement(i.Rn, esize, (int)i.Imm), esize, full);

    /// <summary>MOVI/MVNI/ORR/BIC (shifted immediate): imm8 shifted left by the decoded amount, per 16- or 32-bit element.</summary>
    private void ShiftedImmediate(in Instruction i, int esize, bool full, VectorOp op)
    {
        ulong element = Replicate(((ulong)i.Imm << i.Amount) & SizeMask(esize), esize);
        ulong lo = Cpu.VRegs[2 * i.Rd], hi = Cpu.VRegs[2 * i.Rd + 1];
        (lo, hi) = op switch
        {
            VectorOp.Not => (~element, ~element),
            VectorOp.Orr => (lo | element, hi | element),
            VectorOp.Bic => (lo & ~element, hi & ~element),
            _ => (element, element),
        };
        Cpu.SetV(i.Rd, lo, full ? hi : 0);
    }

    /// <summary>EXT: the bytes of Vm:Vn from byte Imm on.</summary>
    private void VectorExtract(in Instruction i, bool full)
    {
        int bytes = full ? 16 : 8;
        ulong lo = 0, hi = 0;
        for (int e = 0; e < bytes; e++)
        {
            int from = (int)i.Imm + e;
            ulong b = from < bytes ? Cpu.VElement(i.Rn, 1, from) : Cpu.VElement(i.Rm, 1, from - bytes);
            PutElement(ref lo, ref hi, 1, e, b);
        }
        Cpu.SetV(i.Rd, lo, hi);
    }

    /// <summary>TBL/TBX: each byte of Vm indexes the table Vn..Vn+count-1; out of range gives 0 (TBL) or keeps Vd's byte (TBX).</summary>
    private void TableLookup(in Instruction i, int count, bool full, bool extension)
    {
        int bytes = full ? 16 : 8;
        ulong lo = 0, hi = 0;
        for (int e = 0; e < bytes; e++)
        {
            int index = (int)Cpu.VElement(i.Rm, 1, e);
            ulong b = index < 16 * count ? Cpu.VElement((i.Rn + index / 16) & 31, 1, index % 16)
                : extension ? Cpu.VElement(i.Rd, 1, e) : 0;
            PutElement(ref lo, ref hi, 1, e, b);
        }
        Cpu.SetV(i.Rd, lo, hi);
    }

    private static void PutElement(ref ulong lo, ref ulong hi, int esize, int index, ulong value)
    {
        int offset = index * esize;
        int shift = 8 * (offset & 7);
        ulong v = (value & SizeMask(esize)) << shift;
        if (offset < 8) lo |= v; else hi |= v;
    }

    /// <summary>The table-driven forms: element-wise (two or one source), across lanes, and permutes.</summary>
    private void VectorOperation(in Instruction i, VectorForm f)
    {
        int esize = f.ElementBytes, lanes = (f.Full ? 16 : 8) / esize;
        ulong lo = 0, hi = 0;
        switch (f.Op)
        {
            case VectorOp.And or VectorOp.Bic or VectorOp.Orr or VectorOp.Orn or VectorOp.Eor or VectorOp.Bsl or VectorOp.Bit or VectorOp.Bif:
                lo = Bitwise(f.Op, Cpu.VRegs[2 * i.Rd], Cpu.VRegs[2 * i.Rn], Cpu.VRegs[2 * i.Rm]);
                hi = Bitwise(f.Op, Cpu.VRegs[2 * i.Rd + 1], Cpu.VRegs[2 * i.Rn + 1], Cpu.VRegs[2 * i.Rm + 1]);
                break;
            case VectorOp.Addv or VectorOp.Smaxv or VectorOp.Umaxv or VectorOp.Sminv or VectorOp.Uminv or VectorOp.Saddlv or VectorOp.Uaddlv:
                Cpu.SetV(i.Rd, Across(f.Op, i.Rn, esize, lanes), 0);
                return;
            case VectorOp.Uzp1 or VectorOp.Uzp2 or VectorOp.Trn1 or VectorOp.Trn2 or VectorOp.Zip1 or VectorOp.Zip2:
                for (int e = 0; e < lanes; e++) PutElement(ref lo, ref hi, esize, e, Permuted(f.Op, i.Rn, i.Rm, esize, lanes, e));
                break;
            case >= VectorOp.Fadd:
                FpVector(i, f);
                return;
            case >= VectorOp.Xtn:
                ChangeWidth(i, f);
                return;
            case VectorOp.Rev64 or VectorOp.Rev32 or VectorOp.Rev16:
            {
                int container = f.Op == VectorOp.Rev64 ? 8 : f.Op == VectorOp.Rev32 ? 4 : 2;
                int flip = container / esize - 1;   // element e of a container comes from element e ^ flip
                for (int e = 0; e < lanes; e++) PutElement(ref lo, ref hi, esize, e, Cpu.VElement(i.Rn, esize, e ^ flip));
                break;
            }
            default:
                for (int e = 0; e < lanes; e++)
                {
                    ulong n = Cpu.VElement(i.Rn, esize, e);
                    ulong r = f.Op >= VectorOp.Sshr && f.Op <= VectorOp.Sli
                        ? ShiftElement(f.Op, Cpu.VElement(i.Rd, esize, e), n, (int)i.Imm, esize)
                        : Elementwise(f.Op, n, Cpu.VElement(i.Rm, esize, e), esize);
                    PutElement(ref lo, ref hi, esize, e, r);
                }
                break;
        }
        Cpu.SetV(i.Rd, lo, f.Full ? hi : 0);
    }

    private static ulong Bitwise(VectorOp op, ulong d, ulong n, ulong m) => op switch
    {
        VectorOp.And => n & m,
        VectorOp.Bic => n & ~m,
        VectorOp.Orr => n | m,
        VectorOp.Orn => n | ~m,
        VectorOp.Eor => n ^ m,
        VectorOp.Bsl => (d & n) | (~d & m),
        VectorOp.Bit => (n & m) | (d & ~m),
        _ => (d & m) | (n & ~m),   // BIF
    };

    /// <summary>One lane of a two- or one-source operation (one-source forms ignore <paramref name="m"/>); all ones is true.</summary>
    private static ulong Elementwise(VectorOp op, ulong n, ulong m, int esize)
    {
        long sn = (long)Alu.SignExtend(n, esize), sm = (long)Alu.SignExtend(m, esize);
        return op switch
        {
            VectorOp.Add => n + m,
            VectorOp.Sub => n - m,
            VectorOp.Mul => n * m,
            VectorOp.Cmeq => Mask(n == m),
            VectorOp.Cmgt => Mask(sn > sm),
            VectorOp.Cmhi => Mask(n > m),
            VectorOp.Cmge => Mask(sn >= sm),
            VectorOp.Cmhs => Mask(n >= m),
            VectorOp.Cmtst => Mask((n & m) != 0),
            VectorOp.Umax => Math.Max(n, m),
            VectorOp.Umin => Math.Min(n, m),
            VectorOp.Smax => (ulong)Math.Max(sn, sm),
            VectorOp.Smin => (ulong)Math.Min(sn, sm),
            VectorOp.Cnt => (ulong)BitOperations.PopCount(n),
            VectorOp.Not => ~n,
            VectorOp.Abs => sn < 0 ? 0 - n : n,
            VectorOp.Neg => 0 - n,
            VectorOp.Cmeq0 => Mask(n == 0),
            VectorOp.Cmgt0 => Mask(sn > 0),
            VectorOp.Cmge0 => Mask(sn >= 0),
            VectorOp.Cmle0 => Mask(sn <= 0),
            VectorOp.Cmlt0 => Mask(sn < 0),
            _ => throw new InvalidOperationException($"{op} is not an element-wise operation"),
        };
    }

    private static ulong Mask(bool b) => b ? ulong.MaxValue : 0;

    /// <summary>
    /// The immediate shifts of one lane: right by 1..esize (accumulating into, or inserting under, Vd's lane) or left by
    /// 0..esize-1. A shift by the whole element leaves the sign (signed) or zero, which C#'s shift count masking would not.
    /// </summary>
    private static ulong ShiftElement(VectorOp op, ulong d, ulong n, int shift, int esize)
    {
        ulong ones = SizeMask(esize);
        ulong Right(bool signed) => signed ? (ulong)((long)Alu.SignExtend(n, esize) >> Math.Min(shift, 63))
            : shift >= 64 ? 0 : n >> shift;
        return op switch
        {
            VectorOp.Sshr => Right(true),
            VectorOp.Ushr => Right(false),
            VectorOp.Ssra => d + Right(true),
            VectorOp.Usra => d + Right(false),
            VectorOp.Sri => (d & ~(shift >= 64 ? 0 : ones >> shift)) | Right(false),
            VectorOp.Shl => n << shift,
            _ => (d & ~(ones << shift)) | (n << shift),   // SLI
        };
    }

    /// <summary>ADDV/SMAXV/UMAXV/SMINV/UMINV (element size) and SADDLV/UADDLV (twice the element size), zero-extended.</summary>
    private ulong Across(VectorOp op, int rn, int esize, int lanes)
    {
        bool signed = op is VectorOp.Smaxv or VectorOp.Sminv or VectorOp.Saddlv;
        ulong Lane(int e) => signed ? Alu.SignExtend(Cpu.VElement(rn, esize, e), esize) : Cpu.VElement(rn, esize, e);
        ulong acc = Lane(0);
        for (int e = 1; e < lanes; e++)
        {
            ulong v = Lane(e);
            acc = op switch
            {
                VectorOp.Addv or VectorOp.Saddlv or VectorOp.Uaddlv => acc + v,
                VectorOp.Smaxv => (ulong)Math.Max((long)acc, (long)v),
                VectorOp.Sminv => (ulong)Math.Min((long)acc, (long)v),
                VectorOp.Umaxv => Math.Max(acc, v),
                _ => Math.Min(acc, v),
            };
        }
        int resultBytes = op is VectorOp.Saddlv or VectorOp.Uaddlv ? 2 * esize : esize;
        return acc & SizeMask(resultBytes);
    }

    /// <summary>
    /// XTN/SHRN/RSHRN write half-width lanes into the lower half of Vd (zeroing the upper) or, as "2", into the upper
    /// half (keeping the lower); SSHLL/USHLL and the long arithmetic read half-width lanes from the lower or upper
    /// half of their sources into full-width lanes.
    /// </summary>
    private void ChangeWidth(in Instruction i, VectorForm f)
    {
        int esize = f.ElementBytes;
        bool narrow = f.Op <= VectorOp.Rshrn;
        int source = narrow ? 2 * esize : esize / 2;
        int lanes = narrow ? 8 / esize : 16 / esize;
        int shift = (int)i.Imm;
        ulong lo = 0, hi = 0;
        for (int e = 0; e < lanes; e++)
        {
            int from = narrow || !f.Upper ? e : e + lanes;
            ulong n = Cpu.VElement(i.Rn, source, from);
            ulong r;
            if (narrow)
                r = f.Op switch
                {
                    VectorOp.Xtn => n,
                    VectorOp.Shrn => n >> shift,
                    _ => (n >> shift) + ((n >> (shift - 1)) & 1),   // rounding without the wider sum overflowing
                };
            else
            {
                bool signed = f.Op is VectorOp.Sshll or VectorOp.Saddl or VectorOp.Ssubl or VectorOp.Smlal or VectorOp.Smlsl or VectorOp.Smull;
                ulong a = signed ? Alu.SignExtend(n, source) : n;
                ulong m = Cpu.VElement(i.Rm, source, from);
                ulong b = signed ? Alu.SignExtend(m, source) : m;
                r = f.Op switch
                {
                    VectorOp.Sshll or VectorOp.Ushll => a << shift,
                    VectorOp.Saddl or VectorOp.Uaddl => a + b,
                    VectorOp.Ssubl or VectorOp.Usubl => a - b,
                    VectorOp.Smlal or VectorOp.Umlal => Cpu.VElement(i.Rd, esize, e) + a * b,
                    VectorOp.Smlsl or VectorOp.Umlsl => Cpu.VElement(i.Rd, esize, e) - a * b,
                    _ => a * b,
                };
            }
            PutElement(ref lo, ref hi, esize, narrow && f.Upper ? e + lanes : e, r);
        }
        if (narrow && f.Upper) lo = Cpu.VRegs[2 * i.Rd];
        Cpu.SetV(i.Rd, lo, hi);
    }

    /// <summary>Element <paramref name="e"/> of UZP1/UZP2/TRN1/TRN2/ZIP1/ZIP2 over Vn and Vm.</summary>
    private ulong Permuted(VectorOp op, int rn, int rm, int esize, int lanes, int e)
    {
        int half = lanes / 2, pair = e / 2;
        bool odd = (e & 1) != 0;
        switch (op)
        {
            case VectorOp.Uzp1: case VectorOp.Uzp2:
            {
                int k = 2 * e + (op == VectorOp.Uzp2 ? 1 : 0);   // of Vn:Vm, Vn first
                return k < lanes ? Cpu.VElement(rn, esize, k) : Cpu.VElement(rm, esize, k - lanes);
            }
            case VectorOp.Trn1: case VectorOp.Trn2:
            {
                int k = 2 * pair + (op == VectorOp.Trn2 ? 1 : 0);
                return Cpu.VElement(odd ? rm : rn, esize, k);
            }
            default:
            {
                int k = pair + (op == VectorOp.Zip2 ? half : 0);
                return Cpu.VElement(odd ? rm : rn, esize, k);
            }
        }
    }
}
