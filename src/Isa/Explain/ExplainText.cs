using System.Text;

namespace A64Asm.Isa.Explain;

/// <summary>The teaching view as text: form and syntax, the word in binary grouped by field, each field, the alias relation.</summary>
public static class ExplainText
{
    public static string Render(EncodingExplanation e)
    {
        var sb = new StringBuilder();
        sb.Append(e.Text).Append('\n');
        sb.Append("form:    ").Append(e.FormId).Append("  ").Append(e.Form.Syntax)
          .Append("  [").Append(e.Form.Feature.ToString().ToLowerInvariant()).Append("]\n");
        if (e.WrittenAsAlias)
            sb.Append("syntax:  ").Append(e.Written.Syntax).Append('\n');
        sb.Append("word:    0x").Append(e.Word.ToString("x8")).Append('\n');
        sb.Append('\n');
        AppendDiagram(sb, e.Fields);
        sb.Append('\n');
        AppendFieldTable(sb, e.Fields);
        sb.Append('\n');
        sb.Append("alias:   ").Append(AliasLine(e)).Append('\n');
        return sb.ToString();
    }

    /// <summary>Three aligned rows: the msb of each field, its bits, its name.</summary>
    static void AppendDiagram(StringBuilder sb, IReadOnlyList<FieldExplanation> fields)
    {
        var msbs = new StringBuilder("  ");
        var bits = new StringBuilder("  ");
        var names = new StringBuilder("  ");
        foreach (var f in fields)
        {
            int width = Math.Max(Math.Max(f.Bits.Length, f.Name.Length), f.Field.Msb.ToString().Length);
            msbs.Append(f.Field.Msb.ToString().PadRight(width + 1));
            bits.Append(f.Bits.PadRight(width + 1));
            names.Append(f.Name.PadRight(width + 1));
        }
        sb.Append(msbs.ToString().TrimEnd()).Append('\n');
        sb.Append(bits.ToString().TrimEnd()).Append('\n');
        sb.Append(names.ToString().TrimEnd()).Append('\n');
    }

    static void AppendFieldTable(StringBuilder sb, IReadOnlyList<FieldExplanation> fields)
    {
        int nameWidth = fields.Max(f => f.Name.Length);
        int rangeWidth = fields.Max(f => f.Field.Range.Length);
        int valueWidth = fields.Max(f => f.Bits.Length + 3 + f.Value.ToString().Length);
        foreach (var f in fields)
        {
            string value = $"{f.Bits} = {f.Value}";
            sb.Append("  ").Append(f.Name.PadRight(nameWidth)).Append(' ')
              .Append(f.Field.Range.PadRight(rangeWidth)).Append(" = ")
              .Append(value.PadRight(valueWidth)).Append(" → ").Append(f.Meaning).Append('\n');
        }
    }

    static string AliasLine(EncodingExplanation e)
    {
        if (e.WrittenAsAlias)
            return $"`{e.Text}` is an alias of `{e.FormText}` ({e.FormId})";
        if (e.PreferredText is not null)
            return $"`{e.Text}` is the form itself; its preferred disassembly is the alias `{e.PreferredText}`";
        return "none (this form is printed as itself)";
    }
}
