using A64Asm.Isa.Fixups;
using A64Asm.Isa.Model;
using A64Asm.Isa.Operands;

namespace A64Asm.Isa.Encoding;

/// <summary>An encoded instruction word, with the fixup its symbol operand (if any) asks for and the feature of
/// the row that took it (Feature.Base for rows every architecture has).</summary>
/// <param name="Warning">What GNU as warns of and still assembles (writing a read-only system register); null: nothing.</param>
/// <param name="FeatureDecides">Whether a selection that allows <paramref name="Feature"/> allows the word (false
/// when a named operand needs more: a system register of two features).</param>
public readonly record struct EncodedInstruction(uint Word, FixupRequest Fixup, Feature Feature = Feature.Base, string? Warning = null,
    bool FeatureDecides = true)
{
    public bool HasFixup => Fixup.Kind != FixupKind.None;
}

/// <summary>
/// Table-driven encoder: the mnemonic selects candidate rows (forms and aliases, in table order); the first
/// row whose operand kinds all accept the operands wins, as GNU as picks. When none does, the error of the
/// row that got furthest is reported.
/// </summary>
public static partial class A64Encoder
{
    /// <summary>
    /// Encodes one instruction. <paramref name="mnemonic"/> is lower case and includes any ".cond" suffix.
    /// On failure <paramref name="error"/> is the user-facing message (no location; the caller adds it).
    /// Immediate branch targets are offsets from the instruction (see the overload taking a pc).
    /// </summary>
    public static bool TryEncode(string mnemonic, IReadOnlyList<Operand> operands, out EncodedInstruction result, out string error)
        => TryEncode(mnemonic, operands, 0, out result, out error);

    /// <summary>As above; an <see cref="ImmOperand"/> branch/literal target is an absolute address, relative to <paramref name="pc"/>.</summary>
    public static bool TryEncode(string mnemonic, IReadOnlyList<Operand> operands, ulong pc, out EncodedInstruction result, out string error)
        => TryEncode(mnemonic, operands, pc, out result, out error, out _);

    /// <summary>As above; on failure <paramref name="errorOperand"/> is the index of the operand the error is
    /// about, or -1 when it is about the statement as a whole (no form takes that many operands).</summary>
    public static bool TryEncode(string mnemonic, IReadOnlyList<Operand> operands, ulong pc, out EncodedInstruction result,
        out string error, out int errorOperand)
    {
        // The operands are read many times per row tried: as a span, not through the interface.
        var span = operands switch
        {
            List<Operand> list => System.Runtime.InteropServices.CollectionsMarshal.AsSpan(list),
            Operand[] array => array,
            _ => operands.ToArray(),
        };
        return TryEncode(mnemonic, span, pc, out result, out error, out errorOperand);
    }

    /// <summary>As above, for operands in a span.</summary>
    public static bool TryEncode(string mnemonic, ReadOnlySpan<Operand> operands, ulong pc, out EncodedInstruction result,
        out string error, out int errorOperand)
        => TryEncode(mnemonic, operands, pc, ArchFeatures.All, out result, out error, out errorOperand, out _);

    /// <summary>
    /// As above, taking only rows whose feature <paramref name="features"/> allows. When a row it leaves out would
    /// have taken the operands and no other does, <paramref name="missing"/> is that row's feature and
    /// <paramref name="error"/> GNU's "selected processor does not support `mnemonic'" (the caller, which has the
    /// statement's text, quotes that instead: <see cref="ArchFeatures.GnuStatementText"/>); else Feature.Base.
    /// </summary>
    public static bool TryEncode(string mnemonic, ReadOnlySpan<Operand> operands, ulong pc, ArchFeatures features,
        out EncodedInstruction result, out string error, out int errorOperand, out Feature missing, bool relocatable = false)
    {
        missing = Feature.Base;
        var candidates = FormTable.Candidates(mnemonic);
        errorOperand = -1;
        if (candidates.IsEmpty)
        {
            result = default;
            error = $"unknown mnemonic `{mnemonic}'";
            return false;
        }
        EncodeError best = default;
        int bestScore = -1, bestAt = 0;
        string? registerRefusal = null;
        int refusedOperand = -1;
        int count = operands.Length;
        var bounds = OperandCountBounds;
        // Rows left out by their operand count or by the first register's width alone (w for x): their error needs the
        // whole row read, as GNU reads every operand before it compares widths; done only when no row takes the operands.
        Span<ushort> deferred = stackalloc ushort[Math.Min(candidates.Length, 256)];
        Span<ushort> deferredAt = stackalloc ushort[deferred.Length];
        int deferredCount = 0;
        for (int at = 0; at < candidates.Length; at++)
        {
            ushort index = candidates[at];
            var row = FormTable.Rows[index];
            var b = bounds[index];
            if (count < b.Min || count > b.Max)
            {
                // Whether GNU finds a missing or surplus operand depends on the operands before it: read on failure.
                if (deferredCount < deferred.Length)
                {
                    deferredAt[deferredCount] = (ushort)at;
                    deferred[deferredCount++] = index;
                }
                continue;
            }
            if (b.FirstReg != NoClass && count > 0 && operands[0] is RegOperand first && (byte)first.Reg.Class != b.FirstReg)
            {
                if (SameRegisterType(row.Operands[0].Kind, first.Reg.Class) && deferredCount < deferred.Length)
                {
                    deferredAt[deferredCount] = (ushort)at;
                    deferred[deferredCount++] = index;
                    continue;
                }
                // What the full check would say: the first operand is not of the row's register type.
                var typeState = new EncodeState { Word = row.Value };
                typeState.RegisterType(row.Operands[0].Kind);
                typeState.Error.Operand = 1;
                Keep(typeState.Error, typeState.Error.Rank(OperandMatch.WrongShape, 1), at);
                continue;
            }
            var st = new EncodeState { Word = row.Value, Pc = pc, Relocatable = relocatable };
            int score = TryRow(row, operands, ref st);
            if (score == int.MaxValue)
            {
                // Checked on success only: the operands decide first, as in GNU as, and the hot path pays once.
                // A named operand the selection lacks is GNU's first complaint (cfp rctx: the name, not `cfp').
                if (st.NameNeeds is { } needs && !Array.TrueForAll(needs, features.Allows))
                {
                    if (registerRefusal is null)
                    {
                        registerRefusal = st.NameRefusal;
                        refusedOperand = st.NameOperand - 1;
                    }
                    continue;
                }
                if (!features.Allows(row.Feature))
                {
                    if (missing == Feature.Base) missing = row.Feature;
                    continue;
                }
                // The word depends on the selection when the row or a named operand needs a feature.
                var feature = row.Feature != Feature.Base || st.NameNeeds is not [var needed, ..] ? row.Feature : needed;
                bool decides = st.NameNeeds is not { } nameNeeds || Array.TrueForAll(nameNeeds, f => f == feature);
                result = new EncodedInstruction(st.Word, st.Fixup, feature, st.Warning, decides);
                error = "";
                return true;
            }
            Keep(st.Error, score, at);
        }
        bool someRowTakesCount = false;
        foreach (ushort index in candidates)
            someRowTakesCount |= count >= bounds[index].Min && count <= bounds[index].Max;
        for (int i = 0; i < deferredCount; i++)
        {
            var st = new EncodeState { Word = FormTable.Rows[deferred[i]].Value, Pc = pc, Relocatable = relocatable };
            int score = TryRow(FormTable.Rows[deferred[i]], operands, ref st);
            // GNU's rows take optional operands where ours are two rows (irg Xd, Xn{, Xm}): one operand more than a
            // row takes is not GNU's fatal surplus when another row takes that many.
            if (st.Error.Kind == EncodeErrorKind.Surplus && someRowTakesCount) score -= 1024;
            if (score != int.MaxValue) Keep(st.Error, score, deferredAt[i]);
        }

        // The highest-ranked error; the earliest row among equals.
        void Keep(in EncodeError error, int score, int at)
        {
            if (score > bestScore || (score == bestScore && at < bestAt)) { bestScore = score; best = error; bestAt = at; }
        }
        result = default;
        if (registerRefusal is not null && missing == Feature.Base)
        {
            // GNU names the register rather than quoting the statement.
            error = registerRefusal;
            errorOperand = refusedOperand;
            return false;
        }
        if (missing != Feature.Base)
        {
            error = ArchFeatures.NotSupported(mnemonic);
            return false;
        }
        for (int i = 0; i < operands.Length && !TakesBareWriteback(candidates); i++)
        {
            // "[base]!" fits only the forms that take it (ldraa x0, [x1]!, cpyp [x0]!, ...); for any other GNU as
            // names the offset.
            if (operands[i] is MemOperand { Mode: AddrMode.PreIndex, Offset: null })
            {
                error = MissingPreIndexOffset;
                errorOperand = i;
                return false;
            }
        }
        error = best.Format(mnemonic);
        errorOperand = best.Operand - 1;
        return false;
    }

    static bool TakesBareWriteback(ReadOnlySpan<ushort> candidates)
    {
        foreach (ushort index in candidates)
            foreach (var spec in FormTable.Rows[index].Operands)
                if (spec.Kind is OperandKind.MemPacPre or OperandKind.MopsAddr) return true;
        return false;
    }

    /// <summary>GNU as's words for operands past the last a form takes (nop x0, smstart zm).</summary>
    static readonly EncodeError Surplus = new() { Kind = EncodeErrorKind.Surplus };

    /// <summary>GNU as's words for "[base]!" where the form needs an offset to add.</summary>
    public const string MissingPreIndexOffset = "missing offset in the pre-indexed address";

    /// <summary>Returns int.MaxValue on success, else how far the row got (for picking the closest error).</summary>
    internal static int TryRow(FormInfo row, ReadOnlySpan<Operand> operands, ref EncodeState st)
    {
        var specs = row.Operands;
        int next = 0;
        // A register of the right type with the wrong width: GNU says "operand mismatch" only once every operand has
        // been read, so a later operand of the wrong sort is the row's error instead.
        EncodeError mismatch = default;
        int mismatchAt = 0;
        bool stopped = false;
        EncodeError optionalError = default;
        int optionalScore = -1;
        for (int k = 0; k < specs.Length; k++)
        {
            var spec = specs[k];
            if (next >= operands.Length)
            {
                if (spec.Optional) { ApplyDefault(spec, ref st); st.RegisterLeftOut |= spec.Kind is OperandKind.X; continue; }
                // GNU reads the empty first operand as the operand: a register's type or an address is its complaint.
                if (next == 0 && GnuRegisterWords.For(spec.Kind, st.Word) is not null)
                {
                    st.RegisterType(spec.Kind);
                    st.Error.Operand = 1;
                    return st.Error.Rank(OperandMatch.WrongShape, 1);
                }
                if (next == 0 && spec.Kind is OperandKind.Label26 or OperandKind.CallLabel26 or OperandKind.Label19
                    or OperandKind.LitLabel19 or OperandKind.Label14 or OperandKind.AdrLabel or OperandKind.AdrpLabel)
                {
                    st.Syntax("invalid address");
                    st.Error.Operand = 1;
                    return st.Error.Rank(OperandMatch.WrongShape, 1);
                }
                st.Error = new EncodeError { Kind = EncodeErrorKind.Missing, Operand = next + 1 };
                return st.Error.Rank(OperandMatch.WrongShape, next + 1);
            }
            st.Extra = 0;
            var match = OperandEncoder.Encode(spec, operands[next], operands, next, ref st);
            // A kind that reads a shift after its operand (MaxWritten 2) reads it before it can fail.
            if (match != OperandMatch.WrongShape && st.Error.Kind != EncodeErrorKind.Mismatch
                && ReadsOutOfRangeShift(operands, next, match == OperandMatch.Ok ? st.Extra : OperandKinds.Info(spec.Kind).MaxWritten - 1) is int shift)
            {
                st.Error = new EncodeError { Kind = EncodeErrorKind.Text, Text = ShiftOperand.OutOfRangeMessage, Operand = shift + 1 };
                return st.Error.Rank(OperandMatch.BadValue, operands[next] is ShiftOperand && next > 0 ? next : next + 1);
            }
            if (match == OperandMatch.WrongShape && spec.Optional)
            {
                // Left out, unless the operands run past the row: then GNU reports the optional operand written wrong.
                if (optionalScore < 0)
                {
                    st.Error.Operand = next + 1;
                    int score = SyntaxOf(spec.Kind, operands, next, match, ref st);
                    // Only where GNU has words for the operand (smstart zm is its surplus).
                    if (st.Error.Kind != EncodeErrorKind.Expected) { optionalScore = score; optionalError = st.Error; }
                }
                ApplyDefault(spec, ref st);
                continue;
            }
            if (match != OperandMatch.Ok)
            {
                st.Error.Operand = next + 1;
                st.Error.InAddress = OperandKinds.All[(int)spec.Kind].Mode is not null;
                if (st.Error.Kind == EncodeErrorKind.Mismatch)
                {
                    if (mismatchAt == 0) { mismatch = st.Error; mismatchAt = next + 1; }
                    next += 1 + st.Extra;
                    continue;
                }
                // After a width mismatch GNU goes on reading only the sort of each operand: a bad value is not its complaint.
                if (mismatchAt > 0 && match != OperandMatch.WrongShape) { next += 1 + st.Extra; continue; }
                return SyntaxOf(spec.Kind, operands, next, match, ref st);
            }
            if (st.NameNeeds is not null && st.NameOperand == 0) st.NameOperand = next + 1;
            next += 1 + st.Extra;
        }
        if (next < operands.Length && !stopped)
        {
            if (optionalScore >= 0)
            {
                st.Error = optionalError;
                return optionalScore;
            }
            // "[xN], lsl #3": GNU reads a post-indexed address with a bad increment, not a surplus operand.
            if (next > 0 && operands[next - 1] is MemOperand { Mode: AddrMode.Offset } && operands[next] is ShiftOperand)
            {
                st.Error = new EncodeError { Kind = EncodeErrorKind.Text, Text = "invalid addressing mode", Operand = next };
                return st.Error.Rank(OperandMatch.WrongShape, next);
            }
            // GNU's fatal error at the last operand the row read.
            st.Error = Surplus;
            return st.Error.Rank(OperandMatch.WrongShape, next);
        }
        if (mismatchAt > 0)
        {
            st.Error = mismatch;
            return st.Error.Rank(OperandMatch.BadValue, mismatchAt);
        }
        // GNU as: an operation that names its address needs the register, one that does not refuses it.
        if (st.OperationRegister != 0 && st.RegisterLeftOut == (st.OperationRegister > 0))
        {
            st.Error = new EncodeError { Kind = EncodeErrorKind.Text, Operand = st.RegisterLeftOut ? 1 : 2,
                Text = st.RegisterLeftOut ? "missing register" : "extraneous register" };
            return st.Error.Rank(OperandMatch.BadValue, next + 1);
        }
        if (AliasConditions.CheckedWhenEncoding(row.Condition) && !AliasConditions.Holds(row.Condition, st.Word))
        {
            st.Error = new EncodeError { Kind = EncodeErrorKind.Count };
            return 0;
        }
        return int.MaxValue;
    }

    const byte NoClass = 0xff;

    /// <summary>
    /// The rank of an operand's refusal, with GNU's words where the sort of operand is wrong in a way GNU names: a
    /// symbol where a number goes ("constant expression required"), "Xn!" where a register goes (GNU reads Xn and
    /// then wants a comma); a shift's refusal belongs to the register it shifts (GNU's operand).
    /// </summary>
    static int SyntaxOf(OperandKind kind, ReadOnlySpan<Operand> operands, int next, OperandMatch match, ref EncodeState st)
    {
        var op = operands[next];
        if (match == OperandMatch.WrongShape && st.Error.Kind is EncodeErrorKind.Expected or EncodeErrorKind.RegisterType)
        {
            if (op is SymbolOperand { Modifier: RelocModifier.None } && TakesConstant(kind))
                st.Error = new EncodeError { Kind = EncodeErrorKind.Text, Text = "constant expression required", Operand = next + 1 };
            else if (op is WritebackRegOperand && GnuRegisterWords.For(kind, st.Word) is not null)
            {
                st.Error = new EncodeError { Kind = EncodeErrorKind.Missing, Operand = next + 1 };
                return st.Error.Rank(match, next + 2);
            }
        }
        int position = op is ShiftOperand && next > 0 ? next : next + 1;
        bool registerForValue = match == OperandMatch.WrongShape && st.Error.Kind == EncodeErrorKind.Expected && op is RegOperand;
        return st.Error.Rank(match, position, registerForValue);
    }

    /// <summary>The index of a shift past 0..63 among the operand at <paramref name="next"/> and the
    /// <paramref name="extra"/> after it (what the row read), or null.</summary>
    static int? ReadsOutOfRangeShift(ReadOnlySpan<Operand> operands, int next, int extra)
    {
        for (int i = next; i <= next + extra && i < operands.Length; i++)
            if (operands[i] is ShiftOperand { Amount: ShiftOperand.OutOfRange }) return i;
        return null;
    }

    /// <summary>Kinds that take only a number (no symbol, no relocation): GNU wants a constant expression there.</summary>
    static bool TakesConstant(OperandKind kind) => kind is OperandKind.UImm or OperandKind.UImmX or OperandKind.SImm
        or OperandKind.Nzcv or OperandKind.VShr or OperandKind.VShl or OperandKind.TbBit or OperandKind.LslImm
        or OperandKind.BfizLsb or OperandKind.BfxWidth or OperandKind.BfizWidth or OperandKind.Rot4 or OperandKind.Rot2
        or OperandKind.FixedShift or OperandKind.ByteImm or OperandKind.UImmScaled or OperandKind.IsbOpt;

    /// <summary>Whether a register of class <paramref name="given"/> is of the type <paramref name="kind"/> takes,
    /// in another width (w for x, s for d): GNU reads the whole row before it names that ("operand mismatch").</summary>
    static bool SameRegisterType(OperandKind kind, RegClass given) =>
        kind is OperandKind.Fp ? IsFpScalar(given) : given is RegClass.W or RegClass.X;

    internal static bool IsFpScalar(RegClass c) => c is RegClass.B or RegClass.H or RegClass.S or RegClass.D or RegClass.Q;

    /// <summary>
    /// Per row, a cheap pre-check before trying its operands: how many source operands it can take (optional
    /// operands and the kinds that read two source operands widen it) and the register class its first operand needs (mnemonics such
    /// as ldr have dozens of rows; most differ in the first register's class).
    /// </summary>
    static readonly (byte Min, byte Max, byte FirstReg)[] OperandCountBounds = ComputeBounds();

    static (byte Min, byte Max, byte FirstReg)[] ComputeBounds()
    {
        var rows = FormTable.Rows;
        var bounds = new (byte, byte, byte)[rows.Length];
        for (int i = 0; i < rows.Length; i++)
        {
            int min = 0, max = 0;
            foreach (var spec in rows[i].Operands)
            {
                if (!spec.Optional) min++;
                max += OperandKinds.Info(spec.Kind).MaxWritten;
            }
            byte firstReg = NoClass;
            if (rows[i].Operands.Length > 0 && !rows[i].Operands[0].Optional)
            {
                var first = rows[i].Operands[0];
                firstReg = first.Kind switch
                {
                    OperandKind.W or OperandKind.Wsp => (byte)RegClass.W,
                    OperandKind.X or OperandKind.Xsp => (byte)RegClass.X,
                    OperandKind.Fp => (byte)OperandEncoder.FpClass(first.Param),
                    _ => NoClass,
                };
            }
            bounds[i] = ((byte)min, (byte)max, firstReg);
        }
        return bounds;
    }

    static void ApplyDefault(OperandSpec spec, ref EncodeState st)
    {
        foreach (var f in spec.Fields) st.Word = f.Insert(st.Word, 0);
        if (spec.Default != 0) st.Word = spec.F0.Insert(st.Word, (uint)spec.Default);
    }
}
