using System.Diagnostics;

namespace A64Asm.Assembler.Tests.Preprocessing;

/// <summary>
/// Runs GNU cpp in assembler mode (aarch64-linux-gnu-gcc -E -P -x assembler-with-cpp) and compares token
/// sequences line by line. Missing gcc fails the test when CI=true; elsewhere the test returns early.
/// </summary>
internal static class GccOracle
{
    const string Compiler = "aarch64-linux-gnu-gcc";

    static readonly Lazy<string?> CompilerPath = new(() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin").Split(':').Append("/usr/bin")
            .Select(d => Path.Combine(d, Compiler)).FirstOrDefault(File.Exists));

    /// <summary>False (after saying why) when gcc is missing outside CI; in CI a missing gcc fails the test.</summary>
    public static bool Available() => OracleTools.Require(Oracle.GnuGcc);

    /// <summary>gcc's output lines, each as its tokens joined by single spaces; blank lines dropped.</summary>
    public static List<string> Preprocess(string file, IEnumerable<string> args)
    {
        var psi = new ProcessStartInfo(CompilerPath.Value!)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // gcc does not predefine __ASSEMBLY__; a64asm does (the kernel's build passes it), so tell gcc too.
        foreach (var a in new[] { "-E", "-P", "-x", "assembler-with-cpp", "-D__ASSEMBLY__" }.Concat(args).Append(file))
            psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var stderr = p.StandardError.ReadToEndAsync();
        string stdout = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, $"gcc failed: {stderr.Result}");
        return Normalize(stdout.Split('\n'));
    }

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
