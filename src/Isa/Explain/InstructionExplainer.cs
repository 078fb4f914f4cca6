using System.Text;
using A64Asm.Isa.Decoding;
using A64Asm.Isa.Formatting;
using A64Asm.Isa.Model;

namespace A64Asm.Isa.Explain;

/// <summary>
/// Builds an <see cref="EncodingExplanation"/> from the table alone: the decoder picks the form, the form's
/// generated layout gives the fields, and the operand that binds each field (same bit range) gives its meaning.
/// </summary>
public static class InstructionExplainer
{
    /// <summary>
    /// Explains <paramref name="word"/>. <paramref name="writtenMnemonic"/> is the mnemonic the user typed, when
    /// the word came from assembly text: if it names an alias of the decoded form, that alias is the row shown.
    /// Returns false for a word the table does not allocate.
    /// </summary>
    public static bool TryExplain(uint word, string? writtenMnemonic, out EncodingExplanation explanation, ulong pc = 0)
    {
        var ins = A64Decoder.Decode(word);
        if (!ins.IsValid)
        {
            explanation = null!;
            return false;
        }
        var form = FormTable.Rows[(int)ins.Code];
        var preferred = A64Formatter.PreferredRow(ins.Code, word);
        var written = WrittenRow(ins.Code, word, writtenMnemonic) ?? preferred;
        string formText = RowFormatter.Format(form, word, pc);
        string text = RowFormatter.Format(written, word, pc);
        string preferredText = RowFormatter.Format(preferred, word, pc);

        var operandTexts = RowFormatter.OperandTexts(form, word, pc);
        var fields = new List<FieldExplanation>();
        foreach (var field in form.Layout)
        {
            uint value = field.ValueIn(word);
            string meaning = field.IsFixed ? FixedMeaning(field) : OperandMeaning(form, field, in ins, operandTexts, pc);
            fields.Add(new FieldExplanation(field, value, field.BitsIn(word), meaning));
        }
        explanation = new EncodingExplanation(word, form, written, text, formText,
            preferredText == text ? null : preferredText, fields);
        return true;
    }

    static FormInfo? WrittenRow(Code code, uint word, string? mnemonic)
    {
        if (mnemonic is null) return null;
        foreach (ushort index in FormTable.Candidates(mnemonic.ToLowerInvariant()))
        {
            var row = FormTable.Rows[index];
            bool sameForm = row.IsAlias ? row.Target == code : row.Code == code;
            if (sameForm && row.Matches(word)) return row;
        }
        return null;
    }

    static string FixedMeaning(EncodingField field) =>
        field.Name is null ? "fixed opcode bits" : $"fixed: {field.Name} = {field.FixedBits}";

    static string OperandMeaning(FormInfo form, EncodingField field, in Instruction ins, IReadOnlyList<string?> operandTexts, ulong pc)
    {
        for (int k = 0; k < form.Operands.Length; k++)
        {
            var spec = form.Operands[k];
            for (int i = 0; i < spec.Fields.Length; i++)
                if (spec.Fields[i] == field.Ref)
                    return FieldMeanings.Describe(spec, i, ins, operandTexts[k], pc);
        }
        // The picture's x bits: the decoder (like objdump) takes any value, the assembler writes 0.
        if (field.Name is null) return "ignored: any value decodes as this form, the assembler writes 0";
        // A field no operand binds (e.g. one an alias fixes): its value is all there is to say.
        return "not an operand of this form";
    }
}
