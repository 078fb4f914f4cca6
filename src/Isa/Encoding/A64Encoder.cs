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
            error = $"unknown mnemonic '{mnemonic}'";
            return false;
        }
        EncodeError best = default;
        int bestScore = -1;
        string? registerRefusal = null;
        int refusedOperand = -1;
        int count = operands.Length;
        var bounds = OperandCountBounds;
        foreach (ushort index in candidates)
        {
            var row = FormTable.Rows[index];
            var b = bounds[index];
            if (count < b.Min || count > b.Max)
            {
                if (bestScore < 0) { bestScore = 0; best = count > b.Max ? Surplus : new EncodeError { Kind = EncodeErrorKind.Count }; }
                continue;
            }
            if (b.FirstReg != NoClass && count > 0 && operands[0] is RegOperand first && (byte)first.Reg.Class != b.FirstReg)
            {
                // What the full check would say: the first operand has the wrong register class.
                if (bestScore < 1) { bestScore = 1; best = new EncodeError { Kind = EncodeErrorKind.Expected, Expected = row.Operands[0].Kind, Operand = 1 }; }
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
            if (score > bestScore) { bestScore = score; best = st.Error; }
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
    static readonly EncodeError Surplus = new() { Kind = EncodeErrorKind.Text, Text = "unexpected characters following instruction" };

    /// <summary>GNU as's words for "[base]!" where the form needs an offset to add.</summary>
    public const string MissingPreIndexOffset = "missing offset in the pre-indexed address";

    /// <summary>Returns int.MaxValue on success, else how far the row got (for picking the closest error).</summary>
    internal static int TryRow(FormInfo row, ReadOnlySpan<Operand> operands, ref EncodeState st)
    {
        var specs = row.Operands;
        int next = 0;
        for (int k = 0; k < specs.Length; k++)
        {
            var spec = specs[k];
            if (next >= operands.Length)
            {
                if (spec.Optional) { ApplyDefault(spec, ref st); st.RegisterLeftOut |= spec.Kind is OperandKind.X; continue; }
                st.Error = new EncodeError { Kind = EncodeErrorKind.Count };
                return k * 2;
            }
            st.Extra = 0;
            var match = OperandEncoder.Encode(spec, operands[next], operands, next, ref st);
            if (match == OperandMatch.WrongShape && spec.Optional)
            {
                ApplyDefault(spec, ref st);
                continue;
            }
            if (match != OperandMatch.Ok)
            {
                st.Error.Operand = next + 1;
                st.Error.InAddress = OperandKinds.All[(int)spec.Kind].Mode is not null;
                return k * 2 + (match == OperandMatch.BadValue ? 1 : 0);
            }
            if (st.NameNeeds is not null && st.NameOperand == 0) st.NameOperand = next + 1;
            next += 1 + st.Extra;
        }
        if (next != operands.Length)
        {
            st.Error = Surplus;
            return specs.Length * 2;
        }
        // GNU as: an operation that names its address needs the register, one that does not refuses it.
        if (st.OperationRegister != 0 && st.RegisterLeftOut == (st.OperationRegister > 0))
        {
            st.Error = new EncodeError { Kind = EncodeErrorKind.Text, Operand = st.RegisterLeftOut ? 1 : 2,
                Text = st.RegisterLeftOut ? "missing register" : "extraneous register" };
            return specs.Length * 2 + 1;
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
