using A64Asm.Isa;
using A64Asm.Isa.Decoding;
using A64Asm.Isa.Operands;

namespace A64Asm.Verifier.Emulation;

/// <summary>
/// Dispatch, continued: FP/SIMD register loads and stores — LDR/STR/LDP/STP of B/H/S/D/Q in every addressing mode,
/// and the LD1-LD4/ST1-ST4 structure forms (multiple, one lane, replicate), with post-index. Memory-copy code uses these.
/// </summary>
public sealed partial class Machine
{
    private void ExecuteVector(ref Instruction i, ulong pc)
    {
        switch (i.Code)
        {
            case Code.LDR_B_uimm: case Code.LDUR_B_unscaled: case Code.LDR_B_post: case Code.LDR_B_pre: LoadFp(i.Rt, ImmAddress(i), 1); break;
            case Code.STR_B_uimm: case Code.STUR_B_unscaled: case Code.STR_B_post: case Code.STR_B_pre: StoreFp(i.Rt, i.Rn, i.Imm, i.Mode, 1); break;
            case Code.LDR_B_reg: LoadFp(i.Rt, RegAddress(i), 1); break;
            case Code.STR_B_reg: StoreFpAt(i.Rt, RegAddress(i), 1); break;
            case Code.LDR_H_uimm: case Code.LDUR_H_unscaled: case Code.LDR_H_post: case Code.LDR_H_pre: LoadFp(i.Rt, ImmAddress(i), 2); break;
            case Code.STR_H_uimm: case Code.STUR_H_unscaled: case Code.STR_H_post: case Code.STR_H_pre: StoreFp(i.Rt, i.Rn, i.Imm, i.Mode, 2); break;
            case Code.LDR_H_reg: LoadFp(i.Rt, RegAddress(i), 2); break;
            case Code.STR_H_reg: StoreFpAt(i.Rt, RegAddress(i), 2); break;
            case Code.LDR_S_uimm: case Code.LDUR_S_unscaled: case Code.LDR_S_post: case Code.LDR_S_pre: LoadFp(i.Rt, ImmAddress(i), 4); break;
            case Code.STR_S_uimm: case Code.STUR_S_unscaled: case Code.STR_S_post: case Code.STR_S_pre: StoreFp(i.Rt, i.Rn, i.Imm, i.Mode, 4); break;
            case Code.LDR_S_reg: LoadFp(i.Rt, RegAddress(i), 4); break;
            case Code.STR_S_reg: StoreFpAt(i.Rt, RegAddress(i), 4); break;
            case Code.LDR_D_uimm: case Code.LDUR_D_unscaled: case Code.LDR_D_post: case Code.LDR_D_pre: LoadFp(i.Rt, ImmAddress(i), 8); break;
            case Code.STR_D_uimm: case Code.STUR_D_unscaled: case Code.STR_D_post: case Code.STR_D_pre: StoreFp(i.Rt, i.Rn, i.Imm, i.Mode, 8); break;
            case Code.LDR_D_reg: LoadFp(i.Rt, RegAddress(i), 8); break;
            case Code.STR_D_reg: StoreFpAt(i.Rt, RegAddress(i), 8); break;
            case Code.LDR_Q_uimm: case Code.LDUR_Q_unscaled: case Code.LDR_Q_post: case Code.LDR_Q_pre: LoadFp(i.Rt, ImmAddress(i), 16); break;
            case Code.STR_Q_uimm: case Code.STUR_Q_unscaled: case Code.STR_Q_post: case Code.STR_Q_pre: StoreFp(i.Rt, i.Rn, i.Imm, i.Mode, 16); break;
            case Code.LDR_Q_reg: LoadFp(i.Rt, RegAddress(i), 16); break;
            case Code.STR_Q_reg: StoreFpAt(i.Rt, RegAddress(i), 16); break;
            case Code.LDR_S_lit: LoadFp(i.Rt, pc + (ulong)i.Imm, 4); break;
            case Code.LDP_S_off: case Code.LDP_S_pre: case Code.LDP_S_post: case Code.LDNP_S: LoadFpPair(i.Rt, i.Rt2, i.Rn, i.Imm, i.Mode, 4); break;
            case Code.STP_S_off: case Code.STP_S_pre: case Code.STP_S_post: case Code.STNP_S: StoreFpPair(i.Rt, i.Rt2, i.Rn, i.Imm, i.Mode, 4); break;
            case Code.LDR_D_lit: LoadFp(i.Rt, pc + (ulong)i.Imm, 8); break;
            case Code.LDP_D_off: case Code.LDP_D_pre: case Code.LDP_D_post: case Code.LDNP_D: LoadFpPair(i.Rt, i.Rt2, i.Rn, i.Imm, i.Mode, 8); break;
            case Code.STP_D_off: case Code.STP_D_pre: case Code.STP_D_post: case Code.STNP_D: StoreFpPair(i.Rt, i.Rt2, i.Rn, i.Imm, i.Mode, 8); break;
            case Code.LDR_Q_lit: LoadFp(i.Rt, pc + (ulong)i.Imm, 16); break;
            case Code.LDP_Q_off: case Code.LDP_Q_pre: case Code.LDP_Q_post: case Code.LDNP_Q: LoadFpPair(i.Rt, i.Rt2, i.Rn, i.Imm, i.Mode, 16); break;
            case Code.STP_Q_off: case Code.STP_Q_pre: case Code.STP_Q_post: case Code.STNP_Q: StoreFpPair(i.Rt, i.Rt2, i.Rn, i.Imm, i.Mode, 16); break;

            case Code.LD1_1: case Code.LD1_1_post: MultipleStructures(i, true, 1, 1); break;
            case Code.ST1_1: case Code.ST1_1_post: MultipleStructures(i, false, 1, 1); break;
            case Code.LD1_2: case Code.LD1_2_post: MultipleStructures(i, true, 2, 1); break;
            case Code.ST1_2: case Code.ST1_2_post: MultipleStructures(i, false, 2, 1); break;
            case Code.LD1_3: case Code.LD1_3_post: MultipleStructures(i, true, 3, 1); break;
            case Code.ST1_3: case Code.ST1_3_post: MultipleStructures(i, false, 3, 1); break;
            case Code.LD1_4: case Code.LD1_4_post: MultipleStructures(i, true, 4, 1); break;
            case Code.ST1_4: case Code.ST1_4_post: MultipleStructures(i, false, 4, 1); break;
            case Code.LD2: case Code.LD2_post: MultipleStructures(i, true, 1, 2); break;
            case Code.ST2: case Code.ST2_post: MultipleStructures(i, false, 1, 2); break;
            case Code.LD3: case Code.LD3_post: MultipleStructures(i, true, 1, 3); break;
            case Code.ST3: case Code.ST3_post: MultipleStructures(i, false, 1, 3); break;
            case Code.LD4: case Code.LD4_post: MultipleStructures(i, true, 1, 4); break;
            case Code.ST4: case Code.ST4_post: MultipleStructures(i, false, 1, 4); break;
            case Code.LD1_B_lane: case Code.LD1_B_lane_post: SingleStructure(i, true, 1, 1); break;
            case Code.ST1_B_lane: case Code.ST1_B_lane_post: SingleStructure(i, false, 1, 1); break;
            case Code.LD1_H_lane: case Code.LD1_H_lane_post: SingleStructure(i, true, 1, 2); break;
            case Code.ST1_H_lane: case Code.ST1_H_lane_post: SingleStructure(i, false, 1, 2); break;
            case Code.LD1_S_lane: case Code.LD1_S_lane_post: SingleStructure(i, true, 1, 4); break;
            case Code.ST1_S_lane: case Code.ST1_S_lane_post: SingleStructure(i, false, 1, 4); break;
            case Code.LD1_D_lane: case Code.LD1_D_lane_post: SingleStructure(i, true, 1, 8); break;
            case Code.ST1_D_lane: case Code.ST1_D_lane_post: SingleStructure(i, false, 1, 8); break;
            case Code.LD2_B_lane: case Code.LD2_B_lane_post: SingleStructure(i, true, 2, 1); break;
            case Code.ST2_B_lane: case Code.ST2_B_lane_post: SingleStructure(i, false, 2, 1); break;
            case Code.LD2_H_lane: case Code.LD2_H_lane_post: SingleStructure(i, true, 2, 2); break;
            case Code.ST2_H_lane: case Code.ST2_H_lane_post: SingleStructure(i, false, 2, 2); break;
            case Code.LD2_S_lane: case Code.LD2_S_lane_post: SingleStructure(i, true, 2, 4); break;
            case Code.ST2_S_lane: case Code.ST2_S_lane_post: SingleStructure(i, false, 2, 4); break;
            case Code.LD2_D_lane: case Code.LD2_D_lane_post: SingleStructure(i, true, 2, 8); break;
            case Code.ST2_D_lane: case Code.ST2_D_lane_post: SingleStructure(i, false, 2, 8); break;
            case Code.LD3_B_lane: case Code.LD3_B_lane_post: SingleStructure(i, true, 3, 1); break;
            case Code.ST3_B_lane: case Code.ST3_B_lane_post: SingleStructure(i, false, 3, 1); break;
            case Code.LD3_H_lane: case Code.LD3_H_lane_post: SingleStructure(i, true, 3, 2); break;
            case Code.ST3_H_lane: case Code.ST3_H_lane_post: SingleStructure(i, false, 3, 2); break;
            case Code.LD3_S_lane: case Code.LD3_S_lane_post: SingleStructure(i, true, 3, 4); break;
            case Code.ST3_S_lane: case Code.ST3_S_lane_post: SingleStructure(i, false, 3, 4); break;
            case Code.LD3_D_lane: case Code.LD3_D_lane_post: SingleStructure(i, true, 3, 8); break;
            case Code.ST3_D_lane: case Code.ST3_D_lane_post: SingleStructure(i, false, 3, 8); break;
            case Code.LD4_B_lane: case Code.LD4_B_lane_post: SingleStructure(i, true, 4, 1); break;
            case Code.ST4_B_lane: case Code.ST4_B_lane_post: SingleStructure(i, false, 4, 1); break;
            case Code.LD4_H_lane: case Code.LD4_H_lane_post: SingleStructure(i, true, 4, 2); break;
            case Code.ST4_H_lane: case Code.ST4_H_lane_post: SingleStructure(i, false, 4, 2); break;
            case Code.LD4_S_lane: case Code.LD4_S_lane_post: SingleStructure(i, true, 4, 4); break;
            case Code.ST4_S_lane: case Code.ST4_S_lane_post: SingleStructure(i, false, 4, 4); break;
            case Code.LD4_D_lane: case Code.LD4_D_lane_post: SingleStructure(i, true, 4, 8); break;
            case Code.ST4_D_lane: case Code.ST4_D_lane_post: SingleStructure(i, false, 4, 8); break;
            case Code.LD1R: case Code.LD1R_post: ReplicateStructure(i, 1); break;
            case Code.LD2R: case Code.LD2R_post: ReplicateStructure(i, 2); break;
            case Code.LD3R: case Code.LD3R_post: ReplicateStructure(i, 3); break;
            case Code.LD4R: case Code.LD4R_post: ReplicateStructure(i, 4); break;
            default: ExecuteSimd(ref i); break;
        }
    }

    /// <summary>A scalar load into Vt: B/H/S/D zero the rest of the register, Q fills it.</summary>
    private void LoadFp(int rt, ulong address, int size)
    {
        var (lo, hi) = LoadFpValue(address, size);
        CountAccesses(true, 1, size);
        Cpu.SetV(rt, lo, hi);
    }

    private (ulong Lo, ulong Hi) LoadFpValue(ulong a, int size)
    {
        if (size != 16) return (Load(a, size), 0);
        ulong first = Load(a, 8), second = Load(a + 8, 8);
        // One 16-byte element: big-endian data has its high half at the lower address.
        return _bigEndianData ? (second, first) : (first, second);
    }

    private void StoreFpValue(ulong a, ulong lo, ulong hi, int size)
    {
        if (size != 16) { Store(a, lo, size); return; }
        if (_bigEndianData) (lo, hi) = (hi, lo);
        Store(a, lo, 8);
        Store(a + 8, hi, 8);
    }

    /// <summary>Reads Vt before the address and its writeback, as <see cref="StoreImm"/> does.</summary>
    private void StoreFp(int rt, int rn, long imm, AddrMode mode, int size)
    {
        ulong lo = Cpu.VRegs[2 * rt], hi = Cpu.VRegs[2 * rt + 1];
        StoreFpValue(ImmAddress(rn, imm, mode), lo, hi, size);
        CountAccesses(false, 1, size);
    }

    private void StoreFpAt(int rt, ulong address, int size)
    {
        StoreFpValue(address, Cpu.VRegs[2 * rt], Cpu.VRegs[2 * rt + 1], size);
        CountAccesses(false, 1, size);
    }

    private void LoadFpPair(int rt, int rt2, int rn, long imm, AddrMode mode, int size)
    {
        ulong a = ImmAddress(rn, imm, mode);
        var (l1, h1) = LoadFpValue(a, size);
        var (l2, h2) = LoadFpValue(a + (ulong)size, size);
        Cpu.SetV(rt, l1, h1);
        Cpu.SetV(rt2, l2, h2);
        CountAccesses(true, 1, 2 * size);
    }

    private void StoreFpPair(int rt, int rt2, int rn, long imm, AddrMode mode, int size)
    {
        ulong l1 = Cpu.VRegs[2 * rt], h1 = Cpu.VRegs[2 * rt + 1], l2 = Cpu.VRegs[2 * rt2], h2 = Cpu.VRegs[2 * rt2 + 1];
        ulong a = ImmAddress(rn, imm, mode);
        StoreFpValue(a, l1, h1, size);
        StoreFpValue(a + (ulong)size, l2, h2, size);
        CountAccesses(false, 1, 2 * size);
    }

    /// <summary>The element size in bytes and whether the vector is 128 bits, from an arrangement B8..D2 (1 + size:Q).</summary>
    private static (int Bytes, bool Full) ElementsOf(Arrangement a) => (1 << (((int)a - 1) >> 1), (((int)a - 1) & 1) != 0);

    /// <summary>
    /// LD1-LD4/ST1-ST4 (multiple structures): <paramref name="registers"/> whole registers one after another (LD1 with
    /// a list), or <paramref name="interleave"/> registers whose elements alternate in memory (LD2-LD4). Loads of
    /// 64-bit vectors zero the upper halves of the registers they write.
    /// </summary>
    private void MultipleStructures(in Instruction i, bool load, int registers, int interleave)
    {
        var (esize, full) = ElementsOf(i.Arrangement);
        int elements = (full ? 16 : 8) / esize;
        ulong address = Cpu.Xsp(i.Rn), offset = 0;
        for (int r = 0; r < registers; r++)
            for (int e = 0; e < elements; e++)
                for (int s = 0, t = (i.Rt + r) & 31; s < interleave; s++, t = (t + 1) & 31, offset += (ulong)esize)
                {
                    if (load) Cpu.SetVElement(t, esize, e, Load(address + offset, esize));
                    else Store(address + offset, Cpu.VElement(t, esize, e), esize);
                }
        if (load && !full)
            for (int k = 0; k < registers * interleave; k++) Cpu.VRegs[2 * ((i.Rt + k) & 31) + 1] = 0;
        CountAccesses(load, 1, (long)offset);
        PostIndex(i, address);
    }

    /// <summary>LD1-LD4/ST1-ST4 (single structure): one lane of each register, the rest of it kept.</summary>
    private void SingleStructure(in Instruction i, bool load, int count, int esize)
    {
        ulong address = Cpu.Xsp(i.Rn);
        for (int s = 0; s < count; s++)
        {
            int t = (i.Rt + s) & 31;
            ulong a = address + (ulong)(s * esize);
            if (load) Cpu.SetVElement(t, esize, i.Amount, Load(a, esize));
            else Store(a, Cpu.VElement(t, esize, i.Amount), esize);
        }
        CountAccesses(load, 1, count * esize);
        PostIndex(i, address);
    }

    /// <summary>LD1R-LD4R: one element per register, copied to every lane (64-bit vectors zero the upper half).</summary>
    private void ReplicateStructure(in Instruction i, int count)
    {
        var (esize, full) = ElementsOf(i.Arrangement);
        ulong address = Cpu.Xsp(i.Rn);
        for (int s = 0; s < count; s++)
        {
            ulong v = Replicate(Load(address + (ulong)(s * esize), esize), esize);
            Cpu.SetV((i.Rt + s) & 31, v, full ? v : 0);
        }
        CountAccesses(true, 1, count * esize);
        PostIndex(i, address);
    }

    /// <summary>An element copied across 64 bits.</summary>
    internal static ulong Replicate(ulong element, int esize) => esize switch
    {
        1 => element * 0x0101_0101_0101_0101UL,
        2 => element * 0x0001_0001_0001_0001UL,
        4 => element * 0x0000_0001_0000_0001UL,
        _ => element,
    };

    /// <summary>The structure forms' writeback: the transfer size (Rm = 31, decoded into Imm) or Xm.</summary>
    private void PostIndex(in Instruction i, ulong address)
    {
        if (i.Mode == AddrMode.PostIndex) Cpu.SetXsp(i.Rn, address + (i.Rm == 31 ? (ulong)i.Imm : Cpu.X[i.Rm]));
    }
}
