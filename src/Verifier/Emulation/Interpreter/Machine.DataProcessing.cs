using System.Runtime.CompilerServices;
using A64Asm.Isa.Decoding;
using A64Asm.Isa.Operands;

namespace A64Asm.Verifier.Emulation;

/// <summary>Integer data processing: add/sub, logical, move wide, bitfield, extract, shifts, multiply, divide, select.</summary>
public sealed partial class Machine
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int ShiftIndex(ShiftKind kind) => kind switch
    {
        ShiftKind.Lsr => 1,
        ShiftKind.Asr => 2,
        ShiftKind.Ror => 3,
        _ => 0,
    };

    /// <summary>The shifted-register operand (Rm shifted by Shift/Amount).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ulong ShiftedRm(in Instruction i, bool is64) =>
        is64 ? Alu.Shift64(Cpu.X[i.Rm], ShiftIndex(i.Shift), i.Amount & 63)
             : Alu.Shift32((uint)Cpu.X[i.Rm], ShiftIndex(i.Shift), i.Amount & 31);

    /// <summary>The extended-register operand; LSL in an extended form means UXTX (UXTW for 32 bits).</summary>
    private ulong ExtendedRm(in Instruction i, bool is64)
    {
        int kind = i.Shift switch
        {
            ShiftKind.Uxtb => 0, ShiftKind.Uxth => 1, ShiftKind.Uxtw => 2, ShiftKind.Uxtx => 3,
            ShiftKind.Sxtb => 4, ShiftKind.Sxth => 5, ShiftKind.Sxtw => 6, ShiftKind.Sxtx => 7,
            _ => is64 ? 3 : 2,
        };
        ulong v = Alu.Extend(Cpu.X[i.Rm], kind, i.Amount);
        return is64 ? v : (uint)v;
    }

    /// <summary>ADD/ADDS/SUB/SUBS: the first operand may be SP (immediate and extended forms), the result SP unless flags are set.</summary>
    private void AddSub(in Instruction i, ulong operand2, bool is64, bool sub, bool setFlags, bool rnIsSp)
    {
        ulong n = rnIsSp ? Cpu.Xsp(i.Rn) : Cpu.X[i.Rn];
        ulong carry = sub ? 1UL : 0UL;
        ulong result;
        uint flags;
        if (is64) result = Alu.Add64(n, sub ? ~operand2 : operand2, carry, out flags);
        else result = Alu.Add32((uint)n, (uint)(sub ? ~operand2 : operand2), (uint)carry, out flags);
        if (setFlags) { Cpu.Nzcv = flags; Cpu.SetXzr(i.Rd, result); }
        else if (rnIsSp) Cpu.SetXsp(i.Rd, result);
        else Cpu.SetXzr(i.Rd, result);
    }

    /// <summary>ADC/ADCS/SBC/SBCS.</summary>
    private void AddSubCarry(in Instruction i, bool is64, bool sub, bool setFlags)
    {
        ulong m = Cpu.X[i.Rm];
        ulong carry = Cpu.C ? 1UL : 0UL;
        ulong result;
        uint flags;
        if (is64) result = Alu.Add64(Cpu.X[i.Rn], sub ? ~m : m, carry, out flags);
        else result = Alu.Add32((uint)Cpu.X[i.Rn], (uint)(sub ? ~m : m), (uint)carry, out flags);
        if (setFlags) Cpu.Nzcv = flags;
        Cpu.SetXzr(i.Rd, result);
    }

    private enum LogicOp { And, Orr, Eor }

    /// <summary>AND/ORR/EOR and their inverted-operand forms; ANDS/BICS set N and Z and clear C and V.</summary>
    private void Logical(in Instruction i, ulong operand2, bool is64, LogicOp op, bool invert, bool setFlags, bool rdIsSp)
    {
        ulong n = Cpu.X[i.Rn];
        if (invert) operand2 = ~operand2;
        ulong r = op switch { LogicOp.And => n & operand2, LogicOp.Orr => n | operand2, _ => n ^ operand2 };
        if (!is64) r = (uint)r;
        if (setFlags) Cpu.Nzcv = is64 ? Alu.LogicFlags64(r) : Alu.LogicFlags32((uint)r);
        if (rdIsSp) Cpu.SetXsp(i.Rd, r); else Cpu.SetXzr(i.Rd, r);
    }

    private enum MoveWide { N, Z, K }

    private void MoveWideImm(in Instruction i, bool is64, MoveWide kind)
    {
        int shift = i.Amount;
        ulong imm = (ulong)(i.Imm & 0xFFFF) << shift;
        ulong r = kind switch
        {
            MoveWide.Z => imm,
            MoveWide.N => ~imm,
            _ => (Cpu.X[i.Rd] & ~(0xFFFFUL << shift)) | imm,
        };
        Cpu.SetXzr(i.Rd, is64 ? r : (uint)r);
    }

    private void BitfieldMove(in Instruction i, bool is64, bool signed, bool inzero)
    {
        int size = is64 ? 64 : 32;
        ulong r = Alu.Bitfield(Cpu.X[i.Rd], Cpu.X[i.Rn], (int)i.Imm, (int)i.Imm2, size, signed, inzero);
        Cpu.SetXzr(i.Rd, r);
    }

    private void Extract(in Instruction i, bool is64)
    {
        int lsb = (int)i.Imm;   // EXTR's only immediate (imms) is the lsb
        ulong r;
        if (is64) r = lsb == 0 ? Cpu.X[i.Rm] : (Cpu.X[i.Rm] >> lsb) | (Cpu.X[i.Rn] << (64 - lsb));
        else
        {
            ulong concat = ((ulong)(uint)Cpu.X[i.Rn] << 32) | (uint)Cpu.X[i.Rm];
            r = (uint)(concat >> lsb);
        }
        Cpu.SetXzr(i.Rd, r);
    }

    /// <summary>LSLV/LSRV/ASRV/RORV: the shift amount is Rm modulo the register width.</summary>
    private void ShiftVariable(in Instruction i, bool is64, int kind)
    {
        ulong r = is64 ? Alu.Shift64(Cpu.X[i.Rn], kind, (int)(Cpu.X[i.Rm] & 63))
                       : Alu.Shift32((uint)Cpu.X[i.Rn], kind, (int)(Cpu.X[i.Rm] & 31));
        Cpu.SetXzr(i.Rd, r);
    }

    private void Divide(in Instruction i, bool is64, bool signed) =>
        Cpu.SetXzr(i.Rd, Alu.Divide(Cpu.X[i.Rn], Cpu.X[i.Rm], signed, is64 ? 64 : 32));

    /// <summary>MADD/MSUB: Ra ± Rn * Rm.</summary>
    private void MultiplyAdd(in Instruction i, bool is64, bool sub)
    {
        ulong product = Cpu.X[i.Rn] * Cpu.X[i.Rm];
        ulong r = sub ? Cpu.X[i.Ra] - product : Cpu.X[i.Ra] + product;
        Cpu.SetXzr(i.Rd, is64 ? r : (uint)r);
    }

    /// <summary>SMADDL/SMSUBL/UMADDL/UMSUBL: 32x32 to 64-bit product, added to Xa.</summary>
    private void MultiplyAddLong(in Instruction i, bool signed, bool sub)
    {
        ulong product = signed ? (ulong)((long)(int)Cpu.X[i.Rn] * (int)Cpu.X[i.Rm]) : (ulong)(uint)Cpu.X[i.Rn] * (uint)Cpu.X[i.Rm];
        Cpu.SetXzr(i.Rd, sub ? Cpu.X[i.Ra] - product : Cpu.X[i.Ra] + product);
    }

    private enum SelectOp { Csel, Csinc, Csinv, Csneg }

    private void ConditionalSelect(in Instruction i, bool is64, SelectOp op)
    {
        ulong r;
        if (Alu.ConditionHolds((int)i.Cond, Cpu.Nzcv)) r = Cpu.X[i.Rn];
        else
        {
            ulong m = Cpu.X[i.Rm];
            r = op switch { SelectOp.Csel => m, SelectOp.Csinc => m + 1, SelectOp.Csinv => ~m, _ => 0 - m };
        }
        Cpu.SetXzr(i.Rd, is64 ? r : (uint)r);
    }

    /// <summary>CCMP/CCMN: compare when the condition holds, else set NZCV to the immediate flags.</summary>
    private void ConditionalCompare(in Instruction i, bool is64, bool negate, ulong operand2)
    {
        if (!Alu.ConditionHolds((int)i.Cond, Cpu.Nzcv)) { Cpu.Nzcv = (uint)(i.Imm2 & 15) << 28; return; }
        uint flags;
        if (is64) Alu.Add64(Cpu.X[i.Rn], negate ? operand2 : ~operand2, negate ? 0UL : 1UL, out flags);
        else Alu.Add32((uint)Cpu.X[i.Rn], (uint)(negate ? operand2 : ~operand2), negate ? 0u : 1u, out flags);
        Cpu.Nzcv = flags;
    }

    private void SetX(in Instruction i, ulong value, bool is64) => Cpu.SetXzr(i.Rd, is64 ? value : (uint)value);
}
