using System.Runtime.CompilerServices;
using A64Asm.Isa.Decoding;
using A64Asm.Isa.Operands;

namespace A64Asm.Verifier.Emulation;

/// <summary>
/// Integer data processing: add/sub, logical, move wide, bitfield, extract, shifts, multiply, divide, select. Each
/// effect is written once, on register numbers and operand values, so the interpreter's dispatch and the block
/// runner's pre-decoded ops (Blocks/Machine.Blocks.cs) run the same definition.
/// </summary>
public sealed partial class Machine
{
    // The operations the logical and move-wide definitions take as a parameter (the block runner's ops name them too).
    internal enum LogicOp { And, Orr, Eor }

    internal enum MoveWide { N, Z, K }

    /// <summary>The shifted-register operand: Rm shifted by a kind as <see cref="Alu.Shift64"/> numbers them.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ulong ShiftedRm(int rm, int kind, int amount, bool is64) => Alu.ShiftOperand(Cpu.Xzr(rm), kind, amount, is64);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ulong ShiftedRm(in Instruction i, bool is64) => ShiftedRm(i.Rm, Alu.ShiftIndex(i.Shift), i.Amount, is64);

    /// <summary>The extended-register operand; LSL in an extended form means UXTX (UXTW for 32 bits).</summary>
    private ulong ExtendedRm(in Instruction i, bool is64)
    {
        int kind = i.Shift switch
        {
            ShiftKind.Uxtb => 0, ShiftKind.Uxth => 1, ShiftKind.Uxtw => 2, ShiftKind.Uxtx => 3,
            ShiftKind.Sxtb => 4, ShiftKind.Sxth => 5, ShiftKind.Sxtw => 6, ShiftKind.Sxtx => 7,
            _ => is64 ? 3 : 2,
        };
        ulong v = Alu.Extend(Cpu.Xzr(i.Rm), kind, i.Amount);
        return is64 ? v : (uint)v;
    }

    /// <summary>
    /// ADD/ADDS/SUB/SUBS. The immediate and extended forms (<paramref name="spForm"/>) read SP as Rn and, unless
    /// they set flags, write SP as Rd; the shifted forms read and write XZR.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void AddSub(int rd, int rn, ulong operand2, bool is64, bool sub, bool setFlags, bool spForm)
    {
        ulong n = spForm ? Cpu.Xsp(rn) : Cpu.Xzr(rn);
        if (setFlags)
        {
            Cpu.SetXzr(rd, Alu.AddSub(n, operand2, is64, sub, out uint flags));
            Cpu.Nzcv = flags;
        }
        else if (spForm) Cpu.SetXsp(rd, Alu.AddSub(n, operand2, is64, sub));
        else Cpu.SetXzr(rd, Alu.AddSub(n, operand2, is64, sub));
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

    /// <summary>AND/ORR/EOR and their inverted-operand forms; ANDS/BICS set N and Z and clear C and V.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Logical(int rd, int rn, ulong operand2, bool is64, LogicOp op, bool invert, bool setFlags, bool rdIsSp)
    {
        ulong n = Cpu.Xzr(rn);
        if (invert) operand2 = ~operand2;
        ulong r = op switch { LogicOp.And => n & operand2, LogicOp.Orr => n | operand2, _ => n ^ operand2 };
        if (!is64) r = (uint)r;
        if (setFlags) Cpu.Nzcv = is64 ? Alu.LogicFlags64(r) : Alu.LogicFlags32((uint)r);
        if (rdIsSp) Cpu.SetXsp(rd, r); else Cpu.SetXzr(rd, r);
    }

    /// <summary>MOVN/MOVZ/MOVK: the low 16 bits of <paramref name="imm"/> at <paramref name="shift"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void MoveWideImm(int rd, long imm, int shift, bool is64, MoveWide kind)
    {
        ulong v = (ulong)(imm & 0xFFFF) << shift;
        ulong r = kind switch
        {
            MoveWide.Z => v,
            MoveWide.N => ~v,
            _ => (Cpu.Xzr(rd) & ~(0xFFFFUL << shift)) | v,
        };
        Cpu.SetXzr(rd, is64 ? r : (uint)r);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void BitfieldMove(int rd, int rn, int immr, int imms, bool is64, bool signed, bool inzero) =>
        Cpu.SetXzr(rd, Alu.Bitfield(Cpu.Xzr(rd), Cpu.Xzr(rn), immr, imms, is64 ? 64 : 32, signed, inzero));

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
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void ShiftVariable(int rd, int rn, int rm, bool is64, int kind) =>
        Cpu.SetXzr(rd, Alu.ShiftOperand(Cpu.Xzr(rn), kind, (int)Cpu.Xzr(rm), is64));

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
        Alu.AddSub(Cpu.Xzr(i.Rn), operand2, is64, sub: !negate, out uint flags);
        Cpu.Nzcv = flags;
    }

    private void SetX(in Instruction i, ulong value, bool is64) => Cpu.SetXzr(i.Rd, is64 ? value : (uint)value);
}
