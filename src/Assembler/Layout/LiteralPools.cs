using A64Asm.Assembler.Diagnostics;
using A64Asm.Assembler.Parsing;
using A64Asm.Assembler.Parsing.Syntax;
using A64Asm.Isa.Operands;

namespace A64Asm.Assembler.Layout;

/// <summary>
/// Which literal pool slot each ldr =value uses and which pool each .ltorg places, decided in the first pass and
/// kept for the passes over the tail. Like GNU as, equal values of one size share a slot (see <see cref="LiteralPool"/>).
/// </summary>
internal sealed class LiteralPools(SymbolTable symbols, IExpressionScope scope, SectionTable sections, SectionWriter _out,
    MappingSymbols mapping, DatumWriter datums, Action<string, SourceLine> defineLabel)
{
    private readonly Dictionary<ParsedLine, PoolEntry> _slotOf = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<ParsedLine, LiteralPool> _closedAt = new(ReferenceEqualityComparer.Instance);

    /// <param name="section">Where the line is: its open pool takes the slot.</param>
    /// <param name="target">The destination register, converted only the first time (it decides the slot's size).</param>
    public PoolEntry SlotFor(ParsedLine line, AsmSection section, InstructionStatement instruction, LiteralOperandSyntax literal,
        Func<Operand> target)
    {
        if (_slotOf.TryGetValue(line, out var known))
            return known;
        if (instruction.Mnemonic is not ("ldr" or "ldrsw"))
            throw new AsmError(line.At(literal.Index), $"a literal (=value) is only valid with ldr and ldrsw, not {instruction.Mnemonic}");
        int size = target() switch
        {
            // ldrsw loads a word and sign-extends it: its slot is 4 bytes, as in GNU as.
            RegOperand { Reg.Class: RegClass.X } when instruction.Mnemonic == "ldrsw" => 4,
            _ when instruction.Mnemonic == "ldrsw" => throw new AsmError(line.At(instruction.Operands[0].Index), "ldrsw =value needs an x destination register"),
            RegOperand { Reg.Class: RegClass.W or RegClass.S } => 4,
            RegOperand { Reg.Class: RegClass.X or RegClass.D } => 8,
            RegOperand { Reg.Class: RegClass.Q } => 16,
            _ => throw new AsmError(line.At(instruction.Operands[0].Index), "ldr =value needs a w, x, s, d or q destination register"),
        };
        if (_made.Add((section, section.Subsection)))
            _madeInOrder.Add((section, section.Subsection));
        var entry = section.OpenPool.Add(size, literal.Value, Key(literal.Value, line), line.Line, line.At(literal.Value.Index));
        _slotOf[line] = entry;
        return entry;
    }

    /// <summary>The pool a .ltorg (or .pool) at <paramref name="line"/> places: the section's open pool the first
    /// time, which a new one then replaces.</summary>
    public LiteralPool ClosedAt(ParsedLine line, AsmSection section)
    {
        if (!_closedAt.TryGetValue(line, out var pool))
        {
            pool = section.OpenPool;
            section.OpenPool = new LiteralPool();
            _closedAt[line] = pool;
        }
        return pool;
    }

    /// <summary>Literals with equal keys share a slot: the same constant, or the same symbol and addend.</summary>
    private string Key(Expr value, ParsedLine line)
    {
        // A value not evaluable yet is never shared.
        if (ExpressionEvaluator.TryEvaluate(value, scope, line.Line, out var v, out _))
        {
            if (v.IsAbsolute) return "#" + v.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (v.Symbol is { } symbol) return $"{symbol}@{(v.Section is null ? v.Value : v.Value - (symbols.Find(symbol)?.Offset ?? 0))}";
        }
        return "!" + System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(value).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    // The pools left open at the end of the first pass, with their section and subsection: every pass places each
    // at the end of its subsection (GNU as keeps a pool per subsection).
    private readonly List<(AsmSection Section, long Subsection, LiteralPool Pool)> _endPools = new();
    // Each subsection's pool from its first literal on: GNU as places what is left in them at the end in the reverse
    // of that order (it lists a new pool first), which decides the order of their mapping symbols.
    private readonly HashSet<(AsmSection, long)> _made = new();
    private readonly List<(AsmSection Section, long Subsection)> _madeInOrder = new();

    /// <summary>The input has ended: what is still open in each subsection is placed at its end, in every pass.</summary>
    public void CloseAtEnd()
    {
        foreach (var section in sections.All)
        {
            bool chained = false;
            foreach (var (subsection, pool) in sections.Chains.TakeOpenPools(section))
            {
                _endPools.Add((section, subsection, pool));
                chained = true;
            }
            if (!chained && !section.OpenPool.IsEmpty)
            {
                _endPools.Add((section, section.Subsection, section.OpenPool));
                section.OpenPool = new LiteralPool();
            }
        }
        var rank = _madeInOrder.Select((made, i) => (made, i)).ToDictionary(x => x.made, x => -x.i);
        _endPools.Sort((a, b) => rank[(a.Section, a.Subsection)].CompareTo(rank[(b.Section, b.Subsection)]));
    }

    public void PlaceEndPools()
    {
        mapping.PlacingEndPools = true;
        foreach (var (section, subsection, pool) in _endPools)
            sections.RunIn(section, subsection, () => Place(pool));
        mapping.PlacingEndPools = false;
    }

    /// <summary>The pool's slots at '.', smallest size first, each size aligned to itself and padded with zeros even in
    /// code (GNU as).</summary>
    public void Place(LiteralPool pool)
    {
        if (pool.IsEmpty) return;
        int alignedFor = 0;
        foreach (var entry in pool.InLayoutOrder())
        {
            if (entry.Size != alignedFor)
            {
                _out.MarkPoolGroup(aligned: false);
                _out.AlignTo(entry.Size, fill: 0, fillSize: 1, max: null);
                _out.MarkPoolGroup(aligned: true);
                alignedFor = entry.Size;
            }
            defineLabel(entry.Label, entry.Line);
            if (_out.Emitting && entry.Size == 16 && entry.Value is NumberExpr { Wide: { } wide })
                datums.WriteWide(wide);
            else if (_out.Emitting)
                datums.WriteExpression(entry.Size, entry.Value, entry.Line, entry.At);
            else
                _out.Current.Location += entry.Size;
        }
    }
}
