namespace A64Asm.Assembler.Parsing.Syntax;

public enum UnaryOp : byte { Negate, Complement, LogicalNot, Plus }

public enum BinaryOp : byte
{
    Multiply, Divide, Modulo, ShiftLeft, ShiftRight,
    Or, And, Xor, OrNot,
    Add, Subtract, Equal, NotEqual, Less, Greater, LessOrEqual, GreaterOrEqual,
    LogicalAnd, LogicalOr,
}

/// <summary>An expression as written. <see cref="Index"/> is its offset in the statement's text (for columns).</summary>
public abstract record Expr(int Index);

public sealed record NumberExpr(long Value, int Index) : Expr(Index)
{
    /// <summary>Written as a 0x constant: where a floating-point immediate goes, GNU as reads it as the value's IEEE bits.</summary>
    public bool IsHexLiteral { get; init; }

    /// <summary>The whole value of a literal wider than 64 bits (a bignum): only a 16-byte literal-pool slot takes
    /// it; anywhere else it is GNU as's "bignum invalid". <see cref="Value"/> holds its low 64 bits.</summary>
    public UInt128? Wide { get; init; }
}

/// <summary>Only meaningful as an fmov immediate; integer contexts reject it.</summary>
public sealed record FloatExpr(double Value, int Index) : Expr(Index);

/// <summary>A symbol, a register or other bare word, or "." (the location counter).
/// Numeric local label references (1b, 1f) arrive here already renamed to their instance's name.</summary>
public sealed record SymbolExpr(string Name, int Index) : Expr(Index)
{
    public bool IsLocationCounter => Name == ".";
}

public sealed record UnaryExpr(UnaryOp Op, Expr Operand, int Index) : Expr(Index);

public sealed record BinaryExpr(BinaryOp Op, Expr Left, Expr Right, int Index) : Expr(Index);
