namespace A64Asm.Isa.Operands;

/// <summary>The register files an operand can name. Number 31 is SP or ZR as <see cref="Reg.IsSp"/> says.</summary>
public enum RegClass : byte
{
    W, X,            // general purpose, 32 / 64 bit
    B, H, S, D, Q,   // FP/SIMD scalar views
    V,               // FP/SIMD vector register (arrangement in the operand)
}

public readonly record struct Reg(RegClass Class, byte Num, bool IsSp = false)
{
    public bool IsZr => Num == 31 && !IsSp && Class is RegClass.W or RegClass.X;
}

public enum Arrangement : byte
{
    None,
    B8, B16, H4, H8, S2, S4, D1, D2, Q1,
    // element size only, as in v1.s[2] or {v0.d, v1.d}[1]
    B, H, S, D, Q,
    // the 32-bit element groups of the dot products and fp16fml: sdot's v7.4b[1], fmlal's v1.2h, bfdot's v2.2h[3]
    B4, H2,
}

public enum ShiftKind : byte
{
    None,
    Lsl, Lsr, Asr, Ror, Msl,
    Uxtb, Uxth, Uxtw, Uxtx, Sxtb, Sxth, Sxtw, Sxtx,
}

public enum AddrMode : byte { Offset, PreIndex, PostIndex }

public enum Cond : byte
{
    Eq, Ne, Hs, Lo, Mi, Pl, Vs, Vc, Hi, Ls, Ge, Lt, Gt, Le, Al, Nv,
}

/// <summary>Relocation operators written in source: <c>:lo12:sym</c>, <c>:got:sym</c>, ...</summary>
public enum RelocModifier : byte
{
    None,
    Lo12, Got, Got_Lo12,
    // The move-wide groups stay contiguous from Abs_G0 to Abs_G3 and from Prel_G0 to Prel_G3: the encoder tests the ranges.
    Abs_G0, Abs_G0_NC, Abs_G1, Abs_G1_NC, Abs_G2, Abs_G2_NC, Abs_G0_S, Abs_G1_S, Abs_G2_S, Abs_G3,
    Pg_Hi21, Pg_Hi21_NC,
    Prel_G0, Prel_G0_NC, Prel_G1, Prel_G1_NC, Prel_G2, Prel_G2_NC, Prel_G3,
    // GOT and TLS operators: always a relocation (RelocationOperators says where each may stand).
    Gotpage_Lo15, Gotpage_Lo14, Gotoff_Lo15, Gotoff_G0_NC, Gotoff_G1,
    Tlsgd, Tlsgd_Lo12, Tlsgd_G1, Tlsgd_G0_NC, Tlsldm, Tlsldm_Lo12_NC,
    Dtprel_G2, Dtprel_G1, Dtprel_G1_NC, Dtprel_G0, Dtprel_G0_NC, Dtprel_Hi12, Dtprel_Lo12, Dtprel_Lo12_NC,
    Gottprel, Gottprel_Lo12, Gottprel_G1, Gottprel_G0_NC,
    Tprel_G2, Tprel_G1, Tprel_G1_NC, Tprel_G0, Tprel_G0_NC, Tprel_Hi12, Tprel_Lo12, Tprel_Lo12_NC,
    Tlsdesc, Tlsdesc_Lo12, Tlsdesc_Off_G1, Tlsdesc_Off_G0_NC,
}

/// <summary>
/// One operand as written, after the assembler evaluated every expression it could.
/// Absolute expressions arrive as <see cref="ImmOperand"/>; anything that still names a symbol
/// (a label, a forward reference, a bare word such as a system register or barrier name)
/// arrives as <see cref="SymbolOperand"/>.
/// </summary>
public abstract record Operand;

public sealed record RegOperand(Reg Reg) : Operand;

/// <summary>x2!: a register the instruction writes back (the MOPS count and source registers).</summary>
public sealed record WritebackRegOperand(Reg Reg) : Operand;

/// <summary>v3.16b, v1.s[2] (Index &gt;= 0), or an element view.</summary>
public sealed record VecRegOperand(byte Num, Arrangement Arrangement, int Index = -1) : Operand;

/// <summary>{v0.16b-v3.16b}, {v0.s, v1.s}[2]: Count consecutive registers (mod 32) starting at First.</summary>
public sealed record VecListOperand(byte First, int Count, Arrangement Arrangement, int Index = -1) : Operand;

/// <summary>An absolute integer. <see cref="HadHash"/> records a leading '#', which GNU as mostly ignores.
/// <see cref="Name"/> is the bare word it was written as when that is a defined symbol (<c>ish</c> after
/// <c>ish = 7</c>): where the instruction takes a name (barrier, system register, condition, ...), GNU as reads the
/// word as that name first, and its value only where it takes a number.</summary>
public sealed record ImmOperand(long Value, bool HadHash = true, string? Name = null) : Operand
{
    /// <summary>A bare 0x constant (<c>fmov s0, #0x3f800000</c>): a floating-point immediate reads it as IEEE bits.</summary>
    public bool IsHexLiteral { get; init; }
}

public sealed record FpImmOperand(double Value) : Operand;

/// <summary>A relocation operator applied to an absolute value (<c>#:abs_g1_s:-0x1234</c>): GNU as resolves the
/// relocation at once, with the same checks and bit placement the linker would use.</summary>
public sealed record ModifiedImmOperand(long Value, RelocModifier Modifier) : Operand;

/// <summary>A symbol (plus addend), possibly with a :modifier:. Bare words (ctr_el0, sy, ivac) arrive as these too.</summary>
public sealed record SymbolOperand(string Name, long Addend = 0, RelocModifier Modifier = RelocModifier.None) : Operand;

/// <summary>"lsl #12", "uxtw", "sxtw #2", "msl #8". Amount is -1 when none was written.</summary>
public sealed record ShiftOperand(ShiftKind Kind, int Amount = -1) : Operand
{
    /// <summary>The amount of a shift written past 0..63: GNU as refuses it only in a form that reads the shift (a
    /// shift after the last operand a form takes is its surplus instead).</summary>
    public const int OutOfRange = int.MaxValue;

    /// <summary>GNU as's words for <see cref="OutOfRange"/>.</summary>
    public const string OutOfRangeMessage = "shift amount out of range 0 to 63";
}

public sealed record CondOperand(Cond Cond) : Operand;

/// <summary>
/// [base], [base, #imm], [base, #imm]!, [base], #imm (post-index), [base, Xm{, extend {#amount}}], [base, :lo12:sym].
/// Offset is an ImmOperand, a RegOperand, or a SymbolOperand (with a :lo12: modifier) or null.
/// </summary>
public sealed record MemOperand(
    Reg Base,
    Operand? Offset = null,
    AddrMode Mode = AddrMode.Offset,
    ShiftKind Extend = ShiftKind.None,
    int ExtendAmount = -1) : Operand;

/// <summary>The scalable register files: SVE vectors z0-z31, predicates p0-p15 and predicate-as-counter pn0-pn15,
/// SME's za array (Num: the tile, or -1 for the whole of za written "za") and zt0.</summary>
public enum ScalableFile : byte { Z, P, PN, ZA, ZT }

/// <summary>How a governing predicate treats inactive elements: p0/z zeroes them, p0/m merges (keeps) them.</summary>
public enum Predication : byte { None, Zeroing, Merging }

/// <summary>
/// An SVE/SME register as written: z3.s, z1.d[2] (Index &gt;= 0), p0, p2.b, p0/z, p1/m, pn8, za0h.s, zt0. No row takes
/// one yet (the assembler refuses SVE/SME by name); the parser already reads them so SVE rows can be added.
/// </summary>
public sealed record ScalableRegOperand(ScalableFile File, int Num, Arrangement Arrangement = Arrangement.None,
    int Index = -1, Predication Predication = Predication.None) : Operand;

/// <summary>{z0.s-z3.s}, {z1.d, z2.d}: Count consecutive z registers (mod 32) from First.</summary>
public sealed record ScalableListOperand(byte First, int Count, Arrangement Arrangement) : Operand;

/// <summary>"mul vl" (VectorLength) or "mul #n" after an SVE immediate or pattern.</summary>
public sealed record MulOperand(bool VectorLength, long Multiplier = 1) : Operand;

/// <summary>An SVE address: [x0, #1, mul vl], [x0, z1.d, lsl #3], [z0.s, #4]: the parts as written.</summary>
public sealed record ScalableMemOperand(IReadOnlyList<Operand> Parts) : Operand;
