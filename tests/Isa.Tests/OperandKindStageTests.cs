using A64Asm.Isa.Decoding;
using A64Asm.Isa.Encoding;
using A64Asm.Isa.Explain;
using A64Asm.Isa.Formatting;
using A64Asm.Isa.Model;
using A64Asm.Isa.Tests.Support;
using Xunit.Sdk;

namespace A64Asm.Isa.Tests;

/// <summary>
/// Operand kinds have one declaration (operands.isa → <see cref="OperandKinds.All"/>) and four stages that act on
/// them. Every row of the table, forms and aliases, goes through each stage's per-operand entry point with words of
/// that row: a kind some stage has no case for throws <see cref="UnhandledOperandKindException"/> there and fails
/// the test, and every kind a row uses must have done real work in each stage (decoded, printed, explained, and
/// encoded back to its word through that very row, from the text the assembler's parser and operand converter
/// read: the fifth stage).
/// </summary>
public class OperandKindStageTests
{
    const int Seed = 20261206;
    const int WordsPerRow = 24;
    static readonly string[] Stages = ["decoder", "formatter", "explainer", "encoder"];

    [Fact]
    public void Kinds_are_declared_once_in_enum_order_and_each_is_used_by_a_row()
    {
        var values = Enum.GetValues<OperandKind>();
        Assert.Equal(values.Length, OperandKinds.All.Length);
        for (int i = 0; i < values.Length; i++)
            Assert.Equal((OperandKind)i, OperandKinds.All[i].Kind);
        var unused = values.Except(UsedKinds()).ToList();
        Assert.True(unused.Count == 0, "declared in operands.isa but used by no row: " + string.Join(", ", unused));
    }

    [Fact]
    public void Every_row_goes_through_every_stage_and_every_kind_does_work_in_each()
    {
        var rng = new Random(Seed);
        var failures = new List<string>();
        var worked = Stages.ToDictionary(s => s, _ => new HashSet<OperandKind>());
        // Random words reach every row; the vector words add the named values (dc/ic/at operations, PSTATE
        // fields) that random fields rarely hit.
        var vectorWords = McVectors.All().Select(v => v.Word).Distinct().ToArray();
        for (int index = 1; index < FormTable.Rows.Length; index++)
        {
            var row = FormTable.Rows[index];
            var words = Enumerable.Range(0, WordsPerRow)
                .Select(_ => (row.Value & row.Mask) | ((uint)rng.NextInt64(0, 1L << 32) & ~row.Mask))
                .Concat(vectorWords);
            foreach (uint w in words)
            {
                if (!row.Matches(w)) continue;
                try { RunStages(row, w, worked); }
                catch (UnhandledOperandKindException e) { failures.Add($"{row.Id} 0x{w:x8}: {e.Message}"); break; }
            }
        }
        foreach (var stage in Stages)
            foreach (var kind in UsedKinds().Except(worked[stage]))
                failures.Add($"{kind}: no row instance did real work in the {stage}");
        if (failures.Count > 0)
            throw new XunitException($"{failures.Count} failures:\n" + string.Join("\n", failures.Take(60)));
    }

    /// <summary>The check the test above relies on: a kind no stage knows is refused by name in each of them.</summary>
    [Fact]
    public void A_kind_no_stage_knows_is_refused_by_each_stage()
    {
        var unknown = (OperandKind)200;
        var spec = new OperandSpec(unknown, 0, false, 0, [new FieldRef(0, 5)], [Slot.None]);
        var row = new FormInfo(Code.Invalid, "Fake", 0, "fake", 0, 0, [], [spec], Feature.Base, Code.Invalid, 0,
            AliasCondition.None, "fake", "", []);
        Assert.Equal("decoder", Assert.Throws<UnhandledOperandKindException>(() =>
        {
            var ins = new Instruction();
            OperandDecoder.DecodeAll(row, 0, ref ins);
        }).Stage);
        Assert.Equal("formatter", Assert.Throws<UnhandledOperandKindException>(() => A64Formatter.Format(row, 0, 0)).Stage);
        Assert.Equal("explainer", Assert.Throws<UnhandledOperandKindException>(() =>
            FieldMeanings.Describe(spec, 0, new Instruction(), null, 0)).Stage);
        var e = Assert.Throws<UnhandledOperandKindException>(() =>
        {
            var st = new EncodeState();
            A64Encoder.TryRow(row, [new Operands.ImmOperand(0)], ref st);
        });
        Assert.Equal("encoder", e.Stage);
        Assert.Equal("operand kind 200 is not handled by the encoder", e.Message);
        Assert.Throws<UnhandledOperandKindException>(() => OperandKinds.Describe(unknown));
    }

    static void RunStages(FormInfo row, uint w, Dictionary<string, HashSet<OperandKind>> worked)
    {
        var ins = new Instruction { Word = w, Code = row.Code };
        if (OperandDecoder.DecodeAll(row, w, ref ins))
            foreach (var spec in row.Operands) worked["decoder"].Add(spec.Kind);

        string text = A64Formatter.Format(row, w, 0);
        var texts = RowFormatter.OperandTexts(row, w, 0);
        for (int k = 0; k < row.Operands.Length; k++)
        {
            var spec = row.Operands[k];
            if (texts[k] is not null) worked["formatter"].Add(spec.Kind);
            bool explained = spec.Fields.Length == 0;
            for (int i = 0; i < spec.Fields.Length; i++)
                explained |= FieldMeanings.Describe(spec, i, in ins, texts[k], 0).Length > 0;
            if (explained) worked["explainer"].Add(spec.Kind);
        }

        // The text back through this row's own operand checks (not the first row of the mnemonic that takes it).
        List<Operands.Operand> operands;
        try { (_, operands) = ProductParser.Parse(text); }
        catch (Assembler.Diagnostics.AsmError) { return; }
        var st = new EncodeState { Word = row.Value };
        if (A64Encoder.TryRow(row, operands.ToArray(), ref st) == int.MaxValue && SameInstruction(row, st.Word, w))
            foreach (var spec in row.Operands) worked["encoder"].Add(spec.Kind);
    }

    /// <summary>Equal words, or words the row decodes alike (logical immediates with unused immr bits).</summary>
    static bool SameInstruction(FormInfo row, uint a, uint b)
    {
        if (a == b) return true;
        Instruction x = default, y = default;
        return OperandDecoder.DecodeAll(row, a, ref x) && OperandDecoder.DecodeAll(row, b, ref y) && x.Equals(y);
    }

    static IEnumerable<OperandKind> UsedKinds() =>
        FormTable.Rows.Skip(1).SelectMany(r => r.Operands).Select(s => s.Kind).Distinct();
}
