using A64Asm.Isa.Operands;

namespace A64Asm.Isa.Decoding;

/// <summary>
/// A decoded instruction: its form id and operand values, already transformed (scaled, sign-extended, shifted)
/// so a consumer never reads raw bits. Which members a form uses is listed per family in src/Isa/README.md;
/// unused members are zero. Register numbers are 0..31; whether 31 means SP or ZR follows from the form
/// (its doc comment on <see cref="Isa.Code"/> names the kinds, e.g. Xsp = SP, X = XZR).
/// </summary>
public struct Instruction
{
    public Code Code;
    /// <summary>The raw word (for the formatter and `explain`).</summary>
    public uint Word;
    public byte Rd, Rn, Rm, Ra, Rt, Rt2, Rs;
    /// <summary>The main immediate: add/sub value after LSL #12, logical bitmask, branch/literal byte offset,
    /// memory byte offset (scaled, signed), move-wide imm16, bitfield immr, system immediate, ...</summary>
    public long Imm;
    /// <summary>The second immediate: bitfield imms, test-bit number, ccmp nzcv, extract lsb, ...</summary>
    public long Imm2;
    /// <summary>Shift or extend applied to the register operand (or move-wide LSL), with its amount.</summary>
    public ShiftKind Shift;
    public byte Amount;
    public Cond Cond;
    /// <summary>Addressing mode of memory forms: Offset, PreIndex (writeback before) or PostIndex.</summary>
    public AddrMode Mode;
    /// <summary>System register / operation as op0:op1:CRn:CRm:op2 packed into bits 15..0 (op0 in 15..14).</summary>
    public ushort Sys;
    /// <summary>Vector arrangement of list operands (ld1/st1), decoded from Q:size; other vector forms imply it by Code.</summary>
    public Arrangement Arrangement;

    public readonly bool IsValid => Code != Code.Invalid;
}
