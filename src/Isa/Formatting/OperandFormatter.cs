using System.Text;
using A64Asm.Isa.Decoding;
using A64Asm.Isa.Model;
using A64Asm.Isa.Tables;

namespace A64Asm.Isa.Formatting;

/// <summary>Per operand kind, the text objdump prints. Returns false to omit an optional operand at its default.</summary>
internal static class OperandFormatter
{
    static readonly string[] ShiftNames = ["lsl", "lsr", "asr", "ror"];
    static readonly string[] ExtendNames = ["uxtb", "uxth", "uxtw", "uxtx", "sxtb", "sxth", "sxtw", "sxtx"];

    public static bool Append(StringBuilder sb, OperandSpec spec, ref FormatContext ctx)
    {
        uint w = ctx.Word;
        uint f0 = spec.Fields.Length > 0 ? spec.F0.Extract(w) : 0;
        if (spec.Kind == OperandKind.X && spec.Optional && ctx.OperationRegister != 0)
        {
            if (ctx.OperationRegister < 0) return false;
            Gp(sb, f0, true, false);
            return true;
        }
        if (spec.Optional && IsDefault(spec, w)) return false;
        switch (spec.Kind)
        {
            case OperandKind.W: Gp(sb, f0, false, false); return true;
            case OperandKind.X: Gp(sb, f0, true, false); return true;
            case OperandKind.Wsp: Gp(sb, f0, false, true); return true;
            case OperandKind.Xsp: Gp(sb, f0, true, true); return true;
            case OperandKind.TbReg: Gp(sb, f0, spec.F1.Extract(w) != 0, false); return true;
            case OperandKind.AddImm:
                Hex.Append(sb.Append("#0x"), f0);
                if (spec.F1.Extract(w) != 0) sb.Append(", lsl #12");
                return true;
            case OperandKind.LogImm:
            case OperandKind.MovLogImm:
            case OperandKind.BicImm:
                Encoding.BitmaskImmediate.TryDecode(f0, spec.F1.Extract(w), spec.F2.Extract(w), spec.Param, out ulong mask);
                if (spec.Kind == OperandKind.BicImm) mask = spec.Param == 32 ? ~mask & 0xffff_ffff : ~mask;
                Hex.Append(sb.Append("#0x"), mask);
                return true;
            case OperandKind.ShiftA:
            case OperandKind.ShiftL:
            {
                uint amount = spec.F1.Extract(w);
                if (f0 == 0 && amount == 0) return false;
                sb.Append(ShiftNames[f0]).Append(" #").Append(amount);
                return true;
            }
            case OperandKind.ExtendA: AppendExtend(sb, spec, w); return true;
            case OperandKind.UImm:
            {
                uint v = OperandDecoder.Concatenated(spec, w);
                ctx.LastImm = v;
                sb.Append('#').Append(v);
                return true;
            }
            case OperandKind.UImmX:
                Hex.Append(sb.Append("#0x"), OperandDecoder.Concatenated(spec, w));
                return true;
            case OperandKind.Csync:
                sb.Append("csync");
                return true;
            case OperandKind.Rctx:
                sb.Append("rctx");
                return true;
            case OperandKind.Nzcv:
                Hex.Append(sb.Append("#0x"), f0);
                return true;
            case OperandKind.MovImm:
                Hex.Append(sb.Append("#0x"), f0);
                if (spec.F1.Extract(w) != 0) sb.Append(", lsl #").Append(16 * spec.F1.Extract(w));
                return true;
            case OperandKind.MovzImm:
            case OperandKind.MovnImm:
            {
                ulong v = (ulong)f0 << (int)(16 * spec.F1.Extract(w));
                if (spec.Kind == OperandKind.MovnImm) v = spec.Param == 64 ? ~v : ~v & 0xffff_ffff;
                Hex.Append(sb.Append("#0x"), v);
                return true;
            }
            case OperandKind.LslImm:
                sb.Append('#').Append(spec.Param - 1 - spec.F1.Extract(w));
                return true;
            case OperandKind.BfxWidth:
                sb.Append('#').Append(f0 - ctx.LastImm + 1);
                return true;
            case OperandKind.BfizLsb:
                sb.Append('#').Append((spec.Param - f0) % spec.Param);
                return true;
            case OperandKind.BfizWidth:
                sb.Append('#').Append(f0 + 1);
                return true;
            case OperandKind.Label26: case OperandKind.CallLabel26: case OperandKind.Label19:
            case OperandKind.LitLabel19: case OperandKind.Label14: case OperandKind.AdrLabel: case OperandKind.AdrpLabel:
            {
                long imm = ctx.HasImm ? ctx.Imm : A64Decoder.Decode(w).Imm;
                ulong target = spec.Kind == OperandKind.AdrpLabel ? (ctx.Pc & ~0xfffUL) + (ulong)imm : ctx.Pc + (ulong)imm;
                Hex.Append(sb.Append("0x"), target);
                return true;
            }
            case OperandKind.TbBit:
                sb.Append('#').Append(f0 << 5 | spec.F1.Extract(w));
                return true;
            case OperandKind.Cond:
                sb.Append(SideTables.Conditions.NameOf((int)f0));
                return true;
            case OperandKind.InvCond:
                sb.Append(SideTables.Conditions.NameOf((int)f0 ^ 1));
                return true;
            case OperandKind.SysReg:
            {
                int v = 0x8000 | (int)OperandDecoder.Concatenated(spec, w);
                // mrs (L = 1) and msr name a shared encoding differently (dbgdtrrx_el0 / dbgdtrtx_el0).
                sb.Append(SideTables.SysRegs.NameOf(v, read: (w & 1u << 21) != 0) ?? $"s{v >> 14}_{(v >> 11) & 7}_c{(v >> 7) & 15}_c{(v >> 3) & 15}_{v & 7}");
                return true;
            }
            case OperandKind.SysReg0:
                sb.Append("s0_").Append(f0).Append("_c").Append(spec.F1.Extract(w)).Append("_c").Append(spec.F2.Extract(w))
                  .Append('_').Append(spec.Fields[3].Extract(w));
                return true;
            case OperandKind.SysCr: sb.Append('C').Append(f0); return true;
            case OperandKind.PState: return AppendNamed(sb, SideTables.PStateFields, spec, w);
            case OperandKind.DcOp: return AppendNamed(sb, SideTables.DcOps, spec, w);
            case OperandKind.IcOp:
                ctx.OperationRegister = OperationRegister(SideTables.IcOps, spec, w);
                return AppendNamed(sb, SideTables.IcOps, spec, w);
            case OperandKind.AtOp: return AppendNamed(sb, SideTables.AtOps, spec, w);
            case OperandKind.TlbiOp:
                ctx.OperationRegister = OperationRegister(SideTables.TlbiOps, spec, w);
                return AppendNamed(sb, SideTables.TlbiOps, spec, w);
            case OperandKind.Barrier:
                // objdump prints unnamed barrier options with two hex digits.
                if (SideTables.Barriers.NameOf((int)f0) is { } barrier) sb.Append(barrier);
                else Hex.Append(sb.Append("#0x"), f0, 2);
                return true;
            case OperandKind.PrfOp:
                // objdump prints unnamed prefetch operations with two hex digits, as barrier options.
                if (SideTables.PrefetchOps.NameOf((int)f0) is { } prfop) sb.Append(prfop);
                else Hex.Append(sb.Append("#0x"), f0, 2);
                return true;
            case OperandKind.BtiTarget: return AppendNamed(sb, SideTables.BtiTargets, spec, w);
            case OperandKind.BarrierNxs: return AppendNamed(sb, SideTables.BarrierNxsOptions, spec, w);
            case OperandKind.Pair:
                Gp(sb, f0, spec.Param == 64, false);
                sb.Append(", ");
                Gp(sb, f0 + 1, spec.Param == 64, false);
                return true;
            case OperandKind.IsbOpt:
                Hex.Append(sb.Append("#0x"), f0);
                return true;
            case OperandKind.Fp:
                sb.Append(spec.Param switch { 1 => 'b', 2 => 'h', 4 => 's', 8 => 'd', _ => 'q' }).Append(f0);
                return true;
            case OperandKind.FpImm:
                sb.Append('#').Append(Encoding.FpImmediate.Expand(OperandDecoder.Concatenated(spec, w)).ToString("0.000000000000000000e+00", System.Globalization.CultureInfo.InvariantCulture));
                return true;
            case OperandKind.FpZero: sb.Append("#0.0"); return true;
            case OperandKind.Zero0: sb.Append("#0"); return true;
            case OperandKind.V:
                sb.Append('v').Append(f0).Append('.').Append(Encoding.OperandEncoder.ArrangementName(spec.Param));
                return true;
            case OperandKind.VElem:
                sb.Append('v').Append(f0).Append('.').Append(Encoding.OperandEncoder.ArrangementName(spec.Param)).Append('[').Append(OperandDecoder.Index(spec, w)).Append(']');
                return true;
            case OperandKind.VImm8:
                Hex.Append(sb.Append("#0x"), (f0 << 5 | spec.F1.Extract(w)));
                if (spec.F2.Extract(w) != 0) sb.Append(", lsl #").Append(8 * spec.F2.Extract(w));
                return true;
            case OperandKind.VLane:
                AppendList(sb, f0, spec.Param, Encoding.OperandEncoder.ArrangementName((int)OperandDecoder.LaneArrangement(spec)));
                sb.Append('[').Append(OperandDecoder.Index(spec, w)).Append(']');
                return true;
            case OperandKind.VList:
            case OperandKind.VStruct:
                AppendList(sb, f0, spec.Param, Encoding.OperandEncoder.ArrangementName(1 + (int)(spec.F2.Extract(w) << 1 | spec.F1.Extract(w))));
                return true;
            case OperandKind.VTbl:
                AppendList(sb, f0, spec.Param, "16b");
                return true;
            case OperandKind.VShr: sb.Append('#').Append(spec.Param - OperandDecoder.Concatenated(spec, w)); return true;
            case OperandKind.VShl: sb.Append('#').Append(OperandDecoder.Concatenated(spec, w)); return true;
            case OperandKind.MemPostList:
                sb.Append('[');
                Gp(sb, f0, true, true);
                sb.Append("], ");
                if (spec.F1.Extract(w) == 31) sb.Append('#').Append(OperandDecoder.PostBytes(w));
                else Gp(sb, spec.F1.Extract(w), true, false);
                return true;
            case OperandKind.Movi64:
            {
                uint bits = OperandDecoder.Concatenated(spec, w);
                ulong bytes = 0;
                for (int b = 0; b < 8; b++) if ((bits >> b & 1) != 0) bytes |= 0xffUL << (8 * b);
                Hex.Append(sb.Append("#0x"), bytes);
                return true;
            }
            case OperandKind.MemOff12: case OperandKind.MemOff9: case OperandKind.MemPre9: case OperandKind.MemPost9:
            case OperandKind.MemOff7: case OperandKind.MemPre7: case OperandKind.MemPost7:
            case OperandKind.MemBase: case OperandKind.MemReg:
                return AppendMemory(sb, spec, w);
            case OperandKind.Rot4: case OperandKind.Rot2:
                sb.Append('#').Append(Encoding.OperandEncoder.RotationDegrees(spec, f0));
                return true;
            case OperandKind.SImm:
                sb.Append('#').Append(OperandDecoder.SignExtend(OperandDecoder.Concatenated(spec, w), spec.Width));
                return true;
            case OperandKind.MopsAddr:
                sb.Append('[');
                Gp(sb, f0, true, false);
                sb.Append("]!");
                return true;
            case OperandKind.MopsCount:
                Gp(sb, f0, true, false);
                sb.Append('!');
                return true;
            case OperandKind.MopsSrc: Gp(sb, f0, true, false); return true;
            case OperandKind.ByteImm:
                Hex.Append(sb.Append("#0x"), OperandDecoder.Concatenated(spec, w));
                return true;
            case OperandKind.UImmScaled:
                Hex.Append(sb.Append("#0x"), OperandDecoder.Concatenated(spec, w) * (ulong)spec.Param);
                return true;
            case OperandKind.Ls64: Gp(sb, f0, true, false); return true;
            case OperandKind.MemTag: case OperandKind.MemTagPre: case OperandKind.MemTagPost:
            case OperandKind.MemPac: case OperandKind.MemPacPre:
                AppendScaledAddress(sb, spec, w);
                return true;
            case OperandKind.VTop:
                sb.Append('v').Append(f0).Append(".d[1]");
                return true;
            case OperandKind.VImmMsl:
                Hex.Append(sb.Append("#0x"), f0 << 5 | spec.F1.Extract(w));
                sb.Append(", msl #").Append(spec.F2.Extract(w) != 0 ? 16 : 8);
                return true;
            case OperandKind.FixedShift:
                sb.Append('#').Append(spec.Param);
                return true;
            case OperandKind.SvcrField: return AppendNamed(sb, SideTables.SvcrFields, spec, w);
            case OperandKind.SmeMode:
                // Both (11) is the operand left out, which IsDefault has already said.
                sb.Append(f0 == 1 ? "sm" : "za");
                return true;
            default:
                throw new UnhandledOperandKindException(spec.Kind, "formatter");
        }
    }

    /// <summary>objdump leaves out a zero offset, except that stg and its kin keep "#0" when pre-indexed
    /// ("stg x0, [x1, #0]!" but "ldraa x0, [x1]!").</summary>
    static void AppendScaledAddress(StringBuilder sb, OperandSpec spec, uint w)
    {
        long offset = OperandDecoder.ScaledOffset(spec, w);
        sb.Append('[');
        Gp(sb, spec.F0.Extract(w), true, true);
        switch (spec.Kind)
        {
            case OperandKind.MemTagPost: sb.Append("], #").Append(offset); return;
            case OperandKind.MemTagPre: sb.Append(", #").Append(offset).Append("]!"); return;
        }
        if (offset != 0) sb.Append(", #").Append(offset);
        sb.Append(spec.Kind == OperandKind.MemPacPre ? "]!" : "]");
    }

    /// <summary>objdump writes two registers as a comma list and longer lists as a range (a comma list when they wrap past v31).</summary>
    static void AppendList(StringBuilder sb, uint first, int count, string arrangement)
    {
        sb.Append('{');
        if (count <= 2 || first + count - 1 > 31)
        {
            for (int i = 0; i < count; i++)
            {
                if (i > 0) sb.Append(", ");
                sb.Append('v').Append((first + i) % 32).Append('.').Append(arrangement);
            }
        }
        else sb.Append('v').Append(first).Append('.').Append(arrangement).Append("-v").Append((first + count - 1) % 32).Append('.').Append(arrangement);
        sb.Append('}');
    }

    static sbyte OperationRegister(NameTable table, OperandSpec spec, uint w)
    {
        int v = (int)OperandDecoder.Concatenated(spec, w);
        return table.NameOf(v) is null ? (sbyte)0 : table.TakesNoRegister(v) ? (sbyte)-1 : (sbyte)1;
    }

    static bool IsDefault(OperandSpec spec, uint w)
    {
        if (spec.F0.Extract(w) != (uint)spec.Default) return false;
        for (int i = 1; i < spec.Fields.Length; i++)
            if (spec.Fields[i].Extract(w) != 0) return false;
        return true;
    }

    internal static void Gp(StringBuilder sb, uint num, bool is64, bool sp)
    {
        if (num == 31) sb.Append(sp ? (is64 ? "sp" : "wsp") : (is64 ? "xzr" : "wzr"));
        else sb.Append(is64 ? 'x' : 'w').Append(num);
    }

    static bool AppendNamed(StringBuilder sb, NameTable table, OperandSpec spec, uint w)
    {
        uint v = OperandDecoder.Concatenated(spec, w);
        var name = table.NameOf((int)v);
        if (name is not null) sb.Append(name);
        else Hex.Append(sb.Append("#0x"), v);
        return true;
    }

    /// <summary>Rm with its extend; "lsl" (or nothing) stands for uxtx/uxtw when Rd or Rn is SP, as objdump prints.</summary>
    static void AppendExtend(StringBuilder sb, OperandSpec spec, uint w)
    {
        uint rm = spec.F0.Extract(w), option = spec.F1.Extract(w), amount = spec.F2.Extract(w);
        bool is64 = spec.Param == 64;
        Gp(sb, rm, is64 && (option & 3) == 3, false);
        // Rd is SP only in the forms that do not set flags (bit 29 clear).
        bool spForm = ((w >> 5) & 31) == 31 || ((w & 31) == 31 && (w & (1u << 29)) == 0);
        uint lslOption = is64 ? 3u : 2u;
        if (spForm && option == lslOption)
        {
            if (amount != 0) sb.Append(", lsl #").Append(amount);
            return;
        }
        sb.Append(", ").Append(ExtendNames[option]);
        if (amount != 0) sb.Append(" #").Append(amount);
    }

    static bool AppendMemory(StringBuilder sb, OperandSpec spec, uint w)
    {
        uint rn = spec.F0.Extract(w);
        sb.Append('[');
        Gp(sb, rn, true, true);
        switch (spec.Kind)
        {
            case OperandKind.MemBase:
                sb.Append(']');
                return true;
            case OperandKind.MemReg:
            {
                uint rm = spec.F1.Extract(w), option = spec.F2.Extract(w), s = spec.Fields[3].Extract(w);
                sb.Append(", ");
                Gp(sb, rm, (option & 1) != 0, false);
                int log2 = spec.Param switch { 1 => 0, 2 => 1, 4 => 2, 8 => 3, _ => 4 };
                if (option == 3)
                {
                    if (s != 0) sb.Append(", lsl #").Append(log2);
                }
                else
                {
                    sb.Append(", ").Append(ExtendNames[option]);
                    if (s != 0) sb.Append(" #").Append(log2);
                }
                sb.Append(']');
                return true;
            }
        }
        long offset = spec.Kind switch
        {
            OperandKind.MemOff12 => spec.F1.Extract(w) * (long)spec.Param,
            OperandKind.MemOff9 or OperandKind.MemPre9 or OperandKind.MemPost9 => (long)((ulong)spec.F1.Extract(w) << 55) >> 55,
            OperandKind.MemOff7 or OperandKind.MemPre7 or OperandKind.MemPost7 => ((long)((ulong)spec.F1.Extract(w) << 57) >> 57) * spec.Param,
            _ => throw new UnhandledOperandKindException(spec.Kind, "formatter"),
        };
        switch (OperandKinds.ModeOf(spec.Kind, "formatter"))
        {
            case Operands.AddrMode.PostIndex:
                sb.Append("], #").Append(offset);
                return true;
            case Operands.AddrMode.PreIndex:
                sb.Append(", #").Append(offset).Append("]!");
                return true;
            default:
                if (offset != 0) sb.Append(", #").Append(offset);
                sb.Append(']');
                return true;
        }
    }
}
