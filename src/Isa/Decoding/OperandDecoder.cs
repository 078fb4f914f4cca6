using A64Asm.Isa.Encoding;
using A64Asm.Isa.Model;
using A64Asm.Isa.Operands;

namespace A64Asm.Isa.Decoding;

/// <summary>Fills <see cref="Instruction"/> from a word, operand by operand (values as README.md lists them).</summary>
internal static class OperandDecoder
{
    public static bool DecodeAll(FormInfo row, uint w, ref Instruction ins)
    {
        int immCount = 0;
        foreach (var spec in row.Operands)
        {
            var slots = spec.Slots;
            for (int i = 0; i < slots.Length; i++)
                if (slots[i] != Slot.None) SetRegister(ref ins, slots[i], (byte)spec.Fields[i].Extract(w));
            if (!DecodeOne(spec, w, ref ins, ref immCount)) return false;
        }
        // All system instructions keep op0:op1:CRn:CRm:op2 in bits 20..5.
        if ((w >> 22) == 0b1101010100) ins.Sys = (ushort)((w >> 5) & 0xffff);
        return true;
    }

    static void SetRegister(ref Instruction ins, Slot slot, byte num)
    {
        switch (slot)
        {
            case Slot.Rd: ins.Rd = num; break;
            case Slot.Rn: ins.Rn = num; break;
            case Slot.Rm: ins.Rm = num; break;
            case Slot.Ra: ins.Ra = num; break;
            case Slot.Rt: ins.Rt = num; break;
            case Slot.Rt2: ins.Rt2 = num; break;
            case Slot.Rs: ins.Rs = num; break;
        }
    }

    static void PutImm(ref Instruction ins, ref int count, long value)
    {
        if (count++ == 0) ins.Imm = value;
        else ins.Imm2 = value;
    }

    internal static uint Concatenated(OperandSpec spec, uint w)
    {
        uint v = 0;
        foreach (var f in spec.Fields) v = (v << f.Width) | f.Extract(w);
        return v;
    }

    internal static long SignExtend(uint v, int bits) => (long)((ulong)v << (64 - bits)) >> (64 - bits);

    static bool DecodeOne(OperandSpec spec, uint w, ref Instruction ins, ref int immCount)
    {
        switch (spec.Kind)
        {
            case OperandKind.AddImm:
                PutImm(ref ins, ref immCount, (long)spec.F0.Extract(w) << (int)(12 * spec.F1.Extract(w)));
                return true;
            case OperandKind.LogImm:
            case OperandKind.MovLogImm:
            case OperandKind.BicImm:
                if (!BitmaskImmediate.TryDecode(spec.F0.Extract(w), spec.F1.Extract(w), spec.F2.Extract(w), spec.Param, out ulong mask)) return false;
                if (spec.Kind == OperandKind.BicImm) mask = spec.Param == 32 ? ~mask & 0xffff_ffff : ~mask;
                PutImm(ref ins, ref immCount, (long)mask);
                return true;
            case OperandKind.ShiftA:
            case OperandKind.ShiftL:
                ins.Shift = spec.F0.Extract(w) switch { 0 => ShiftKind.Lsl, 1 => ShiftKind.Lsr, 2 => ShiftKind.Asr, _ => ShiftKind.Ror };
                ins.Amount = (byte)spec.F1.Extract(w);
                return true;
            case OperandKind.ExtendA:
                ins.Shift = (ShiftKind)((int)ShiftKind.Uxtb + (int)spec.F1.Extract(w));
                ins.Amount = (byte)spec.F2.Extract(w);
                return true;
            case OperandKind.MovImm:
            case OperandKind.MovzImm:
            case OperandKind.MovnImm:
                PutImm(ref ins, ref immCount, spec.F0.Extract(w));
                ins.Shift = ShiftKind.Lsl;
                ins.Amount = (byte)(16 * spec.F1.Extract(w));
                return true;
            case OperandKind.Label26:
            case OperandKind.CallLabel26:
            case OperandKind.Label19:
            case OperandKind.LitLabel19:
            case OperandKind.Label14:
                ins.Imm = SignExtend(spec.F0.Extract(w), spec.F0.Width) * 4;
                return true;
            case OperandKind.AdrLabel:
            case OperandKind.AdrpLabel:
            {
                long v = SignExtend(spec.F1.Extract(w) << 2 | spec.F0.Extract(w), 21);
                ins.Imm = spec.Kind == OperandKind.AdrpLabel ? v << 12 : v;
                return true;
            }
            case OperandKind.TbReg:
                return true;
            case OperandKind.TbBit:
                ins.Imm2 = spec.F0.Extract(w) << 5 | spec.F1.Extract(w);
                return true;
            case OperandKind.Cond:
            case OperandKind.InvCond:
                ins.Cond = (Cond)spec.F0.Extract(w);
                return true;
            case OperandKind.Nzcv:
                ins.Imm2 = spec.F0.Extract(w);
                return true;
            case OperandKind.Pair:
                return (spec.F0.Extract(w) & 1) == 0;
            case OperandKind.PState:
                // Other op1:op2 values are other instructions (cfinv, xaflag, ...) or unallocated.
                // Only daifset/daifclr take a 4-bit immediate; the others take 0 or 1.
                return Tables.SideTables.PStateFields.NameOf((int)Concatenated(spec, w)) is { } field
                    && (field.StartsWith("daif", StringComparison.Ordinal) || ((w >> 8) & 15) <= 1);
            case OperandKind.FpImm:
                ins.Imm = BitConverter.DoubleToInt64Bits(FpImmediate.Expand(Concatenated(spec, w)));
                return true;
            case OperandKind.VList:
            case OperandKind.VStruct:
                ins.Arrangement = (Arrangement)(1 + (spec.F2.Extract(w) << 1 | spec.F1.Extract(w)));
                ins.Imm2 = spec.Param;
                // ld2-ld4/st2-st4 have no .1d form: its words are unallocated.
                return spec.Kind == OperandKind.VList || ins.Arrangement != Arrangement.D1;
            case OperandKind.VLane:
                ins.Arrangement = LaneArrangement(spec);
                ins.Imm2 = spec.Param;
                ins.Amount = (byte)Index(spec, w);
                return true;
            case OperandKind.VElem:
                PutImm(ref ins, ref immCount, Index(spec, w));
                return true;
            case OperandKind.VImm8:
                PutImm(ref ins, ref immCount, spec.F0.Extract(w) << 5 | spec.F1.Extract(w));
                ins.Shift = ShiftKind.Lsl;
                ins.Amount = (byte)(8 * spec.F2.Extract(w));
                return true;
            case OperandKind.VShr:
                ins.Imm = spec.Param - Concatenated(spec, w);
                return true;
            case OperandKind.VShl:
                ins.Imm = Concatenated(spec, w);
                return true;
            case OperandKind.MemPostList:
                ins.Mode = OperandKinds.ModeOf(spec.Kind, "decoder");
                if (spec.F1.Extract(w) == 31) ins.Imm = PostBytes(w);
                return true;
            case OperandKind.Movi64:
            {
                uint bits = Concatenated(spec, w);
                ulong bytes = 0;
                for (int b = 0; b < 8; b++) if ((bits >> b & 1) != 0) bytes |= 0xffUL << (8 * b);
                ins.Imm = (long)bytes;
                return true;
            }
            case OperandKind.Fp: case OperandKind.V: case OperandKind.FpZero: case OperandKind.VTbl: case OperandKind.Zero0:
            case OperandKind.W: case OperandKind.X: case OperandKind.Wsp: case OperandKind.Xsp:
            case OperandKind.SysReg: case OperandKind.SysReg0: case OperandKind.SysCr:
                return true;
            case OperandKind.MemOff12:
                ins.Mode = OperandKinds.ModeOf(spec.Kind, "decoder");
                ins.Imm = spec.F1.Extract(w) * (long)spec.Param;
                return true;
            case OperandKind.MemOff9:
            case OperandKind.MemPre9:
            case OperandKind.MemPost9:
                ins.Mode = OperandKinds.ModeOf(spec.Kind, "decoder");
                ins.Imm = SignExtend(spec.F1.Extract(w), 9);
                return true;
            case OperandKind.MemOff7:
            case OperandKind.MemPre7:
            case OperandKind.MemPost7:
                ins.Mode = OperandKinds.ModeOf(spec.Kind, "decoder");
                ins.Imm = SignExtend(spec.F1.Extract(w), 7) * spec.Param;
                return true;
            case OperandKind.MemBase:
                ins.Mode = OperandKinds.ModeOf(spec.Kind, "decoder");
                return true;
            case OperandKind.MemReg:
            {
                uint option = spec.F2.Extract(w);
                if ((option & 2) == 0) return false; // reserved extends
                ins.Shift = option switch { 2 => ShiftKind.Uxtw, 3 => ShiftKind.Lsl, 6 => ShiftKind.Sxtw, _ => ShiftKind.Sxtx };
                int log2 = spec.Param switch { 1 => 0, 2 => 1, 4 => 2, 8 => 3, _ => 4 };
                ins.Amount = (byte)(spec.Fields[3].Extract(w) != 0 ? log2 : 0);
                ins.Mode = OperandKinds.ModeOf(spec.Kind, "decoder");
                return true;
            }
            case OperandKind.UImm: case OperandKind.UImmX: case OperandKind.Csync: case OperandKind.Rctx:
            case OperandKind.LslImm: case OperandKind.BfxWidth: case OperandKind.BfizLsb: case OperandKind.BfizWidth:
            case OperandKind.DcOp: case OperandKind.IcOp: case OperandKind.AtOp: case OperandKind.TlbiOp:
            case OperandKind.Barrier: case OperandKind.IsbOpt: case OperandKind.PrfOp: case OperandKind.BtiTarget: case OperandKind.BarrierNxs:
                // The raw fields as one number (bitfield and name kinds: immr/imms, the operation's encoding).
                PutImm(ref ins, ref immCount, Concatenated(spec, w));
                return true;
            case OperandKind.Rot4: case OperandKind.Rot2:
                // The angle in degrees, as written.
                PutImm(ref ins, ref immCount, Encoding.OperandEncoder.RotationDegrees(spec, spec.F0.Extract(w)));
                return true;
            case OperandKind.SImm:
                PutImm(ref ins, ref immCount, SignExtend(Concatenated(spec, w), spec.Width));
                return true;
            case OperandKind.MopsAddr:
                ins.Mode = OperandKinds.ModeOf(spec.Kind, "decoder");
                return spec.F0.Extract(w) != 31;
            case OperandKind.MopsCount:
                // objdump calls a MOPS word undefined unless Xd, Xn (neither 31) and Xs differ; every MOPS form keeps
                // them at bits 4:0, 9:5 and 20:16.
                return spec.F0.Extract(w) != 31 && Encoding.OperandEncoder.Distinct((int)(w & 31), (int)((w >> 5) & 31), (int)((w >> 16) & 31));
            case OperandKind.MopsSrc:
                return true;
            case OperandKind.ByteImm:
                PutImm(ref ins, ref immCount, Concatenated(spec, w));
                return true;
            case OperandKind.UImmScaled:
                PutImm(ref ins, ref immCount, Concatenated(spec, w) * (long)spec.Param);
                return true;
            case OperandKind.Ls64:
                return true;
            case OperandKind.MemTag: case OperandKind.MemTagPre: case OperandKind.MemTagPost:
            case OperandKind.MemPac: case OperandKind.MemPacPre:
                ins.Mode = OperandKinds.ModeOf(spec.Kind, "decoder");
                ins.Imm = ScaledOffset(spec, w);
                return true;
            case OperandKind.VTop:
                return true;
            case OperandKind.VImmMsl:
                PutImm(ref ins, ref immCount, spec.F0.Extract(w) << 5 | spec.F1.Extract(w));
                ins.Shift = ShiftKind.Msl;
                ins.Amount = (byte)(spec.F2.Extract(w) != 0 ? 16 : 8);
                return true;
            case OperandKind.FixedShift:
                PutImm(ref ins, ref immCount, spec.Param);
                return true;
            case OperandKind.SvcrField:
                // 00 names no field: the word is a generic msr.
                PutImm(ref ins, ref immCount, spec.F0.Extract(w));
                return Tables.SideTables.SvcrFields.NameOf((int)spec.F0.Extract(w)) is not null;
            case OperandKind.SmeMode:
                PutImm(ref ins, ref immCount, spec.F0.Extract(w));
                return spec.F0.Extract(w) != 0;
            default:
                throw new UnhandledOperandKindException(spec.Kind, "decoder");
        }
    }

    /// <summary>The signed offset of an MTE or PAuth address: the fields after the base, in units of Param bytes.</summary>
    internal static long ScaledOffset(OperandSpec spec, uint w)
    {
        uint v = 0;
        int bits = 0;
        for (int i = 1; i < spec.Fields.Length; i++)
        {
            v = (v << spec.Fields[i].Width) | spec.Fields[i].Extract(w);
            bits += spec.Fields[i].Width;
        }
        return SignExtend(v, bits) * spec.Param;
    }

    /// <summary>Registers in a multiple-structure list, from its opcode (bits 15..12): ld1 1-4, ld2, ld3, ld4.</summary>
    internal static int ListCount(uint w) => ((w >> 12) & 15) switch
    {
        0b0111 => 1, 0b1010 or 0b1000 => 2, 0b0110 or 0b0100 => 3, _ => 4,
    };

    /// <summary>
    /// The immediate of a post-indexed structure load/store: the bytes it moves. Multiple structures (bit 24 clear)
    /// move whole registers; single structures move one element per register, all lanes' size for ldNr.
    /// </summary>
    internal static int PostBytes(uint w)
    {
        if (((w >> 24) & 1) == 0) return ListCount(w) * (((w >> 30) & 1) != 0 ? 16 : 8);
        int count = (int)(((w >> 13) & 1) << 1 | ((w >> 21) & 1)) + 1;
        int esize = ((w >> 14) & 3) switch
        {
            0 => 1,
            1 => 2,
            2 => ((w >> 10) & 1) == 0 ? 4 : 8,
            _ => 1 << (int)((w >> 10) & 3),
        };
        return count * esize;
    }

    /// <summary>An element index: the fields after the register, concatenated (H:L:M of a by-element operand).</summary>
    internal static uint Index(OperandSpec spec, uint w)
    {
        uint v = 0;
        for (int i = 1; i < spec.Fields.Length; i++) v = (v << spec.Fields[i].Width) | spec.Fields[i].Extract(w);
        return v;
    }

    /// <summary>A lane list's element size follows from its index width: 16 byte lanes need 4 bits, 2 doublewords 1.</summary>
    internal static Arrangement LaneArrangement(OperandSpec spec)
    {
        int bits = 0;
        for (int i = 1; i < spec.Fields.Length; i++) bits += spec.Fields[i].Width;
        return bits switch { 4 => Arrangement.B, 3 => Arrangement.H, 2 => Arrangement.S, _ => Arrangement.D };
    }
}
