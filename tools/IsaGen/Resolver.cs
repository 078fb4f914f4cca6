using System.Numerics;

namespace IsaGen;

/// <summary>Completes alias rows from their targets and checks the table (the lint).</summary>
static class Resolver
{
    static readonly HashSet<string> RegisterSlots = ["Rd", "Rn", "Rm", "Ra", "Rt", "Rt2", "Rs"];

    public static void ResolveAliases(Table table)
    {
        var forms = new Dictionary<string, Row>();
        foreach (var r in table.Rows)
        {
            if (r.IsAlias) continue;
            if (!forms.TryAdd(r.Id, r)) table.Errors.Add($"{r.Source}: duplicate id {r.Id}");
        }
        var aliasIds = new HashSet<string>();
        foreach (var a in table.Rows.Where(r => r.IsAlias))
        {
            if (!aliasIds.Add(a.Id) || forms.ContainsKey(a.Id)) table.Errors.Add($"{a.Source}: duplicate id {a.Id}");
            if (!forms.TryGetValue(a.Target!, out var target))
            {
                table.Errors.Add($"{a.Source}: alias {a.Id} names missing target {a.Target}");
                continue;
            }
            a.Mask = target.Mask;
            a.Value = target.Value;
            a.Excludes = new(target.Excludes);
            a.Fields = new(target.Fields);
            a.Layout = new(target.Layout);
            a.Feature = a.Feature == "base" ? target.Feature : a.Feature;
            string assignments = a.Picture;
            a.Picture = target.Picture;
            foreach (var tok in assignments.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                int eq = tok.IndexOf('=');
                var f = eq < 0 ? null : target.FindField(tok[..eq]);
                if (f is null) { table.Errors.Add($"{a.Source}: bad assignment '{tok}' (target {target.Id} has no such field)"); continue; }
                uint v = TableParser.ParseFieldValue(tok[(eq + 1)..], f.Width);
                a.Mask |= f.Mask;
                a.Value = (a.Value & ~f.Mask) | ((v << f.Lsb) & f.Mask);
                a.Fields.Remove(f);
                int at = a.Layout.FindIndex(t => t.Name == f.Name && t.Fixed is null);
                if (at >= 0) a.Layout[at] = a.Layout[at] with { Fixed = v & (f.Mask >> f.Lsb) };
            }
        }
    }

    public static void Lint(Table table)
    {
        var kinds = table.Kinds.ToDictionary(k => k.Name);
        foreach (var r in table.Rows)
        {
            var bound = new HashSet<string>();
            foreach (var op in r.Operands)
            {
                if (!kinds.TryGetValue(op.Kind, out var kind)) { table.Errors.Add($"{r.Source}: {r.Id}: unknown operand kind {op.Kind}"); continue; }
                if (kind.Arity >= 0 && op.Fields.Count != kind.Arity)
                    table.Errors.Add($"{r.Source}: {r.Id}: {op.Kind} binds {kind.Arity} field(s), got {op.Fields.Count}");
                foreach (var f in op.Fields)
                {
                    if (r.FindField(f) is null) table.Errors.Add($"{r.Source}: {r.Id}: operand {op.Text} names unknown field {f}");
                    bound.Add(f);
                }
            }
            foreach (var f in r.Fields)
                if (!bound.Contains(f.Name)) table.Errors.Add($"{r.Source}: {r.Id}: unused field {f.Name}");
            if (!r.IsAlias && r.Condition != "None") table.Errors.Add($"{r.Source}: {r.Id}: only aliases take when=");
        }
        LintOverlaps(table);
    }

    /// <summary>
    /// Two real forms may share words only when one is strictly more specific (its fixed bits include the other's):
    /// the decoder then tries the specific one first, as qemu's {} groups do. Anything else is ambiguous.
    /// </summary>
    static void LintOverlaps(Table table)
    {
        var forms = table.Rows.Where(r => !r.IsAlias).ToList();
        for (int i = 0; i < forms.Count; i++)
        for (int j = i + 1; j < forms.Count; j++)
        {
            var a = forms[i];
            var b = forms[j];
            uint common = a.Mask & b.Mask;
            if (((a.Value ^ b.Value) & common) != 0) continue;
            bool aInB = (a.Mask & b.Mask) == b.Mask && a.Mask != b.Mask; // a more specific
            bool bInA = (a.Mask & b.Mask) == a.Mask && a.Mask != b.Mask;
            if (aInB || bInA) continue;
            if (a.Excludes.Count > 0 || b.Excludes.Count > 0)
                if (DisjointByExcludes(a, b)) continue;
            table.Errors.Add($"{a.Source}: {a.Id} overlaps {b.Id} ({b.Source}) and neither is more specific");
        }
    }

    /// <summary>True when every word of a is excluded from b or vice versa (checked on the excluded fields).</summary>
    static bool DisjointByExcludes(Row a, Row b)
    {
        foreach (var (m, v) in b.Excludes)
            if ((a.Mask & m) == m && (a.Value & m) == v) return true;
        foreach (var (m, v) in a.Excludes)
            if ((b.Mask & m) == m && (b.Value & m) == v) return true;
        return false;
    }

    public static bool IsRegisterSlot(string field) => RegisterSlots.Contains(field);

    public static int Specificity(Row r) => BitOperations.PopCount(r.Mask) + r.Excludes.Count;
}
