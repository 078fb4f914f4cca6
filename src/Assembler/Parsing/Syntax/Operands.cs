namespace A64Asm.Assembler.Parsing.Syntax;

/// <summary>One comma-separated operand (or directive argument) as written, before registers and symbols are known.</summary>
public abstract record OperandSyntax(int Index);

/// <summary>An expression, register, condition or bare word, with or without a leading '#'.</summary>
public sealed record ExprOperandSyntax(Expr Expr, bool HasHash, int Index) : OperandSyntax(Index);

/// <summary>:lo12:sym, #:abs_g1:sym and the like.</summary>
public sealed record RelocOperandSyntax(string Modifier, Expr Expr, bool HasHash, int Index) : OperandSyntax(Index);

/// <summary>[base, parts...] with '!' for pre-index; post-index "[base], #imm" is two operands here.</summary>
public sealed record MemoryOperandSyntax(IReadOnlyList<OperandSyntax> Parts, bool Writeback, int Index) : OperandSyntax(Index);

public sealed record RegisterRange(string First, string? Last, int Index);

/// <summary>{v0.16b-v3.16b} or {v0.s, v1.s}[1].</summary>
public sealed record RegisterListSyntax(IReadOnlyList<RegisterRange> Ranges, Expr? Element, int Index) : OperandSyntax(Index);

/// <summary>v1.s[2].</summary>
public sealed record ElementOperandSyntax(string Register, Expr Element, int Index) : OperandSyntax(Index);

/// <summary>x2! (a MOPS register the instruction updates).</summary>
public sealed record WritebackRegisterSyntax(string Register, int Index) : OperandSyntax(Index);

/// <summary>lsl #12, sxtw, uxtw #2.</summary>
public sealed record ShiftOperandSyntax(string Kind, Expr? Amount, int Index) : OperandSyntax(Index);

/// <summary>=value (ldr literal pool).</summary>
public sealed record LiteralOperandSyntax(Expr Value, int Index) : OperandSyntax(Index);

/// <summary>A string with escapes already decoded to bytes.</summary>
public sealed record StringOperandSyntax(byte[] Bytes, int Index) : OperandSyntax(Index);

/// <summary>@progbits, %function.</summary>
public sealed record TypeOperandSyntax(string Name, int Index) : OperandSyntax(Index);

/// <summary>Nothing between two commas, as in ".p2align 4,,15".</summary>
public sealed record EmptyOperandSyntax(int Index) : OperandSyntax(Index);
