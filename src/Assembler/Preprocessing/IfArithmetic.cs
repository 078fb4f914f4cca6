namespace A64Asm.Assembler.Preprocessing;

/// <summary>
/// C arithmetic on #if values: the usual arithmetic conversions (either operand unsigned makes both unsigned),
/// comparisons and logical operators give signed 0/1, shifts keep the left operand's type.
/// </summary>
internal static class IfArithmetic
{
    const string Overflow = "integer overflow in preprocessor expression";

    public static PpValue Unary(PpToken op, PpValue v, bool eval, Action<PpToken, string> warn)
    {
        switch (op.Text)
        {
            case "+":
                return v;
            case "-":
                if (eval && !v.IsUnsigned && v.Bits == 1UL << 63)
                    warn(op, Overflow);
                return v with { Bits = unchecked(0 - v.Bits) };
            case "~":
                return v with { Bits = ~v.Bits };
            default:
                return PpValue.Bool(!v.IsTrue);
        }
    }

    public static PpValue Apply(PpToken op, PpValue a, PpValue b, bool eval, IExpansionHost host, Action<PpToken, string> warn)
    {
        bool unsigned = a.IsUnsigned || b.IsUnsigned;
        switch (op.Text)
        {
            case "&&": return PpValue.Bool(a.IsTrue && b.IsTrue);
            case "||": return PpValue.Bool(a.IsTrue || b.IsTrue);
            case "<<": return ShiftLeft(op, a, b, eval, warn);
            case ">>": return ShiftRight(a, b, eval, warn, op);
            case "==": return PpValue.Bool(a.Bits == b.Bits);
            case "!=": return PpValue.Bool(a.Bits != b.Bits);
            case "<": return PpValue.Bool(Compare(a, b, unsigned) < 0);
            case ">": return PpValue.Bool(Compare(a, b, unsigned) > 0);
            case "<=": return PpValue.Bool(Compare(a, b, unsigned) <= 0);
            case ">=": return PpValue.Bool(Compare(a, b, unsigned) >= 0);
            case "&": return new PpValue(a.Bits & b.Bits, unsigned);
            case "^": return new PpValue(a.Bits ^ b.Bits, unsigned);
            case "|": return new PpValue(a.Bits | b.Bits, unsigned);
        }
        ulong r;
        bool overflow = false;
        switch (op.Text)
        {
            case "+":
                r = unchecked(a.Bits + b.Bits);
                overflow = !unsigned && ((long)(a.Bits ^ r) & (long)(b.Bits ^ r)) < 0;
                break;
            case "-":
                r = unchecked(a.Bits - b.Bits);
                overflow = !unsigned && ((long)(a.Bits ^ b.Bits) & (long)(a.Bits ^ r)) < 0;
                break;
            case "*":
                r = unchecked(a.Bits * b.Bits);
                overflow = !unsigned && a.Bits != 0 && (unchecked((long)r / (long)a.Bits) != (long)b.Bits
                                                        || ((long)a.Bits == -1 && (long)b.Bits == long.MinValue));
                break;
            default: // "/" and "%"
                if (b.Bits == 0)
                {
                    if (eval)
                        throw host.Error(op, "division by zero in #if");
                    return new PpValue(0, unsigned);
                }
                if (unsigned)
                    r = op.Text == "/" ? a.Bits / b.Bits : a.Bits % b.Bits;
                else if ((long)a.Bits == long.MinValue && (long)b.Bits == -1)
                {
                    overflow = op.Text == "/";
                    r = op.Text == "/" ? a.Bits : 0;
                }
                else
                    r = (ulong)(op.Text == "/" ? (long)a.Bits / (long)b.Bits : (long)a.Bits % (long)b.Bits);
                break;
        }
        if (overflow && eval)
            warn(op, Overflow);
        return new PpValue(r, unsigned);
    }

    static int Compare(PpValue a, PpValue b, bool unsigned) =>
        unsigned ? a.Bits.CompareTo(b.Bits) : ((long)a.Bits).CompareTo((long)b.Bits);

    // gcc: a negative count shifts the other way; counts of 64 or more shift everything out.
    static PpValue ShiftLeft(PpToken op, PpValue a, PpValue b, bool eval, Action<PpToken, string> warn)
    {
        // The count's magnitude, as unsigned: -(-2^63) is itself again as a signed value (and went round forever).
        if (b.IsNegative)
            return ShiftRight(a, b with { Bits = unchecked(0 - b.Bits), IsUnsigned = true }, eval, warn, op);
        ulong n = b.Bits;
        ulong r = n >= 64 ? 0 : a.Bits << (int)n;
        if (eval && !a.IsUnsigned && a.Bits != 0 && (n >= 64 || (long)r >> (int)n != (long)a.Bits))
            warn(op, Overflow);
        return new PpValue(r, a.IsUnsigned);
    }

    static PpValue ShiftRight(PpValue a, PpValue b, bool eval, Action<PpToken, string> warn, PpToken op)
    {
        if (b.IsNegative)
            return ShiftLeft(op, a, b with { Bits = unchecked(0 - b.Bits), IsUnsigned = true }, eval, warn);
        ulong n = b.Bits;
        if (a.IsUnsigned)
            return new PpValue(n >= 64 ? 0 : a.Bits >> (int)n, true);
        long s = (long)a.Bits;
        return PpValue.Signed(n >= 64 ? (s < 0 ? -1 : 0) : s >> (int)n);
    }
}
