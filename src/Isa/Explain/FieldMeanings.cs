using A64Asm.Isa.Decoding;
using A64Asm.Isa.Model;

namespace A64Asm.Isa.Explain;

/// <summary>
/// What a field's value means, from the operand kind that binds it and the field's place among that kind's
/// fields (the order the table's operand declaration gives, e.g. MemOff7(Rn, imm7)). Values come from the
/// decoder's <see cref="Instruction"/> or the field itself; no bit positions are known here.
/// </summary>
internal static class FieldMeanings
{
    public static string Describe(OperandSpec spec, int index, in Instruction ins, string? operandText, ulong pc)
    {
        uint v = spec.Fields[index].Extract(ins.Word);
        int width = spec.Fields[index].Width;
        switch (spec.Kind)
        {
            case OperandKind.W: case OperandKind.X: case OperandKind.Wsp: case OperandKind.Xsp:
                return $"{Role(spec.Slots[index])} {operandText}";
            case OperandKind.Pair:
                return $"{Role(spec.Slots[index])} pair {operandText}";
            case OperandKind.V: case OperandKind.Fp:
                return $"{Role(spec.Slots[index])} {operandText}";
            case OperandKind.VElem:
                return index == 0 ? $"{Role(spec.Slots[index])} v{v} (one element of it: {operandText})"
                    : $"bit of the element index → {operandText}";
            case OperandKind.VList: case OperandKind.VStruct: case OperandKind.VLane:
                return index == 0 ? $"first register of the list {operandText}"
                    : spec.Kind != OperandKind.VLane && index == 1 ? (v == 1 ? "Q = 1: 128-bit registers" : "Q = 0: 64-bit registers")
                    : spec.Kind != OperandKind.VLane ? $"element size {8 << (int)v} bits"
                    : $"bit of the lane index → {operandText}";
            case OperandKind.MemPostList:
                return index == 0 ? BaseRegister(v)
                    : v == 31 ? $"31: post-index by the bytes moved → {operandText}" : $"post-index register x{v}";
            case OperandKind.VImm8:
                return index switch
                {
                    0 => $"bits 7:5 of the immediate 0x{ins.Imm:x}",
                    1 => $"bits 4:0 of the immediate 0x{ins.Imm:x}",
                    _ => $"shift lsl #{8 * v}",
                };
            case OperandKind.TbReg:
                return index == 0 ? $"{Role(spec.Slots[index])} {operandText}"
                    : $"bit 5 of the bit number (1 = x register, 0 = w register)";
            case OperandKind.TbBit:
                return index == 0 ? "bit 5 of the bit number"
                    : $"bits 4:0 of the bit number → bit #{ins.Imm2}";
            case OperandKind.AddImm:
                return index == 0 ? $"immediate {v}" : (v == 0 ? "no shift" : $"lsl #12 → immediate {ins.Imm}");
            case OperandKind.LogImm: case OperandKind.MovLogImm: case OperandKind.BicImm:
                return index switch
                {
                    0 => $"element size bit of the bitmask {operandText}",
                    1 => $"rotation {v} of the bitmask {operandText}",
                    _ => $"element size and run of ones of the bitmask {operandText}",
                };
            case OperandKind.MovImm: case OperandKind.MovzImm: case OperandKind.MovnImm:
                return index == 0 ? $"16-bit immediate 0x{v:x}" : $"shift lsl #{16 * v}";
            case OperandKind.ShiftA: case OperandKind.ShiftL:
                return index == 0 ? $"shift type {ShiftName(v)}" : $"shift amount {v}";
            case OperandKind.ExtendA:
                return index switch
                {
                    0 => $"{Role(spec.Slots[index])} (extended) {RegisterName(v, false, ins.Shift is Isa.Operands.ShiftKind.Uxtx or Isa.Operands.ShiftKind.Sxtx)}",
                    1 => $"extend {ins.Shift.ToString().ToLowerInvariant()}",
                    _ => $"then shift left by {v}",
                };
            case OperandKind.Label26: case OperandKind.CallLabel26: case OperandKind.Label19:
            case OperandKind.LitLabel19: case OperandKind.Label14:
                return $"offset {SignExtend(v, width)} × 4 = {ins.Imm} bytes → target {operandText}";
            case OperandKind.AdrLabel: case OperandKind.AdrpLabel:
            {
                string unit = spec.Kind == OperandKind.AdrpLabel ? "pages" : "bytes";
                return index == 0 ? $"low 2 bits of the offset (immhi:immlo, in {unit})"
                    : $"high bits of the offset → {operandText}";
            }
            case OperandKind.Cond:
                return $"condition {operandText}";
            case OperandKind.InvCond:
                return $"condition stored inverted → {operandText}";
            case OperandKind.MemOff12:
                return index == 0 ? BaseRegister(v)
                    : $"offset {v} × {spec.Param} = {v * spec.Param} bytes";
            case OperandKind.MemOff9: case OperandKind.MemPre9: case OperandKind.MemPost9:
                return index == 0 ? BaseRegister(v) : $"offset {SignExtend(v, width)} bytes{ModeNote(spec.Kind)}";
            case OperandKind.MemOff7: case OperandKind.MemPre7: case OperandKind.MemPost7:
                return index == 0 ? BaseRegister(v)
                    : $"offset {SignExtend(v, width)} × {spec.Param} = {SignExtend(v, width) * spec.Param} bytes{ModeNote(spec.Kind)}";
            case OperandKind.MemBase:
                return BaseRegister(v);
            case OperandKind.MemReg:
                return index switch
                {
                    0 => BaseRegister(v),
                    1 => $"index register {RegisterName(v, false, ins.Shift is Isa.Operands.ShiftKind.Lsl or Isa.Operands.ShiftKind.Sxtx)}",
                    2 => $"index extend {ins.Shift.ToString().ToLowerInvariant()}",
                    _ => v == 0 ? "index not scaled" : $"index scaled by the access size (lsl #{ins.Amount})",
                };
            case OperandKind.UImm: case OperandKind.UImmX: case OperandKind.Csync: case OperandKind.Rctx:
            case OperandKind.Nzcv: case OperandKind.LslImm: case OperandKind.BfxWidth: case OperandKind.BfizLsb:
            case OperandKind.BfizWidth: case OperandKind.SysReg: case OperandKind.SysReg0: case OperandKind.PState:
            case OperandKind.SysCr: case OperandKind.DcOp: case OperandKind.IcOp: case OperandKind.AtOp:
            case OperandKind.TlbiOp: case OperandKind.Barrier: case OperandKind.IsbOpt: case OperandKind.PrfOp:
            case OperandKind.BtiTarget: case OperandKind.BarrierNxs: case OperandKind.FpImm: case OperandKind.FpZero: case OperandKind.Zero0:
            case OperandKind.VTbl: case OperandKind.VShr: case OperandKind.VShl: case OperandKind.Movi64:
                // System registers, barrier options, operations and plain immediates: the operand as printed
                // says it; a field that is only part of it says which operand it belongs to.
                return spec.Fields.Length == 1
                    ? $"{OperandKinds.Describe(spec.Kind)} → {operandText ?? v.ToString()}"
                    : $"part of {OperandKinds.Describe(spec.Kind)} → {operandText}";
            case OperandKind.Rot4: case OperandKind.Rot2:
                return $"rotation of the complex operand → {operandText}";
            case OperandKind.MopsAddr:
                return $"address register x{v}, written back";
            case OperandKind.MopsCount:
                return $"byte count register x{v}, written back";
            case OperandKind.MopsSrc:
                return $"value register {operandText}";
            case OperandKind.ByteImm:
                return $"{(index == 0 ? "bits 7:5" : "bits 4:0")} of the immediate → {operandText}";
            case OperandKind.SImm:
                return $"signed immediate → {operandText}";
            case OperandKind.UImmScaled:
                return $"{v} × {spec.Param} → {operandText}";
            case OperandKind.Ls64:
                return $"first of eight transfer registers x{v}-x{v + 7}";
            case OperandKind.MemTag: case OperandKind.MemTagPre: case OperandKind.MemTagPost:
            case OperandKind.MemPac: case OperandKind.MemPacPre:
                return index == 0 ? BaseRegister(v)
                    : $"{(spec.Fields.Length > 2 ? "part of the " : "")}offset in units of {spec.Param} bytes → {ins.Imm} bytes{ModeNote(spec.Kind)}";
            case OperandKind.VTop:
                return $"{Role(spec.Slots[index])} v{v} (its upper half: {operandText})";
            case OperandKind.VImmMsl:
                return index switch
                {
                    0 => $"bits 7:5 of the immediate 0x{ins.Imm:x}",
                    1 => $"bits 4:0 of the immediate 0x{ins.Imm:x}",
                    _ => $"shift msl #{(v != 0 ? 16 : 8)}: shifted left, ones shifted in",
                };
            case OperandKind.SvcrField:
                return $"PSTATE field {operandText} (01 streaming mode, 10 ZA storage, 11 both)";
            case OperandKind.SmeMode:
                return $"what it switches: {operandText ?? "both streaming mode and ZA storage (11)"}";
            case OperandKind.FixedShift:
                return spec.Fields.Length == 1
                    ? $"{OperandKinds.Describe(spec.Kind)} → {operandText ?? v.ToString()}"
                    : $"part of {OperandKinds.Describe(spec.Kind)} → {operandText}";
            default:
                throw new UnhandledOperandKindException(spec.Kind, "explainer");
        }
    }

    static string Role(Slot slot) => slot switch
    {
        Slot.Rd => "destination register",
        Slot.Rn => "source register",
        Slot.Rm => "second source register",
        Slot.Ra => "addend register",
        Slot.Rt => "transfer register",
        Slot.Rt2 => "second transfer register",
        Slot.Rs => "status register",
        _ => "register",
    };

    static string BaseRegister(uint n) => $"base register {RegisterName(n, true, true)}";

    static string RegisterName(uint n, bool isSp, bool is64) =>
        n != 31 ? $"{(is64 ? 'x' : 'w')}{n}" : isSp ? (is64 ? "sp" : "wsp") : (is64 ? "xzr" : "wzr");

    static string ShiftName(uint v) => v switch { 0 => "lsl", 1 => "lsr", 2 => "asr", _ => "ror" };

    static string ModeNote(OperandKind kind) => OperandKinds.ModeOf(kind, "explainer") switch
    {
        Isa.Operands.AddrMode.PreIndex => ", pre-index: the base is updated before the access",
        Isa.Operands.AddrMode.PostIndex => ", post-index: the base is updated after the access",
        _ => "",
    };

    static long SignExtend(uint v, int bits) => (long)((ulong)v << (64 - bits)) >> (64 - bits);
}
