namespace A64Asm.Assembler.Tests.Preprocessing;

/// <summary>
/// GNU cpp in assembler mode (aarch64-linux-gnu-gcc -E -P -x assembler-with-cpp) as the oracle, and the token
/// comparison of its lines with ours.
/// </summary>
internal static class GccOracle
{
    /// <summary>gcc's output lines, each as its tokens joined by single spaces; blank lines dropped.</summary>
    public static List<string> Preprocess(string file, IEnumerable<string> args) =>
        // gcc does not predefine __ASSEMBLY__; a64asm does (the kernel's build passes it), so tell gcc too.
        Normalize(Gnu.Check("gcc", ["-E", "-P", "-x", "assembler-with-cpp", "-D__ASSEMBLY__", .. args, file]).Stdout.Split('\n'));

    public static List<string> Normalize(IEnumerable<string> lines) =>
        lines.Select(l => string.Join(" ", Tokens(l))).Where(l => l.Length > 0).ToList();

    static readonly string[] Puncts =
    [
        "<<=", ">>=", "...", "->", "++", "--", "<<", ">>", "<=", ">=", "==", "!=", "&&", "||",
        "*=", "/=", "%=", "+=", "-=", "&=", "^=", "|=", "##",
    ];

    /// <summary>A small independent C tokenizer: enough to compare outputs without trusting the one under test.</summary>
    public static IEnumerable<string> Tokens(string line)
    {
        int i = 0;
        while (i < line.Length)
        {
            char c = line[i];
            if (char.IsWhiteSpace(c)) { i++; continue; }
            int start = i;
            if (char.IsLetterOrDigit(c) || c == '_' || c == '$' || (c == '.' && i + 1 < line.Length && char.IsDigit(line[i + 1])))
            {
                bool number = char.IsDigit(c) || c == '.';
                i++;
                while (i < line.Length && (char.IsLetterOrDigit(line[i]) || line[i] == '_' || line[i] == '$'
                       || (number && (line[i] == '.' || ((line[i] == '+' || line[i] == '-') && "eEpP".Contains(line[i - 1]))))))
                    i++;
            }
            else if (c == '"' || c == '\'')
            {
                i++;
                while (i < line.Length && line[i] != c)
                    i += line[i] == '\\' ? 2 : 1;
                i = Math.Min(i + 1, line.Length);
            }
            else
                i += Puncts.FirstOrDefault(p => string.CompareOrdinal(line, i, p, 0, p.Length) == 0)?.Length ?? 1;
            yield return line[start..i];
        }
    }
}
