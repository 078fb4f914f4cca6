using A64Asm.Assembler.Diagnostics;
using A64Asm.Assembler.Parsing;
using A64Asm.Assembler.Parsing.Syntax;
using A64Asm.Isa.Operands;

namespace A64Asm.Assembler.InstructionEncoding;

/// <summary>
/// Turns operand syntax into the src/Isa operand records: register names (and .req aliases) become registers,
/// absolute expressions immediates, anything still naming a symbol (labels, bare words such as ctr_el0) a
/// SymbolOperand. "[base], #imm" arrives as two operands and leaves as one post-indexed MemOperand.
/// </summary>
public sealed class OperandConverter
{
    private static readonly Dictionary<string, RelocModifier> Modifiers =
        Enum.GetValues<RelocModifier>().Where(m => m != RelocModifier.None)
            .ToDictionary(m => m.ToString().ToLowerInvariant(), m => m, StringComparer.OrdinalIgnoreCase);

    private readonly IExpressionScope _scope;
    private readonly RegisterAliases _aliases;
    private readonly Func<string, ISectionRef, long, string> _sectionAnchor;

    /// <param name="sectionAnchor">Names a symbol for "offset in section" values that have no label (". + 8").</param>
    public OperandConverter(IExpressionScope scope, RegisterAliases aliases, Func<string, ISectionRef, long, string> sectionAnchor)
    {
        _scope = scope;
        _aliases = aliases;
        _sectionAnchor = sectionAnchor;
    }

    // The first expression of the statement being converted that could not be evaluated (see TryConvertInto).
    private AsmError? _valueError;

    public List<Operand> Convert(IReadOnlyList<OperandSyntax> syntax, SourceLine line)
    {
        var result = new List<Operand>(syntax.Count);
        if (!TryConvertInto(syntax, line, result, out var error)) throw error!;
        return result;
    }

    /// <summary>
    /// As <see cref="Convert(IReadOnlyList{OperandSyntax}, SourceLine)"/>, into a list the caller reuses. An expression
    /// that cannot be evaluated (it may name a symbol defined further on) is given back as <paramref name="error"/>
    /// for the caller to decide on; a malformed operand is thrown.
    /// </summary>
    public bool TryConvertInto(IReadOnlyList<OperandSyntax> syntax, SourceLine line, List<Operand> result, out AsmError? error)
    {
        _valueError = null;
        result.Clear();
        for (int i = 0; i < syntax.Count; i++)
            OperandRules.Add(result, ConvertOne(syntax[i], line), isLast: i == syntax.Count - 1);
        error = _valueError;
        return error is null;
    }

    /// <summary>One operand, as <see cref="TryConvertInto"/>.</summary>
    public bool TryConvert(OperandSyntax syntax, SourceLine line, out Operand operand, out AsmError? error)
    {
        _valueError = null;
        operand = ConvertOne(syntax, line);
        error = _valueError;
        return error is null;
    }

    public Operand Convert(OperandSyntax syntax, SourceLine line) =>
        TryConvert(syntax, line, out var operand, out var error) ? operand : throw error!;

    private Operand ConvertOne(OperandSyntax syntax, SourceLine line) => syntax switch
    {
        ExprOperandSyntax e => Expression(e.Expr, e.HasHash, line),
        MemoryOperandSyntax m => Memory(m, line),
        ShiftOperandSyntax { Kind: ['m', 'u', 'l', ..] } mul => Multiplier(mul, line),
        // A written amount below 0 is out of range like 64 (-1 would read as no amount written).
        ShiftOperandSyntax s => OperandRules.Shift(s.Kind, s.Amount is null ? -1 : Absolute(s.Amount, line) is >= 0 and var a ? a : 64),
        RelocOperandSyntax r => Relocation(r, line),
        RegisterListSyntax l => RegisterList(l, line),
        ElementOperandSyntax el => Element(el, line),
        WritebackRegisterSyntax wb => OperandRules.TryRegister(wb.Register, _aliases, out var written) && written is RegOperand { Reg: var reg }
            ? new WritebackRegOperand(reg)
            : throw new AsmError(line.At(wb.Index), "expected a general register before '!'"),
        LiteralOperandSyntax lit => throw new AsmError(line.At(lit.Index), "a literal (=value) is only valid as the second operand of ldr"),
        StringOperandSyntax s => throw new AsmError(line.At(s.Index), "a string is not an instruction operand"),
        EmptyOperandSyntax empty => throw new AsmError(line.At(empty.Index), "missing operand"),
        TypeOperandSyntax t => throw new AsmError(line.At(t.Index), $"unexpected '{t.Name}' in an instruction operand"),
        _ => throw new InvalidOperationException(syntax.GetType().Name),
    };

    private Operand Expression(Expr expr, bool hasHash, SourceLine line)
    {
        // p0/z, p1/m: a governing predicate, which the expression grammar reads as a division.
        if (!hasHash && expr is BinaryExpr { Op: BinaryOp.Divide, Left: SymbolExpr p, Right: SymbolExpr q }
            && OperandRules.TryRegister(p.Name, _aliases, out var predicate) && predicate is ScalableRegOperand { File: ScalableFile.P or ScalableFile.PN } governing
            && q.Name.ToLowerInvariant() is "z" or "m")
            return governing with { Predication = q.Name.ToLowerInvariant() == "z" ? Predication.Zeroing : Predication.Merging };
        string? bareWord = !hasHash && expr is SymbolExpr { IsLocationCounter: false } symbol ? symbol.Name : null;
        if (bareWord is not null)
        {
            if (OperandRules.TryRegister(bareWord, _aliases, out var register))
                return register;
            if (RegisterNames.TryParseCondition(bareWord, out var cond) && !_scope.TryGetSymbol(bareWord, out _))
                return new CondOperand(cond);
        }
        if (expr is FloatExpr f) return new FpImmOperand(f.Value);
        if (expr is UnaryExpr { Op: UnaryOp.Negate, Operand: FloatExpr nf }) return new FpImmOperand(-nf.Value);
        var value = Evaluate(expr, line);
        // A defined bare word keeps its name: where the instruction takes a name, gas reads the word as that first.
        if (bareWord is not null && value.IsAbsolute)
            return new ImmOperand(value.Value, false, bareWord);
        if (value.IsAbsolute && expr is NumberExpr { IsHexLiteral: true })
            return _rules.Immediate(value.Value, hasHash, hexLiteral: true);
        return ToOperand(value, hasHash, RelocModifier.None, expr, line);
    }

    private Operand ToOperand(ExprValue value, bool hasHash, RelocModifier modifier, Expr expr, SourceLine line)
    {
        if (value.IsAbsolute)
            return modifier == RelocModifier.None ? Immediate(value.Value, hasHash) : ApplyModifier(modifier, value.Value, expr, line);
        if (value.IsUndefinedSymbol)
            return new SymbolOperand(value.Symbol!, value.Value, modifier);
        if (value.Symbol is { } anchor && _scope.TryGetSymbol(anchor, out var anchorValue) && anchorValue.Section == value.Section)
            return new SymbolOperand(anchor, value.Value - anchorValue.Value, modifier);
        return new SymbolOperand(_sectionAnchor(value.Section!.Name, value.Section, value.Value), value.Value, modifier);
    }

    private readonly OperandRules _rules = new();

    private ImmOperand Immediate(long value, bool hasHash) => _rules.Immediate(value, hasHash);

    private static Operand ApplyModifier(RelocModifier modifier, long value, Expr expr, SourceLine line) => modifier switch
    {
        RelocModifier.Lo12 => new ModifiedImmOperand(value, modifier),
        >= RelocModifier.Abs_G0 and <= RelocModifier.Abs_G3 => new ModifiedImmOperand(value, modifier),
        _ => throw new AsmError(line.At(expr.Index), $"relocation operator :{modifier.ToString().ToLowerInvariant()}: needs a symbol"),
    };

    private Operand Relocation(RelocOperandSyntax r, SourceLine line)
    {
        if (!Modifiers.TryGetValue(r.Modifier, out var modifier))
            throw new AsmError(line.At(r.Index), $"unknown relocation modifier ':{r.Modifier}:'");
        var value = Evaluate(r.Expr, line);
        return ToOperand(value, r.HasHash, modifier, r.Expr, line);
    }

    // The lexer reads "mul vl" as one shift-like token, and "mul" before '#' as another (StatementLexer).
    private Operand Multiplier(ShiftOperandSyntax mul, SourceLine line) =>
        mul.Amount is null ? new MulOperand(true) : new MulOperand(false, Absolute(mul.Amount, line));

    private Operand Memory(MemoryOperandSyntax m, SourceLine line)
    {
        // SVE addresses ([x0, #1, mul vl], [x0, z1.d, lsl #3], [z2.s, #4]) keep their parts as written.
        if (HasScalablePart(m))
        {
            var parts = new Operand[m.Parts.Count];
            for (int i = 0; i < parts.Length; i++) parts[i] = ConvertOne(m.Parts[i], line);
            return new ScalableMemOperand(parts);
        }
        // Any other register as the base goes on to the encoder, whose form names it in GNU's words (ldr: "64-bit
        // integer or SP register expected", the MOPS forms: "integer 64-bit register expected").
        if (ConvertOne(m.Parts[0], line) is not RegOperand { Reg: var baseReg })
            throw new AsmError(line.At(m.Parts[0].Index), "64-bit integer or SP register expected");
        Operand? offset = null;
        ShiftOperand? extend = null;
        if (m.Parts.Count > 1)
            offset = ConvertOne(m.Parts[1], line);
        if (m.Parts.Count > 2)
        {
            extend = ConvertOne(m.Parts[2], line) as ShiftOperand
                ?? throw new AsmError(line.At(m.Parts[2].Index), "expected a shift or extend (lsl, uxtw, sxtw, sxtx)");
            if (extend.Amount == ShiftOperand.OutOfRange)
                throw new AsmError(line.At(m.Parts[2].Index), OperandRules.ShiftAmountRange);
        }
        else if (offset is ShiftOperand bareExtend)
        {
            throw new AsmError(line.At(m.Parts[1].Index), $"expected an offset before '{bareExtend.Kind.ToString().ToLowerInvariant()}'");
        }
        if (m.Parts.Count > 3)
            throw new AsmError(line.At(m.Parts[3].Index), "too many parts in an address");
        // "[base]!" goes on to the encoder: ldraa/ldrab take it, every other form refuses it with
        // OperandRules.MissingPreIndexOffset's words.
        return OperandRules.Memory(baseReg, offset, extend, m.Writeback);
    }

    // A loop, not LINQ: every address of every load and store comes through here.
    private bool HasScalablePart(MemoryOperandSyntax m)
    {
        foreach (var part in m.Parts)
            if (IsScalablePart(part)) return true;
        return false;
    }

    private bool IsScalablePart(OperandSyntax part) => part switch
    {
        ShiftOperandSyntax { Kind: ['m', 'u', 'l', ..] } => true,
        ExprOperandSyntax { HasHash: false, Expr: SymbolExpr s } => OperandRules.TryRegister(s.Name, _aliases, out var r) && r is ScalableRegOperand,
        _ => false,
    };

    private Operand ScalableList(RegisterListSyntax l, SourceLine line)
    {
        var (first, count, arrangement) = ConsecutiveList(l, line, wrapAllowed: true, static (self, name, index, at) =>
        {
            var z = self.ScalableVector(name, index, at);
            return (z.Num, z.Arrangement);
        });
        return new ScalableListOperand((byte)first, count, arrangement);
    }

    /// <summary>{r0.t-r3.t} or {r0.t, r1.t, ...}: consecutive registers (mod 32) of one arrangement, 1 to 4 of them.
    /// <paramref name="wrapAllowed"/>: whether a range may run past 31 to 0 (GNU refuses "v31-v0" in a vector list).</summary>
    // The reader is a static lambda given this converter, so no closure is made per list.
    private (int First, int Count, Arrangement Arrangement) ConsecutiveList(RegisterListSyntax l, SourceLine line,
        bool wrapAllowed, Func<OperandConverter, string, int, SourceLine, (int Num, Arrangement Arrangement)> read)
    {
        int first = -1, count = 0, expectNext = -1;
        var arrangement = Arrangement.None;
        foreach (var range in l.Ranges)
        {
            var start = read(this, range.First, range.Index, line);
            var end = range.Last is null ? start : read(this, range.Last, range.Index, line);
            if (first < 0) { first = start.Num; arrangement = start.Arrangement; expectNext = first; }
            // GNU as's words, the arrangement first.
            if (start.Arrangement != arrangement || end.Arrangement != arrangement)
                throw new AsmError(line.At(range.Index), "type mismatch in vector register list");
            if (start.Num != expectNext)
                throw new AsmError(line.At(range.Index), "invalid register list");
            if (!wrapAllowed && end.Num < start.Num)
                throw new AsmError(line.At(range.Index), "invalid range in vector register list");
            count += (end.Num - start.Num + 32) % 32 + 1;
            expectNext = (end.Num + 1) % 32;
        }
        if (count > 4)
            throw new AsmError(line.At(l.Index), "too many registers in vector register list");
        if (count < 1)
            throw new AsmError(line.At(l.Index), $"a register list holds 1 to 4 registers, not {count}");
        return (first, count, arrangement);
    }

    private ScalableRegOperand ScalableVector(string name, int index, SourceLine line) =>
        OperandRules.TryRegister(name, _aliases, out var op) && op is ScalableRegOperand { File: ScalableFile.Z } z
            ? z
            : throw new AsmError(line.At(index), $"expected an SVE vector register, not '{name}'");

    private Operand RegisterList(RegisterListSyntax l, SourceLine line)
    {
        if (l.Element is null && l.Ranges.Count > 0 && OperandRules.TryRegister(l.Ranges[0].First, _aliases, out var head) && head is ScalableRegOperand)
            return ScalableList(l, line);
        var (first, count, arrangement) = ConsecutiveList(l, line, wrapAllowed: false, static (self, name, index, at) =>
        {
            var v = self.Vector(name, index, at);
            return (v.Num, v.Arrangement);
        });
        int index = l.Element is null ? -1 : ElementIndex(l.Element, arrangement, line);
        return new VecListOperand((byte)first, count, arrangement, index);
    }

    private Operand Element(ElementOperandSyntax el, SourceLine line)
    {
        if (OperandRules.TryRegister(el.Register, _aliases, out var reg) && reg is ScalableRegOperand scalable)
            return scalable with { Index = (int)Absolute(el.Element, line) };
        var vector = Vector(el.Register, el.Index, line);
        // GNU as reads an arrangement with an index as that arrangement's element (dup v0.2d, v1.2d[1] is v1.d[1]).
        var element = vector.Arrangement switch
        {
            Arrangement.B8 or Arrangement.B16 => Arrangement.B,
            Arrangement.H4 or Arrangement.H8 => Arrangement.H,
            Arrangement.S2 or Arrangement.S4 => Arrangement.S,
            Arrangement.D1 or Arrangement.D2 => Arrangement.D,
            var written => written,
        };
        return vector with { Arrangement = element, Index = ElementIndex(el.Element, element, line) };
    }

    private int ElementIndex(Expr index, Arrangement element, SourceLine line)
    {
        long value = Absolute(index, line);
        return OperandRules.IsElementIndex(value, element, out int max)
            ? (int)value
            : throw new AsmError(line.At(index.Index), $"register element index out of range 0 to {max}");
    }

    private VecRegOperand Vector(string name, int index, SourceLine line) =>
        OperandRules.TryRegister(name, _aliases, out var op) && op is VecRegOperand v
            ? v
            : throw new AsmError(line.At(index), $"expected a SIMD vector register, not '{name}'");

    // A value that cannot be had yet stands as 0 (the absolute zero keeps the operand's shape) until the statement's
    // conversion ends, which then reports the first such error.
    private ExprValue Evaluate(Expr expr, SourceLine line)
    {
        if (ExpressionEvaluator.TryEvaluate(expr, _scope, line, out var value, out var error))
            return value;
        _valueError ??= error;
        return ExprValue.Absolute(0);
    }

    private long Absolute(Expr expr, SourceLine line)
    {
        var value = Evaluate(expr, line);
        if (value.IsAbsolute) return value.Value;
        _valueError ??= new AsmError(line.At(expr.Index), ExpressionEvaluator.NotAbsoluteMessage(value));
        return 0;
    }
}
