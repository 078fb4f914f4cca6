using A64Asm.Isa.Tables;
using A64Asm.Isa.Fixups;
using A64Asm.Isa.Model;
using A64Asm.Isa.Operands;

namespace A64Asm.Isa.Encoding;

/// <summary>Per operand kind: check one source operand and put its value into the form's fields.</summary>
internal static partial class OperandEncoder
{
    static readonly Feature[] RctxNeeds = [Feature.Predres];

    public static OperandMatch Encode(OperandSpec spec, Operand op, ReadOnlySpan<Operand> all, int index, ref EncodeState st)
    {
        var kind = spec.Kind;
        switch (kind)
        {
            case OperandKind.W: return Register(spec, op, RegClass.W, false, ref st);
            case OperandKind.X: return Register(spec, op, RegClass.X, false, ref st);
            case OperandKind.Wsp: return Register(spec, op, RegClass.W, true, ref st);
            case OperandKind.Xsp: return Register(spec, op, RegClass.X, true, ref st);
            case OperandKind.AddImm: return AddImmediate(spec, op, all, index, ref st);
            case OperandKind.VImm8: return ShiftedByteImmediate(spec, op, all, index, ref st);
            case OperandKind.ByteImm: return ByteImmediate(spec, op, all, index, ref st);
            case OperandKind.LogImm:
            case OperandKind.MovLogImm:
            case OperandKind.BicImm: return LogicalImmediate(spec, op, ref st);
            case OperandKind.ShiftA:
            case OperandKind.ShiftL: return Shift(spec, op, ref st);
            case OperandKind.ExtendA: return Extend(spec, op, all, index, ref st);
            case OperandKind.UImm:
            case OperandKind.UImmX: return Unsigned(spec, op, ref st);
            case OperandKind.Csync:
                return WrittenName(op) is { } kw && kw.Equals("csync", StringComparison.OrdinalIgnoreCase) ? OperandMatch.Ok : st.Shape(spec.Kind);
            case OperandKind.Rctx:
                if (WrittenName(op) is not { } rk || !rk.Equals("rctx", StringComparison.OrdinalIgnoreCase)) return st.Shape(spec.Kind);
                // GNU takes rctx for a system register name of FEAT_SPECRES and refuses it by that name.
                st.NameNeeds = RctxNeeds;
                st.NameRefusal = SideTables.NotSupported("rctx");
                return OperandMatch.Ok;
            case OperandKind.MovImm: return MoveWide(spec, op, all, index, ref st);
            case OperandKind.MovzImm: return MoveAlias(spec, op, false, ref st);
            case OperandKind.MovnImm: return MoveAlias(spec, op, true, ref st);
            case OperandKind.LslImm: return LslImmediate(spec, op, ref st);
            case OperandKind.BfxWidth: return BitfieldWidth(spec, op, true, ref st);
            case OperandKind.BfizLsb: return BitfieldLsb(spec, op, ref st);
            case OperandKind.BfizWidth: return BitfieldWidth(spec, op, false, ref st);
            case OperandKind.TbReg:
                if (op is not RegOperand { Reg.IsSp: false } tr || tr.Reg.Class is not (RegClass.W or RegClass.X)) return st.Shape(kind);
                st.Word = spec.F0.Insert(st.Word, tr.Reg.Num);
                st.LastRegClass = tr.Reg.Class;
                return OperandMatch.Ok;
            case OperandKind.TbBit:
            {
                if (op is not ImmOperand tb) return st.Shape(kind);
                long max = st.LastRegClass == RegClass.X ? 63 : 31;
                if (tb.Value < 0 || tb.Value > max) return st.Range(tb.Value, 0, max);
                st.Word = spec.F0.Insert(st.Word, (uint)(tb.Value >> 5));
                st.Word = spec.F1.Insert(st.Word, (uint)(tb.Value & 31));
                return OperandMatch.Ok;
            }
            case OperandKind.Cond:
            case OperandKind.InvCond: return Condition(spec, op, ref st);
            case OperandKind.Pair: return Pair(spec, op, all, index, ref st);
            case OperandKind.MemOff12: case OperandKind.MemOff9: case OperandKind.MemPre9: case OperandKind.MemPost9:
            case OperandKind.MemOff7: case OperandKind.MemPre7: case OperandKind.MemPost7:
            case OperandKind.MemBase: case OperandKind.MemReg:
                return Memory(spec, op, all, ref st);
            case OperandKind.Label26: case OperandKind.CallLabel26: case OperandKind.Label19:
            case OperandKind.LitLabel19: case OperandKind.Label14: case OperandKind.AdrLabel: case OperandKind.AdrpLabel:
                return Label(spec, op, ref st);
            case OperandKind.SysReg: case OperandKind.SysReg0: case OperandKind.PState: case OperandKind.DcOp:
            case OperandKind.IcOp: case OperandKind.AtOp: case OperandKind.TlbiOp: case OperandKind.Barrier:
            case OperandKind.IsbOpt: case OperandKind.BtiTarget: case OperandKind.PrfOp: case OperandKind.SysCr: case OperandKind.BarrierNxs:
                return EncodeName(spec, op, ref st);
            case OperandKind.Fp: case OperandKind.FpImm: case OperandKind.Zero0: case OperandKind.FpZero:
            case OperandKind.V: case OperandKind.VElem: case OperandKind.VList: case OperandKind.VStruct:
            case OperandKind.VLane: case OperandKind.VTbl: case OperandKind.VShr: case OperandKind.VShl:
            case OperandKind.MemPostList: case OperandKind.Movi64:
                return EncodeVector(spec, op, ref st);
            case OperandKind.Rot4: case OperandKind.Rot2: return Rotation(spec, op, ref st);
            case OperandKind.SImm: case OperandKind.UImmScaled: case OperandKind.Ls64: case OperandKind.MemTag:
            case OperandKind.MemTagPre: case OperandKind.MemTagPost: case OperandKind.MemPac: case OperandKind.MemPacPre:
            case OperandKind.Nzcv:
                return EncodeExtension(spec, op, ref st);
            case OperandKind.MopsAddr: case OperandKind.MopsCount: case OperandKind.MopsSrc:
                return EncodeMops(spec, op, all, index, ref st);
            case OperandKind.VTop: case OperandKind.VImmMsl: case OperandKind.FixedShift:
                return EncodeScalarExtra(spec, op, all, index, ref st);
            case OperandKind.SvcrField: case OperandKind.SmeMode:
                return EncodeSme(spec, op, ref st);
            default: throw new UnhandledOperandKindException(kind, "encoder");
        }
    }

    static OperandMatch Register(OperandSpec spec, Operand op, RegClass cls, bool spAllowed, ref EncodeState st)
    {
        if (op is not RegOperand { Reg: var reg }) return st.RegisterType(spec.Kind);
        // sp where only zr goes (or zr where sp goes) is another register type to GNU; w for x is the same type.
        if ((reg.IsSp && !spAllowed) || (spAllowed && reg.IsZr) || reg.Class is not (RegClass.W or RegClass.X))
            return st.RegisterType(spec.Kind);
        if (reg.Class != cls) return st.Mismatch();
        foreach (var f in spec.Fields) st.Word = f.Insert(st.Word, reg.Num);
        st.LastRegClass = cls;
        return OperandMatch.Ok;
    }

    static OperandMatch AddImmediate(OperandSpec spec, Operand op, ReadOnlySpan<Operand> all, int index, ref EncodeState st)
    {
        if (op is SymbolOperand { Modifier: not RelocModifier.None } sym)
        {
            var row = RelocationOperators.Find(sym.Modifier, RelocSite.AddImmediate);
            if (row is null || !IsPlainAdd(st.Word)) return st.Message(RelocationOperators.NotAllowedHere);
            // GNU as takes an explicit "lsl #12" after the operator and keeps it.
            if (index + 1 < all.Length && all[index + 1] is ShiftOperand relocShift)
            {
                if (relocShift.Kind != ShiftKind.Lsl || (relocShift.Amount != 0 && relocShift.Amount != 12)) return st.Message("shift amount must be 0 or 12");
                st.Extra = 1;
                if (relocShift.Amount == 12) st.Word = spec.F1.Insert(st.Word, 1);
            }
            if (row.ForcesShift12) st.Word = spec.F1.Insert(st.Word, 1);
            st.Fixup = new FixupRequest(row.Kind, sym.Name, sym.Addend);
            return OperandMatch.Ok;
        }
        if (op is ModifiedImmOperand { Modifier: RelocModifier.Lo12 } low)
        {
            if (!IsPlainAdd(st.Word)) return st.Message(RelocationOperators.NotAllowedHere);
            if (index + 1 < all.Length && all[index + 1] is ShiftOperand) return st.Shape(spec.Kind);
            if (st.Relocatable)
                st.Fixup = new FixupRequest(RelocationOperators.Find(RelocModifier.Lo12, RelocSite.AddImmediate)!.Kind, null, low.Value);
            else
                st.Word = spec.F0.Insert(st.Word, (uint)(low.Value & 0xfff));
            return OperandMatch.Ok;
        }
        if (op is ModifiedImmOperand) return st.Message(RelocationOperators.NotAllowedHere);
        if (op is not ImmOperand imm) return st.Shape(spec.Kind);
        long v = imm.Value;
        int explicitShift = -1;
        if (index + 1 < all.Length && all[index + 1] is ShiftOperand sh)
        {
            if (sh.Kind != ShiftKind.Lsl || (sh.Amount != 0 && sh.Amount != 12)) return st.Message("shift amount must be 0 or 12");
            explicitShift = sh.Amount;
            st.Extra = 1;
        }
        // GNU as turns add #-n into sub #n (and back): flip the op bit (30).
        if (v < 0 && v > -(4096L << 12))
        {
            v = -v;
            st.Word ^= 1u << 30;
        }
        uint shiftBit;
        if (explicitShift >= 0)
        {
            if (v < 0 || v > 4095) return st.Range(imm.Value, 0, 4095);
            shiftBit = explicitShift == 12 ? 1u : 0u;
        }
        else if (v >= 0 && v <= 4095) shiftBit = 0;
        else if (v > 0 && (v & 0xfff) == 0 && (v >> 12) <= 4095) { shiftBit = 1; v >>= 12; }
        else return st.Range(imm.Value, 0, 4095);
        st.Word = spec.F0.Insert(st.Word, (uint)v);
        st.Word = spec.F1.Insert(st.Word, shiftBit);
        return OperandMatch.Ok;
    }

    static OperandMatch LogicalImmediate(OperandSpec spec, Operand op, ref EncodeState st)
    {
        if (op is not ImmOperand imm) return st.Shape(spec.Kind);
        ulong v = (ulong)imm.Value;
        if (spec.Param == 32 && imm.Value < 0 && imm.Value >= int.MinValue) v &= 0xffff_ffff;
        if (spec.Kind == OperandKind.BicImm) v = spec.Param == 32 ? ~v & 0xffff_ffff : ~v;
        if (!BitmaskImmediate.TryEncode(v, spec.Param, out uint n, out uint immr, out uint imms))
        {
            if (spec.Kind == OperandKind.MovLogImm) return st.Message("immediate cannot be moved by a single instruction");
            st.Error = new EncodeError { Kind = EncodeErrorKind.Bitmask, Value = imm.Value };
            return OperandMatch.BadValue;
        }
        st.Word = spec.F0.Insert(st.Word, n);
        st.Word = spec.F1.Insert(st.Word, immr);
        st.Word = spec.F2.Insert(st.Word, imms);
        return OperandMatch.Ok;
    }

    static OperandMatch Shift(OperandSpec spec, Operand op, ref EncodeState st)
    {
        if (op is not ShiftOperand sh) return st.Shape(spec.Kind);
        uint type = sh.Kind switch { ShiftKind.Lsl => 0, ShiftKind.Lsr => 1, ShiftKind.Asr => 2, ShiftKind.Ror => 3, _ => 9 };
        if (type == 9 || (type == 3 && spec.Kind == OperandKind.ShiftA)) return st.Shape(spec.Kind);
        if (sh.Amount < 0) return st.Message("missing shift amount");
        if (sh.Amount >= spec.Param) return st.Range(sh.Amount, 0, spec.Param - 1);
        st.Word = spec.F0.Insert(st.Word, type);
        st.Word = spec.F1.Insert(st.Word, (uint)sh.Amount);
        return OperandMatch.Ok;
    }

    static OperandMatch Extend(OperandSpec spec, Operand op, ReadOnlySpan<Operand> all, int index, ref EncodeState st)
    {
        if (op is not RegOperand { Reg: var reg } || reg.IsSp || reg.Class is not (RegClass.W or RegClass.X)) return st.Shape(spec.Kind);
        ShiftKind ext = ShiftKind.None;
        int amount = 0;
        if (index + 1 < all.Length && all[index + 1] is ShiftOperand sh)
        {
            ext = sh.Kind;
            amount = sh.Amount < 0 ? 0 : sh.Amount;
            st.Extra = 1;
        }
        uint lslOption = spec.Param == 64 ? 3u : 2u;
        uint option = ext switch
        {
            ShiftKind.None or ShiftKind.Lsl => lslOption,
            ShiftKind.Uxtb => 0, ShiftKind.Uxth => 1, ShiftKind.Uxtw => 2, ShiftKind.Uxtx => 3,
            ShiftKind.Sxtb => 4, ShiftKind.Sxth => 5, ShiftKind.Sxtw => 6, ShiftKind.Sxtx => 7,
            _ => 9,
        };
        // Not an extend (lsr, asr, ror, msl): the wrong sort of operand for this row, which a shifted-register row may take.
        if (option == 9) return st.Shape(spec.Kind);
        if (spec.Param == 64)
        {
            // GNU as takes Wm or Xm with any extend of a 64-bit form (the register number is what is encoded);
            // lsl wants Xm, and Wm, bare or with lsl, stands for uxtw only beside sp.
            if (ext == ShiftKind.Lsl && reg.Class != RegClass.X)
            {
                if (!BesideSp(all, index)) return st.Message("'LSL' operator not allowed");
                option = 2;
            }
            if (ext == ShiftKind.None && reg.Class == RegClass.W)
            {
                if (!BesideSp(all, index)) return st.Message("missing extend operator");
                option = 2;
            }
        }
        else if (reg.Class != RegClass.W) return st.Mismatch();
        if (amount > 4) return st.Message("shift amount out of range 0 to 4");
        st.Word = spec.F0.Insert(st.Word, reg.Num);
        st.Word = spec.F1.Insert(st.Word, option);
        st.Word = spec.F2.Insert(st.Word, (uint)amount);
        return OperandMatch.Ok;
    }

    static bool BesideSp(ReadOnlySpan<Operand> all, int index)
    {
        for (int i = 0; i < index; i++)
            if (all[i] is RegOperand { Reg.IsSp: true }) return true;
        return false;
    }

    /// <summary>An unsigned immediate over the concatenated fields (max = Param when set).</summary>
    static OperandMatch Unsigned(OperandSpec spec, Operand op, ref EncodeState st)
    {
        if (op is not ImmOperand imm) return st.Shape(spec.Kind);
        long max = spec.Param > 0 ? spec.Param : (1L << spec.Width) - 1;
        if (st.ImmediateLimit > 0)
        {
            max = st.ImmediateLimit - 1;
            if (imm.Value < 0 || imm.Value > max) return st.Message($"immediate value out of range 0 to {max}");
        }
        if (imm.Value < 0 || imm.Value > max) return st.Range(imm.Value, 0, max);
        PutConcatenated(spec, (uint)imm.Value, ref st);
        st.LastImm = imm.Value;
        return OperandMatch.Ok;
    }

    /// <summary>Spreads a value over the fields, the first field taking the most significant bits.</summary>
    internal static void PutConcatenated(OperandSpec spec, uint value, ref EncodeState st)
    {
        var fields = spec.Fields;
        for (int i = fields.Length - 1; i >= 0; i--)
        {
            st.Word = fields[i].Insert(st.Word, value);
            value >>= fields[i].Width;
        }
    }

    // add/adds/sub/subs (immediate) share the operand kind; only add (op = 0, S = 0) takes a relocation operator.
    static bool IsPlainAdd(uint word) => ((word >> 29) & 3) == 0;

    // movz is opc 10, movn 00, movk 11 (bits 30..29).
    static bool IsMovk(uint word) => ((word >> 29) & 3) == 3;

    static OperandMatch MoveWide(OperandSpec spec, Operand op, ReadOnlySpan<Operand> all, int index, ref EncodeState st)
    {
        var (modifier, folded) = op switch
        {
            SymbolOperand { Modifier: not RelocModifier.None } s => (s.Modifier, false),
            ModifiedImmOperand m => (m.Modifier, true),
            _ => (RelocModifier.None, false),
        };
        if (modifier != RelocModifier.None)
        {
            var row = RelocationOperators.Find(modifier, RelocSite.MoveWide);
            if (row is null) return st.Message(RelocationOperators.NotAllowedHere);
            if (!row.OnMovk && IsMovk(st.Word)) return st.Message(RelocationOperators.NotOnMovk);
            if (row.Group * 16 >= spec.Param) return st.Message(RelocationOperators.NotFor32Bit);
            if (index + 1 < all.Length && all[index + 1] is ShiftOperand) return st.Message("can't mix relocation modifier with explicit shift");
            uint word = spec.F1.Insert(st.Word, (uint)row.Group);
            if (folded)
            {
                if (!Fixup.TryInsert(row.Kind, ref word, ((ModifiedImmOperand)op).Value, out string error)) return st.Message(error);
            }
            else
            {
                var sym = (SymbolOperand)op;
                st.Fixup = new FixupRequest(row.Kind, sym.Name, sym.Addend);
            }
            st.Word = word;
            return OperandMatch.Ok;
        }
        if (op is not ImmOperand imm) return st.Shape(spec.Kind);
        long v = imm.Value;
        if (index + 1 < all.Length && all[index + 1] is ShiftOperand sh)
        {
            st.Extra = 1;
            if (sh.Kind != ShiftKind.Lsl || sh.Amount < 0 || sh.Amount % 16 != 0 || sh.Amount >= spec.Param)
                return st.Message(spec.Param == 64 ? "shift amount must be 0, 16, 32 or 48" : "shift amount must be 0 or 16");
            if (v < 0 || v > 0xffff) return st.Message(MoveWideOutOfRange);
            st.Word = spec.F0.Insert(st.Word, (uint)v);
            st.Word = spec.F1.Insert(st.Word, (uint)(sh.Amount / 16));
            return OperandMatch.Ok;
        }
        // GNU as takes movz/movn/movk's immediate as written: a wider value needs its "lsl #n" (mov picks the shift).
        if (v < 0 || v > 0xffff) return st.Message(MoveWideOutOfRange);
        st.Word = spec.F0.Insert(st.Word, (uint)v);
        return OperandMatch.Ok;
    }

    /// <summary>GNU as's words for a movz/movn/movk immediate past 16 bits (its fixup's, with no operand named).</summary>
    const string MoveWideOutOfRange = "immediate out of range";

    /// <summary>value == imm16 &lt;&lt; (16 * hw) within the register width.</summary>
    static bool TryWide(ulong value, int regSize, out uint imm16, out uint hw)
    {
        imm16 = hw = 0;
        if (regSize == 32)
        {
            if ((value >> 32) != 0 && (value >> 31) != 0x1_ffff_ffff) return false;
            value &= 0xffff_ffff;
        }
        for (int h = 0; h < regSize / 16; h++)
        {
            if ((value & ~(0xffffUL << (16 * h))) == 0)
            {
                imm16 = (uint)(value >> (16 * h));
                hw = (uint)h;
                return true;
            }
        }
        return false;
    }

    static OperandMatch MoveAlias(OperandSpec spec, Operand op, bool inverted, ref EncodeState st)
    {
        if (op is not ImmOperand imm) return st.Shape(spec.Kind);
        ulong v = (ulong)imm.Value;
        if (spec.Param == 32)
        {
            if ((v >> 32) != 0 && (v >> 31) != 0x1_ffff_ffff) return st.Message("immediate cannot be moved by a single instruction");
            v &= 0xffff_ffff;
        }
        if (inverted) v = spec.Param == 32 ? ~v & 0xffff_ffff : ~v;
        if (!TryWide(v, spec.Param, out uint imm16, out uint hw)) return st.Message("immediate cannot be moved by a single instruction");
        st.Word = spec.F0.Insert(st.Word, imm16);
        st.Word = spec.F1.Insert(st.Word, hw);
        return OperandMatch.Ok;
    }

    static OperandMatch LslImmediate(OperandSpec spec, Operand op, ref EncodeState st)
    {
        if (op is not ImmOperand imm) return st.Shape(spec.Kind);
        int size = spec.Param;
        if (imm.Value < 0 || imm.Value >= size) return st.Range(imm.Value, 0, size - 1);
        int s = (int)imm.Value;
        st.Word = spec.F0.Insert(st.Word, (uint)((size - s) % size));
        st.Word = spec.F1.Insert(st.Word, (uint)(size - 1 - s));
        return OperandMatch.Ok;
    }

    static OperandMatch BitfieldLsb(OperandSpec spec, Operand op, ref EncodeState st)
    {
        if (op is not ImmOperand imm) return st.Shape(spec.Kind);
        int size = spec.Param;
        if (imm.Value < 0 || imm.Value >= size) return st.Range(imm.Value, 0, size - 1);
        st.Word = spec.F0.Insert(st.Word, (uint)((size - imm.Value) % size));
        st.LastImm = imm.Value;
        return OperandMatch.Ok;
    }

    /// <summary>Width after an lsb: ubfx-style stores lsb+width-1, ubfiz-style stores width-1.</summary>
    static OperandMatch BitfieldWidth(OperandSpec spec, Operand op, bool extract, ref EncodeState st)
    {
        if (op is not ImmOperand imm) return st.Shape(spec.Kind);
        long max = spec.Param - st.LastImm;
        if (imm.Value < 1 || imm.Value > max) return st.Range(imm.Value, 1, max);
        uint imms = (uint)(extract ? st.LastImm + imm.Value - 1 : imm.Value - 1);
        st.Word = spec.F0.Insert(st.Word, imms);
        return OperandMatch.Ok;
    }

    static OperandMatch Condition(OperandSpec spec, Operand op, ref EncodeState st)
    {
        int cond;
        if (op is CondOperand c) cond = (int)c.Cond;
        else if (op is SymbolOperand { Modifier: RelocModifier.None, Addend: 0 } s && Tables.SideTables.Conditions.TryGetValue(s.Name, out cond)) { }
        else if (op is ImmOperand { Name: { } name } && Tables.SideTables.Conditions.TryGetValue(name, out cond)) { }
        else return st.Syntax("invalid condition");
        if (spec.Kind == OperandKind.InvCond)
        {
            // cset/cinc/... store the inverse of the condition written.
            if (cond >= 14) return st.Fail(EncodeErrorKind.Expected, spec.Kind);
            cond ^= 1;
        }
        st.Word = spec.F0.Insert(st.Word, (uint)cond);
        return OperandMatch.Ok;
    }
}
