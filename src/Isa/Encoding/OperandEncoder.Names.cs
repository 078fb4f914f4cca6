using A64Asm.Isa.Model;
using A64Asm.Isa.Operands;
using A64Asm.Isa.Tables;

namespace A64Asm.Isa.Encoding;

internal static partial class OperandEncoder
{
    /// <summary>Kinds written as a name: system registers, PSTATE fields, operations, barrier and prefetch options.</summary>
    static OperandMatch EncodeName(OperandSpec spec, Operand op, ref EncodeState st)
    {
        switch (spec.Kind)
        {
            case OperandKind.SysReg: return SystemRegister(spec, op, ref st);
            case OperandKind.SysReg0:
            {
                int v0;
                if (op is ImmOperand { Name: { } n0 } && TryParseGenericSysReg(n0, out v0, op0Zero: true)) { }
                else if (op is not SymbolOperand { Modifier: RelocModifier.None } s0) return st.Shape(spec.Kind);
                else if (!TryParseGenericSysReg(s0.Name, out v0, op0Zero: true)) return st.Syntax(UnknownSystemRegister);
                PutConcatenated(spec, (uint)v0, ref st);
                return OperandMatch.Ok;
            }
            case OperandKind.PState:
                // Only daifset and daifclr take a 4-bit mask; the other fields are one bit.
                if (WrittenName(op) is { } field && !field.StartsWith("daif", StringComparison.OrdinalIgnoreCase))
                    st.ImmediateLimit = 2;
                return Named(spec, op, SideTables.PStateFields, "PSTATE field", -1, ref st);
            case OperandKind.DcOp: return Named(spec, op, SideTables.DcOps, "dc operation", -1, ref st);
            case OperandKind.IcOp: return Named(spec, op, SideTables.IcOps, "ic operation", -1, ref st);
            case OperandKind.AtOp: return Named(spec, op, SideTables.AtOps, "at operation", -1, ref st);
            case OperandKind.TlbiOp: return Named(spec, op, SideTables.TlbiOps, "tlbi operation", -1, ref st);
            case OperandKind.Barrier: return Named(spec, op, SideTables.Barriers, "barrier option", 15, ref st);
            case OperandKind.IsbOpt:
                if (WrittenName(op) is { } n && n.Equals("sy", StringComparison.OrdinalIgnoreCase))
                {
                    st.Word = spec.F0.Insert(st.Word, 15);
                    return OperandMatch.Ok;
                }
                return Unsigned(spec, op, ref st);
            case OperandKind.BtiTarget: return Named(spec, op, SideTables.BtiTargets, "bti target", -1, ref st);
            case OperandKind.BarrierNxs:
                // #16, #20, #24, #28 are the nXS options by number; any other number is dsb's, whose range GNU gives.
                if (op is ImmOperand { Name: null } nxs)
                {
                    if (nxs.Value is not (16 or 20 or 24 or 28)) return st.Range(nxs.Value, 0, 15);
                    PutConcatenated(spec, (uint)(nxs.Value - 16) >> 2, ref st);
                    return OperandMatch.Ok;
                }
                return Named(spec, op, SideTables.BarrierNxsOptions, "barrier option", -1, ref st);
            case OperandKind.PrfOp: return Named(spec, op, SideTables.PrefetchOps, "prefetch operation", 31, ref st);
            case OperandKind.SysCr:
                if (WrittenName(op) is { } cr && cr.Length is 2 or 3 && (cr[0] | 0x20) == 'c'
                    && int.TryParse(cr.AsSpan(1), out int crn) && crn is >= 0 and <= 15)
                {
                    st.Word = spec.F0.Insert(st.Word, (uint)crn);
                    return OperandMatch.Ok;
                }
                return st.Shape(spec.Kind);
            default:
                throw new UnhandledOperandKindException(spec.Kind, "encoder");
        }
    }

    /// <summary>The word a name operand was written as: a symbol's, or a defined symbol's that the ISA also names.</summary>
    static string? WrittenName(Operand op) => op switch
    {
        SymbolOperand s => s.Name,
        ImmOperand { Name: { } name } => name,
        _ => null,
    };

    /// <summary>casp's register pairs: an even register and the next one, as two operands.</summary>
    internal static OperandMatch Pair(OperandSpec spec, Operand op, ReadOnlySpan<Operand> all, int index, ref EncodeState st)
    {
        var cls = spec.Param == 64 ? RegClass.X : RegClass.W;
        if (op is not RegOperand { Reg: var first } || first.Class != cls || first.IsSp) return st.Shape(spec.Kind);
        if (index + 1 >= all.Length || all[index + 1] is not RegOperand { Reg: var second } || second.Class != cls) return st.Shape(spec.Kind);
        if ((first.Num & 1) != 0 || second.Num != first.Num + 1) return st.Message("expected an even register and the next one");
        st.Word = spec.F0.Insert(st.Word, first.Num);
        st.Extra = 1;
        return OperandMatch.Ok;
    }

    /// <summary>GNU as's words for a name that is no system register (or PSTATE field, for msr).</summary>
    const string UnknownSystemRegister = "unknown or missing system register name";

    /// <summary>GNU as's words for a name a side table lacks: dc/ic/at/tlbi operations and system registers by
    /// name; a barrier or prefetch option, which may be a number, wants a constant.</summary>
    static string UnknownName(OperandKind kind) => kind switch
    {
        OperandKind.DcOp or OperandKind.IcOp or OperandKind.AtOp or OperandKind.TlbiOp => "unknown or missing operation name",
        OperandKind.PState or OperandKind.SvcrField => UnknownSystemRegister,
        OperandKind.BtiTarget => "unknown option to BTI",
        _ => "constant expression required",
    };

    /// <summary>A name from a side table, or (when maxImmediate &gt;= 0) a plain #imm.</summary>
    static OperandMatch Named(OperandSpec spec, Operand op, NameTable table, string what, int maxImmediate, ref EncodeState st)
    {
        int value;
        if (op is SymbolOperand { Modifier: RelocModifier.None } sym)
        {
            // GNU finds an unknown name while parsing: a syntax error, below a surplus operand of another row.
            if (!table.TryGetValue(sym.Name, out value)) return st.Syntax(UnknownName(spec.Kind));
            value = WithoutRegisterFlag(spec, value, ref st);
            NeedsOfName(spec, table, sym.Name, ref st);
        }
        else if (op is ImmOperand { Name: { } name } && table.TryGetValue(name, out value))
        {
            value = WithoutRegisterFlag(spec, value, ref st);
            NeedsOfName(spec, table, name, ref st);
        }
        else if (maxImmediate >= 0 && op is ImmOperand imm)
        {
            if (imm.Value < 0 || imm.Value > maxImmediate) return st.Range(imm.Value, 0, maxImmediate);
            value = (int)imm.Value;
        }
        else return st.Shape(spec.Kind);
        PutConcatenated(spec, (uint)value, ref st);
        return OperandMatch.Ok;
    }

    // GNU names the PSTATE field or operation (as a "system register") the selection lacks.
    static void NeedsOfName(OperandSpec spec, NameTable table, string name, ref EncodeState st)
    {
        var needs = table.NeedsOf(name);
        if (needs.Length == 0) return;
        st.NameNeeds = needs;
        string lower = name.ToLowerInvariant();
        st.NameRefusal = spec.Kind is OperandKind.PState or OperandKind.SvcrField
            ? SideTables.PStateNotSupported(lower) : SideTables.NotSupported(lower);
    }

    static int WithoutRegisterFlag(OperandSpec spec, int value, ref EncodeState st)
    {
        if (spec.Kind is OperandKind.IcOp or OperandKind.TlbiOp or OperandKind.DcOp or OperandKind.AtOp)
            st.OperationRegister = (value & SideTables.NoRegister) != 0 ? (sbyte)-1 : (sbyte)1;
        return value & ~SideTables.NoRegister;
    }

    /// <summary>A named system register or the generic s&lt;op0&gt;_&lt;op1&gt;_c&lt;n&gt;_c&lt;m&gt;_&lt;op2&gt;.</summary>
    static OperandMatch SystemRegister(OperandSpec spec, Operand op, ref EncodeState st)
    {
        string written;
        if (op is ImmOperand { Name: { } name }) written = name;
        else if (op is SymbolOperand { Modifier: RelocModifier.None } sym) written = sym.Name;
        else return st.Shape(spec.Kind);
        int value;
        if (SideTables.SysRegs.TryGet(written, out var register))
        {
            value = register.Encoding;
            bool read = (st.Word & 1u << 21) != 0;   // mrs has L = 1
            st.NameNeeds = register.Needs;
            st.NameRefusal = register.NotSupportedMessage(read);
            st.Warning = register.DeprecationWarning ?? register.AccessWarning(read);
        }
        else if (!TryParseGenericSysReg(written, out value))
            return op is ImmOperand ? st.Shape(spec.Kind) : st.Syntax(UnknownSystemRegister);
        // op0 is 2 or 3, so its high bit is implied by the form (bit 20 = 1): only o0 is stored.
        PutConcatenated(spec, (uint)value & 0x7fff, ref st);
        return OperandMatch.Ok;
    }

    /// <param name="op0Zero">true: only op0 = 0 (the msr space of PSTATE and hints); false: only op0 2 or 3.</param>
    internal static bool TryParseGenericSysReg(string name, out int value, bool op0Zero = false)
    {
        value = 0;
        var parts = name.ToLowerInvariant().Split('_');
        if (parts.Length != 5 || parts[0].Length < 2 || parts[0][0] != 's' || parts[2].Length < 2 || parts[2][0] != 'c'
            || parts[3].Length < 2 || parts[3][0] != 'c') return false;
        if (!int.TryParse(parts[0].AsSpan(1), out int op0) || !int.TryParse(parts[1], out int op1)
            || !int.TryParse(parts[2].AsSpan(1), out int crn) || !int.TryParse(parts[3].AsSpan(1), out int crm)
            || !int.TryParse(parts[4], out int op2)) return false;
        if ((op0Zero ? op0 != 0 : op0 is < 2 or > 3) || op1 > 7 || crn > 15 || crm > 15 || op2 > 7 || op1 < 0 || crn < 0 || crm < 0 || op2 < 0) return false;
        value = op0 << 14 | op1 << 11 | crn << 7 | crm << 3 | op2;
        return true;
    }
}
