using System.Text;
using System.Text.RegularExpressions;

namespace A64Asm.Fuzz;

/// <summary>Mutations of a real source: lines dropped, repeated, swapped or replaced, numbers swapped for edge values,
/// characters flipped, token runs duplicated (the kind of growth that once took gigabytes), truncation.</summary>
public sealed partial class TextMutator(FuzzRandom r)
{
    readonly StatementGenerator _statements = new(r);
    const int MaxLength = 1 << 20;

    [GeneratedRegex(@"(?<![\w.])(0x[0-9a-fA-F]+|\d+)(?![\w])")]
    private static partial Regex NumberToken();

    public string Mutate(string text)
    {
        var lines = text.Split('\n').ToList();
        int mutations = r.Next(1, 6);
        for (int i = 0; i < mutations && lines.Count > 0; i++)
        {
            int at = r.Next(lines.Count);
            switch (r.Next(10))
            {
                case 0:
                    lines.RemoveRange(at, Math.Min(lines.Count - at, r.Next(1, 20)));
                    break;
                case 1:
                    lines.InsertRange(at, Enumerable.Repeat(lines[at], r.Count(3, 2000)));
                    break;
                case 2:
                    (lines[at], lines[r.Next(lines.Count)]) = (lines[r.Next(lines.Count)], lines[at]);
                    break;
                case 3 or 4:
                    lines[at] = ReplaceNumber(lines[at]);
                    break;
                case 5:
                    lines.Insert(at, _statements.Statement());
                    break;
                case 6:
                    lines[at] = FlipCharacter(lines[at]);
                    break;
                case 7:
                    lines[at] = DuplicateSpan(lines[at]);
                    break;
                case 8:
                    lines.RemoveRange(at, lines.Count - at);
                    break;
                default:
                    lines[at] = lines[at] + r.Pick(new[] { " \\", " /*", "\"", ")", "(", ",", " #", " ;", "\\@", "\t\\" });
                    break;
            }
        }
        string result = string.Join('\n', lines);
        return result.Length > MaxLength ? result[..MaxLength] : result;
    }

    string ReplaceNumber(string line)
    {
        var matches = NumberToken().Matches(line);
        if (matches.Count == 0)
            return line;
        var m = matches[r.Next(matches.Count)];
        return line[..m.Index] + r.Number() + line[(m.Index + m.Length)..];
    }

    string FlipCharacter(string line)
    {
        if (line.Length == 0)
            return r.Pick(new[] { "\\", "#", "\"", "(" });
        var sb = new StringBuilder(line);
        sb[r.Next(sb.Length)] = r.Chance(0.8) ? r.Pick(new[] { '(', ')', '[', ']', '"', '\\', ',', '#', '\'', '-', '~', ';', ':', '@', '%', ' ' }) : (char)r.Next(1, 0x3000);
        return sb.ToString();
    }

    string DuplicateSpan(string line)
    {
        if (line.Length < 2)
            return line;
        int start = r.Next(line.Length - 1);
        int length = r.Next(1, Math.Min(40, line.Length - start) + 1);
        int times = r.Count(4, 30000);
        return line[..start] + string.Concat(Enumerable.Repeat(line.Substring(start, length), times)) + line[start..];
    }
}
