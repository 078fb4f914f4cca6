using A64Asm.Isa.Fixups;
using A64Asm.Isa.Model;
using A64Asm.Isa.Operands;

namespace A64Asm.Isa.Encoding;

internal static partial class OperandEncoder
{
    /// <summary>GNU as's words for an address base that is not Xn or sp.</summary>
    internal const string BaseRegisterExpected = "64-bit integer or SP register expected";

    /// <summary>GNU as's words for an address of another mode than the form's.</summary>
    const string InvalidAddressingMode = "invalid addressing mode";

    static OperandMatch Memory(OperandSpec spec, Operand op, ReadOnlySpan<Operand> all, ref EncodeState st)
    {
        if (op is not MemOperand mem) return st.Shape(spec.Kind);
        var kind = spec.Kind;
        if (mem.Mode != OperandKinds.ModeOf(kind, "encoder")) return st.Syntax(InvalidAddressingMode);
        if (mem.Mode == AddrMode.PreIndex && mem.Offset is null) return st.Shape(kind);
        // An address the row reads with a base no row takes: what is wrong with it, whatever the other rows say.
        if (mem.Base.Class != RegClass.X || mem.Base.IsZr) return st.Message(BaseRegisterExpected);
        st.Word = spec.F0.Insert(st.Word, mem.Base.Num);
        int size = spec.Param;
        switch (kind)
        {
            case OperandKind.MemReg: return RegisterOffset(spec, mem, ref st);
            case OperandKind.MemBase:
                if (mem.Offset is null) return OperandMatch.Ok;
                // GNU as takes "[xN, #0]" for [xN] except in the vector-list transfers (ld1-4, st1-4, ldNr).
                if (mem.Offset is ImmOperand { Value: 0 })
                    return all.Length > 0 && all[0] is VecListOperand ? st.Message("invalid addressing mode") : OperandMatch.Ok;
                return mem.Offset is ImmOperand && !(all.Length > 0 && all[0] is VecListOperand)
                    ? st.Message("the optional immediate offset can only be 0") : st.Shape(kind);
        }
        if (mem.Offset is SymbolOperand sym)
        {
            if (kind != OperandKind.MemOff12 || sym.Modifier == RelocModifier.None) return st.Shape(kind);
            if (sym.Modifier == RelocModifier.Gotpage_Lo14) return st.Message(RelocationOperators.Ilp32Only);
            var row = RelocationOperators.Find(sym.Modifier, RelocSite.LoadStoreOffset);
            if (row is null) return st.Message(RelocationOperators.NotAllowedHere);
            var fixup = RelocationOperators.ForSize(row, size);
            if (fixup == FixupKind.None) return st.Message(RelocationOperators.SizeMismatch);
            st.Fixup = new FixupRequest(fixup, sym.Name, sym.Addend);
            return OperandMatch.Ok;
        }
        long v;
        if (mem.Offset is null) v = 0;
        else if (mem.Offset is ImmOperand imm) v = imm.Value;
        else if (mem.Offset is ModifiedImmOperand { Modifier: RelocModifier.Lo12 } low && kind == OperandKind.MemOff12)
        {
            if (st.Relocatable)
            {
                st.Fixup = new FixupRequest(RelocationOperators.ForSize(RelocationOperators.Find(RelocModifier.Lo12, RelocSite.LoadStoreOffset)!, size), null, low.Value);
                return OperandMatch.Ok;
            }
            v = low.Value & 0xfff;
        }
        else return st.Shape(kind);
        switch (kind)
        {
            case OperandKind.MemOff12:
                if (v % size != 0 || v < 0 || v > 4095L * size) return st.Range(v, 0, 4095L * size, size);
                st.Word = spec.F1.Insert(st.Word, (uint)(v / size));
                return OperandMatch.Ok;
            case OperandKind.MemOff9:
            case OperandKind.MemPre9:
            case OperandKind.MemPost9:
                if (v < -256 || v > 255) return st.Range(v, -256, 255);
                st.Word = spec.F1.Insert(st.Word, (uint)v & 0x1ff);
                return OperandMatch.Ok;
            case OperandKind.MemOff7:
            case OperandKind.MemPre7:
            case OperandKind.MemPost7: // pairs
                if (v % size != 0 || v < -64L * size || v > 63L * size) return st.Range(v, -64L * size, 63L * size, size);
                st.Word = spec.F1.Insert(st.Word, (uint)(v / size) & 0x7f);
                return OperandMatch.Ok;
            default:
                throw new UnhandledOperandKindException(kind, "encoder");
        }
    }

    /// <summary>[Xn, Rm{, extend {#amount}}]: amount is 0 or log2(size); for bytes an explicit #0 sets S.</summary>
    static OperandMatch RegisterOffset(OperandSpec spec, MemOperand mem, ref EncodeState st)
    {
        if (mem.Offset is not RegOperand { Reg: var rm } || rm.IsSp) return st.Shape(spec.Kind);
        uint option = mem.Extend switch
        {
            ShiftKind.None or ShiftKind.Lsl => 3, ShiftKind.Uxtw => 2, ShiftKind.Sxtw => 6, ShiftKind.Sxtx => 7,
            _ => 9,
        };
        if (option == 9) return st.Message("invalid extend for a register offset (uxtw, sxtw, sxtx or lsl)");
        var want = (option & 1) != 0 ? RegClass.X : RegClass.W;
        if (rm.Class != want) return st.Fail(EncodeErrorKind.Expected, want == RegClass.X ? OperandKind.X : OperandKind.W);
        if (mem.Extend == ShiftKind.Lsl && mem.ExtendAmount < 0) return st.Message("missing shift amount");
        int log2 = spec.Param switch { 1 => 0, 2 => 1, 4 => 2, 8 => 3, _ => 4 };
        uint s;
        if (mem.ExtendAmount < 0) s = 0;
        else if (mem.ExtendAmount == log2) s = 1;
        else if (mem.ExtendAmount == 0) s = 0;
        else return st.Message($"shift amount must be 0 or {log2}");
        st.Word = spec.F1.Insert(st.Word, rm.Num);
        st.Word = spec.F2.Insert(st.Word, option);
        st.Word = spec.Fields[3].Insert(st.Word, s);
        return OperandMatch.Ok;
    }

    /// <summary>A branch or literal target: a symbol becomes a fixup (field 0); a number is an address.</summary>
    static OperandMatch Label(OperandSpec spec, Operand op, ref EncodeState st)
    {
        var kind = spec.Kind;
        FixupKind fixup = kind switch
        {
            OperandKind.Label26 => FixupKind.Branch26,
            OperandKind.CallLabel26 => FixupKind.Call26,
            OperandKind.Label19 => FixupKind.CondBranch19,
            OperandKind.LitLabel19 => FixupKind.LdLiteral19,
            OperandKind.Label14 => FixupKind.TestBranch14,
            OperandKind.AdrLabel => FixupKind.Adr21,
            OperandKind.AdrpLabel => FixupKind.AdrPage21,
            _ => throw new UnhandledOperandKindException(kind, "encoder"),
        };
        if (op is SymbolOperand sym)
        {
            if (sym.Modifier != RelocModifier.None)
            {
                RelocSite? site = kind switch
                {
                    OperandKind.AdrpLabel => RelocSite.Page, OperandKind.AdrLabel => RelocSite.Adr,
                    OperandKind.LitLabel19 => RelocSite.Literal, _ => null,
                };
                if (site is null || RelocationOperators.Find(sym.Modifier, site.Value) is not { } row)
                    return st.Message(RelocationOperators.NotAllowedHere);
                fixup = row.Kind;
            }
            st.Fixup = new FixupRequest(fixup, sym.Name, sym.Addend);
            return OperandMatch.Ok;
        }
        if (op is not ImmOperand imm) return st.Shape(kind);
        if (kind == OperandKind.AdrpLabel && st.Relocatable)
        {
            st.Fixup = new FixupRequest(FixupKind.AdrPage21, null, imm.Value);
            return OperandMatch.Ok;
        }
        long offset = imm.Value - (long)st.Pc;
        switch (kind)
        {
            case OperandKind.AdrLabel:
                if (offset < -(1L << 20) || offset >= 1L << 20) return st.Range(offset, -(1L << 20), (1L << 20) - 1);
                st.Word = spec.F0.Insert(st.Word, (uint)offset & 3);
                st.Word = spec.F1.Insert(st.Word, (uint)(offset >> 2));
                return OperandMatch.Ok;
            case OperandKind.AdrpLabel:
                long pages = (imm.Value >> 12) - (long)(st.Pc >> 12);
                if (pages < -(1L << 20) || pages >= 1L << 20) return st.Range(pages << 12, -(1L << 32), (1L << 32) - 4096, 4096);
                st.Word = spec.F0.Insert(st.Word, (uint)pages & 3);
                st.Word = spec.F1.Insert(st.Word, (uint)(pages >> 2));
                return OperandMatch.Ok;
        }
        int bits = spec.F0.Width;
        long min = -(1L << (bits + 1)), max = (1L << (bits + 1)) - 4;
        if ((offset & 3) != 0 || offset < min || offset > max) return st.Range(offset, min, max, 4);
        st.Word = spec.F0.Insert(st.Word, (uint)(offset >> 2));
        return OperandMatch.Ok;
    }
}
