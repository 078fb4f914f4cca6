using A64Asm.Isa.Formatting;
using Xunit.Sdk;

namespace A64Asm.Isa.Tests;

/// <summary>The generated per-row layout (what explain reads) agrees with the row's mask, value and operands.</summary>
public class FormLayoutTests
{
    [Fact]
    public void Every_layout_covers_the_word_and_agrees_with_mask_value_and_operands()
    {
        var failures = new List<string>();
        for (int i = 1; i < FormTable.Rows.Length; i++)
        {
            var row = FormTable.Rows[i];
            if (row.Index != i) failures.Add($"{row.Id}: Index {row.Index} at position {i}");
            int next = 31;
            uint fixedMask = 0, fixedValue = 0;
            foreach (var f in row.Layout)
            {
                if (f.Msb != next) failures.Add($"{row.Id}: field {f.Name} starts at bit {f.Msb}, expected {next}");
                next = f.Lsb - 1;
                if (f.Fixed is uint v)
                {
                    fixedMask |= f.Ref.Mask;
                    fixedValue |= v << f.Lsb;
                }
            }
            if (next != -1) failures.Add($"{row.Id}: layout ends above bit 0");
            if (fixedMask != row.Mask || fixedValue != row.Value)
                failures.Add($"{row.Id}: fixed fields give {fixedMask:x8}/{fixedValue:x8}, row has {row.Mask:x8}/{row.Value:x8}");
            var operandFields = row.Operands.SelectMany(o => o.Fields).ToHashSet();
            // Unnamed bits without a value are the picture's x (ignored, as objdump ignores them): no operand's.
            var free = row.Layout.Where(f => !f.IsFixed && f.Name is not null).Select(f => f.Ref).ToHashSet();
            if (!free.SetEquals(operandFields)) failures.Add($"{row.Id}: free fields are not the operands' fields");
        }
        if (failures.Count > 0) throw new XunitException(string.Join("\n", failures.Take(40)));
    }

    [Fact]
    public void An_alias_has_its_own_id_and_shows_the_fields_it_assigns_as_fixed()
    {
        var mov = FormTable.ById("MOV_64_orr")!;
        Assert.True(mov.IsAlias);
        Assert.Equal(Code.ORR_64_imm, mov.Code);
        var rn = mov.Layout.Single(f => f.Name == "Rn");
        Assert.Equal((5, 5, (uint?)31), (rn.Lsb, rn.Width, rn.Fixed));
        Assert.Null(FormTable.Rows[(int)Code.ORR_64_imm].Layout.Single(f => f.Name == "Rn").Fixed);
        Assert.Null(FormTable.ById("NO_SUCH_ROW"));
        Assert.Same(FormTable.Rows[(int)Code.ORR_64_imm], FormTable.ById("ORR_64_imm"));
    }

    [Fact]
    public void A_word_prints_through_any_row_that_matches_it()
    {
        const uint word = 0xaa0103e0; // orr x0, xzr, x1
        Assert.Equal("orr\tx0, xzr, x1", A64Formatter.Format(FormTable.ById("ORR_64_shift")!, word, 0));
        Assert.Equal("mov\tx0, x1", A64Formatter.Format(FormTable.ById("MOV_64_reg")!, word, 0));
        Assert.Equal("mov\tx0, x1", A64Formatter.Format(word, 0));
        Assert.Throws<ArgumentException>(() => A64Formatter.Format(FormTable.ById("ADD_64_imm")!, word, 0));
    }
}
