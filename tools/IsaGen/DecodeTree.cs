using System.Numerics;
using System.Text;

namespace IsaGen;

/// <summary>
/// Builds the decoder's decision tree: switch on bits every remaining form fixes; when none is shared,
/// split on the bit most forms fix (forms that leave it open go both ways); leaves try forms most specific first.
/// </summary>
static class DecodeTree
{
    const int MaxSwitchBits = 8;

    // Subtrees this many switches deep become methods of their own: one method for the whole tree took the JIT
    // seconds to compile on the first decode, while a decode only ever needs the few methods on its path.
    const int MethodDepth = 2;

    public static void Emit(StringBuilder sb, List<Row> forms, out int leaves, out int maxLeaf)
    {
        leaves = 0;
        maxLeaf = 0;
        var pending = new Queue<(string Name, List<Row> Set, uint Decided)>();
        pending.Enqueue(("Lookup", forms, 0));
        int methods = 0;
        while (pending.TryDequeue(out var method))
        {
            if (methods++ > 0) sb.AppendLine();
            sb.AppendLine($"    {(method.Name == "Lookup" ? "internal" : "private")} static ushort {method.Name}(uint w)");
            sb.AppendLine("    {");
            EmitNode(sb, method.Set, method.Decided, 2, 0, method.Name, pending, ref leaves, ref maxLeaf);
            sb.AppendLine("    }");
        }
    }

    static void EmitNode(StringBuilder sb, List<Row> set, uint decided, int indent, int depth, string path,
        Queue<(string Name, List<Row> Set, uint Decided)> pending, ref int leaves, ref int maxLeaf)
    {
        string pad = new(' ', indent * 4);
        if (set.Count == 0) { sb.AppendLine($"{pad}return 0;"); return; }
        uint chosen = ChooseBits(set, decided);
        if (chosen == 0)
        {
            leaves++;
            maxLeaf = Math.Max(maxLeaf, set.Count);
            var ordered = set.OrderByDescending(Resolver.Specificity).ThenBy(r => r.Index).ToList();
            sb.AppendLine($"{pad}return Pick(w, [{string.Join(", ", ordered.Select(r => r.Index))}]); // {string.Join(" ", ordered.Select(r => r.Id))}");
            return;
        }
        var bits = Enumerable.Range(0, 32).Where(b => (chosen >> b & 1) != 0).OrderByDescending(b => b).ToList();
        var groups = new SortedDictionary<uint, List<Row>>();
        int n = bits.Count;
        for (uint v = 0; v < 1u << n; v++)
        {
            uint pattern = Spread(v, bits);
            var members = set.Where(r => ((r.Value ^ pattern) & r.Mask & chosen) == 0).ToList();
            if (members.Count > 0) groups[v] = members;
        }
        sb.AppendLine($"{pad}switch ({ExtractExpr(bits)})");
        sb.AppendLine($"{pad}{{");
        // Cases with identical member lists share a body.
        var bodies = groups.GroupBy(g => string.Join(",", g.Value.Select(r => r.Index)));
        foreach (var body in bodies)
        {
            foreach (var g in body) sb.AppendLine($"{pad}    case 0x{g.Key:x}:");
            sb.AppendLine($"{pad}    {{");
            var members = body.First().Value;
            string childPath = $"{path}_{body.First().Key:x}";
            if (depth + 1 == MethodDepth && ChooseBits(members, decided | chosen) != 0)
            {
                sb.AppendLine($"{pad}        return {childPath}(w);");
                pending.Enqueue((childPath, members, decided | chosen));
            }
            else
                EmitNode(sb, members, decided | chosen, indent + 2, depth + 1, childPath, pending, ref leaves, ref maxLeaf);
            sb.AppendLine($"{pad}    }}");
        }
        sb.AppendLine($"{pad}    default: return 0;");
        sb.AppendLine($"{pad}}}");
    }

    static uint ChooseBits(List<Row> set, uint decided)
    {
        if (set.Count <= 1) return 0;
        uint common = ~decided;
        foreach (var r in set) common &= r.Mask;
        uint differing = 0;
        foreach (var r in set) differing |= (r.Value ^ set[0].Value) & common;
        if (differing != 0) return TopBits(differing, MaxSwitchBits);
        // No bit fixed by all: split on the undecided bit fixed by the most forms, with both values present.
        int bestBit = -1, bestCount = 0;
        for (int b = 0; b < 32; b++)
        {
            if ((decided >> b & 1) != 0) continue;
            int count = 0, ones = 0;
            foreach (var r in set)
                if ((r.Mask >> b & 1) != 0) { count++; ones += (int)(r.Value >> b & 1); }
            if (ones == 0 || ones == count) continue;
            if (count > bestCount) { bestCount = count; bestBit = b; }
        }
        if (bestBit < 0 || bestCount == set.Count) return bestBit < 0 ? 0 : 1u << bestBit;
        // Splitting duplicates the forms that leave the bit open; stop when that gains nothing.
        int open = set.Count - bestCount;
        return bestCount > open ? 1u << bestBit : 0;
    }

    static uint TopBits(uint bits, int max)
    {
        uint result = 0;
        for (int b = 31; b >= 0 && BitOperations.PopCount(result) < max; b--)
            if ((bits >> b & 1) != 0) result |= 1u << b;
        return result;
    }

    static uint Spread(uint v, List<int> bitsDescending)
    {
        uint pattern = 0;
        int n = bitsDescending.Count;
        for (int i = 0; i < n; i++)
            if ((v >> (n - 1 - i) & 1) != 0) pattern |= 1u << bitsDescending[i];
        return pattern;
    }

    /// <summary>C# expression packing the chosen bits (descending) into a small integer.</summary>
    static string ExtractExpr(List<int> bitsDescending)
    {
        var runs = new List<(int Lsb, int Width)>();
        foreach (int b in bitsDescending)
        {
            if (runs.Count > 0 && runs[^1].Lsb == b + 1) runs[^1] = (b, runs[^1].Width + 1);
            else runs.Add((b, 1));
        }
        var parts = new List<string>();
        int shift = bitsDescending.Count;
        foreach (var (lsb, width) in runs)
        {
            shift -= width;
            string field = $"((w >> {lsb}) & 0x{(1u << width) - 1:x})";
            parts.Add(shift == 0 ? field : $"({field} << {shift})");
        }
        return string.Join(" | ", parts);
    }
}
