using A64Asm.Isa.Model;
using A64Asm.Isa.Operands;

namespace A64Asm.Isa.Encoding;

/// <summary>Kinds of the extension rows (ext-base.isa, mte.isa): signed and granule immediates, LS64's register
/// octet, the MTE and PAuth addresses, and GNU's flag-letter form of an nzcv mask.</summary>
internal static partial class OperandEncoder
{
    static OperandMatch EncodeExtension(OperandSpec spec, Operand op, ref EncodeState st)
    {
        switch (spec.Kind)
        {
            case OperandKind.SImm:
            {
                if (op is not ImmOperand imm) return st.Shape(spec.Kind);
                int width = spec.Width;
                long min = -(1L << (width - 1)), max = (1L << (width - 1)) - 1;
                if (imm.Value < min || imm.Value > max) return st.Range(imm.Value, min, max);
                PutConcatenated(spec, (uint)imm.Value & (uint)((1L << width) - 1), ref st);
                return OperandMatch.Ok;
            }
            case OperandKind.UImmScaled:
            {
                if (op is not ImmOperand imm) return st.Shape(spec.Kind);
                long max = ((1L << spec.Width) - 1) * spec.Param;
                if (imm.Value < 0 || imm.Value > max || imm.Value % spec.Param != 0) return st.Range(imm.Value, 0, max, spec.Param);
                PutConcatenated(spec, (uint)(imm.Value / spec.Param), ref st);
                return OperandMatch.Ok;
            }
            case OperandKind.Ls64:
                // Rt..Rt+7 are transferred: GNU as wants an even Rt no higher than x22.
                if (op is not RegOperand { Reg: { Class: RegClass.X, IsSp: false, IsZr: false } reg }) return st.Shape(spec.Kind);
                if (reg.Num % 2 != 0 || reg.Num > 22) return st.Message("invalid Rt register number in 64-byte load/store");
                st.Word = spec.F0.Insert(st.Word, reg.Num);
                return OperandMatch.Ok;
            case OperandKind.MemTag: case OperandKind.MemTagPre: case OperandKind.MemTagPost:
            case OperandKind.MemPac: case OperandKind.MemPacPre:
                return ScaledAddress(spec, op, ref st);
            case OperandKind.Nzcv:
                return op is SymbolOperand { Modifier: RelocModifier.None, Addend: 0 } flags ? NzcvLetters(spec, flags.Name, ref st) : Unsigned(spec, op, ref st);
            default:
                throw new UnhandledOperandKindException(spec.Kind, "encoder");
        }
    }

    /// <summary>[Xn|SP{, #imm}], [Xn|SP, #imm]! or [Xn|SP], #imm with a signed offset in units of Param bytes over
    /// the fields after the base (MTE: imm9 × 16; ldraa/ldrab: S:imm9 × 8).</summary>
    static OperandMatch ScaledAddress(OperandSpec spec, Operand op, ref EncodeState st)
    {
        var kind = spec.Kind;
        if (op is not MemOperand mem || mem.Mode != OperandKinds.ModeOf(kind, "encoder") || mem.Extend != ShiftKind.None) return st.Shape(kind);
        if (mem.Base.Class != RegClass.X || mem.Base.IsZr) return st.Message(BaseRegisterExpected);
        // Only ldraa/ldrab take "[base]!" (a zero offset written back).
        if (mem.Mode == AddrMode.PreIndex && mem.Offset is null && kind != OperandKind.MemPacPre) return st.Shape(kind);
        long v;
        if (mem.Offset is null) v = 0;
        else if (mem.Offset is ImmOperand imm) v = imm.Value;
        else return st.Shape(kind);
        int bits = 0;
        for (int i = 1; i < spec.Fields.Length; i++) bits += spec.Fields[i].Width;
        long min = -(1L << (bits - 1)) * spec.Param, max = ((1L << (bits - 1)) - 1) * spec.Param;
        if (v % spec.Param != 0 || v < min || v > max) return st.Range(v, min, max, spec.Param);
        st.Word = spec.F0.Insert(st.Word, mem.Base.Num);
        uint units = (uint)(v / spec.Param);
        for (int i = spec.Fields.Length - 1; i >= 1; i--)
        {
            st.Word = spec.Fields[i].Insert(st.Word, units);
            units >>= spec.Fields[i].Width;
        }
        return OperandMatch.Ok;
    }

    /// <summary>GNU as also takes the mask as the four letters n, z, c, v in that order, upper case for a set flag
    /// (NzCv is 0b1010).</summary>
    static OperandMatch NzcvLetters(OperandSpec spec, string name, ref EncodeState st)
    {
        const string letters = "nzcv";
        if (name.Length != 4) return st.Shape(spec.Kind);
        uint mask = 0;
        for (int i = 0; i < 4; i++)
        {
            if (char.ToLowerInvariant(name[i]) != letters[i]) return st.Shape(spec.Kind);
            if (char.IsUpper(name[i])) mask |= 8u >> i;
        }
        st.Word = spec.F0.Insert(st.Word, mask);
        return OperandMatch.Ok;
    }
}
