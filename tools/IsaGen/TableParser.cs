using System.Text.RegularExpressions;

namespace IsaGen;

/// <summary>Reads the .isa text files: instruction rows, operand kinds and side tables.</summary>
static partial class TableParser
{
    [GeneratedRegex(@"\{([^{}]*)\}")]
    private static partial Regex TemplateGroup();

    [GeneratedRegex(@"^([A-Za-z][A-Za-z0-9]*)(?:\.(\w+))?\(([^()]*)\)(\?(?:=(-?\d+))?)?$")]
    private static partial Regex OperandSyntax();

    public static void ParseInstructions(Table table, string path, string text)
    {
        string cls = "misc";
        // "@class name feat=X": X for the class's forms that name no feature (FP and AdvSIMD classes: fp, simd).
        string classFeature = "base";
        var lines = text.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            string line = StripComment(lines[i]).Trim();
            if (line.Length == 0) continue;
            string where = $"{Path.GetFileName(path)}:{i + 1}";
            if (line.StartsWith("@class "))
            {
                var words = line[7..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
                cls = words[0];
                classFeature = "base";
                foreach (var word in words.Skip(1))
                {
                    if (word.StartsWith("feat=", StringComparison.Ordinal) && word.Length > 5) classFeature = word[5..];
                    else table.Errors.Add($"{where}: expected `@class name [feat=X]`, not '{word}'");
                }
                continue;
            }
            foreach (var expanded in ExpandTemplates(line, where, table.Errors))
            {
                try
                {
                    var row = ParseRow(expanded, cls, where);
                    // An alias keeps its target's feature unless it names one (Resolver).
                    if (!row.IsAlias && row.Feature == "base") row.Feature = classFeature;
                    table.Rows.Add(row);
                }
                catch (FormatException e) { table.Errors.Add($"{where}: {e.Message}"); }
            }
        }
    }

    public static void ParseOperandKinds(Table table, string path, string text)
    {
        var lines = text.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            string line = StripComment(lines[i]).Trim();
            if (line.Length == 0) continue;
            int q = line.IndexOf('"');
            var head = (q < 0 ? line : line[..q]).Split(' ', StringSplitOptions.RemoveEmptyEntries);
            int written = 1;
            int close = q < 0 ? -1 : line.IndexOf('"', q + 1);
            string tail = close < 0 ? "" : line[(close + 1)..].Trim();
            string? mode = tail.StartsWith("mode=", StringComparison.Ordinal) ? tail[5..] : null;
            if (head.Length is not (2 or 3) || close < 0 || !int.TryParse(head[1], out int arity)
                || (head.Length == 3 && (!int.TryParse(head[2], out written) || written is < 1 or > 2))
                || (tail.Length > 0 && mode is not ("offset" or "pre" or "post")))
            {
                table.Errors.Add($"{Path.GetFileName(path)}:{i + 1}: expected `Kind arity [written 1|2] \"description\" [mode=offset|pre|post]`");
                continue;
            }
            table.Kinds.Add(new OperandKindDef(head[0], arity, written, line[(q + 1)..close], mode));
        }
    }

    /// <summary>Side tables: `@table name w1,w2,...` then `name v1:v2:... [flag]` rows, packed by the widths.</summary>
    public static void ParseSideTables(Table table, string path, string text)
    {
        string? current = null;
        int[] widths = [];
        var lines = text.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            string line = StripComment(lines[i]).Trim();
            if (line.Length == 0) continue;
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts[0] == "@table")
            {
                current = parts[1];
                widths = parts.Length > 2 ? parts[2].Split(',').Select(int.Parse).ToArray() : [32];
                continue;
            }
            if (current is null) { table.Errors.Add($"{path}:{i + 1}: row before @table"); continue; }
            var values = parts[1].Split(':');
            if (values.Length != widths.Length)
            {
                table.Errors.Add($"{Path.GetFileName(path)}:{i + 1}: {parts[0]} has {values.Length} values, table {current} wants {widths.Length}");
                continue;
            }
            long packed = 0;
            for (int k = 0; k < values.Length; k++)
            {
                long v = ParseNumber(values[k]);
                if (v < 0 || v >= 1L << widths[k]) table.Errors.Add($"{Path.GetFileName(path)}:{i + 1}: {parts[0]} value {v} does not fit {widths[k]} bits");
                packed = (packed << widths[k]) | v;
            }
            string[] features = [];
            foreach (string flag in parts.Skip(2))
            {
                // Trailing flags: noreg = the operation takes no register (ic iallu, tlbi vmalle1); ro / wo = a system
                // register mrs only reads / msr only writes; deprecated = GNU warns on the name; pstate = a system register
                // that is also a PSTATE field (GNU's msr complains of the field); feat=a+b = needs all.
                if (SideFlagBits.TryGetValue(flag, out long bit)) packed |= bit;
                else if (flag.StartsWith("feat=")) features = flag[5..].Split('+');
                else table.Errors.Add($"{Path.GetFileName(path)}:{i + 1}: {parts[0]}: unknown flag '{flag}'");
            }
            table.Side.Add(new SideEntry(current, parts[0], packed, features));
        }
    }

    // Above every packed value (the widest, a system register, has 16 bits); SideTables.cs reads the same bits.
    static readonly Dictionary<string, long> SideFlagBits = new()
    {
        ["ro"] = 1L << 16, ["wo"] = 1L << 17, ["deprecated"] = 1L << 18, ["pstate"] = 1L << 19, ["noreg"] = 1L << 20,
    };

    static long ParseNumber(string s) =>
        s.StartsWith("0x") ? Convert.ToInt64(s[2..], 16) : long.Parse(s);

    // '#' starts a comment except inside a quoted description, where it is syntax ("or #imm").
    static string StripComment(string line)
    {
        bool quoted = false;
        for (int i = 0; i < line.Length; i++)
        {
            if (line[i] == '"') quoted = !quoted;
            else if (line[i] == '#' && !quoted) return line[..i];
        }
        return line;
    }

    /// <summary>`{a|b}` groups expand in parallel: every group on a line must offer the same number of choices.</summary>
    static IEnumerable<string> ExpandTemplates(string line, string where, List<string> errors)
    {
        var groups = TemplateGroup().Matches(line);
        if (groups.Count == 0) { yield return line; yield break; }
        int n = groups[0].Groups[1].Value.Split('|').Length;
        foreach (Match g in groups)
        {
            if (g.Groups[1].Value.Split('|').Length != n)
            {
                errors.Add($"{where}: template groups have different numbers of choices");
                yield break;
            }
        }
        for (int k = 0; k < n; k++)
            yield return TemplateGroup().Replace(line, m => m.Groups[1].Value.Split('|')[k]);
    }

    static Row ParseRow(string line, string cls, string where)
    {
        var sections = line.Split('|').Select(s => s.Trim()).ToArray();
        var head = sections[0].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        bool isAlias = head[0] == "alias";
        if (isAlias) head = head[1..];
        if (head.Length < 2) throw new FormatException("expected `Id mnemonic | picture | operands`");
        var row = new Row { Id = head[0], Mnemonic = head[1], Class = cls, Source = where, IsAlias = isAlias };
        if (isAlias)
        {
            if (head.Length != 4 || head[2] != "->") throw new FormatException("expected `alias Id mnemonic -> Target | assignments | operands`");
            row.Target = head[3];
            if (sections.Length < 3) throw new FormatException("alias needs `| assignments | operands`");
            row.Picture = sections[1];
        }
        else
        {
            if (sections.Length < 3) throw new FormatException("form needs `| picture | operands`");
            ParsePicture(row, sections[1]);
        }
        row.Operands = ParseOperands(sections[2]);
        if (sections.Length > 3) ParseAttributes(row, sections[3]);
        return row;
    }

    static void ParsePicture(Row row, string picture)
    {
        row.Picture = picture;
        int bit = 32;
        foreach (var token in picture.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            int colon = token.IndexOf(':'), eq = token.IndexOf('=');
            if (colon < 0 && eq < 0)
            {
                row.Layout.Add(new PictureToken(null, bit - token.Length, token.Length, token.Any(c => c == 'x') ? null : Convert.ToUInt32(token, 2), []));
                foreach (char c in token)
                {
                    bit--;
                    if (c == '1') { row.Mask |= 1u << bit; row.Value |= 1u << bit; }
                    else if (c == '0') row.Mask |= 1u << bit;
                    else if (c != 'x') throw new FormatException($"bad picture token '{token}'");
                }
                continue;
            }
            if (colon < 0)
            {
                // name=bits: fixed bits that keep their name (for `explain`).
                string bits = token[(eq + 1)..];
                bit -= bits.Length;
                uint v = Convert.ToUInt32(bits, 2);
                uint m = (bits.Length == 32 ? uint.MaxValue : (1u << bits.Length) - 1) << bit;
                row.Mask |= m;
                row.Value |= v << bit;
                row.Layout.Add(new PictureToken(token[..eq], bit, bits.Length, v, []));
                continue;
            }
            string name = token[..colon];
            string rest = token[(colon + 1)..];
            // name:width!=bits{!=bits}: words whose field matches one of the patterns (x = any) are not this form.
            var notPatterns = rest.Split("!=");
            int width = int.Parse(notPatterns[0]);
            bit -= width;
            var field = new Field(name, bit, width);
            if (row.FindField(name) is not null) throw new FormatException($"field '{name}' appears twice");
            row.Fields.Add(field);
            row.Layout.Add(new PictureToken(name, bit, width, null, notPatterns.Skip(1).ToList()));
            foreach (var pattern in notPatterns.Skip(1))
            {
                if (pattern.Length != width) throw new FormatException($"'{pattern}' does not have {width} bits");
                uint m = 0, v = 0;
                for (int k = 0; k < width; k++)
                {
                    char c = pattern[width - 1 - k];
                    if (c == 'x') continue;
                    m |= 1u << k;
                    if (c == '1') v |= 1u << k;
                    else if (c != '0') throw new FormatException($"bad pattern '{pattern}'");
                }
                row.Excludes.Add((m << bit, v << bit));
            }
        }
        if (bit != 0) throw new FormatException($"picture covers {32 - bit} bits, not 32");
    }

    /// <summary>Binary when it has exactly the field's width in 0/1 digits, else decimal.</summary>
    public static uint ParseFieldValue(string text, int width)
    {
        if (text.Length == width && text.All(c => c is '0' or '1')) return Convert.ToUInt32(text, 2);
        return uint.Parse(text);
    }

    static List<OperandUse> ParseOperands(string text)
    {
        var result = new List<OperandUse>();
        if (text.Length == 0) return result;
        int depth = 0, start = 0;
        for (int i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && text[i] == '(') depth++;
            else if (i < text.Length && text[i] == ')') depth--;
            else if (i == text.Length || (text[i] == ',' && depth == 0))
            {
                string op = text[start..i].Trim();
                var m = OperandSyntax().Match(op);
                if (!m.Success) throw new FormatException($"bad operand '{op}'");
                var fields = m.Groups[3].Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
                result.Add(new OperandUse(
                    m.Groups[1].Value,
                    m.Groups[2].Success ? ParseParam(m.Groups[2].Value) : 0,
                    m.Groups[4].Success,
                    m.Groups[5].Success ? int.Parse(m.Groups[5].Value) : 0,
                    fields, op));
                start = i + 1;
            }
        }
        return result;
    }

    /// <summary>Kind parameters: a number, or a vector arrangement named as in assembly (values of the Arrangement enum).</summary>
    static readonly string[] Arrangements = ["", "8b", "16b", "4h", "8h", "2s", "4s", "1d", "2d", "1q", "b", "h", "s", "d", "q", "4b", "2h"];

    static int ParseParam(string text)
    {
        if (int.TryParse(text, out int n)) return n;
        int a = Array.IndexOf(Arrangements, text);
        if (a <= 0) throw new FormatException($"bad kind parameter '{text}'");
        return a;
    }

    static void ParseAttributes(Row row, string text)
    {
        foreach (var token in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            int eq = token.IndexOf('=');
            if (eq < 0) throw new FormatException($"bad attribute '{token}'");
            string key = token[..eq], value = token[(eq + 1)..];
            switch (key)
            {
                case "feat": row.Feature = value; break;
                case "prio": row.Priority = int.Parse(value); break;
                case "when": row.Condition = value; break;
                case "asm": row.Assemblable = value == "yes" || (value == "no" ? false : throw new FormatException($"asm={value}: yes or no")); break;
                default: throw new FormatException($"unknown attribute '{key}'");
            }
        }
    }
}
