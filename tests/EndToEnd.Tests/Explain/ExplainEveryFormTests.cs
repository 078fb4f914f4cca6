using A64Asm.Isa;
using A64Asm.Isa.Decoding;
using A64Asm.Isa.Explain;

namespace A64Asm.EndToEnd.Tests.Explain;

/// <summary>Every form of the table can be explained: its picture parses to 32 bits and every operand field has a meaning.</summary>
public class ExplainEveryFormTests
{
    [Fact]
    public void Every_decodable_form_explains_with_fields_covering_the_word()
    {
        var failures = new List<string>();
        int explained = 0;
        for (int index = 1; index < FormTable.FormCount; index++)
        {
            var form = FormTable.Rows[index];
            // The form's fixed bits with every operand field zero, then with them all ones: one of them decodes.
            foreach (uint word in new[] { form.Value, form.Value | ~form.Mask })
            {
                var ins = A64Decoder.Decode(word);
                if (ins.Code != form.Code) continue;
                if (!InstructionExplainer.TryExplain(word, null, out var e))
                {
                    failures.Add($"{form.Code}: 0x{word:x8} decodes but does not explain");
                    break;
                }
                int bits = e.Fields.Sum(f => f.Field.Width);
                if (bits != 32) failures.Add($"{form.Code}: fields cover {bits} bits");
                foreach (var f in e.Fields.Where(f => !f.Field.IsFixed && f.Meaning == "not an operand of this form"))
                    failures.Add($"{form.Code}: field {f.Name} is bound by no operand");
                Assert.NotEmpty(ExplainText.Render(e));
                explained++;
                break;
            }
        }
        Assert.Empty(failures);
        Assert.True(explained > FormTable.FormCount / 2, $"only {explained} of {FormTable.FormCount - 1} forms decoded from their own fixed bits");
    }
}
