using static A64Asm.Assembler.Parsing.Generated.A64AsmParser;

namespace A64Asm.Assembler.Parsing;

/// <summary>
/// Bounds how deep a statement can make the recursive code that reads it: the generated parser recurses once per
/// bracket and prefix operator, and every walk over the expression tree (conversion, evaluation, symbol lookups)
/// recurses once per operator along a chain. Checked on the token types before the parser runs, so hostile input
/// ("((((..." × 100,000) gets a located error instead of a stack overflow. A statement with fewer tokens than
/// <see cref="MaxNesting"/> cannot exceed either limit, so ordinary statements pay one comparison.
/// </summary>
internal static class ExpressionNesting
{
    /// <summary>Open brackets plus prefix operators still waiting for their operand. gas has no such limit (it
    /// recurses too, on a larger stack); 1,000 is far beyond hand-written code and safe on a 1 MiB thread stack.</summary>
    public const int MaxNesting = 1000;

    /// <summary>Binary operators in one statement: a chain "1+1+...+1" is a tree as deep as it is long.</summary>
    public const int MaxOperators = 10_000;

    /// <summary>The index of the token that exceeds a limit, and the message to report there; (-1, null) if none.</summary>
    public static (int Token, string? Message) Check(ReadOnlySpan<int> types)
    {
        if (types.Length <= MaxNesting)
            return (-1, null);
        int brackets = 0, pendingPrefix = 0, operators = 0;
        bool operandBefore = false;
        for (int i = 0; i < types.Length; i++)
        {
            int type = types[i];
            switch (type)
            {
                case LPAREN or LBRACKET or LBRACE:
                    brackets++;
                    operandBefore = false;
                    break;
                case RPAREN or RBRACKET or RBRACE:
                    brackets = Math.Max(0, brackets - 1);
                    operandBefore = true;
                    pendingPrefix = 0;
                    break;
                case NUMBER or LOCALREF or FLOAT or CHAR or STRING or IDENT or SHIFT:
                    operandBefore = true;
                    pendingPrefix = 0;
                    break;
                case PLUS or MINUS or TILDE or BANG when !operandBefore:
                    pendingPrefix++;
                    break;
                case >= OROR and <= GT or >= PLUS and <= CARET or BANG:
                    if (++operators > MaxOperators)
                        return (i, $"expression has more operators than the limit of {MaxOperators}");
                    operandBefore = false;
                    break;
                default:
                    operandBefore = false;
                    break;
            }
            if (brackets + pendingPrefix > MaxNesting)
                return (i, $"expression nesting exceeds the limit of {MaxNesting}");
        }
        return (-1, null);
    }
}
