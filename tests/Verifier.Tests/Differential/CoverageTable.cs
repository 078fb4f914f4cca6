using System.Text;

namespace A64Asm.Verifier.Tests.Differential;

/// <summary>The per-group counts as the Markdown table the README carries.</summary>
internal static class CoverageTable
{
    public static string Format(IReadOnlyList<GroupCount> counts)
    {
        var sb = new StringBuilder();
        sb.AppendLine("| group (table @class) | forms | drawn from | covered | words | sequences |");
        sb.AppendLine("|---|---:|---:|---:|---:|---:|");
        foreach (var c in counts)
            sb.AppendLine($"| {c.Class} | {c.Forms} | {c.Drawable} | {c.Covered} | {c.Words} | {c.Sequences} |");
        sb.Append($"| total | {counts.Sum(c => c.Forms)} | {counts.Sum(c => c.Drawable)} | {counts.Sum(c => c.Covered)} | {counts.Sum(c => c.Words)} | {DifferentialProgram.Sequences} |");
        return sb.ToString();
    }
}
